import { execFileSync, spawnSync, type StdioOptions } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, '.cache', 'bench');

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Bundles bench/probes/NAME.ts to .cache/bench/NAME.js (ESM, like the CLI bundle); returns it. */
export async function buildProbe(name: string): Promise<string> {
  const outfile = join(OUT, `${name}.js`);
  await build({
    entryPoints: [join(ROOT, 'bench', 'probes', `${name}.ts`)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return outfile;
}

/** Wall time (ms) of one `node ARGS` process, start to exit; throws when it fails. */
export function timeProcess(args: readonly string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${String(result.stderr)}`);
  return ms;
}

/** Medians of several processes run in turn (a, b, c, a, b, c, …), so load hits them alike. */
export function timeProcessesInTurn(commands: readonly (readonly string[])[], runs: number): number[] {
  const times = commands.map((): number[] => []);
  for (let i = 0; i < runs; i++) commands.forEach((args, k) => times[k]?.push(timeProcess(args)));
  return times.map(median);
}

/** Stdout of one `node ARGS` process (in the repository root unless `cwd` says otherwise). */
export function runProcess(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; quiet?: boolean } = {},
): string {
  const { quiet = false, ...rest } = options;
  const stdio: StdioOptions | undefined = quiet ? ['ignore', 'pipe', 'ignore'] : undefined;
  return execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio, ...rest });
}
