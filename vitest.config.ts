import { defineConfig } from 'vitest/config';

/**
 * Three projects:
 * - unit: pure core and in-process tests, no emulators needed (`npm run check`).
 * - integration: real Alpaca SDK against the bundled simulator over HTTP, and Firestore/Functions
 *   emulator tests; run by `npm test` inside `firebase emulators:exec`.
 * - rules: firestore.rules allow/deny against the Firestore emulator.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'rules',
          include: ['test/rules/**/*.test.ts'],
          testTimeout: 30_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
