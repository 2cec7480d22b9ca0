/** `2026-11-20 09:15 UTC`: how dates are shown to people (gallery, diff). */
export const formatUtc = (d: Date | string): string =>
  new Date(d)
    .toISOString()
    .replace('T', ' ')
    .replace(/:\d\d\.\d{3}Z$/, ' UTC');
