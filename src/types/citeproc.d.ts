/** Types for `citeproc` 2.4 (citeproc-js, CommonJS), which ships none: the part briefdeck uses. */
declare module 'citeproc' {
  export interface CitationItem {
    id: string;
    locator?: string;
    label?: string;
    prefix?: string;
    suffix?: string;
    'suppress-author'?: boolean;
    'author-only'?: boolean;
  }
  export interface Sys {
    retrieveLocale(lang: string): string | undefined;
    retrieveItem(id: string): Record<string, unknown>;
  }
  export class Engine {
    constructor(sys: Sys, style: string, lang?: string, forceLang?: boolean);
    updateItems(ids: string[]): void;
    makeCitationCluster(items: CitationItem[]): string;
    makeBibliography(): [{ bibliography_errors: unknown[]; entry_ids?: string[][] }, string[]] | false;
    setOutputFormat(format: 'html' | 'text' | 'rtf'): void;
  }
  const CSL: { Engine: typeof Engine };
  export default CSL;
}

/** Types for `@citation-js/core` 0.7 (no declarations shipped): the input chain briefdeck uses. */
declare module '@citation-js/core' {
  export const plugins: {
    input: { chain(data: string, options: { target: string; generateGraph?: boolean }): Record<string, unknown>[] };
  };
}

declare module '@citation-js/plugin-bibtex';
