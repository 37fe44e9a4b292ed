/**
 * A full pulse through the Functions emulator (Firestore emulator, bundled Alpaca simulator with
 * 100 ms of latency on every request): wall time of the scheduled trigger as a multiple of that
 * latency (goal < 8×), Firestore documents written per pulse, Alpaca calls per pulse in steady
 * state, and the peak resident memory (VmHWM) of the Functions emulator's worker process (goal:
 * fits a 256 MiB instance). Baseline: the same steady pulses with no injected latency.
 * Needs the emulator ports free (no `npm start`/`npm test` running); otherwise it says so and skips.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import {
  assertPortsFree,
  emulatorToolchainEnv,
  prepareLocalRun,
  PROJECT_ID,
  SIMULATOR_PORT,
  spawnFirebase,
} from '../../scripts/lib/dev-env';
import { stopProcessGroups } from '../../scripts/lib/process-groups';
import { invokeScheduled } from '../../scripts/lib/scheduler';
import { firestoreDocumentSize } from '../../functions/src/store/document-size';
import { processTree, waitForTrigger } from '../lib/emulator-workers';

export const title = 'pulse: scheduled function in the emulator, SPY+QQQ, simulator with 100 ms per request';

const LATENCY_MS = 100;
const STEADY_PULSES = 5;
const FUNCTIONS_ORIGIN = 'http://127.0.0.1:5001';
const SIM_URL = `http://127.0.0.1:${SIMULATOR_PORT}`;
const target = { functionsOrigin: FUNCTIONS_ORIGIN, projectId: PROJECT_ID, name: 'pulse' };
/** Warm-up and baseline run on a fixed open session minute (a Friday morning). */
const FIXED_OPEN = '2025-05-16T14:30:00Z';
const COLLECTIONS = ['systemStatus', 'gexProfiles', 'history', 'regimeEvents', 'serverState', 'marketCache'];

interface WriteCount {
  docs: number;
  byCollection: Record<string, number>;
}

/** Documents of the pulse's collections last written at or after `since` (Firestore emulator). */
async function countWritesSince(since: Date): Promise<WriteCount> {
  process.env.FIRESTORE_EMULATOR_HOST ??= '127.0.0.1:8080';
  // Emulator only: no Google metadata server to probe for credentials.
  process.env.METADATA_SERVER_DETECTION ??= 'none';
  if (getApps().length === 0) initializeApp({ projectId: PROJECT_ID });
  const db = getFirestore();
  const byCollection: Record<string, number> = {};
  let docs = 0;
  for (const name of COLLECTIONS) {
    const snap = await db.collection(name).get();
    const n = snap.docs.filter((d) => d.updateTime.toDate() >= since).length;
    if (n > 0) byCollection[name] = n;
    docs += n;
  }
  return { docs, byCollection };
}

/** Firestore size of `systemStatus/market_regime` as the pulse last wrote it, bytes. */
async function regimeDocumentBytes(): Promise<number> {
  const data = (await getFirestore().doc('systemStatus/market_regime').get()).data() ?? {};
  return firestoreDocumentSize('systemStatus/market_regime', data);
}

interface PulseRun {
  wallMs: number;
  calls: number;
  writes: WriteCount;
}

async function simCalls(): Promise<number> {
  return ((await (await fetch(`${SIM_URL}/_sim/stats`)).json()) as { total: number }).total;
}

async function simLatency(ms: number): Promise<void> {
  await fetch(`${SIM_URL}/_sim/latency`, { method: 'POST', body: JSON.stringify({ ms }) });
}

async function runOne(key: string, scheduleTime: Date): Promise<PulseRun> {
  const callsBefore = await simCalls();
  const since = new Date();
  const started = performance.now();
  const { status } = await invokeScheduled({ ...target, key, scheduleTime });
  const wallMs = performance.now() - started;
  if (status !== 200) throw new Error(`pulse answered ${status}`);
  return { wallMs, calls: (await simCalls()) - callsBefore, writes: await countWritesSince(since) };
}

