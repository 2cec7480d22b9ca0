import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const BIN = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Cruise a small tree of files with the project's own rule set; returns the rules that failed. */
function cruise(files: Record<string, string>): { status: number | null; rules: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefdeck-walls-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { moduleResolution: 'Bundler' } }));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  // As `npm run lint` runs it: the exit status is the number of errors.
  const env = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
  const r = spawnSync(process.execPath, [BIN, 'src', '--config', CONFIG], { cwd: dir, encoding: 'utf8', env });
  const plain = r.stdout.replace(/\u001b\[[0-9;]*m/g, '');
  const rules = [...plain.matchAll(/^\s*error ([\w-]+):/gm)].map((m) => m[1]);
  return { status: r.status, rules: [...new Set(rules)].sort() };
}

const ok = 'export const x = 1;\n';

describe('the folder walls (npm run lint)', () => {
  it('pass on a tree that keeps to its floors', () => {
    const r = cruise({
      'src/model/deck.ts': ok,
      'src/util/plural.ts': ok,
      'src/plan/plan.ts':
        "import { x } from '../model/deck.js';\nimport { x as y } from '../util/plural.js';\nexport const z = x + y;\n",
      'src/render/render.ts': "import PptxGenJS from 'pptxgenjs';\nexport const p = PptxGenJS;\n",
    });
    expect(r).toEqual({ status: 0, rules: [] });
  });

  it.each([
    ['model-is-plain-data', { 'src/model/deck.ts': "import { x } from '../plan/plan.js';\nexport const y = x;\n" }],
    [
      'util-imports-only-util',
      { 'src/util/plural.ts': "import { x } from '../model/deck.js';\nexport const y = x;\n" },
    ],
    ['no-cli-from-below', { 'src/history/diff.ts': "import { x } from '../cli/output.js';\nexport const y = x;\n" }],
    ['pptxgenjs-only-in-render', { 'src/export/pdf.ts': "import P from 'pptxgenjs';\nexport const y = P;\n" }],
    ['no-folder-cycles', { 'src/plan/plan.ts': "import { x } from '../render/render.js';\nexport const y = x;\n" }],
  ])('fail on one forbidden import: %s', (rule, change) => {
    const r = cruise({
      'src/model/deck.ts': ok,
      'src/util/plural.ts': ok,
      'src/cli/output.ts': ok,
      'src/plan/plan.ts': ok,
      'src/render/render.ts': "import { x } from '../plan/plan.js';\nexport const y = x;\n",
      ...change,
    });
    expect(r.status).not.toBe(0);
    expect(r.rules).toContain(rule);
  });
});
