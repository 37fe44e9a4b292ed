#!/usr/bin/env node
/**
 * The `gex` command (package.json `bin`; `npx gex …`, `npm run gex -- …`). Runs the prebuilt
 * bundle in .cache/cli/, first building it (esbuild, about a second, once) when it is missing or
 * older than any file listed in .cache/cli/inputs.json (its sources, its build script and
 * package-lock.json). Plain JavaScript, so starting it needs no TypeScript loader. Node's compile
 * cache (.cache/node-compile-cache) keeps the bundle's bytecode between runs.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import nodeModule from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, '.cache', 'cli');
const entry = join(dir, 'gex.js');
// Node's on-disk bytecode cache (Node ≥ 22.1): later runs skip compiling the bundle.
nodeModule.enableCompileCache?.(join(root, '.cache', 'node-compile-cache'));

/** True when the bundle exists and no input it lists is newer (or gone). */
function isFresh() {
  const manifest = join(dir, 'inputs.json');
  if (!existsSync(entry) || !existsSync(manifest)) return false;
  const builtAt = statSync(entry).mtimeMs;
  const inputs = JSON.parse(readFileSync(manifest, 'utf8'));
  return inputs.every((file) => {
    const stat = statSync(join(root, file), { throwIfNoEntry: false });
    return stat !== undefined && stat.mtimeMs <= builtAt;
  });
}

if (!isFresh()) {
  // Building needs esbuild and a TypeScript-aware import of the build script: tsx's API.
  const { tsImport } = await import('tsx/esm/api');
  const { buildCli } = await tsImport(
    pathToFileURL(join(root, 'scripts', 'build-cli.ts')).href,
    import.meta.url,
  );
  await buildCli();
}
await import(pathToFileURL(entry).href);
