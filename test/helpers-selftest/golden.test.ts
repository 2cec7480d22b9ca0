import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { matchGolden } from '../helpers/golden.js';

const dir = mkdtempSync(path.join(tmpdir(), 'briefdeck-golden-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => path.join(dir, `${name}.md`);

describe('matchGolden', () => {
  it('fails on a missing golden file under CI, and writes nothing', () => {
    expect(() => matchGolden(file('ci'), 'new\n', { CI: 'true' })).toThrow(/missing golden file .*npm run test:update/);
    expect(existsSync(file('ci'))).toBe(false);
  });

  it('writes a missing golden file off CI (CI unset, false or 0), and passes', () => {
    for (const CI of [undefined, 'false', '0']) {
      matchGolden(file(`local-${CI}`), 'new\n', { CI });
      expect(readFileSync(file(`local-${CI}`), 'utf8')).toBe('new\n');
    }
  });

  it('fails when the output differs from the golden file, under CI or not, and leaves the file alone', () => {
    writeFileSync(file('old'), 'old\n');
    for (const env of [{}, { CI: 'true' }]) expect(() => matchGolden(file('old'), 'new\n', env)).toThrow();
    expect(readFileSync(file('old'), 'utf8')).toBe('old\n');
    matchGolden(file('old'), 'old\n', { CI: 'true' });
  });

  it('rewrites the golden file under UPDATE=1, even under CI', () => {
    writeFileSync(file('update'), 'old\n');
    matchGolden(file('update'), 'new\n', { UPDATE: '1', CI: 'true' });
    expect(readFileSync(file('update'), 'utf8')).toBe('new\n');
  });
});
