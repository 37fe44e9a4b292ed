/**
 * The unit project's rule, as a switch: while installed, starting a process, listening on a port or
 * opening a network connection (fetch included) fails at once, naming the rule. The unit project
 * installs it for every test (test/support/forbid-processes-and-sockets.ts); an integration test
 * checks it on and off.
 */
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

function forbidden(what: string): () => never {
  return () => {
    throw new Error(`unit tests must not ${what}; move this test to test/integration`);
  };
}

const PROCESS_APIS = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;

/** Installs the guard; returns a function that puts everything back. */
export function forbidProcessesAndSockets(): () => void {
  const originals = PROCESS_APIS.map((name) => [name, childProcess[name]] as const);
  const listen = Object.getOwnPropertyDescriptor(net.Server.prototype, 'listen');
  const connect = Object.getOwnPropertyDescriptor(net.Socket.prototype, 'connect');
  for (const name of PROCESS_APIS) {
    Object.assign(childProcess, { [name]: forbidden(`start a process (child_process.${name})`) });
  }
  net.Server.prototype.listen = forbidden('listen on a port');
  net.Socket.prototype.connect = forbidden('open a network connection');
  // ESM named imports of built-ins (`import { spawn } from 'node:child_process'`) follow the patch.
  syncBuiltinESMExports();
  return () => {
    for (const [name, original] of originals) Object.assign(childProcess, { [name]: original });
    if (listen) Object.defineProperty(net.Server.prototype, 'listen', listen);
    if (connect) Object.defineProperty(net.Socket.prototype, 'connect', connect);
    syncBuiltinESMExports();
  };
}
