import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('npm run simulator (simulator/main.ts)', () => {
  it('prints its URL and keys, serves, and stops cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        join(ROOT, 'simulator', 'main.ts'),
        '--port',
        '0',
        '--seed',
        '5',
        '--now',
        '2025-05-17T16:00:00Z',
        '--latency-ms',
        '1',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    // The banner's four lines can reach the pipe in more than one chunk: wait for its last one.
    const deadline = Date.now() + 20_000;
    while (!/, seed \d+/.test(out) && Date.now() < deadline && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const url = /listening on (http:\/\/\S+)/.exec(out)?.[1] ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(out).toContain('APCA_API_KEY_ID=SIMULATOR_KEY APCA_API_SECRET_KEY=SIMULATOR_SECRET');
    expect(out).toContain('closed');
    const health = (await (await fetch(`${url}/_sim/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ seed: 5, clock: 'fixed', isOpen: false, latencyMs: 1 });
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(out).toContain('Alpaca simulator stopped.');
  });

  it.each([
    ['--port', 'x', 'simulator: --port must be a non-negative integer, got "x"'],
    // 0 requests a minute would answer every request with 429: a mistake, not a setting.
    ['--rate-limit', '0', 'simulator: --rate-limit must be a positive integer, got "0"'],
  ])('fails with one clear line on a bad flag value (%s %s)', async (flag, value, line) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'simulator', 'main.ts'), flag, value],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(err.trim()).toBe(line);
  });
});
