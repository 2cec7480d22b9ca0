/** Types of aliases.mjs, for vitest.config.ts. */
export declare const ALIASES: Record<string, string>;
export declare const ALIASED_IN: string[];
