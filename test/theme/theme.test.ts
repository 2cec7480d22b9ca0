import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listThemes, loadTheme } from '../../src/theme/load-theme.js';
import { contrastRatio } from '../../src/util/contrast.js';
import { REPO_THEMES } from '../helpers/decks.js';

function themesWith(name: string, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'themes-'));
  writeFileSync(path.join(dir, `${name}.yaml`), text);
  return dir;
}

describe('themes', () => {
  it('ships at least two valid themes', async () => {
    const names = await listThemes(REPO_THEMES);
    expect(names).toEqual(expect.arrayContaining(['briefing-light', 'briefing-dark']));
    for (const n of names) {
      const r = await loadTheme(REPO_THEMES, n);
      expect(r.diagnostics, n).toEqual([]);
      expect(r.theme?.name).toBe(n);
    }
  });

  it('computes WCAG contrast', () => {
    expect(contrastRatio('000000', 'FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('777777', 'FFFFFF')).toBeCloseTo(4.48, 2);
  });

  it('refuses low-contrast text at the line of the colour', async () => {
    const dir = themesWith('pale', 'colors:\n  background: "#FFFFFF"\n  text: "#AAAAAA"\n');
    const r = await loadTheme(dir, 'pale');
    expect(r.theme).toBeUndefined();
    expect(
      r.diagnostics.map((d) => `${d.code} ${path.basename(d.position.file)}:${d.position.line}:${d.position.column}`),
    ).toContain('low-contrast pale.yaml:3:3');
    expect(r.diagnostics[0].message).toMatch(/contrast 2\.\d\d:1 .* expected at least 4\.5:1 for body text/);
  });

  it('refuses a font it cannot measure', async () => {
    const dir = themesWith('fancy', 'fonts:\n  body: Comic Sans MS\n');
    const r = await loadTheme(dir, 'fancy');
    expect(r.diagnostics.map((d) => `${d.code}:${d.position.line}`)).toEqual(['unmeasurable-font:2']);
  });

  it('reports schema errors with file and line', async () => {
    const dir = themesWith('bad', 'sizes:\n  body: large\n');
    const r = await loadTheme(dir, 'bad');
    expect(
      r.diagnostics.map((d) => `${d.code} ${path.basename(d.position.file)}:${d.position.line}:${d.position.column}`),
    ).toEqual(['invalid-field bad.yaml:2:9']);
    expect(r.diagnostics[0].message).toContain('`sizes.body`');
  });

  it('normalises a logo with sharp and refuses one outside the themes folder', async () => {
    const dir = themesWith('logo', 'logo: logo.svg\n');
    writeFileSync(
      path.join(dir, 'logo.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="navy"/></svg>',
    );
    const ok = await loadTheme(dir, 'logo');
    expect(ok.diagnostics).toEqual([]);
    expect(ok.theme!.logo!.width / ok.theme!.logo!.height).toBeCloseTo(2, 1);
    const out = themesWith('escape', 'logo: ../logo.png\n');
    expect((await loadTheme(out, 'escape')).diagnostics.map((d) => d.code)).toEqual(['logo-outside-themes']);
  });

  it('accepts JSON themes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'themes-'));
    copyFileSync(path.join(REPO_THEMES, 'briefing-light.yaml'), path.join(dir, 'x.yaml'));
    writeFileSync(path.join(dir, 'mono.json'), JSON.stringify({ colors: { accent: '#000000' } }));
    expect((await loadTheme(dir, 'mono')).theme?.colors.accent).toBe('000000');
  });
});
