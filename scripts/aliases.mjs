/**
 * Modules swapped for others wherever briefdeck is compiled: by esbuild for
 * the CLI (scripts/build.mjs) and by Vite for the tests (vitest.config.ts),
 * so the tests run the code that ships. Paths are from the repository root.
 *
 * - `jszip`: pptxgenjs zips its parts with JSZip only for the package stage
 *   to unzip them again; it is given a collector of the parts instead
 *   (src/render/package/part-collector.ts says why and what it measured).
 */
export const ALIASES = {
  jszip: 'src/render/package/part-collector.ts',
};

/** The packages whose imports the aliases must reach (Vite leaves node_modules alone unless told). */
export const ALIASED_IN = ['pptxgenjs'];
