import { defineConfig } from 'vitest/config';

/**
 * Five projects:
 * - unit: pure core and in-process tests (`npm run check`): no emulator, no process, no socket
 *   (the setup file makes spawning or listening fail); timeouts are generous so that a busy
 *   machine slows the project down without failing it.
 * - integration: real Alpaca SDK against the bundled simulator over HTTP, and Firestore/Functions
 *   emulator tests; run by `npm test` inside `firebase emulators:exec`.
 * - rules: firestore.rules allow/deny against the Firestore emulator.
 * - e2e: the dashboard in headless Chromium (Debian's package) against the Hosting, Auth, Firestore
 *   and Functions emulators and the simulator; run by `npm test` like integration, after it
 *   (`groupOrder`), since both drive the same emulators.
 * - lifecycle: starts the real `npm start` and stops it with signals; it needs the emulator
 *   ports free, so `npm test` runs it before it starts its own emulators.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['test/support/forbid-processes-and-sockets.ts'],
          testTimeout: 30_000,
        },
      },
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
          // After integration, never beside it: both drive the same emulators (the regime
          // document, the pulse lease, pulse minutes and their task ids, clearFirestore).
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'lifecycle',
          include: ['test/lifecycle/**/*.test.ts'],
          testTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
