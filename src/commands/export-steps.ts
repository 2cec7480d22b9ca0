import { plural } from '../util/plural.js';
import type { Progress } from '../cli/progress.js';
import type { ExportStep } from '../export/export-decks.js';

/** Export steps in words: LibreOffice's PDF run is the long one (seconds per deck), so its clock ticks. */
export function showStep(bar: Progress, s: ExportStep): void {
  if (s.step === 'pdf')
    bar.step(`PDF of ${s.decks.length === 1 ? s.decks[0] : plural(s.decks.length, 'deck')} (LibreOffice)`);
  else if (s.step === 'thumbnails') bar.step(`${s.slug}: thumbnails and contact sheet`, s.done, s.total);
  else bar.step('gallery (index.html)');
}
