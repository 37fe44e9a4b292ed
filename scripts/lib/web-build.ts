/**
 * Builds the dashboard (web/ → web/dist) with Vite: `npm start` and `npm test` serve the result
 * with the Hosting emulator, `firebase deploy` builds it through `npm run build:web`, and the bench
 * weighs it.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built page: Hosting's `public` folder in firebase.json. */
export const WEB_DIST = join(ROOT, 'web', 'dist');
/** The Hosting emulator's origin (firebase.json). */
export const DASHBOARD_URL = 'http://127.0.0.1:5000';

/** One built JavaScript file of the page. */
export interface BuiltFile {
  /** File name under `assets/`, e.g. `firebase-firestore-AbC123.js`. */
  name: string;
  path: string;
  bytes: number;
}

/**
 * Builds the page into `outDir` (default web/dist); returns its JavaScript files, largest first.
 * @throws Error from Vite when the build fails.
 */
export async function buildWeb(options: { quiet?: boolean; outDir?: string } = {}): Promise<BuiltFile[]> {
  const started = Date.now();
  const outDir = options.outDir ?? WEB_DIST;
  await build({
    configFile: join(ROOT, 'web', 'vite.config.ts'),
    logLevel: options.quiet ? 'error' : 'warn',
    build: { outDir },
  });
  const assets = join(outDir, 'assets');
  const files = readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ name, path: join(assets, name), bytes: statSync(join(assets, name)).size }))
    .sort((a, b) => b.bytes - a.bytes);
  if (!options.quiet) {
    const kib = files.reduce((sum, f) => sum + f.bytes, 0) / 1024;
    const where = outDir === WEB_DIST ? 'web/dist' : outDir;
    console.log(`${where} built (${kib.toFixed(0)} KiB of JavaScript) in ${Date.now() - started} ms`);
  }
  return files;
}

/** `tsx scripts/lib/web-build.ts`: the `build:web` script. */
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildWeb().catch((error: unknown) => {
    console.error(`build:web: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
