/**
 * The strategy runner in the emulators (Firestore, Functions, Cloud Tasks) against the bundled
 * simulator: 1,000 connected users, each with an enabled GammaScalper and a book short 1,000 SPY
 * (so every one wants a hedge). Figures: the time from a regime write to the last user's decision
 * (goal: within the minute; more than one page of users fans out through the `runStrategyPage`
 * task queue), and the orders placed per regime change in paper mode, with a rewrite of the same
 * `as_of` as the control (0 orders, no decisions). Baseline: the same 1,000 users in mode `off`
 * (decisions only, no Alpaca calls). Needs the emulator ports free; otherwise it says so and skips.
 */
import type { ChildProcess } from 'node:child_process';
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore, Timestamp, type Firestore } from 'firebase-admin/firestore';
import { encryptCredentials } from '../../functions/src/accounts/credential-cipher';
import { parseMasterKeyring } from '../../functions/src/accounts/master-keyring';
import { toAccountContent } from '../../functions/src/trading/to-account-content';
import { createTradingClient } from '../../functions/src/trading/trading-client';
import {
  assertPortsFree,
  DEMO_MASTER_KEYS,
  emulatorToolchainEnv,
  prepareLocalRun,
  PROJECT_ID,
  SIMULATOR_PORT,
  spawnFirebase,
} from '../../scripts/lib/dev-env';
import { storedRegimeDoc } from '../../test/unit/strategy-runner/regime-builder';
import { stopChild, waitForTrigger } from '../lib/emulator-workers';
import { connectedUserDocument } from '../../test/support/connected-user';

export const title =
  'strategies: regime write → 1,000 users decided (emulators, task fan-out), orders in paper mode';

const USERS = 1_000;
const SIM_URL = `http://127.0.0.1:${SIMULATOR_PORT}`;
const FUNCTIONS_ORIGIN = 'http://127.0.0.1:5001';

