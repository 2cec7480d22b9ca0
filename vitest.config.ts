import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // LibreOffice and SMTP tests start real processes and servers; 2 cores here and in CI.
    maxWorkers: 2,
  },
});
