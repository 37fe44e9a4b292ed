import { defineConfig } from 'vitest/config';

/**
 * Four projects:
 * - unit: pure core and in-process tests, no emulators needed (`npm run check`).
 * - integration: real Alpaca SDK against the bundled simulator over HTTP, and Firestore/Functions
 *   emulator tests; run by `npm test` inside `firebase emulators:exec`.
 * - rules: firestore.rules allow/deny against the Firestore emulator.
 * - e2e: the dashboard in headless Chromium (Debian's package) against the Hosting, Auth, Firestore
 *   and Functions emulators and the simulator; run by `npm test` like integration.
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
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
