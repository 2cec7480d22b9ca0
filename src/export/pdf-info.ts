import { ExportError } from '../model/errors.js';
import { runTool } from './run-tool.js';

/** Page count of a PDF, read with `pdfinfo`. */
export async function pdfPageCount(file: string): Promise<number> {
  const r = await runTool('pdfinfo', [file], { timeoutMs: 30_000 });
  const m = /^Pages:\s+(\d+)/m.exec(r.stdout);
  if (r.code !== 0 || !m)
    throw new ExportError(
      'pdf-unreadable',
      `Unreadable PDF \`${file}\`: pdfinfo said \`${r.stderr.trim() || `exit ${r.code}`}\``,
    );
  return Number(m[1]);
}
