import type { DeckOptions } from '../build.js';
import { ExportError } from '../model/errors.js';

export interface ExportOptions {
  pdf: boolean;
  png: boolean;
  /** Export again even when the .pptx did not change. */
  force?: boolean;
}

export interface ExportOutcome {
  slug: string;
  skipped: boolean;
  pdf?: string;
  pngs?: string[];
  contactSheet?: string;
  error?: string;
}

/** Export built decks (PDF through LibreOffice, PNG thumbnails, contact sheet, gallery). */
export async function exportDecks(_slugs: readonly string[], _opts: DeckOptions, _e: ExportOptions): Promise<ExportOutcome[]> {
  throw new ExportError('export-unavailable', 'Export is not implemented yet');
}
