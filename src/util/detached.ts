/**
 * A copy of `s` that does not keep the text it was cut from alive. V8 makes a
 * substring of 13 or more characters a view into its whole source string, so
 * a slide title kept after a build would keep its section's file in memory
 * (the same holds for any cache keyed by words of the article).
 * UTF-16 in and out: every code unit, lone surrogates included, survives.
 */
export const detached = (s: string): string => Buffer.from(s, 'utf16le').toString('utf16le');
