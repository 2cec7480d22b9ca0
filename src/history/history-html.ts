import { escapeHtml } from '../util/html.js';
import { formatUtc } from '../util/time.js';
import { shortVersion } from './compare.js';
import type { DeckHistory } from './deck-history.js';
import { diffHtml, summarizeDiff } from './format-diff.js';

/** Change lines shown on a gallery card before "… and N more changes" (`briefdeck diff` prints them all). */
const GALLERY_LINES = 12;

/** A deck card's "What changed" and "Version history" sections. Pure. */
export function historyHtml(h: DeckHistory): string {
  const parts: string[] = [];
  if (h.latest) {
    const { diff, from } = h.latest;
    const since = from ? ` since the previous build (<code>${escapeHtml(shortVersion(from.version))}</code>)` : '';
    parts.push(`<section class="what-changed">
<h3>What changed${since}</h3>
<p class="summary">${escapeHtml(summarizeDiff(diff))}</p>
${diff.from && diff.changes.length > 0 ? diffHtml(diff, { maxLines: GALLERY_LINES }) : ''}
</section>`);
  }
  if (h.versions.length > 0) {
    const items = h.versions.map(
      (v) =>
        `<li><time datetime="${escapeHtml(v.builtAt)}">${escapeHtml(formatUtc(v.builtAt))}</time> <code>${escapeHtml(shortVersion(v.version))}</code> ${escapeHtml(v.summary)}</li>`,
    );
    parts.push(
      `<section class="history">\n<h3>Version history</h3>\n<ol reversed>\n${items.join('\n')}\n</ol>\n</section>`,
    );
  }
  return parts.join('\n');
}
