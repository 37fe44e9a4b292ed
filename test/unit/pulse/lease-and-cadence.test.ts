import { describe, expect, it } from 'vitest';
import { PULSE_TIMEOUT_SECONDS } from '../../../functions/src/app/global-options';
import { PULSE_LEASE_TTL_MS } from '../../../functions/src/app/pulse-deps';
import { runPulse } from '../../../functions/src/pulse/run-pulse';
import { gexResult, testDeps } from './fakes';

const T0 = '2025-05-16T14:30:00.000Z';
const results = {
  SPY: gexResult({ netGex: '7650000.00', spot: '450.25', asOf: T0 }),
  QQQ: gexResult({ netGex: '100.00', spot: '520.10', asOf: T0 }),
};

describe('runPulse: lease', () => {
  it('two overlapping pulses write once: the second finds the lease held', async () => {
    const { deps, store, market } = testDeps({ results });
    const [a, b] = await Promise.all([
      runPulse(deps, { scheduleTime: T0 }),
      runPulse(deps, { scheduleTime: '2025-05-16T14:31:00.000Z' }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['skipped', 'written']);
    expect([a, b].find((o) => o.status === 'skipped')).toMatchObject({ reason: 'held' });
    expect(store.commits).toHaveLength(1);
    expect(market.chainLoads).toBe(1);
  });

  it('a retry of a minute that already wrote is superseded (as_of only moves forward)', async () => {
    const { deps, store } = testDeps({ results });
    await runPulse(deps, { scheduleTime: T0 });
    const retry = await runPulse(deps, { scheduleTime: T0 });
    const older = await runPulse(deps, { scheduleTime: '2025-05-16T14:29:00.000Z' });
    expect(retry).toMatchObject({ status: 'skipped', reason: 'superseded' });
    expect(older).toMatchObject({ status: 'skipped', reason: 'superseded' });
    expect(store.commits).toHaveLength(1);
  });

  it('writes nothing when the lease was lost while computing (expired and taken by another run)', async () => {
    const { deps, store, market } = testDeps({ results });
    const load = market.loadChains.bind(market);
    market.loadChains = (input) => {
      store.holder = 'another-run';
      return load(input);
    };
    const outcome = await runPulse(deps, { scheduleTime: T0 });
    expect(outcome).toMatchObject({ status: 'skipped', reason: 'lease_lost' });
    expect(store.commits).toHaveLength(0);
    expect(store.holder).toBe('another-run');
  });

  it('a crashed pulse’s lease (production TTL) has expired when the next minute’s pulse arrives', async () => {
    const { deps, store, setNow } = testDeps({ results });
    deps.config.leaseTtlMs = PULSE_LEASE_TTL_MS;
    expect(PULSE_LEASE_TTL_MS).toBeGreaterThan(PULSE_TIMEOUT_SECONDS * 1000);
    // The 14:30 run took the lease 2 s late (a cold start) and died without releasing it.
    const crashed = await store.acquireLease({
      pulseTime: T0,
      now: new Date('2025-05-16T14:30:02.000Z'),
      ttlMs: PULSE_LEASE_TTL_MS,
    });
    expect(crashed.acquired).toBe(true);
    // While that run could still be alive (its timeout has not passed), nobody else writes.
    setNow('2025-05-16T14:30:56.000Z');
    expect(await runPulse(deps, { scheduleTime: '2025-05-16T14:30:30.000Z' })).toMatchObject({
      status: 'skipped',
      reason: 'held',
    });
    // The next minute's pulse, arriving promptly, takes over.
    setNow('2025-05-16T14:31:00.500Z');
    const next = await runPulse(deps, { scheduleTime: '2025-05-16T14:31:00.000Z' });
    expect(next).toMatchObject({ status: 'written' });
    expect(store.commits).toHaveLength(1);
  });

  it('keeps newer stored numbers when a chain’s as_of is older than what is stored', async () => {
    const mutable = { ...results };
    const { deps, store } = testDeps({ results: mutable });
    await runPulse(deps, { scheduleTime: T0 });
    mutable.SPY = gexResult({ netGex: '1.00', spot: '449.00', asOf: '2025-05-16T14:00:00.000Z' });
    await runPulse(deps, { scheduleTime: '2025-05-16T14:31:00.000Z' });
    expect((store.regime!.spy as { net_gex: string }).net_gex).toBe('7650000.00');
  });
});

describe('runPulse: market-closed cadence', () => {
  const closed = {
    isOpen: false,
    timestamp: '2025-05-16T21:00:00.000Z',
    nextOpen: '2025-05-19T13:30:00.000Z',
    nextClose: '2025-05-19T20:00:00.000Z',
  };

  it('computes the first closed pulse, then only every N minutes, saying market_open: false', async () => {
    const { deps, store, market } = testDeps({ results });
    await runPulse(deps, { scheduleTime: T0 }); // open
    market.clock = closed;
    const first = await runPulse(deps, { scheduleTime: '2025-05-16T21:00:00.000Z' });
    expect(first).toMatchObject({ status: 'written', marketOpen: false });
    expect(store.regime!.market_open).toBe(false);

    const early = await runPulse(deps, { scheduleTime: '2025-05-16T21:14:00.000Z' });
    expect(early).toMatchObject({ status: 'skipped', reason: 'market_closed_cadence', apiCalls: 1 });
    expect(market.chainLoads).toBe(2);
    expect(store.holder).toBeNull(); // lease given back

    const due = await runPulse(deps, { scheduleTime: '2025-05-16T21:15:00.000Z' });
    expect(due).toMatchObject({ status: 'written', marketOpen: false });
    expect(market.chainLoads).toBe(3);
    expect(store.commits).toHaveLength(3);
  });

  it('computes at once when the market opens again', async () => {
    const { deps, market } = testDeps({ results });
    market.clock = closed;
    await runPulse(deps, { scheduleTime: '2025-05-16T21:00:00.000Z' });
    market.clock = { ...closed, isOpen: true };
    const open = await runPulse(deps, { scheduleTime: '2025-05-16T21:01:00.000Z' });
    expect(open).toMatchObject({ status: 'written', marketOpen: true });
  });
});
