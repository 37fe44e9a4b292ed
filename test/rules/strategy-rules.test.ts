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
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { STRATEGY_CONFIG_BOUNDS } from '../../functions/src/contract/strategy-document';

/**
 * firestore.rules for what users write themselves: their strategy configuration (typed, within
 * bounds, never the server's `state`) and their kill switch. Decisions, orders and snapshots are
 * server-written. A project of its own, so seeding never touches other tests' documents.
 */
let env: RulesTestEnvironment;
type Firestore = ReturnType<RulesTestContext['firestore']>;
const alice = (): Firestore => env.authenticatedContext('alice').firestore();
const bob = (): Firestore => env.authenticatedContext('bob').firestore();
const STRATEGY = 'users/alice/strategies/hedge';
const SETTINGS = 'users/alice/settings/trading';

beforeAll(async () => {
  setLogLevel('silent');
  env = await initializeTestEnvironment({
    projectId: 'demo-gex-pulse-strategy-rules',
    firestore: { rules: readFileSync(join(process.cwd(), 'firestore.rules'), 'utf8') },
  });
});
beforeEach(async () => {
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore();
    await db.doc(STRATEGY).set({ enabled: true, mode: 'off', state: { status: 'evaluated' } });
    await db.doc(SETTINGS).set({ kill_switch: false, updated_at: '2025-05-16T14:00:00Z' });
    await db.doc('users/alice/decisions/hedge_1').set({ seeded: true });
    await db.doc('users/alice/orders/gp1-abc').set({ seeded: true });
  });
});
afterAll(async () => {
  await env.cleanup();
});

const valid = {
  enabled: true,
  mode: 'paper',
  kind: 'gamma_scalper',
  symbol: 'SPY',
  hedge_threshold_positive: 0.15,
  hedge_threshold_negative: 0.1,
  allocation_positive: 0.5,
  allocation_negative: 0.25,
  max_position_shares: 1000,
  max_order_notional: 50000,
  max_orders_per_day: 20,
};

describe('users/{uid}/strategies/{id}: the owner configures within bounds', () => {
  it('the owner creates a full valid configuration and updates each field; another user cannot', async () => {
    await assertSucceeds(alice().doc('users/alice/strategies/new').set(valid));
    await assertSucceeds(alice().doc('users/alice/strategies/minimal').set({ enabled: false }));
    await assertSucceeds(alice().doc(STRATEGY).update({ mode: 'live', hedge_threshold_negative: 0.2 }));
    await assertFails(bob().doc('users/alice/strategies/new2').set(valid));
    await assertFails(bob().doc(STRATEGY).update({ enabled: false }));
  });

  it('the owner deletes a strategy', async () => {
    await assertSucceeds(alice().doc(STRATEGY).delete());
  });

  const bad: [string, unknown][] = [
    ['enabled', 'yes'],
    ['mode', 'yolo'],
    ['kind', 'martingale'],
    ['symbol', 'spy lower'],
    ['symbol', 42],
  ];
  for (const [field, { min, max }] of Object.entries(STRATEGY_CONFIG_BOUNDS)) {
    bad.push([field, min - 0.001], [field, max + 1], [field, 'high']);
    if ('integer' in STRATEGY_CONFIG_BOUNDS[field as keyof typeof STRATEGY_CONFIG_BOUNDS])
      bad.push([field, min + 0.5]);
  }
  for (const [field, value] of bad) {
    it(`rejects ${field} = ${JSON.stringify(value)} on create and on update`, async () => {
      await assertFails(
        alice()
          .doc('users/alice/strategies/other')
          .set({ ...valid, [field]: value }),
      );
      await assertFails(
        alice()
          .doc(STRATEGY)
          .update({ [field]: value }),
      );
    });
  }
  for (const [field, { min, max }] of Object.entries(STRATEGY_CONFIG_BOUNDS)) {
    it(`accepts ${field} at its bounds ${min} and ${max}`, async () => {
      await assertSucceeds(
        alice()
          .doc(STRATEGY)
          .update({ [field]: min }),
      );
      await assertSucceeds(
        alice()
          .doc(STRATEGY)
          .update({ [field]: max }),
      );
    });
  }

  it('rejects the server field state, unknown fields, a missing enabled and a bad id', async () => {
    await assertFails(
      alice()
        .doc('users/alice/strategies/s1')
        .set({ ...valid, state: { status: 'evaluated' } }),
    );
    await assertFails(
      alice()
        .doc(STRATEGY)
        .update({ state: { status: 'forged' } }),
    );
    await assertFails(alice().doc(STRATEGY).update({ 'state.status': 'forged' }));
    await assertFails(
      alice()
        .doc('users/alice/strategies/s2')
        .set({ ...valid, last_decision: {} }),
    );
    await assertFails(alice().doc('users/alice/strategies/s3').set({ mode: 'off' }));
    await assertFails(alice().doc('users/alice/strategies/bad id!').set(valid));
    // Replacing the document without its state would delete a server field: refused too.
    await assertFails(alice().doc(STRATEGY).set(valid));
  });
});

describe('users/{uid}/settings/trading: the kill switch', () => {
  it('the owner turns it on and off; another user cannot', async () => {
    await assertSucceeds(alice().doc(SETTINGS).update({ kill_switch: true }));
    await assertSucceeds(alice().doc(SETTINGS).update({ kill_switch: false }));
    await assertFails(bob().doc(SETTINGS).update({ kill_switch: true }));
  });

  it('creates with the boolean only; rejects other types and the server timestamp', async () => {
    await env.withSecurityRulesDisabled((ctx) => ctx.firestore().doc(SETTINGS).delete());
    await assertFails(alice().doc(SETTINGS).set({ kill_switch: 'on' }));
    await assertFails(alice().doc(SETTINGS).set({ kill_switch: true, updated_at: 'now' }));
    await assertSucceeds(alice().doc(SETTINGS).set({ kill_switch: true }));
    await assertFails(alice().doc(SETTINGS).update({ updated_at: 'forged' }));
    await assertFails(alice().doc(SETTINGS).update({ kill_switch: 1 }));
  });

  it('other settings documents are not writable', async () => {
    await assertFails(alice().doc('users/alice/settings/other').set({ kill_switch: true }));
  });
});

describe('server-written strategy records', () => {
  for (const path of ['users/alice/decisions/hedge_1', 'users/alice/orders/gp1-abc']) {
    it(`${path}: the owner reads, nobody writes`, async () => {
      await assertSucceeds(alice().doc(path).get());
      await assertFails(bob().doc(path).get());
      await assertFails(alice().doc(path).set({ forged: true }));
      await assertFails(alice().doc(path).delete());
    });
  }
  it('strategyEvents and the runner state are server-only', async () => {
    await assertFails(alice().doc('strategyEvents/e1').get());
    await assertFails(alice().doc('serverState/strategy_last_good').get());
    await assertFails(alice().doc('strategyEvents/e1').set({ as_of: 'x' }));
  });
});
