import { describe, expect, it } from 'vitest';
import { handleRegimeWrite, pageTaskId } from '../../../functions/src/strategy-runner/on-regime-write';
import { runPageTask } from '../../../functions/src/strategy-runner/run-page';
import { FakeOrderClient, MemoryRunnerStore, memoryDeps, snapshot } from './fakes';
import { storedRegimeDoc } from './regime-builder';

const AS_OF = '2025-05-16T14:00:00.000Z';
const NEXT = '2025-05-16T14:01:00.000Z';
const event = (id: string, asOf = AS_OF, before: unknown = null, over = {}) => ({
  id,
  before,
  after: storedRegimeDoc({ asOf, ...over }),
});

function decisionsOf(store: MemoryRunnerStore) {
  return [...store.decisions.values()];
}

describe('handleRegimeWrite', () => {
  it('ignores deletions, writes without as_of and writes that keep as_of', async () => {
    const store = new MemoryRunnerStore();
    store.addUser('u1', {});
    const deps = memoryDeps(store);
    expect(
      await handleRegimeWrite(deps, { id: 'e0', before: storedRegimeDoc({ asOf: AS_OF }), after: null }),
    ).toEqual({ outcome: 'ignored', why: 'deleted' });
    expect(await handleRegimeWrite(deps, { id: 'e1', before: null, after: { foo: 1 } })).toEqual({
      outcome: 'ignored',
      why: 'no_as_of',
    });
    const same = await handleRegimeWrite(deps, event('e2', AS_OF, storedRegimeDoc({ asOf: AS_OF })));
    expect(same).toEqual({ outcome: 'ignored', why: 'as_of_unchanged' });
    expect(store.decisions.size).toBe(0);
  });

  it('evaluates every connected user inline and records decisions; a re-delivered event id does nothing', async () => {
    const store = new MemoryRunnerStore();
    store.addUser('u1', {});
    store.addUser('u2', { config: { mode: 'paper' } });
    const client = new FakeOrderClient();
    const deps = memoryDeps(store, { client });
    const first = await handleRegimeWrite(deps, event('e1'));
    expect(first).toMatchObject({ outcome: 'inline', report: { users: 2, decisions: 2, ordersPlaced: 1 } });
    const [off, paper] = decisionsOf(store);
    expect(off?.execution).toMatchObject({ mode: 'off', status: 'decisions_only' });
    expect(off?.decision.orders).toHaveLength(1); // proposed, recorded, not placed
    expect(paper?.execution).toMatchObject({ mode: 'paper', status: 'placed' });
    expect(paper?.execution.orders[0]?.client_order_id).toMatch(/^gp1-[0-9a-f]{40}$/);
    expect(client.placed.size).toBe(1);
    expect(store.lastGood.SPY?.as_of).toBe(AS_OF);
    expect(await handleRegimeWrite(deps, event('e1'))).toEqual({
      outcome: 'ignored',
      why: 'duplicate_event',
    });
    expect(client.submits).toBe(1);
  });

  it('a second run for the same regime (lost marker) decides nothing again and places no second order', async () => {
    const store = new MemoryRunnerStore();
    store.addUser('u1', { config: { mode: 'paper' } });
    const client = new FakeOrderClient();
    const deps = memoryDeps(store, { client });
    await handleRegimeWrite(deps, event('e1'));
    store.events.clear();
    const again = await handleRegimeWrite(deps, event('e1-redelivered'));
    expect(again).toMatchObject({
      outcome: 'inline',
      report: { decisions: 0, repeated: 1, ordersPlaced: 0 },
    });
    expect(client.submits).toBe(1);
  });

  it('a dropped order response is recovered by lookup: one order, recorded as existing', async () => {
    const store = new MemoryRunnerStore();
    store.addUser('u1', { config: { mode: 'paper' } });
    const client = new FakeOrderClient(['drop']);
    await handleRegimeWrite(memoryDeps(store, { client }), event('e1'));
    const [record] = decisionsOf(store);
    expect(record?.execution.status).toBe('placed');
    expect(record?.execution.orders[0]?.result).toBe('existing');
    expect(client.placed.size).toBe(1);
  });

  it('the user kill switch and the global one stop orders; decisions are recorded saying so', async () => {
    const store = new MemoryRunnerStore();
    store.addUser('u1', { config: { mode: 'paper' }, killSwitch: true });
    const client = new FakeOrderClient();
    await handleRegimeWrite(memoryDeps(store, { client }), event('e1'));
    expect(decisionsOf(store)[0]?.execution).toMatchObject({ status: 'killed', kill_switch_user: true });
    const global = new MemoryRunnerStore();
    global.addUser('u1', { config: { mode: 'paper' } });
    await handleRegimeWrite(memoryDeps(global, { client, globalKill: true }), event('e1'));
    expect(decisionsOf(global)[0]?.execution).toMatchObject({ status: 'killed', kill_switch_global: true });
    expect(decisionsOf(global)[0]?.execution.reason).toContain('STRATEGIES_KILL_SWITCH');
    expect(client.submits).toBe(0);
  });

  it('a stale regime falls back to the last good one, says so, and places no order', async () => {
    const store = new MemoryRunnerStore();
    store.addUser('u1', { config: { mode: 'paper' } });
    const client = new FakeOrderClient();
    const deps = memoryDeps(store, { client, now: '2025-05-16T14:01:10.000Z' });
    await handleRegimeWrite(
      deps,
      event('e1', AS_OF, null, { spy: { netGex: '-1800000000.00', strength: '1.800000' } }),
    );
    client.placed.clear();
    client.submits = 0;
    await handleRegimeWrite(deps, event('e2', NEXT, storedRegimeDoc({ asOf: AS_OF }), { stale: true }));
    const record = [...store.decisions.values()].find((r) => r.regimeEventAsOf === NEXT);
    expect(record?.decision.regime_source).toBe('last_good');
    expect(record?.decision.gex_regime).toBe('NEGATIVE');
    expect(record?.decision.orders).toEqual([]);
    expect(record?.decision.reasons.join(' ')).toMatch(/stale/);
    expect(client.submits).toBe(0);
  });

  it('with no last good regime the override param is used', async () => {
    const store = new MemoryRunnerStore();
    store.addUser('u1', {});
    await handleRegimeWrite(
      memoryDeps(store, { override: 'NEGATIVE:2' }),
      event('e1', AS_OF, null, { stale: true }),
    );
    expect(decisionsOf(store)[0]?.decision).toMatchObject({
      regime_source: 'override',
      gex_regime: 'NEGATIVE',
      multiplier: '1.20',
    });
  });

  it('paper mode on a live account is a mode mismatch; no snapshot is a problem on the strategy', async () => {
    const store = new MemoryRunnerStore();
    store.addUser('u1', { config: { mode: 'live' } });
    store.addUser('u2', { snapshot: null });
    await handleRegimeWrite(memoryDeps(store), event('e1'));
    expect(decisionsOf(store)[0]?.execution.status).toBe('mode_mismatch');
    expect(store.problems).toEqual([
      { uid: 'u2', strategyId: 'hedge', problem: 'no account snapshot yet: waiting for the first sync' },
    ]);
  });

  it('the daily cap counts the order log', async () => {
    const store = new MemoryRunnerStore();
    store.addUser('u1', { config: { mode: 'paper', max_orders_per_day: 1 }, snapshot: snapshot(-1000) });
    const client = new FakeOrderClient();
    const deps = memoryDeps(store, { client });
    await handleRegimeWrite(deps, event('e1'));
    await handleRegimeWrite(deps, event('e2', NEXT, storedRegimeDoc({ asOf: AS_OF })));
    const second = [...store.decisions.values()].find((r) => r.regimeEventAsOf === NEXT);
    expect(second?.decision.orders).toEqual([]);
    expect(second?.decision.reasons.join(' ')).toMatch(/daily order cap reached \(1 of 1\)/);
    expect(client.submits).toBe(1);
  });

  it('fans out in pages with ids from as_of and page; a repeat is rejected by id; a page of an older regime is skipped', async () => {
    const store = new MemoryRunnerStore();
    for (let i = 0; i < 5; i += 1) store.addUser(`u${i}`, {});
    const deps = memoryDeps(store, { pageSize: 2 });
    const report = await handleRegimeWrite(deps, event('e1'));
    expect(report).toEqual({ outcome: 'fanned_out', users: 5, pages: 3, enqueued: 3 });
    expect(deps.enqueued.map((e) => e.id)).toEqual([0, 1, 2].map((p) => pageTaskId(AS_OF, p)));
    expect(deps.enqueued.map((e) => e.task.uids)).toEqual([['u0', 'u1'], ['u2', 'u3'], ['u4']]);
    store.events.clear();
    expect(await handleRegimeWrite(deps, event('e1-again'))).toMatchObject({ enqueued: 0 });
    store.regime = storedRegimeDoc({ asOf: AS_OF });
    const page = await runPageTask(deps, deps.enqueued[0]!.task);
    expect(page).toMatchObject({ users: 2, decisions: 2, superseded: false });
    store.regime = storedRegimeDoc({ asOf: NEXT });
    expect(await runPageTask(deps, deps.enqueued[1]!.task)).toMatchObject({ superseded: true, decisions: 0 });
  });
});
