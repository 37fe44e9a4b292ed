/**
 * Setup file of the `unit` project: a unit test spawns no process and opens no socket, so that
 * the project is fast and steady on a busy machine. Anything that tries fails at once, naming the
 * rule; such a test belongs in test/integration.
 */
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

function forbidden(what: string): () => never {
  return () => {
    throw new Error(`unit tests must not ${what}; move this test to test/integration`);
  };
}

const processApis = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;
for (const name of processApis) {
  Object.assign(childProcess, { [name]: forbidden(`start a process (child_process.${name})`) });
}
net.Server.prototype.listen = forbidden('listen on a port');
net.Socket.prototype.connect = forbidden('open a network connection');
// ESM named imports of built-ins (`import { spawn } from 'node:child_process'`) follow the patch.
syncBuiltinESMExports();