function db(): Firestore {
  process.env.FIRESTORE_EMULATOR_HOST ??= '127.0.0.1:8080';
  process.env.METADATA_SERVER_DETECTION ??= 'none';
  if (getApps().length === 0) initializeApp({ projectId: PROJECT_ID });
  return getFirestore();
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${SIM_URL}${path}`, { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`simulator ${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** 1,000 simulated accounts and users (connection, encrypted keys, snapshot, one strategy). */
async function seedUsers(store: Firestore): Promise<string[]> {
  const { accounts } = await post<{ accounts: { keyId: string; secretKey: string }[] }>('/_sim/accounts', {
    count: USERS,
    cash: 1_000_000,
    holdings: [{ kind: 'stock', symbol: 'SPY', qty: -1000, avgEntryPrice: 450 }],
  });
  const keyring = parseMasterKeyring(DEMO_MASTER_KEYS, 'demo1');
  const first = accounts[0]!;
  const client = createTradingClient({ baseUrl: SIM_URL, credentials: first });
  // Every account has the same book: one read stands for all snapshots.
  const content = toAccountContent(await client.getAccount(), await client.listPositions());
  const now = new Date();
  const uids = accounts.map((_, i) => `bench-${String(i).padStart(4, '0')}`);
  for (let start = 0; start < USERS; start += 100) {
    const batch = store.batch();
    for (let i = start; i < Math.min(USERS, start + 100); i += 1) {
      const uid = uids[i]!;
      const credentials = { keyId: accounts[i]!.keyId, secretKey: accounts[i]!.secretKey };
      batch.set(store.doc(`users/${uid}`), connectedUserDocument(now));
      batch.set(
        store.doc(`users/${uid}/private/alpaca`),
        encryptCredentials({ uid, credentials, paper: true, keyring, now }),
      );
      batch.set(store.doc(`users/${uid}/data/snapshot`), {
        ...content,
        sync_error: null,
        sync_error_kind: null,
        synced_at: now.toISOString(),
      });
      batch.set(store.doc(`users/${uid}/strategies/hedge`), { enabled: true, mode: 'off' });
    }
    await batch.commit();
  }
  return uids;
}

async function setMode(store: Firestore, uids: string[], mode: string): Promise<void> {
  for (let start = 0; start < uids.length; start += 400) {
    const batch = store.batch();
    for (const uid of uids.slice(start, start + 400))
      batch.update(store.doc(`users/${uid}/strategies/hedge`), { mode });
    await batch.commit();
  }
}

async function orderCount(): Promise<number> {
  return ((await (await fetch(`${SIM_URL}/_sim/orders`)).json()) as { orders: unknown[] }).orders.length;
}

interface Round {
  lastDecisionMs: number;
  decisions: number;
  orders: number;
}

/** Writes a regime and waits (bounded) for every user's decision; times the last one's write. */
async function round(store: Firestore, asOf: string, expect: number): Promise<Round> {
  const ordersBefore = await orderCount();
  const written = Date.now();
  await store
    .doc('systemStatus/market_regime')
    .set(storedRegimeDoc({ asOf, lastUpdated: new Date().toISOString(), timestamp: Timestamp.now() }));
  const query = store.collectionGroup('decisions').where('regime_event_as_of', '==', asOf);
  const deadline = Date.now() + 180_000;
  const counted = async () => (await query.count().get()).data().count;
  let count = await counted();
  while (count < expect && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    count = await counted();
  }
  // A rewrite of the same as_of leaves no trace to wait on: give the trigger 5 s to (not) act.
  if (expect === 0) await new Promise((resolve) => setTimeout(resolve, 5_000));
  const docs = expect > 0 ? (await query.get()).docs : [];
  const last = docs.reduce((max, d) => Math.max(max, d.updateTime.toMillis()), written);
  return { lastDecisionMs: last - written, decisions: count, orders: (await orderCount()) - ordersBefore };
}

async function measure(emulators: ChildProcess): Promise<void> {
  await waitForTrigger(emulators, {
    functionsOrigin: FUNCTIONS_ORIGIN,
    projectId: PROJECT_ID,
    name: 'pulse',
  });
  const store = db();
  const uids = await seedUsers(store);
  const minute = Math.floor(Date.now() / 60_000) * 60_000;
  const at = (s: number) => new Date(minute + s * 1000).toISOString();
  // Regime times five minutes apart: each user's positive-regime evaluation interval (300 s) has
  // passed at every round, so every round decides everyone.
  await round(store, at(0), USERS); // warm-up: cold function workers and queue
  const off = await round(store, at(300), USERS);
  await setMode(store, uids, 'paper');
  const paper = await round(store, at(600), USERS);
  const rewrite = await round(store, at(600), 0);
  const ok = (ms: number) => (ms <= 60_000 ? 'OK' : 'OVER');
  console.log(
    `users: ${USERS} (pages of STRATEGIES_PAGE_SIZE from functions/.env.demo-gex-pulse, one task each)`,
  );
  console.log(
    `baseline, mode off (decisions only): last decision ${(off.lastDecisionMs / 1000).toFixed(1)} s after the regime write (${off.decisions} decisions) ${ok(off.lastDecisionMs)}`,
  );
  console.log(
    `paper mode: last decision ${(paper.lastDecisionMs / 1000).toFixed(1)} s after the write (${paper.decisions} decisions, goal ≤ 60 s) ${ok(paper.lastDecisionMs)} = ${(paper.lastDecisionMs / Math.max(1, off.lastDecisionMs)).toFixed(1)}× the baseline`,
  );
  console.log(
    `orders placed per regime change in paper mode: ${paper.orders} (of ${USERS} users whose book needs a hedge)`,
  );
  console.log(
    `a rewrite of the same as_of: ${rewrite.orders} orders, ${rewrite.decisions - paper.decisions} new decisions`,
  );
}

export async function run(): Promise<void> {
  try {
    await assertPortsFree();
  } catch (error) {
    console.log(`skipped: ${(error as Error).message}`);
    return;
  }
  const simulator = await prepareLocalRun({ quiet: true });
  const emulators = spawnFirebase(['emulators:start', '--only', 'firestore,functions,tasks'], {
    toolchain: emulatorToolchainEnv(),
    stdio: 'ignore',
  });
  try {
    await measure(emulators);
  } finally {
    await stopChild(emulators);
    simulator.child.kill('SIGTERM');
  }
}
