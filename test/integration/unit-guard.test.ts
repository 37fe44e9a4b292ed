import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { forbidProcessesAndSockets } from '../support/process-and-socket-guard';

/** The unit project's guard (its setup file installs it), switched on and off in this process. */
describe("the unit project's guard", () => {
  it('refuses processes, ports and connections while installed, and allows them again after', async () => {
    const restore = forbidProcessesAndSockets();
    try {
      expect(() => spawnSync(process.execPath, ['-e', '0'])).toThrow(/unit tests must not start a process/);
      expect(() => createServer().listen(0)).toThrow(/unit tests must not listen on a port/);
      const error = await fetch('http://127.0.0.1:4010/').catch((e: unknown) => e);
      expect(String((error as Error).cause)).toMatch(/unit tests must not open a network connection/);
    } finally {
      restore();
    }
    expect(spawnSync(process.execPath, ['-e', '0']).status).toBe(0);
    const server = createServer().listen(0);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
