/**
 * Account sync at scale through the real path: the `pulse` (Functions emulator) enqueues one
 * Cloud Tasks task per 100 users (Cloud Tasks emulator), `syncAccounts` syncs each user against
 * the simulator over the real SDK with 50 ms latency per request, snapshots land in the Firestore
 * emulator. Figures: wall time from the pulse to the last snapshot (goal < 30 s), Alpaca calls and
 * Firestore writes per user per minute, how long the regime write waited for accounts (the
 * regime's own `duration_ms` with N users against a pulse with none: goal 0), and the peak memory
 * of the sync workers. `BENCH_ACCOUNTS_USERS` (default 1000) sets N.
 * Needs the emulator ports free (no `npm start`/`npm test` running); otherwise it says so and skips.
 */
import type { ChildProcess } from 'node:child_process';
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import { encryptCredentials } from '../../functions/src/accounts/credential-cipher';
import { parseMasterKeyring } from '../../functions/src/accounts/master-keyring';
import {
  assertPortsFree,
  DEMO_MASTER_KEYS,
  emulatorToolchainEnv,
  EMULATORS,
  prepareLocalRun,
  PROJECT_ID,
  SIMULATOR_PORT,
  spawnFirebase,
} from '../../scripts/lib/dev-env';
import { invokeScheduled } from '../../scripts/lib/scheduler';
import { functionWorkers, stopChild, waitForTrigger } from '../lib/emulator-workers';
import { connectedUserDocument } from '../../test/support/connected-user';

const USERS = Number(process.env.BENCH_ACCOUNTS_USERS ?? 1000);
const LATENCY_MS = 50;
export const title = `accounts: ${USERS} users synced through the pulse, the task queue and the simulator (${LATENCY_MS} ms per request)`;

const SIM_URL = `http://127.0.0.1:${SIMULATOR_PORT}`;
const target = { functionsOrigin: 'http://127.0.0.1:5001', projectId: PROJECT_ID, name: 'pulse' };
const CLOCK = Date.parse('2025-05-16T14:30:00Z');

