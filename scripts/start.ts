/**
 * `npm start`: the whole product on this machine, no keys and no network.
 * Builds functions/lib, starts the bundled Alpaca simulator and the Auth, Firestore, Functions and Cloud Tasks
 * emulators, then plays Cloud Scheduler: triggers `pulse` once right away and then at the top of
 * every minute. Ctrl-C stops everything.
 *
 * `npm start -- --once` triggers one pulse, prints the regime document and stops.
 */
import type { ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import {
  assertPortsFree,
  EMULATORS,
  emulatorToolchainEnv,
  PROJECT_ID,
  prepareLocalRun,
  spawnFirebase,
} from './lib/dev-env';
import { findTriggerKey, invokeScheduled } from './lib/scheduler';

const FUNCTIONS_ORIGIN = 'http://127.0.0.1:5001';
const FIRESTORE_ORIGIN = 'http://127.0.0.1:8080';
const REGIME_URL = `${FIRESTORE_ORIGIN}/v1/projects/${PROJECT_ID}/databases/(default)/documents/systemStatus/market_regime`;
const HEALTH_URL = `${FUNCTIONS_ORIGIN}/${PROJECT_ID}/us-central1/health`;

const { values: flags } = parseArgs({ options: { once: { type: 'boolean', default: false } }, strict: true });
const children: ChildProcess[] = [];
let stopping = false;

function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the emulators and the simulator…');
  for (const child of children) if (child.exitCode === null) child.kill('SIGINT');
  const force = setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    process.exit(code);
  }, 10_000);
  force.unref();
  void Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve))),
    ),
  ).then(() => process.exit(code));
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

async function waitForPulseTrigger(): Promise<string> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      return await findTriggerKey({
        functionsOrigin: FUNCTIONS_ORIGIN,
        projectId: PROJECT_ID,
        name: 'pulse',
      });
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

const MINUTE_MS = 60_000;

/** Invokes pulse as Cloud Scheduler would for the minute `scheduleTime`, and says how it went. */
async function runPulse(key: string, scheduleTime: Date): Promise<void> {
  const started = Date.now();
  try {
    const { status, body } = await invokeScheduled({
      functionsOrigin: FUNCTIONS_ORIGIN,
      projectId: PROJECT_ID,
      name: 'pulse',
      key,
      scheduleTime,
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `[scheduler] pulse ${scheduleTime.toISOString()} → HTTP ${status} in ${seconds} s${status >= 300 ? `: ${body.slice(0, 200)}` : ''}`,
    );
  } catch (error) {
    console.error(
      `[scheduler] pulse failed to start: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function main(): Promise<void> {
  const toolchain = emulatorToolchainEnv();
  // Ports first: rebuilding functions/lib under another run's emulator would make it reload.
  await assertPortsFree();
  const simulator = await prepareLocalRun();
  children.push(simulator.child);
  const emulators = spawnFirebase(['emulators:start', '--only', EMULATORS], { toolchain, stdio: 'inherit' });
  children.push(emulators);
  emulators.on('exit', (code) => {
    if (!stopping) {
      console.error(`The emulators exited (code ${code ?? 'signal'}).`);
      stopAll(1);
    }
  });

  const key = await waitForPulseTrigger();
  console.log(`
GEX Pulse is running on the Firebase Emulator Suite (project ${PROJECT_ID}).
  Alpaca simulator     ${simulator.url}   (keys SIMULATOR_KEY / SIMULATOR_SECRET)
  Regime document      systemStatus/market_regime
                       ${REGIME_URL}
  Health               ${HEALTH_URL}
  Emulator UI          off (it is a download; not available offline)
The scheduler triggers pulse now and at the top of every minute. Ctrl-C stops everything.
(The emulator's "pulse: function ignored because the pubsub emulator…" line is expected: it never
fires schedules itself, so this scheduler calls the function's trigger as Cloud Scheduler would.)
`);
  // The minute ticks are armed before the first pulse, so a slow first pulse never costs a minute.
  if (!flags.once) scheduleEveryMinute(key);
  await runPulse(key, new Date(Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS));
  if (flags.once) {
    const doc = await fetch(REGIME_URL, { headers: { authorization: 'Bearer owner' } });
    console.log(`regime document (HTTP ${doc.status}):\n${await doc.text()}`);
    stopAll(doc.ok ? 0 : 1);
    return;
  }
}

/** Triggers pulse at the top of every minute, each with its own minute as the schedule time. */
function scheduleEveryMinute(key: string): void {
  const next = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  setTimeout(() => {
    if (stopping) return;
    scheduleEveryMinute(key);
    void runPulse(key, new Date(next));
  }, next - Date.now());
}

main().catch((error: unknown) => {
  console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
  stopAll(1);
  if (children.length === 0) process.exit(1);
});
