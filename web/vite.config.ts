import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The dashboard's build: web/ → web/dist (served by the Hosting emulator and deployed by
 * Firebase Hosting). The Firebase SDK, uPlot and zod get chunks of their own, so each part's
 * weight is visible (`npm run bench -- 6-web`) and a new app build leaves the vendors cached.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The Firestore chunk is ~420 KB minified (~124 KB gzipped); `npm run bench -- 6-web` tracks it.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // A group takes its modules' dependencies with it (cutting them loose breaks the
          // SDK's initialisation order), so the shared Firebase core is claimed first.
          groups: [
            {
              name: 'firebase',
              priority: 3,
              test: /node_modules[\\/](@?firebase[\\/](app|util|component|logger)|idb|tslib)[\\/]/,
            },
            // Firestore with its own dependencies: the WebChannel transport, re2js (regular expressions)
            {
              name: 'firebase-firestore',
              priority: 2,
              test: /node_modules[\\/]@?firebase[\\/]firestore[\\/]/,
            },
            { name: 'firebase-auth', priority: 2, test: /node_modules[\\/]@?firebase[\\/]auth[\\/]/ },
            // The callables (connectAlpaca, disconnectAlpaca) of the account area
            {
              name: 'firebase-functions',
              priority: 2,
              test: /node_modules[\\/]@?firebase[\\/]functions[\\/]/,
            },
            { name: 'uplot', priority: 1, test: /node_modules[\\/]uplot[\\/]/ },
            { name: 'zod', priority: 1, test: /node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
});
