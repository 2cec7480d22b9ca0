import type { Diagnostic } from '../model/diagnostic.js';
import type { Slide } from '../model/deck.js';
import { dim, green, printDiagnostics, red, sortDiagnostics, type Output } from '../cli/output.js';
import { plural } from '../util/plural.js';
import { hasErrors } from '../model/diagnostic.js';
import { escapeControl } from '../util/control-chars.js';
import { INTERNAL_CODE, internalErrorDetail, internalErrorLine, type InternalError } from '../util/internal-error.js';

/** What a report line needs of a checked or built deck (a CheckResult, or a build run's DeckBuildOutcome). */
interface Reported {
  slug: string;
  diagnostics: readonly Diagnostic[];
  deck?: { slides: readonly Pick<Slide, 'title' | 'continuation'>[] };
  /** A bug in briefdeck hit while processing this deck. */
  internal?: InternalError;
}

/** A deck's diagnostics, then the stack of an internal error, on stderr. */
export function printDeckProblems(o: Output, r: Reported): void {
  printDiagnostics(
    o,
    r.diagnostics.filter((d) => d.code !== INTERNAL_CODE),
  );
  if (r.internal) o.err(internalErrorDetail(r.internal));
}

/** `Title (cont.)` slides and why, for the summary line. */
export function continuations(r: Reported): { count: number; reasons: Record<string, number> } {
  const reasons: Record<string, number> = {};
  let count = 0;
  for (const s of r.deck?.slides ?? []) {
    if (!s.continuation) continue;
    count++;
    reasons[s.continuation.reason] = (reasons[s.continuation.reason] ?? 0) + 1;
  }
  return { count, reasons };
}

/** One line per deck: what a person scanning a terminal needs. */
export function deckLine(o: Output, r: Reported & { ms?: number; slides?: number }, verb: string): string {
  const slug = escapeControl(r.slug); // a deck folder's name is the user's; its line stays one line
  if (r.internal) return `${red(o.color, '✗')}${internalErrorLine(slug, r.internal, '')}`;
  const warnings = r.diagnostics.filter((d) => d.severity === 'warning').length;
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  if (hasErrors(r.diagnostics))
    return `${red(o.color, '✗')} ${slug}  ${red(o.color, plural(errors, 'error'))}${warnings ? `, ${plural(warnings, 'warning')}` : ''}  (nothing written)`;
  const c = continuations(r);
  const why = Object.entries(c.reasons)
    .map(([reason, n]) => `${n}× ${reason}`)
    .join('; ');
  const parts = [plural(r.deck?.slides.length ?? r.slides ?? 0, 'slide')];
  if (c.count > 0) parts.push(`${c.count} continued: ${why}`);
  if (r.ms !== undefined) parts.push(`${Math.round(r.ms)} ms`);
  parts.push(plural(warnings, 'warning'));
  return `${green(o.color, '✓')} ${slug}  ${verb}  ${dim(o.color, parts.join(' · '))}`;
}

export function deckJson(r: Reported & { ms?: number; file?: string; slides?: number; skipped?: boolean }) {
  const c = continuations(r);
  return {
    deck: r.slug,
    ok: !hasErrors(r.diagnostics),
    slides: r.deck?.slides.length ?? r.slides ?? 0,
    upToDate: r.skipped ?? false,
    titles: r.deck?.slides.map((s) => s.title) ?? [],
    continuations: c,
    file: r.file,
    ms: r.ms === undefined ? undefined : Math.round(r.ms),
    diagnostics: sortDiagnostics(r.diagnostics),
    ...(r.internal ? { internalError: r.internal } : {}),
  };
}

/** An export that failed: `✗ <deck>  export failed: …`, or a bug's line with its stack. */
export function printExportFailure(o: Output, e: { slug: string; error?: string; internal?: InternalError }): void {
  if (e.internal) {
    o.err(`${red(o.color, '✗')}${internalErrorLine(escapeControl(e.slug), e.internal, '')}`);
    o.err(internalErrorDetail(e.internal));
  } else if (e.error) o.err(`${red(o.color, '✗')} ${escapeControl(e.slug)}  export failed: ${e.error}`);
}
