import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import { createMarketSource, createPulseDeps } from '../../../functions/src/app/pulse-deps';
import type { PulseDeps } from '../../../functions/src/pulse/ports';
import { SIMULATOR_KEYS } from '../../../scripts/lib/dev-env';
import { invokeScheduled } from '../../../scripts/lib/scheduler';

/**
 * Shared plumbing of the pulse's emulator tests: the real Functions and Firestore emulators (run
 * by `npm test` inside `firebase emulators:exec`) and the bundled Alpaca simulator.
 */
export const PROJECT_ID = process.env.GCLOUD_PROJECT ?? 'demo-gex-pulse';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these tests through \`npm test\``);
  return value;
}

export const simulatorUrl = (): string => requireEnv('SIMULATOR_URL');
export const functionsOrigin = (): string => requireEnv('FUNCTIONS_EMULATOR_ORIGIN');
export const healthUrl = (): string => `${functionsOrigin()}/${PROJECT_ID}/us-central1/health`;

/** Admin Firestore on the emulator (FIRESTORE_EMULATOR_HOST). */
export function adminDb(): Firestore {
  requireEnv('FIRESTORE_EMULATOR_HOST');
  if (getApps().length === 0) initializeApp({ projectId: PROJECT_ID });
  return getFirestore();
}

/** Deletes every document of the project in the emulator. */
export async function clearFirestore(): Promise<void> {
  const host = requireEnv('FIRESTORE_EMULATOR_HOST');
  const url = `http://${host}/emulator/v1/projects/${PROJECT_ID}/databases/(default)/documents`;
  const response = await fetch(url, { method: 'DELETE' });
  if (!response.ok) throw new Error(`clearing Firestore failed: ${response.status}`);
}

async function simPost(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${simulatorUrl()}/_sim/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator ${path}: ${response.status} ${await response.text()}`);
}

export const sim = {
  /** Clears faults, counters, latency; `now` fixes the clock (null/absent: the live, open clock). */
  reset: (now?: string) => simPost('reset', now ? { now } : {}),
  setClock: (now: string | null) => simPost('clock', { now }),
  setFaults: (faults: unknown[]) => simPost('faults', { faults }),
  setLatency: (ms: number) => simPost('latency', { ms }),
  async stats(): Promise<{ total: number; requests: Record<string, number> }> {
    const response = await fetch(`${simulatorUrl()}/_sim/stats`);
    return (await response.json()) as { total: number; requests: Record<string, number> };
  },
};

/** Triggers `pulse` through the Functions emulator, as Cloud Scheduler would at `scheduleTime`. */
export async function triggerPulse(scheduleTime: Date): Promise<number> {
  const { status } = await invokeScheduled({
    functionsOrigin: functionsOrigin(),
    projectId: PROJECT_ID,
    name: 'pulse',
    scheduleTime,
  });
  return status;
}

/** A schedule time `minutes` after a base minute (seconds zeroed, like Cloud Scheduler's). */
export function minute(base: Date, minutes: number): Date {
  return new Date(Math.floor(base.getTime() / 60_000) * 60_000 + minutes * 60_000);
}

export async function historyIds(db: Firestore): Promise<string[]> {
  return (await db.collection('history').listDocuments()).map((ref) => ref.id).sort();
}

export async function getHealth(): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(healthUrl());
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/**
 * A second, in-process pulse wired like the deployed one (real adapter to the simulator, real
 * Firestore store on the emulator): a run the emulator's own serialized invocations can overlap.
 */
export function inProcessPulseDeps(db: Firestore): PulseDeps {
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const market = createMarketSource({
    db,
    strikeBandPct: 10,
    alpaca: {
      keyId: SIMULATOR_KEYS.APCA_API_KEY_ID,
      secretKey: SIMULATOR_KEYS.APCA_API_SECRET_KEY,
      tradingBaseUrl: simulatorUrl(),
      dataBaseUrl: simulatorUrl(),
      optionFeed: 'indicative',
    },
  });
  const config = {
    symbols: ['SPY', 'QQQ'],
    closedCadenceMinutes: 15,
    historyRetentionDays: 7,
    leaseTtlMs: 60_000,
    marketDataSource: { provider: 'alpaca' as const, feed: 'indicative', credentials: 'pulse_key' as const },
  };
  return createPulseDeps({ db, market, config, log: quiet });
}
