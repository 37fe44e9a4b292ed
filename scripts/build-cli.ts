/**
 * Bundles the `gex` CLI (cli/gex.ts and everything it imports) into .cache/cli/ with esbuild: ESM
 * with code splitting, so `gex compute` loads neither the Alpaca SDK nor the live command. The
 * `bin/gex.js` launcher calls this when the bundle is missing or older than a file it was built
 * from; `npx tsx scripts/build-cli.ts` builds it by hand. Nothing built is committed.
 */
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the bundle goes; the launcher reads the same paths. */
export const CLI_DIR = join(root, '.cache', 'cli');

/**
 * Builds .cache/cli/gex.js (+ chunks) and .cache/cli/inputs.json, the files it was built from
 * (relative to the repository), which the launcher compares with the bundle's time.
 * @returns the entry file.
 */
export async function buildCli(): Promise<string> {
  rmSync(CLI_DIR, { recursive: true, force: true });
  const result = await build({
    entryPoints: { gex: join(root, 'cli', 'gex.ts') },
    outdir: CLI_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // CommonJS dependencies bundled into ESM call require() for Node built-ins.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    external: ['bufferutil', 'utf-8-validate'],
    logLevel: 'warning',
    metafile: true,
  });
  // Dependencies change only through the lockfile; stat it rather than each file under node_modules.
  const inputs = Object.keys(result.metafile.inputs)
    .map((file) => relative(root, join(process.cwd(), file)))
    .filter((file) => !file.startsWith('node_modules/'));
  const manifest = [...inputs, 'package-lock.json', 'scripts/build-cli.ts'];
  writeFileSync(join(CLI_DIR, 'inputs.json'), JSON.stringify(manifest));
  return join(CLI_DIR, 'gex.js');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`built ${relative(root, await buildCli())}`);
}
