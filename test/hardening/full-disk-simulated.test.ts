import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildDecks } from '../../src/build-all.js';
import { formatDiagnostic } from '../../src/util/format-diagnostic.js';
import { deckOpts, makeContent } from '../helpers/decks.js';

/**
 * The system errors a shared job meets (a full disk, too many open files),
 * injected where the file system would raise them: for machines where
 * deck-failures.test.ts cannot mount a small tmpfs, and for EMFILE, which no
 * descriptor limit reaches reliably before Node's own module loading does.
 */
const inject = vi.hoisted(() => ({ code: '', pathPart: '', errno: 0 }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const guard = (file: unknown, syscall: string) => {
    if (inject.code && String(file).includes(inject.pathPart)) {
      throw Object.assign(new Error(`${inject.code}: simulated, ${syscall} '${String(file)}'`), {
        code: inject.code,
        errno: inject.errno,
        syscall,
        path: String(file),
      });
    }
  };
  const writeFile: typeof real.writeFile = async (file, ...rest) => (
    guard(file, 'write'), real.writeFile(file, ...rest)
  );
  const open: typeof real.open = async (file, ...rest) => (guard(file, 'open'), real.open(file, ...rest));
  return { ...real, default: { ...real, writeFile, open }, writeFile, open };
});

const section = (t: string) => `# ${t}\n\n- about ${t}\n`;

describe("system errors are the deck's error, the run goes on (simulated)", () => {
  it('ENOSPC writing one deck: that deck fails naming the file and the cause, the next deck builds', async () => {
    const c = makeContent({
      full: { files: { '01-a.md': section('A') } },
      room: { files: { '01-a.md': section('B') } },
    });
    Object.assign(inject, { code: 'ENOSPC', errno: -28, pathPart: `${path.sep}.full.pptx.` });
    try {
      const [full, room] = await buildDecks(['full', 'room'], deckOpts(c), { toolVersion: 't' });
      expect(full.diagnostics.map(formatDiagnostic)).toEqual([
        `${path.join(c.out, 'full.pptx')}:1:1 error Unwritable \`${path.join(c.out, 'full.pptx')}\`: no space left on the device (ENOSPC); the previous file is unchanged (fix: free space, fix the output folder's permissions or move what is in the way, then build again) [output-unwritable]`,
      ]);
      expect(room.diagnostics).toEqual([]);
      expect(existsSync(path.join(c.out, 'room.pptx'))).toBe(true);
      expect(existsSync(path.join(c.out, 'full.pptx'))).toBe(false);
    } finally {
      inject.code = '';
    }
  });

  it('EMFILE opening one section: that deck fails naming the section, the next deck builds', async () => {
    const c = makeContent({
      many: { files: { '01-a.md': section('A'), '02-b.md': section('B') } },
      other: { files: { '01-a.md': section('C') } },
    });
    Object.assign(inject, { code: 'EMFILE', errno: -24, pathPart: `${path.sep}many${path.sep}02-b.md` });
    try {
      const [many, other] = await buildDecks(['many', 'other'], deckOpts(c), { toolVersion: 't' });
      expect(many.diagnostics.map((d) => `${d.code} ${path.basename(d.position.file)}: ${d.message}`)).toEqual([
        `section-unreadable 02-b.md: Unreadable \`${path.join(c.content, 'many', '02-b.md')}\`: too many open files in this process (EMFILE)`,
      ]);
      expect(other.diagnostics).toEqual([]);
    } finally {
      inject.code = '';
    }
  });
});
