import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';

/**
 * The unit project's setup file is in force: listening and connecting fail here. Starting a
 * process is refused too; test/integration/unit-guard.test.ts checks that part, since a unit test
 * must not even try.
 */
describe('the unit project', () => {
  it('refuses to listen on a port', () => {
    expect(() => createServer().listen(0)).toThrow(/unit tests must not listen on a port/);
  });

  it('refuses to open a connection, fetch included', async () => {
    await expect(fetch('http://127.0.0.1:4010/')).rejects.toThrow();
    const error = await fetch('http://127.0.0.1:4010/').catch((e: unknown) => e);
    expect(String((error as Error).cause)).toMatch(/unit tests must not open a network connection/);
  });
});
