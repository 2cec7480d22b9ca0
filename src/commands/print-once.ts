import type { Diagnostic } from '../model/diagnostic.js';
import { formatDiagnostic } from '../util/format-diagnostic.js';

/**
 * A filter for a run over many decks: a diagnostic already shown for an
 * earlier deck is left out. A deck's own problems name its own files, so
 * only what decks share repeats: a template refused, or a font it stands in
 * for, is printed once per run instead of once per deck.
 */
export function oncePerRun(): (ds: readonly Diagnostic[]) => Diagnostic[] {
  const shown = new Set<string>();
  return (ds) =>
    ds.filter((d) => {
      const key = formatDiagnostic(d);
      if (shown.has(key)) return false;
      shown.add(key);
      return true;
    });
}
