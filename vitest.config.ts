import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { ALIASED_IN, ALIASES } from './scripts/aliases.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  // The modules the bundled CLI swaps (scripts/aliases.mjs), swapped here too: the tests run the code that ships.
  resolve: { alias: Object.fromEntries(Object.entries(ALIASES).map(([name, file]) => [name, path.join(root, file)])) },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // LibreOffice and SMTP tests start real processes and servers; 2 cores here and in CI.
    maxWorkers: 2,
    server: { deps: { inline: ALIASED_IN } },
  },
});
