/**
 * What `npm start`, `npm test` and the pulse benchmark share: the emulator toolchain, the
 * simulator process, port checks, and the local secrets the Functions emulator reads.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFunctions } from '../build-functions';
import { spawnInGroup } from './process-groups';
import { findJava, prepareFirestoreJar } from './toolchain';
import { buildWeb } from './web-build';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PROJECT_ID = 'demo-gex-pulse';
export const SIMULATOR_PORT = 4010;
export const SIMULATOR_KEYS = { APCA_API_KEY_ID: 'SIMULATOR_KEY', APCA_API_SECRET_KEY: 'SIMULATOR_SECRET' };
/**
 * The local demo's master key for users' Alpaca credentials (`ACCOUNTS_MASTER_KEYS`, id `demo1` as
 * `functions/.env.demo-gex-pulse` names it). DEMO ONLY: it is public, so it protects nothing; a
 * deployed project sets its own secret (see the README's Accounts section).
 */
export const DEMO_MASTER_KEYS = `demo1:${Buffer.from('DEMO-ONLY-gex-pulse-master-key-1').toString('base64')}`;

interface FirebaseEmulatorConfig {
  emulators: Record<string, { port?: number } | boolean | undefined>;
}

/** Emulator ports from firebase.json (plus the Firestore websocket and the simulator). */
export function configuredPorts(): Record<string, number> {
  const config = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8')) as FirebaseEmulatorConfig;
  const ports: Record<string, number> = { simulator: SIMULATOR_PORT, 'firestore websocket': 9150 };
  for (const [name, value] of Object.entries(config.emulators)) {
    if (typeof value === 'object' && value.port) ports[name] = value.port;
  }
  return ports;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** @throws Error naming every busy port (another `npm start`/`npm test` is the usual cause). */
export async function assertPortsFree(ports = configuredPorts()): Promise<void> {
  const busy: string[] = [];
  for (const [name, port] of Object.entries(ports)) {
    if (!(await isPortFree(port))) busy.push(`${name} ${port}`);
  }
  if (busy.length > 0) {
    throw new Error(
      `ports in use: ${busy.join(', ')}. Another \`npm start\` or \`npm test\` is probably running; stop it first.`,
    );
  }
}

/** Environment for firebase-tools and the processes under it: Java 21+ first on PATH, the offline Firestore jar. */
export function emulatorToolchainEnv(): NodeJS.ProcessEnv {
  const java = findJava();
  const jar = prepareFirestoreJar({ javaHome: java.home, cacheDir: join(ROOT, '.cache', 'emulators') });
  return {
    // Everything runs against emulators: no Google metadata server to probe for credentials.
    METADATA_SERVER_DETECTION: 'none',
    JAVA_HOME: java.home,
    PATH: `${join(java.home, 'bin')}:${process.env.PATH ?? ''}`,
    FIRESTORE_EMULATOR_BINARY_PATH: jar,
  };
}

/**
 * The Functions emulator reads secrets from functions/.secret.local (never committed). Locally the
 * only keys are the simulator's and the demo master key, so the file is written with those; the
 * regime-event webhook is off (`none`).
 */
export function writeLocalSimulatorSecrets(): void {
  const body = Object.entries({
    ...SIMULATOR_KEYS,
    ACCOUNTS_MASTER_KEYS: DEMO_MASTER_KEYS,
    REGIME_WEBHOOK_URL: 'none',
  })
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
  writeFileSync(join(ROOT, 'functions', '.secret.local'), `${body}\n`, { mode: 0o600 });
}

/** Starts the bundled Alpaca simulator in its own process group (see process-groups.ts) and waits until it answers. */
export async function startSimulatorProcess(
  options: { port?: number; args?: string[]; quiet?: boolean } = {},
): Promise<{ url: string; child: ChildProcess }> {
  const port = options.port ?? SIMULATOR_PORT;
  const child = spawnInGroup(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      join(ROOT, 'simulator', 'main.ts'),
      '--port',
      String(port),
      ...(options.args ?? []),
    ],
    { cwd: ROOT, stdio: ['ignore', options.quiet ? 'ignore' : 'inherit', 'inherit'], env: process.env },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the Alpaca simulator exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/_sim/health`);
      if (response.ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  child.kill('SIGTERM');
  throw new Error(`the Alpaca simulator did not answer on ${url} within 20 s`);
}

/** The emulators a local run starts: what the functions, their task queues, the dashboard and their tests need. */
export const EMULATORS = 'auth,firestore,functions,tasks,hosting';

/**
 * Runs firebase-tools (with the same Node as this script) for the demo project, e.g.
 * `['emulators:start', '--only', EMULATORS]`, with the emulator toolchain in its environment, in
 * its own process group: stopping it stops the Java emulator and the functions worker too.
 */
export function spawnFirebase(
  args: string[],
  options: { toolchain: NodeJS.ProcessEnv; stdio: 'inherit' | 'ignore'; env?: NodeJS.ProcessEnv },
): ChildProcess {
  const cli = join(ROOT, 'node_modules', 'firebase-tools', 'lib', 'bin', 'firebase.js');
  return spawnInGroup(process.execPath, [cli, ...args, '--project', PROJECT_ID], {
    cwd: ROOT,
    stdio: ['ignore', options.stdio, options.stdio],
    env: { ...process.env, ...options.toolchain, ...options.env },
  });
}

/**
 * What every local run does once its ports are known to be free: build functions/lib and the
 * dashboard (web/dist, served by the Hosting emulator), write the simulator's keys for the
 * Functions emulator, start the simulator.
 */
export async function prepareLocalRun(
  options: { quiet?: boolean; simulatorArgs?: string[] } = {},
): Promise<{ url: string; child: ChildProcess }> {
  await buildFunctions({ quiet: options.quiet });
  await buildWeb({ quiet: options.quiet });
  writeLocalSimulatorSecrets();
  return startSimulatorProcess({ quiet: options.quiet, args: options.simulatorArgs });
}
