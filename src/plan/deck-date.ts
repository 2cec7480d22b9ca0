/**
 * A deck's date as its readers write it, in the deck's language: `20 November 2026` for en-GB, `November 20, 2026`
 * for en-US, `20. November 2026` for de-DE. Computed in UTC, so the day never shifts with the machine's zone; an ISO
 * date stays ISO where the language is unknown to Intl.
 */
export function deckDateText(iso: string, language: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(language, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(date);
  } catch {
    return iso;
  }
}
