/** Types for `linebreak` 1.1 (UAX #14), which ships none. */
declare module 'linebreak' {
  export interface Break {
    /** Offset (UTF-16) where the next line may start. */
    position: number;
    /** A mandatory break (after a line feed or other BK/CR/LF/NL character). */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
