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

/** Builds web/dist; returns its JavaScript files (name and bytes), largest first. */
export async function buildWeb(
  options: { quiet?: boolean } = {},
): Promise<{ name: string; bytes: number }[]> {
  const started = Date.now();
  await build({
    configFile: join(ROOT, 'web', 'vite.config.ts'),
    logLevel: options.quiet ? 'error' : 'warn',
  });
  const assets = join(WEB_DIST, 'assets');
  const files = readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ name, bytes: statSync(join(assets, name)).size }))
    .sort((a, b) => b.bytes - a.bytes);
  if (!options.quiet) {
    const kib = files.reduce((sum, f) => sum + f.bytes, 0) / 1024;
    console.log(`web/dist built (${kib.toFixed(0)} KiB of JavaScript) in ${Date.now() - started} ms`);
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
