import { execFile } from 'node:child_process';
import { existsSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SymbolRegime } from '../../../functions/src/contract/regime';

/**
 * The few things only the real process shows: cli/gex.ts wires `runGex` to stdout, stderr and the
 * exit code, and a piped `--json` is complete. The command logic is unit-tested in process.
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const SPY_2025 = 'test/fixtures/cboe/spy_quotedata_2025-05-16_1923ET.csv';
const SPAWN_TIMEOUT_MS = 90_000;

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs the CLI from its TypeScript entry (through tsx). */
function gex(...args: string[]): Promise<Run> {
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  return node(tsx, join(ROOT, 'cli', 'gex.ts'), ...args);
}

/** Runs the CLI as `npx gex` does: the package's `bin` entry. */
function bin(...args: string[]): Promise<Run> {
  return node(join(ROOT, 'bin', 'gex.js'), ...args);
}

function node(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: ROOT, encoding: 'utf8', timeout: SPAWN_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('the gex process (cli/gex.ts)', () => {
  it(
    'compute --json prints one complete JSON object on a pipe and exits 0',
    async () => {
      const { code, stdout, stderr } = await gex('compute', '--cboe', SPY_2025, '--json');
      expect([code, stderr]).toEqual([0, '']);
      const regime = SymbolRegime.parse(JSON.parse(stdout));
      expect(regime.option_count).toBeGreaterThan(100);
    },
    SPAWN_TIMEOUT_MS + 10_000,
  );

  it(
    'a usage error is one line on stderr and exit code 2; an unknown command too',
    async () => {
      const flag = await gex('compute', '--cboe', SPY_2025, '--bogus');
      expect(flag).toEqual({ code: 2, stdout: '', stderr: "gex compute: Unknown option '--bogus'\n" });
      const command = await gex('chart');
      expect(command).toEqual({
        code: 2,
        stdout: '',
        stderr: 'gex: unknown command "chart"; use one of: compute, live\n',
      });
    },
    2 * SPAWN_TIMEOUT_MS + 10_000,
  );

  it(
    'the bin entry builds its bundle when it is missing or older than a source, then gives the same answer',
    async () => {
      const bundle = join(ROOT, '.cache', 'cli', 'gex.js');
      rmSync(join(ROOT, '.cache', 'cli'), { recursive: true, force: true });
      const built = await bin('compute', '--cboe', SPY_2025, '--json');
      expect([built.code, built.stderr]).toEqual([0, '']);
      expect(existsSync(bundle)).toBe(true);
      expect(built.stdout).toEqual((await gex('compute', '--cboe', SPY_2025, '--json')).stdout);

      const first = statSync(bundle).mtimeMs;
      const again = await bin('compute', '--help');
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('--cboe');
      expect(statSync(bundle).mtimeMs).toBe(first); // fresh: not rebuilt

      const source = join(ROOT, 'cli', 'run-gex.ts');
      const later = new Date(first + 60_000);
      utimesSync(source, later, later);
      try {
        expect((await bin('compute', '--help')).code).toBe(0);
        expect(statSync(bundle).mtimeMs).toBeGreaterThan(first); // a newer source: rebuilt
      } finally {
        const now = new Date();
        utimesSync(source, now, now);
      }
    },
    4 * SPAWN_TIMEOUT_MS + 10_000,
  );
});
