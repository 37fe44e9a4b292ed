/**
 * `npm start`: the whole product on this machine, no keys and no network.
 * Builds functions/lib and the dashboard, starts the bundled Alpaca simulator and the Auth,
 * Firestore, Functions, Cloud Tasks and Hosting emulators, then plays Cloud Scheduler: triggers
 * `pulse` once right away and then at the top of every minute. Ctrl-C stops everything, and so
 * does SIGTERM or SIGINT to npm or to this process.
 *
 * `npm start -- --once` triggers one pulse, prints the regime document and stops.
 */
import { parseArgs } from 'node:util';
import {
  assertPortsFree,
  EMULATORS,
  emulatorToolchainEnv,
  PROJECT_ID,
  prepareLocalRun,
  spawnFirebase,
} from './lib/dev-env';
import { MINUTE_MS, startMinuteTicker } from './lib/minute-ticker';
import { stopOnSignalOrOrphan, stopProcessGroups } from './lib/process-groups';
import { findTriggerKey, invokeScheduled } from './lib/scheduler';
import { DASHBOARD_URL } from './lib/web-build';

const FUNCTIONS_ORIGIN = 'http://127.0.0.1:5001';
const FIRESTORE_ORIGIN = 'http://127.0.0.1:8080';
const REGIME_URL = `${FIRESTORE_ORIGIN}/v1/projects/${PROJECT_ID}/databases/(default)/documents/systemStatus/market_regime`;
const HEALTH_URL = `${FUNCTIONS_ORIGIN}/${PROJECT_ID}/us-central1/health`;

const { values: flags } = parseArgs({ options: { once: { type: 'boolean', default: false } }, strict: true });
let stopping = false;
/** Run first when stopping (e.g. the minute ticker). */
const onStop: (() => void)[] = [];

/** Stops the simulator and the emulators (every process under them), then exits with `code`. */
function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const stop of onStop) stop();
  console.log('\nStopping the emulators and the simulator…');
  void stopProcessGroups({ signal: 'SIGINT', graceMs: 20_000 }).then(() => process.exit(code));
}
// Ctrl-C, SIGTERM or SIGINT to npm or to this process, or npm going away: everything stops.
stopOnSignalOrOrphan(() => stopAll(0));

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
  const emulators = spawnFirebase(['emulators:start', '--only', EMULATORS], { toolchain, stdio: 'inherit' });
  emulators.on('exit', (code) => {
    if (!stopping) {
      console.error(`The emulators exited (code ${code ?? 'signal'}).`);
      stopAll(1);
    }
  });

  const key = await waitForPulseTrigger();
  console.log(`
GEX Pulse is running on the Firebase Emulator Suite (project ${PROJECT_ID}).
  Dashboard            ${DASHBOARD_URL}   (live regime and charts, Hosting emulator)
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
  if (!flags.once) {
    const ticker = startMinuteTicker((minute) => void runPulse(key, minute));
    onStop.push(() => ticker.stop());
  }
  await runPulse(key, new Date(Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS));
  if (flags.once) {
    const doc = await fetch(REGIME_URL, { headers: { authorization: 'Bearer owner' } });
    console.log(`regime document (HTTP ${doc.status}):\n${await doc.text()}`);
    stopAll(doc.ok ? 0 : 1);
    return;
  }
}

main().catch((error: unknown) => {
  console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
  stopAll(1);
});
