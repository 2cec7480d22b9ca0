import { spawnSync } from 'node:child_process';

const APT: Record<string, string> = {
  soffice: 'libreoffice-impress',
  pdftoppm: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  chromium: 'chromium',
  pandoc: 'pandoc',
  'fc-list': 'fontconfig',
  'fc-match': 'fontconfig',
};

/**
 * Whether external tools are on PATH. A missing tool skips the tests that
 * need it, loudly; under CI (where .ci/run installs them) it fails instead,
 * so a green CI run always means the real tools ran.
 */
export function haveTools(...tools: string[]): boolean {
  const missing = tools.filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
  if (missing.length === 0) return true;
  const install = [...new Set(missing.map((t) => APT[t] ?? t))].join(' ');
  const msg = `${missing.join(', ')} not installed: run \`apt-get install -y ${install}\` (.ci/run does)`;
  if (process.env.CI) throw new Error(`CI must run these tests, but ${msg}`);
  console.warn(`\n*** SKIPPED: ${msg} ***\n`);
  return false;
}