/** Peak and current RSS (MiB) of the emulator's function worker(s) under `root`. */
function workerMemory(root: number): { pid: number; hwmMiB: number; rssMiB: number }[] {
  const out: { pid: number; hwmMiB: number; rssMiB: number }[] = [];
  for (const pid of processTree(root)) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('functionsEmulatorRuntime')) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      out.push({ pid, hwmMiB: kib('VmHWM') / 1024, rssMiB: kib('VmRSS') / 1024 });
    } catch {
      // not ours to read, or gone
    }
  }
  return out;
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function report(
  cold: PulseRun,
  steady: PulseRun[],
  baseline: PulseRun[],
  memory: ReturnType<typeof workerMemory>,
  regimeBytes: number,
): void {
  const wall = median(steady.map((r) => r.wallMs));
  const base = median(baseline.map((r) => r.wallMs));
  const ratio = wall / LATENCY_MS;
  const writes = steady.at(-1)!.writes;
  console.log(
    `cold pulse (contracts + calendar fetched): ${cold.wallMs.toFixed(0)} ms, ${cold.calls} Alpaca calls, ${cold.writes.docs} docs written`,
  );
  console.log(
    `steady pulse wall time (median of ${steady.length}): ${wall.toFixed(0)} ms = ${ratio.toFixed(1)}× latency (goal < 8×) ${ratio < 8 ? 'OK' : 'OVER'}`,
  );
  console.log(`  per pulse: ${steady.map((r) => r.wallMs.toFixed(0)).join(', ')} ms`);
  console.log(
    `baseline (no injected latency, median of ${baseline.length}): ${base.toFixed(0)} ms; latency adds ${(wall - base).toFixed(0)} ms = ${((wall - base) / LATENCY_MS).toFixed(1)} round trips`,
  );
  console.log(`Alpaca calls per steady pulse: ${steady.map((r) => r.calls).join(', ')}`);
  console.log(
    `Firestore documents written per steady pulse: ${writes.docs} (${Object.entries(writes.byCollection)
      .map(([c, n]) => `${c} ${n}`)
      .join(', ')}; the lease doc is written twice)`,
  );
  console.log(
    `regime document as written (SPY + QQQ): ${regimeBytes.toLocaleString('en-US')} bytes (Firestore size; budget 16,384) ${regimeBytes < 16_384 ? 'OK' : 'OVER'}`,
  );
  for (const m of memory) {
    console.log(
      `functions worker pid ${m.pid}: peak RSS (VmHWM) ${m.hwmMiB.toFixed(0)} MiB, now ${m.rssMiB.toFixed(0)} MiB (goal: fits 256 MiB) ${m.hwmMiB < 256 ? 'OK' : 'OVER'}`,
    );
  }
  if (memory.length === 0)
    console.log('functions worker memory: worker process not found under the emulator');
}

async function measure(emulators: ChildProcess): Promise<void> {
  const key = await waitForTrigger(emulators, target);
  const base = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const at = (i: number) => new Date(base.getTime() + i * 60_000);
  await simLatency(0);
  const baseline: PulseRun[] = [];
  await runOne(key, at(0)); // warm the worker and the daily caches
  for (let i = 1; i <= STEADY_PULSES; i += 1) baseline.push(await runOne(key, at(i)));
  await simLatency(LATENCY_MS);
  // Back to the simulator's live clock: another trading day, so the first pulse there is cold
  // (calendar and contract lists fetched again), the following ones steady.
  await fetch(`${SIM_URL}/_sim/clock`, { method: 'POST', body: JSON.stringify({ now: null }) });
  const steady: PulseRun[] = [];
  const cold = await runOne(key, at(STEADY_PULSES + 1));
  for (let i = STEADY_PULSES + 2; i <= 2 * STEADY_PULSES + 1; i += 1) steady.push(await runOne(key, at(i)));
  report(cold, steady, baseline, workerMemory(emulators.pid!), await regimeDocumentBytes());
}

export async function run(): Promise<void> {
  try {
    await assertPortsFree();
  } catch (error) {
    console.log(`skipped: ${(error as Error).message}`);
    return;
  }
  const toolchain = emulatorToolchainEnv();
  await prepareLocalRun({ quiet: true, simulatorArgs: ['--now', FIXED_OPEN] });
  const emulators = spawnFirebase(['emulators:start', '--only', 'firestore,functions'], {
    toolchain,
    stdio: 'ignore',
  });
  try {
    await measure(emulators);
  } finally {
    await stopProcessGroups({ signal: 'SIGINT', graceMs: 15_000 });
  }
}
