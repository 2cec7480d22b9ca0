/** `1 deck`, `3 decks`: a count with its noun, for messages. */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