async function simPost(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${SIM_URL}/_sim/${path}`, { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`simulator ${path}: ${response.status}`);
  return response.json();
}

function db(): Firestore {
  process.env.FIRESTORE_EMULATOR_HOST ??= '127.0.0.1:8080';
  process.env.METADATA_SERVER_DETECTION ??= 'none';
  if (getApps().length === 0) initializeApp({ projectId: PROJECT_ID });
  return getFirestore();
}

/** N simulator accounts and N connected users holding their encrypted keys (as connectAlpaca stores them). */
async function seedUsers(store: Firestore): Promise<string[]> {
  const { accounts } = (await simPost('accounts', { count: USERS })) as {
    accounts: { id: string; keyId: string; secretKey: string }[];
  };
  const keyring = parseMasterKeyring(DEMO_MASTER_KEYS, 'demo1');
  const now = new Date();
  for (let start = 0; start < accounts.length; start += 200) {
    const batch = store.batch();
    accounts.slice(start, start + 200).forEach((account, i) => {
      const uid = `bench-${String(start + i).padStart(5, '0')}`;
      const credentials = { keyId: account.keyId, secretKey: account.secretKey };
      batch.set(
        store.doc(`users/${uid}/private/alpaca`),
        encryptCredentials({ uid, credentials, paper: true, keyring, now }),
      );
      batch.set(store.doc(`users/${uid}`), connectedUserDocument(now));
    });
    await batch.commit();
  }
  return accounts.map((a) => a.id);
}

/** Waits for the next minute boundary (a pulse's schedule time) and returns it. */
async function nextMinute(): Promise<Date> {
  const next = Math.ceil((Date.now() + 1) / 60_000) * 60_000;
  await new Promise((resolve) => setTimeout(resolve, next - Date.now()));
  return new Date(next);
}

interface MinuteRun {
  pulseMs: number;
  regimeDurationMs: number;
  /** From the trigger to the last snapshot of this minute written, ms (null: none written). */
  lastSnapshotMs: number | null;
  snapshotsWritten: number;
  userDocsWritten: number;
  alpacaCalls: number;
}

async function accountRequests(ids: readonly string[]): Promise<number> {
  const body = (await (await fetch(`${SIM_URL}/_sim/accounts`)).json()) as {
    accounts: { id: string; requests: number }[];
  };
  const wanted = new Set(ids);
  return body.accounts.filter((a) => wanted.has(a.id)).reduce((sum, a) => sum + a.requests, 0);
}

/** One pulse at `scheduleTime`; waits until `expected` users have a snapshot of that minute (or a settle time). */
async function runMinute(
  key: string,
  scheduleTime: Date,
  accountIds: readonly string[],
  expected: number,
): Promise<MinuteRun> {
  const store = db();
  const callsBefore = await accountRequests(accountIds);
  const started = Date.now();
  const { status } = await invokeScheduled({ ...target, key, scheduleTime });
  const pulseMs = Date.now() - started;
  if (status !== 200) throw new Error(`pulse answered ${status}`);
  const asOf = scheduleTime.toISOString();
  const fresh = () => store.collectionGroup('data').where('as_of', '==', asOf).count().get();
  const deadline = Date.now() + 60_000;
  // Unchanged content is not rewritten: then wait until every user was called, plus a settle.
  for (;;) {
    const written = (await fresh()).data().count;
    const calls = (await accountRequests(accountIds)) - callsBefore;
    const done = expected > 0 ? written >= expected : calls >= 2 * accountIds.length;
    if (done || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (expected === 0) await new Promise((resolve) => setTimeout(resolve, 2_000));
  const snaps = await store.collectionGroup('data').where('as_of', '==', asOf).select().get();
  const last = Math.max(0, ...snaps.docs.map((d) => d.updateTime.toMillis()));
  const users = await store.collection('users').select().get();
  const regime = (await store.doc('systemStatus/market_regime').get()).data() as
    { duration_ms?: number } | undefined;
  return {
    pulseMs,
    regimeDurationMs: regime?.duration_ms ?? Number.NaN,
    lastSnapshotMs: snaps.size > 0 ? last - started : null,
    snapshotsWritten: snaps.size,
    userDocsWritten: users.docs.filter((d) => d.updateTime.toMillis() >= started).length,
    alpacaCalls: (await accountRequests(accountIds)) - callsBefore,
  };
}

async function measure(emulators: ChildProcess): Promise<void> {
  const key = await waitForTrigger(emulators, target);
  await simPost('clock', { now: new Date(CLOCK).toISOString() });
  await simPost('latency', { ms: LATENCY_MS });
  await runMinute(key, await nextMinute(), [], 0); // warm worker and daily caches
  await simPost('clock', { now: new Date(CLOCK + 60_000).toISOString() });
  const empty = await runMinute(key, await nextMinute(), [], 0);
  const ids = await seedUsers(db());
  await simPost('clock', { now: new Date(CLOCK + 120_000).toISOString() });
  const first = await runMinute(key, await nextMinute(), ids, USERS);
  await simPost('clock', { now: new Date(CLOCK + 180_000).toISOString() });
  const moved = await runMinute(key, await nextMinute(), ids, USERS);
  const still = await runMinute(key, await nextMinute(), ids, 0); // same simulated minute: unchanged books
  report({ empty, first, moved, still }, functionWorkers(emulators.pid!));
}

function report(
  runs: Record<'empty' | 'first' | 'moved' | 'still', MinuteRun>,
  workers: ReturnType<typeof functionWorkers>,
): void {
  const { empty, first, moved, still } = runs;
  const perUser = (n: number) => (n / USERS).toFixed(2);
  for (const [label, run] of [
    ['first minute', first],
    ['market moved', moved],
  ] as const) {
    const wall = run.lastSnapshotMs ?? Number.NaN;
    console.log(
      `${label}: pulse → last of ${run.snapshotsWritten} snapshots ${(wall / 1000).toFixed(1)} s (goal < 30 s) ${wall < 30_000 && run.snapshotsWritten === USERS ? 'OK' : 'OVER'}`,
    );
  }
  console.log(
    `Alpaca calls per user per minute: ${perUser(first.alpacaCalls)} / ${perUser(moved.alpacaCalls)} / ${perUser(still.alpacaCalls)} (first, moved, unchanged)`,
  );
  console.log(
    `Firestore writes per user per minute: ${perUser(first.snapshotsWritten + first.userDocsWritten)} / ${perUser(moved.snapshotsWritten + moved.userDocsWritten)} / ${perUser(still.snapshotsWritten + still.userDocsWritten)} (unchanged snapshots are not rewritten)`,
  );
  const waited = first.regimeDurationMs - empty.regimeDurationMs;
  console.log(
    `regime write: duration_ms ${first.regimeDurationMs} with ${USERS} users vs ${empty.regimeDurationMs} with none (waited ${waited} ms for accounts; goal 0, noise ±latency); whole pulse ${first.pulseMs} ms vs ${empty.pulseMs} ms (it returns after enqueueing)`,
  );
  for (const name of ['syncAccounts', 'pulse']) {
    const mine = workers.filter((w) => w.target === name);
    const peak = Math.max(0, ...mine.map((w) => w.hwmMiB));
    console.log(
      `${name}: ${mine.length} emulator worker process(es), peak RSS (VmHWM) of the largest ${peak.toFixed(0)} MiB (instance 256 MiB) ${peak > 0 && peak < 256 ? 'OK' : 'OVER'}`,
    );
  }
}

export async function run(): Promise<void> {
  try {
    await assertPortsFree();
  } catch (error) {
    console.log(`skipped: ${(error as Error).message}`);
    return;
  }
  const toolchain = emulatorToolchainEnv();
  const simulator = await prepareLocalRun({ quiet: true });
  const emulators = spawnFirebase(['emulators:start', '--only', EMULATORS], { toolchain, stdio: 'ignore' });
  try {
    await measure(emulators);
  } finally {
    await stopChild(emulators);
    simulator.child.kill('SIGTERM');
  }
}
