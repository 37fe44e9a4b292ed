import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configuredPorts } from '../../scripts/lib/dev-env';
import { descendantPids } from '../../scripts/lib/process-groups';

/**
 * `npm start` stops everything it started, whoever gets the signal: here only the npm process
 * does (not the process group, as Ctrl-C would), and npm passes it to the `sh` it started, which
 * dies without telling its child. Needs the emulator ports free, so `npm test` runs this project
 * before it starts its own emulators.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const START_TIMEOUT_MS = 240_000;
const STOP_TIMEOUT_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const processTable = (): string => execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' });

/** The ports of `ports` that something listens on (a TCP connect succeeds). */
async function busyPorts(ports: number[]): Promise<number[]> {
  const { createConnection } = await import('node:net');
  const busy = await Promise.all(
    ports.map(
      (port) =>
        new Promise<number | null>((resolve) => {
          const socket = createConnection({ host: '127.0.0.1', port });
          socket.once('connect', () => (socket.destroy(), resolve(port)));
          socket.once('error', () => resolve(null));
        }),
    ),
  );
  return busy.filter((port): port is number => port !== null);
}

describe('npm start shutdown', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s to the npm process alone stops every child and frees every port',
    async (signal) => {
      const npm = spawn('npm', ['start'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const started = Date.now();
      while (!output.includes('GEX Pulse is running') && npm.exitCode === null) {
        if (Date.now() - started > START_TIMEOUT_MS) break;
        await sleep(250);
      }
      expect(output, 'npm start did not come up').toContain('GEX Pulse is running');
      const pids = descendantPids(processTable(), [npm.pid ?? -1]);
      // npm, sh, the script, the simulator (tsx and its node), firebase-tools, Java, a worker…
      expect(pids.length).toBeGreaterThanOrEqual(5);
      const ports = Object.values(configuredPorts());
      expect(await busyPorts(ports)).not.toEqual([]);

      npm.kill(signal);
      const deadline = Date.now() + STOP_TIMEOUT_MS;
      while (pids.some(isAlive) && Date.now() < deadline) await sleep(250);

      const left = pids.filter(isAlive);
      for (const pid of left) process.kill(pid, 'SIGKILL'); // leave nothing behind even when failing
      expect(left, `still running after ${signal} to npm:\n${output.slice(-2000)}`).toEqual([]);
      expect(await busyPorts(ports)).toEqual([]);
    },
    START_TIMEOUT_MS + STOP_TIMEOUT_MS + 10_000,
  );
});
