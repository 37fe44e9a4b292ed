import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestContext,
  type RulesTestEnvironment,
} from '@firebase/rules-unit-testing';
import { setLogLevel } from 'firebase/firestore';
import { afterAll, beforeAll, describe, it } from 'vitest';

/**
 * firestore.rules against the Firestore emulator (FIRESTORE_EMULATOR_HOST), on a project of its
 * own so seeding and clearing never touch the pulse's documents.
 */
let env: RulesTestEnvironment;

const SERVER_DOCS = [
  'systemStatus/market_regime',
  'gexProfiles/SPY',
  'history/2025-05-16T14:30:00.000Z',
  'regimeEvents/spy_gex_sign_2025-05-16T14:30:00.000Z',
  'users/alice',
  'users/alice/data/snapshot',
  'users/alice/strategies/gamma-scalper',
  'users/alice/private/alpaca',
  'users/alice/private/connect_attempts',
  'serverState/pulse_lease',
  'serverState/key_rotation',
  'marketCache/oi%3ASPY',
];

beforeAll(async () => {
  setLogLevel('silent'); // denied requests are expected here; keep the output readable
  env = await initializeTestEnvironment({
    projectId: 'demo-gex-pulse-rules',
    firestore: { rules: readFileSync(join(process.cwd(), 'firestore.rules'), 'utf8') },
  });
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (ctx) => {
    for (const path of SERVER_DOCS) await ctx.firestore().doc(path).set({ seeded: true });
  });
});

afterAll(async () => {
  await env.cleanup();
});

const signedOut = (): Firestore => env.unauthenticatedContext().firestore();
const alice = (): Firestore => env.authenticatedContext('alice').firestore();
const bob = (): Firestore => env.authenticatedContext('bob').firestore();
type Firestore = ReturnType<RulesTestContext['firestore']>;
const read = (db: Firestore, path: string) => db.doc(path).get();
const write = (db: Firestore, path: string) => db.doc(path).set({ hacked: true });

describe('market documents (regime, profiles, history, regime events)', () => {
  for (const path of SERVER_DOCS.slice(0, 4)) {
    it(`${path}: signed-in users read`, async () => {
      await assertSucceeds(read(alice(), path));
      await assertSucceeds(read(bob(), path));
    });
    it(`${path}: signed-out clients cannot read`, async () => {
      await assertFails(read(signedOut(), path));
    });
    it(`${path}: no client writes or deletes`, async () => {
      await assertFails(write(alice(), path));
      await assertFails(write(signedOut(), path));
      await assertFails(alice().doc(path).delete());
    });
  }
});

describe('users/{uid}', () => {
  for (const path of ['users/alice', 'users/alice/data/snapshot', 'users/alice/strategies/gamma-scalper']) {
    it(`${path}: the owner reads`, async () => {
      await assertSucceeds(read(alice(), path));
    });
    it(`${path}: another user and signed-out clients cannot read`, async () => {
      await assertFails(read(bob(), path));
      await assertFails(read(signedOut(), path));
    });
    it(`${path}: server-written, so not even the owner writes`, async () => {
      await assertFails(write(alice(), path));
      await assertFails(write(bob(), path));
    });
  }

  it('users/alice/private/**: credentials are never client-readable, not even by the owner', async () => {
    await assertFails(read(alice(), 'users/alice/private/alpaca'));
    await assertFails(read(bob(), 'users/alice/private/alpaca'));
    await assertFails(write(alice(), 'users/alice/private/alpaca'));
    await assertFails(read(alice(), 'users/alice/private/alpaca/nested/deeper'));
  });

  it('users/alice/private/connect_attempts: the rate-limit counter is server-only too', async () => {
    await assertFails(read(alice(), 'users/alice/private/connect_attempts'));
    await assertFails(write(alice(), 'users/alice/private/connect_attempts'));
    await assertFails(read(signedOut(), 'users/alice/private/connect_attempts'));
  });

  it('users/alice: the owner cannot mark a connection active or write a snapshot', async () => {
    await assertFails(write(alice(), 'users/alice'));
    await assertFails(write(alice(), 'users/alice/data/snapshot'));
    await assertFails(write(bob(), 'users/alice/data/snapshot'));
  });
});

describe('server-only state', () => {
  for (const path of [
    'serverState/pulse_lease',
    'serverState/key_rotation',
    'marketCache/oi%3ASPY',
    'unknownCollection/x',
  ]) {
    it(`${path}: no client access`, async () => {
      await assertFails(read(alice(), path));
      await assertFails(read(signedOut(), path));
      await assertFails(write(alice(), path));
    });
  }
});

describe('collection queries', () => {
  const list = (db: Firestore, path: string) => db.collection(path).get();

  it('signed-in users list profiles, history and regime events; signed-out clients cannot', async () => {
    await assertSucceeds(list(alice(), 'gexProfiles'));
    await assertSucceeds(list(alice(), 'history'));
    await assertSucceeds(list(alice(), 'regimeEvents'));
    await assertFails(list(signedOut(), 'history'));
    await assertFails(list(signedOut(), 'regimeEvents'));
  });

  it('nobody creates a regime event, not even a signed-in user with a fresh id', async () => {
    await assertFails(alice().collection('regimeEvents').add({ symbol: 'spy', kind: 'gex_sign' }));
    await assertFails(write(alice(), 'regimeEvents/spy_zero_gamma_cross_2030-01-01T00:00:00.000Z'));
  });

  it('nobody lists all users, another user’s data, credentials or server state', async () => {
    await assertFails(list(alice(), 'users'));
    await assertFails(list(bob(), 'users/alice/data'));
    await assertSucceeds(list(alice(), 'users/alice/data'));
    await assertFails(list(alice(), 'users/alice/private'));
    await assertFails(list(alice(), 'serverState'));
    await assertFails(list(alice(), 'marketCache'));
  });
});
