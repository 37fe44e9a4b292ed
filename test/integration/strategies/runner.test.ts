import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRunnerDeps, type TradingHosts } from '../../../functions/src/app/strategy-runner';
import { handleRegimeWrite } from '../../../functions/src/strategy-runner/on-regime-write';
import { storedRegimeDoc } from '../../unit/strategy-runner/regime-builder';
import { call, signUp, simAccounts, statusOf, waitFor } from '../accounts/harness';
import { adminDb, clearFirestore, minute, sim, simulatorUrl, triggerPulse } from '../pulse/harness';
import {
  decisionsFor,
  keyring,
  nextAsOf,
  seedUser,
  shortSpyAccount,
  simOrders,
  writeRegime,
} from './harness';

/**
 * The strategy runner end to end: the Functions emulator's `runStrategies` trigger on regime
 * writes, users seeded as the accounts module leaves them, orders through the real Alpaca SDK
 * against the simulator, whose order list is the proof.
 */
describe('strategy runner on regime writes', () => {
  const db = adminDb();

  /** The runner's dependencies in this process (the handler called directly, not by a trigger). */
  const runnerDeps = (options: { globalKillSwitch?: boolean; hosts?: TradingHosts } = {}) =>
    createRunnerDeps({
      db,
      config: {
        pageSize: 10_000,
        concurrency: 8,
        globalKillSwitch: options.globalKillSwitch ?? false,
        overrideRegime: 'none',
      },
      retentionDays: 30,
      keyring: () => keyring,
      hosts: options.hosts ?? { paper: simulatorUrl(), live: simulatorUrl() },
      enqueuePage: () => Promise.reject(new Error('one page expected')),
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
  /** A regime write event for a fresh `as_of`. */
  const regimeEvent = (asOf: string) => ({
    id: `event-${randomUUID()}`,
    before: null,
    after: storedRegimeDoc({ asOf, lastUpdated: new Date().toISOString() }),
  });

  beforeAll(async () => {
    await clearFirestore();
  });
  beforeEach(async () => {
    await sim.reset();
  });

  const decided = async (uid: string, asOf: string) => {
    await waitFor(
      `decision of ${uid} for ${asOf}`,
      async () => (await decisionsFor(db, uid, asOf)).length > 0,
    );
    const [entry] = await decisionsFor(db, uid, asOf);
    return entry as {
      decision: Record<string, unknown>;
      execution: Record<string, unknown>;
      expire_at: unknown;
    };
  };

  it('a regime write evaluates each connected user: off records only, paper places one order with its client order id', async () => {
    const account = await shortSpyAccount();
    const off = `off-${randomUUID()}`;
    const paper = `paper-${randomUUID()}`;
    await seedUser(db, { uid: off, config: { mode: 'off' } });
    await seedUser(db, { uid: paper, account, config: { mode: 'paper' } });
    const asOf = nextAsOf();
    await writeRegime(db, { asOf });
    const offEntry = await decided(off, asOf);
    expect(offEntry.execution).toMatchObject({ mode: 'off', status: 'decisions_only', orders: [] });
    expect(offEntry.expire_at).toBeDefined();
    const entry = await decided(paper, asOf);
    expect(entry.decision).toMatchObject({
      regime_source: 'document',
      regime_as_of: asOf,
      gex_regime: 'POSITIVE',
      multiplier: '0.90',
    });
    expect(entry.execution).toMatchObject({ mode: 'paper', status: 'placed' });
    const outcome = (entry.execution.orders as Record<string, unknown>[])[0];
    expect(outcome).toMatchObject({ result: 'placed', side: 'buy', symbol: 'SPY' });
    const orders = await simOrders(account.id);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({
      client_order_id: outcome?.client_order_id,
      status: 'filled',
      side: 'buy',
    });
    const state = (await db.doc(`users/${paper}/strategies/hedge`).get()).get('state') as Record<
      string,
      unknown
    >;
    expect(state).toMatchObject({
      status: 'evaluated',
      regime_as_of: asOf,
      regime_source: 'document',
      hedge_threshold: '0.15',
      allocation: '0.5',
      multiplier: '0.90',
    });
    expect(state.last_decision).toMatchObject({ execution: { status: 'placed' } });
  });

  it('a re-delivered event and a repeated run place no second order', async () => {
    const account = await shortSpyAccount();
    const uid = `redeliver-${randomUUID()}`;
    await seedUser(db, { uid, account, config: { mode: 'paper' } });
    const deps = runnerDeps();
    const event = regimeEvent(nextAsOf());
    expect((await handleRegimeWrite(deps, event)).outcome).toBe('inline');
    expect(await handleRegimeWrite(deps, event)).toEqual({ outcome: 'ignored', why: 'duplicate_event' });
    // Even with the marker gone (a new event id for the same regime), the decision is not made again.
    const again = await handleRegimeWrite(deps, { ...event, id: `event-${randomUUID()}` });
    expect(again).toMatchObject({ outcome: 'inline', report: { ordersPlaced: 0 } });
    expect(await simOrders(account.id)).toHaveLength(1);
  });

  it('the global kill switch (STRATEGIES_KILL_SWITCH) stops every user’s orders; their decisions are recorded', async () => {
    const accounts = [await shortSpyAccount(), await shortSpyAccount()];
    const uids = accounts.map((_, i) => `global-kill-${i}-${randomUUID()}`);
    await Promise.all(
      uids.map((uid, i) => seedUser(db, { uid, account: accounts[i], config: { mode: 'paper' } })),
    );
    const asOf = nextAsOf();
    expect(await handleRegimeWrite(runnerDeps({ globalKillSwitch: true }), regimeEvent(asOf))).toMatchObject({
      outcome: 'inline',
      report: { ordersPlaced: 0 },
    });
    for (const [i, uid] of uids.entries()) {
      const entry = await decided(uid, asOf);
      expect(entry.decision).toMatchObject({ regime_source: 'document', regime_as_of: asOf });
      expect(entry.execution).toMatchObject({
        mode: 'paper',
        status: 'killed',
        kill_switch_global: true,
        kill_switch_user: false,
        orders: [],
      });
      expect(entry.execution.reason).toBe(
        'global kill switch (STRATEGIES_KILL_SWITCH) is on: 1 order(s) proposed, not placed',
      );
      expect(await simOrders(accounts[i]!.id)).toHaveLength(0);
    }
  });

  it('live mode places its order through the live host on a live connection; a mode that does not match the connection places none', async () => {
    // The paper host is closed: an order sent there would fail, so a placed order went to the live one.
    const hosts = { paper: 'http://127.0.0.1:9', live: simulatorUrl() };
    const [liveAccount, paperModeAccount, paperAccount] = [
      await shortSpyAccount(),
      await shortSpyAccount(),
      await shortSpyAccount(),
    ];
    const live = `live-${randomUUID()}`;
    const paperModeOnLive = `paper-on-live-${randomUUID()}`;
    const liveModeOnPaper = `live-on-paper-${randomUUID()}`;
    await seedUser(db, { uid: live, account: liveAccount, live: true, config: { mode: 'live' } });
    await seedUser(db, {
      uid: paperModeOnLive,
      account: paperModeAccount,
      live: true,
      config: { mode: 'paper' },
    });
    await seedUser(db, { uid: liveModeOnPaper, account: paperAccount, config: { mode: 'live' } });
    const asOf = nextAsOf();
    await handleRegimeWrite(runnerDeps({ hosts }), regimeEvent(asOf));
    const placed = await decided(live, asOf);
    expect(placed.execution).toMatchObject({ mode: 'live', status: 'placed' });
    const orders = await simOrders(liveAccount.id);
    expect(orders).toHaveLength(1);
    expect(orders[0]?.client_order_id).toBe(
      (placed.execution.orders as Record<string, unknown>[])[0]?.client_order_id,
    );
    expect((await decided(paperModeOnLive, asOf)).execution).toMatchObject({
      status: 'mode_mismatch',
      reason: 'mode paper on a live account: no order',
      orders: [],
    });
    expect((await decided(liveModeOnPaper, asOf)).execution).toMatchObject({
      status: 'mode_mismatch',
      reason: 'mode live on a paper account: no order',
      orders: [],
    });
    expect(await simOrders(paperModeAccount.id)).toHaveLength(0);
    expect(await simOrders(paperAccount.id)).toHaveLength(0);
  });

  it('a dropped order response is recovered by lookup: exactly one order', async () => {
    const account = await shortSpyAccount();
    await simAccounts.setFaults({ keyId: account.keyId! }, [
      { kind: 'drop_response', endpoint: '/v2/orders', times: 1 },
    ]);
    const uid = `drop-${randomUUID()}`;
    await seedUser(db, { uid, account, config: { mode: 'paper' } });
    const asOf = nextAsOf();
    await writeRegime(db, { asOf });
    const entry = await decided(uid, asOf);
    expect(entry.execution).toMatchObject({ status: 'placed' });
    expect((entry.execution.orders as Record<string, unknown>[])[0]).toMatchObject({
      result: 'existing',
      alpaca_status: 'filled',
    });
    expect(await simOrders(account.id)).toHaveLength(1);
  });

  it('the kill switch (setKillSwitch callable) stops the user’s orders; the decision says so', async () => {
    const user = await signUp();
    const account = await shortSpyAccount();
    await seedUser(db, { uid: user.uid, account, config: { mode: 'paper' } });
    expect(statusOf(await call('setKillSwitch', { on: 'yes' }, user.idToken))).toBe('INVALID_ARGUMENT');
    expect(statusOf(await call('setKillSwitch', { on: true }))).toBe('UNAUTHENTICATED');
    expect(await call('setKillSwitch', { on: true }, user.idToken)).toEqual({
      result: { kill_switch: true },
    });
    const asOf = nextAsOf();
    await writeRegime(db, { asOf });
    const entry = await decided(user.uid, asOf);
    expect(entry.execution).toMatchObject({ status: 'killed', kill_switch_user: true, orders: [] });
    expect(entry.execution.reason).toBe("the user's kill switch is on: 1 order(s) proposed, not placed");
    expect(await simOrders(account.id)).toHaveLength(0);
  });

  it('a stale regime falls back to the last good one and says so; no order', async () => {
    const account = await shortSpyAccount();
    const uid = `stale-${randomUUID()}`;
    await seedUser(db, { uid, account, config: { mode: 'paper', max_orders_per_day: 0 } });
    const good = nextAsOf();
    await writeRegime(db, { asOf: good, spy: { netGex: '-1800000000.00', strength: '1.800000' } });
    await decided(uid, good);
    const stale = nextAsOf();
    await writeRegime(db, { asOf: stale, stale: true });
    const entry = await decided(uid, stale);
    expect(entry.decision).toMatchObject({ regime_source: 'last_good', gex_regime: 'NEGATIVE', orders: [] });
    expect((entry.decision.reasons as string[]).join(' ')).toMatch(/stale/);
    expect(await simOrders(account.id)).toHaveLength(0);
  });

  it('more users than a page fan out through the task queue; every one is decided', async () => {
    // More than STRATEGIES_PAGE_SIZE (250 in functions/.env.demo-gex-pulse): two pages, two tasks.
    const uids = Array.from({ length: 260 }, (_, i) => `fan-${String(i).padStart(3, '0')}-${randomUUID()}`);
    for (let i = 0; i < uids.length; i += 20) {
      await Promise.all(uids.slice(i, i + 20).map((uid) => seedUser(db, { uid, config: { mode: 'off' } })));
    }
    const asOf = nextAsOf();
    await writeRegime(db, { asOf });
    await waitFor(
      'every fanned-out user decided',
      async () =>
        (await db.collectionGroup('decisions').where('regime_event_as_of', '==', asOf).count().get()).data()
          .count >= uids.length,
      60_000,
    );
    for (const uid of [uids[0]!, uids[259]!]) expect(await decisionsFor(db, uid, asOf)).toHaveLength(1);
  });

  it('a write that keeps as_of is ignored', async () => {
    const uid = `same-${randomUUID()}`;
    await seedUser(db, { uid, config: { mode: 'off' } });
    const asOf = nextAsOf();
    await writeRegime(db, { asOf });
    await decided(uid, asOf);
    const before = (await db.collection(`users/${uid}/decisions`).get()).size;
    await writeRegime(db, { asOf, lastUpdated: new Date().toISOString() });
    // A new as_of is evaluated (here the regime also turned negative, so the positive regime's
    // five-minute evaluation interval does not hold it back).
    const next = nextAsOf();
    await writeRegime(db, { asOf: next, spy: { netGex: '-1800000000.00', strength: '1.800000' } });
    await decided(uid, next);
    expect((await db.collection(`users/${uid}/decisions`).get()).size).toBe(before + 1);
  });

  it('a real pulse write (scheduled trigger, simulator market) evaluates a connected user on its regime', async () => {
    const uid = `pulse-${randomUUID()}`;
    await seedUser(db, { uid, config: { mode: 'off' } });
    expect(await triggerPulse(minute(new Date(), 0))).toBe(200);
    const asOf = (await db.doc('systemStatus/market_regime').get()).get('as_of') as string;
    const entry = await decided(uid, asOf);
    expect(entry.decision).toMatchObject({ symbol: 'SPY', regime_source: 'document' });
    expect(entry.execution).toMatchObject({ mode: 'off', status: 'decisions_only' });
  });
});
