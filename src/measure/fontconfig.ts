import { execFileSync } from 'node:child_process';
import { faceKey, type FontRef } from './font-files.js';

/** The fonts installed on this machine, as far as measuring is concerned. */
export interface SystemFonts {
  /**
   * The faces installed under the family name `face` (fontconfig's `fc-list`:
   * exact family names only, never a fallback); none when fontconfig is not
   * installed. The caller still checks each file's own family name.
   */
  familyFiles(face: string): readonly FontRef[];
  /**
   * The family fontconfig would draw `face` with (`fc-match`, always an answer, often a fallback), for messages;
   * `undefined` without fontconfig.
   */
  substitute(face: string): string | undefined;
}

export interface FontconfigCommands {
  fcList?: string;
  fcMatch?: string;
}

/**
 * `SystemFonts` over fontconfig's command-line tools, which is how
 * LibreOffice finds fonts on Linux. Each answer is cached for the life of the
 * instance (a call costs ~10 ms), so a font installed while `watch` runs is
 * seen after a restart. Without fontconfig (macOS without Homebrew's, a
 * minimal container) every answer is empty: the system step is skipped,
 * nothing crashes.
 */
export function fontconfig(commands: FontconfigCommands = {}): SystemFonts {
  const fcList = commands.fcList ?? 'fc-list';
  const fcMatch = commands.fcMatch ?? 'fc-match';
  const lists = new Map<string, readonly FontRef[]>();
  const matches = new Map<string, string | undefined>();
  let missing = false;
  const run = (command: string, args: string[]): string | undefined => {
    if (missing) return undefined;
    try {
      return execFileSync(command, args, {
        encoding: 'utf8',
        timeout: 10_000,
        maxBuffer: 8 << 20,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') missing = true;
      return undefined;
    }
  };
  return {
    familyFiles(face) {
      const key = faceKey(face);
      let refs = lists.get(key);
      if (!refs) {
        refs = usable(face) ? parseList(run(fcList, ['-f', '%{file}\t%{index}\n', pattern(face)]) ?? '') : [];
        lists.set(key, refs);
      }
      return refs;
    },
    substitute(face) {
      const key = faceKey(face);
      if (!matches.has(key)) {
        const out = usable(face) ? run(fcMatch, ['-f', '%{family[0]}', pattern(face)]) : undefined;
        matches.set(key, out?.trim() || undefined);
      }
      return matches.get(key);
    },
  };
}

/** The process's fontconfig, shared so every font set reuses its answers. */
export const systemFonts: SystemFonts = fontconfig();

/** A family name as a fontconfig pattern: `-`, `:`, `,`, `=` and `\` would start a size, property or list. */
const pattern = (face: string): string => face.trim().replace(/[\\\-:,=]/g, '\\$&');

/** Control characters cannot be in a family name (and NUL cannot be in an argument). */
const usable = (face: string): boolean => face.trim() !== '' && !/[\u0000-\u001f\u007f]/.test(face);

/** `file\tindex` lines; a variable font's named instances (index ≥ 65536) are the same face to HarfBuzz. */
function parseList(out: string): FontRef[] {
  const seen = new Set<string>();
  const refs: FontRef[] = [];
  for (const line of out.split('\n')) {
    const tab = line.lastIndexOf('\t');
    if (tab <= 0) continue;
    const file = line.slice(0, tab);
    const index = (Number(line.slice(tab + 1)) || 0) & 0xffff;
    if (seen.has(`${index}\u0000${file}`)) continue;
    seen.add(`${index}\u0000${file}`);
    refs.push({ file, index });
  }
  return refs.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.index - b.index));
}
