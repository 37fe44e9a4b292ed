import type { Firestore } from 'firebase-admin/firestore';
import { encryptCredentials } from '../../../functions/src/accounts/credential-cipher';
import { parseMasterKeyring, type MasterKeyring } from '../../../functions/src/accounts/master-keyring';
import type { TradingCredentials } from '../../../functions/src/trading/trading-client';
import { DEMO_MASTER_KEYS } from '../../../scripts/lib/dev-env';
import { adminDb, functionsOrigin, PROJECT_ID, simulatorUrl } from '../pulse/harness';
import { connectedUserDocument } from '../../support/connected-user';

/**
 * Plumbing of the accounts' emulator tests: Auth emulator users, callables over HTTP as a client
 * SDK calls them, the simulator's account control API, and condition waits (never sleeps).
 */

function authHost(): string {
  const host = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  if (!host) throw new Error('FIREBASE_AUTH_EMULATOR_HOST is not set: run these tests through `npm test`');
  return host;
}

/** A new Auth emulator user: its uid and an ID token. */
export async function signUp(): Promise<{ uid: string; idToken: string }> {
  const response = await fetch(
    `http://${authHost()}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=demo-key`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ returnSecureToken: true }),
    },
  );
  const body = (await response.json()) as { localId: string; idToken: string };
  return { uid: body.localId, idToken: body.idToken };
}

/** What a callable answered: its result, or its error status (`INVALID_ARGUMENT`, …) and message. */
export type CallAnswer = { result: Record<string, unknown> } | { error: { status: string; message: string } };

/** Calls a v2 callable through the Functions emulator with the callable protocol. */
export async function call(name: string, data: unknown, idToken?: string): Promise<CallAnswer> {
  const response = await fetch(`${functionsOrigin()}/${PROJECT_ID}/us-central1/${name}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(idToken ? { authorization: `Bearer ${idToken}` } : {}),
    },
    body: JSON.stringify({ data }),
  });
  return (await response.json()) as CallAnswer;
}

/** The error status of an answer, or 'OK'. */
export const statusOf = (answer: CallAnswer): string => ('error' in answer ? answer.error.status : 'OK');

async function simPost<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${simulatorUrl()}/_sim/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A simulated account as the control API created it. */
export interface SimAccountKeys {
  id: string;
  accountNumber: string;
  keyId?: string;
  secretKey?: string;
  accessToken?: string;
}

export const simAccounts = {
  create: async (body: Record<string, unknown>): Promise<SimAccountKeys[]> =>
    (await simPost<{ accounts: SimAccountKeys[] }>('accounts', body)).accounts,
  setFaults: (selector: { keyId?: string; accessToken?: string }, faults: unknown[]) =>
    simPost('accounts/faults', { ...selector, faults }),
  async requests(): Promise<Map<string, number>> {
    const response = await fetch(`${simulatorUrl()}/_sim/accounts`);
    const body = (await response.json()) as { accounts: { id: string; requests: number }[] };
    return new Map(body.accounts.map((a) => [a.id, a.requests]));
  },
};

/** Every document under `users/{uid}` (recursively), as path → data. */
export async function userTree(db: Firestore, uid: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const root = db.collection('users').doc(uid);
  const top = await root.get();
  if (top.exists) out[root.path] = top.data();
  for (const collection of await root.listCollections()) {
    for (const doc of (await collection.get()).docs) out[doc.ref.path] = doc.data();
  }
  return out;
}

/** Polls `check` until it returns true (bounded); throws with `what` when it never does. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export { adminDb, simulatorUrl };

/** The demo keyring the Functions emulator uses (functions/.secret.local). */
export function demoKeyring(): MasterKeyring {
  return parseMasterKeyring(DEMO_MASTER_KEYS, 'demo1');
}

/**
 * A connected, active user written the way connectAlpaca writes one (an encrypted record and the
 * owner-visible connection), without the Alpaca check: for setting up many users quickly.
 */
export async function seedConnectedUser(
  db: Firestore,
  uid: string,
  credentials: TradingCredentials,
  paper = true,
): Promise<void> {
  const now = new Date();
  const record = encryptCredentials({ uid, credentials, paper, keyring: demoKeyring(), now });
  const batch = db.batch();
  batch.set(db.doc(`users/${uid}/private/alpaca`), record);
  batch.set(db.doc(`users/${uid}`), connectedUserDocument(now, paper));
  await batch.commit();
}

/** The snapshot document of `uid`, or undefined. */
export async function snapshotOf(db: Firestore, uid: string): Promise<Record<string, unknown> | undefined> {
  return (await db.doc(`users/${uid}/data/snapshot`).get()).data();
}

/** Credentials of a simulated account as the trading adapter takes them. */
export function credentialsOf(account: SimAccountKeys | undefined): TradingCredentials {
  if (account?.accessToken) return { accessToken: account.accessToken };
  return { keyId: account?.keyId ?? '', secretKey: account?.secretKey ?? '' };
}
