/**
 * Bundles functions/src/index.ts (with everything it imports from outside functions/, such as
 * strategies/) into one self-contained functions/lib/index.js. Only firebase-functions and
 * firebase-admin stay external: they are real dependencies in functions/package.json, so the
 * uploaded `functions/` folder installs and loads on its own.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds functions/lib; returns the output file. */
export async function buildFunctions(options: { quiet?: boolean } = {}): Promise<string> {
  const outfile = join(root, 'functions', 'lib', 'index.js');
  rmSync(join(root, 'functions', 'lib'), { recursive: true, force: true });
  const result = await build({
    entryPoints: [join(root, 'functions', 'src', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    sourcemap: 'linked',
    external: [
      'firebase-functions',
      'firebase-functions/*',
      'firebase-admin',
      'firebase-admin/*',
      // optional native add-ons that `ws` probes inside try/catch; plain JS is used without them
      'bufferutil',
      'utf-8-validate',
    ],
    logLevel: options.quiet ? 'warning' : 'info',
    metafile: true,
  });
  if (!options.quiet) {
    const bytes = Object.values(result.metafile.outputs).reduce((sum, out) => sum + out.bytes, 0);
    console.log(`functions/lib built (${(bytes / 1024).toFixed(0)} KiB incl. source map)`);
  }
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildFunctions();
}
