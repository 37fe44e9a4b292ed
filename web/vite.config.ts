import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The dashboard's build: web/ → web/dist (served by the Hosting emulator and deployed by
 * Firebase Hosting). The Firebase SDK, uPlot and zod get chunks of their own, so each part's
 * weight is visible (`npm run bench -- 4-web`) and a new app build leaves the vendors cached.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The Firebase SDK chunk is ~530 KB minified (~155 KB gzipped); `npm run bench` tracks it.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // each group holds its own package only, not everything that package imports
          includeDependenciesRecursively: false,
          groups: [
            // Firestore with its own dependencies: the WebChannel transport and re2js (regular expressions)
            {
              name: 'firebase-firestore',
              test: /node_modules[\\/](@firebase[\\/](firestore|webchannel-wrapper)|re2js)[\\/]/,
            },
            { name: 'firebase-auth', test: /node_modules[\\/]@firebase[\\/]auth[\\/]/ },
            { name: 'firebase', test: /node_modules[\\/](@firebase|firebase|idb|tslib)[\\/]/ },
            { name: 'uplot', test: /node_modules[\\/]uplot[\\/]/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
});
