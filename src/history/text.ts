/** White space collapsed and trimmed: how the history stores and compares text, so reflowing is not a change. */
export const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Lower-case words, for "is this the same item, reworded?" (punctuation ignored). */
export const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Share of words two texts have in common (Dice coefficient over word multisets), 0…1. */
export function similarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 && wb.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      common++;
      counts.set(w, c - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}

/** `Military collaboration: Enhanced …` → `Military collaboration:`: the label a briefer knows a bullet by. */
export const leadIn = (text: string): string | undefined => /^([^:]{2,60}:)\s/.exec(text)?.[1];
