import { defineConfig } from 'vitest/config';

// Browser tests (npm run e2e): a real Varsel in dev mode and Debian's
// Chromium, one file at a time.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
