import { describe, expect, it } from 'vitest';
import { createAlpacaMarketSource } from '../../../functions/src/market/alpaca-market-source';
import { createMarketData } from '../../../functions/src/market/market-data';
import { runPulse } from '../../../functions/src/pulse/run-pulse';
import { computeGex } from '../../../functions/src/gex/compute-gex';
import { testDeps } from '../pulse/fakes';
import { fakeAlpacaClient } from './fake-alpaca-client';

const SESSIONS = ['2025-05-15', '2025-05-16', '2025-05-19', '2025-05-20'];
const SYMBOLS = ['SPY', 'QQQ'];

function setup(spots: Record<string, number>) {
  const state = { now: '2025-05-16T14:30:00.000Z', isOpen: true, sessions: SESSIONS, spots: { ...spots } };
  const fake = fakeAlpacaClient(state);
  const source = createAlpacaMarketSource({
    client: fake.client,
    marketData: createMarketData({ client: fake.client }),
  });
  return { state, ...fake, source };
}

/** One pulse's market read through the source: clock, then the chains, as the pulse does it. */
async function cycle(source: ReturnType<typeof setup>['source']) {
  const clock = await source.readClock();
  return source.loadChains({ symbols: SYMBOLS, clock });
}

/** The same minute read sequentially, by a fresh adapter with nothing warm to speculate on. */
function sequential(state: ReturnType<typeof setup>['state']) {
  const fake = fakeAlpacaClient(state);
  const marketData = createMarketData({ client: fake.client });
  return cycle(createAlpacaMarketSource({ client: fake.client, marketData }));
}

const chainRequests = (log: readonly string[], symbol: string) =>
  log.filter((l) => l === `/v1beta1/options/snapshots/${symbol}`).length;

describe('speculative chain requests', () => {
  it('starts a steady minute’s spot and chains with the clock and loads the same chains', async () => {
    const { state, log, source } = setup({ SPY: 500.0, QQQ: 450.0 });
    await cycle(source); // cold: clock, calendar, contracts, spot, chains in sequence
    state.now = '2025-05-16T14:31:00.000Z';
    state.spots = { SPY: 500.6, QQQ: 449.2 };
    log.length = 0;
    const steady = await cycle(source);

    const answered = log.indexOf('clock answered');
    expect(log.slice(0, answered)).toEqual(
      expect.arrayContaining([
        '/v2/stocks/trades/latest',
        '/v1beta1/options/snapshots/SPY',
        '/v1beta1/options/snapshots/QQQ',
      ]),
    );
    expect(chainRequests(log, 'SPY')).toBe(1);
    expect(chainRequests(log, 'QQQ')).toBe(1);
    expect(log.filter((l) => l === '/v2/stocks/trades/latest')).toHaveLength(1);

    const reference = await sequential(state);
    for (const symbol of SYMBOLS) {
      const got = steady.chains[symbol]!;
      const want = reference.chains[symbol]!;
      expect(got.ok && want.ok).toBe(true);
      if (!got.ok || !want.ok) continue;
      expect(got.chain).toEqual(want.chain);
      expect(got.adapterSkipped).toEqual(want.adapterSkipped);
      expect(computeGex(got.chain).regime).toEqual(computeGex(want.chain).regime);
    }
  });

  it('asks again for a symbol whose band moved out of what was asked, and only for it', async () => {
    const { state, log, source } = setup({ SPY: 500.0, QQQ: 450.0 });
    await cycle(source);
    state.now = '2025-05-16T14:31:00.000Z';
    state.spots = { SPY: 515.0, QQQ: 450.3 }; // SPY +3%: the band it needs is outside ±10.5% of 500
    log.length = 0;
    const moved = await cycle(source);
    expect(chainRequests(log, 'SPY')).toBe(2);
    expect(chainRequests(log, 'QQQ')).toBe(1);
    const reference = await sequential(state);
    expect(moved.chains.SPY).toMatchObject({ ok: true });
    expect(moved.chains.SPY!.ok && moved.chains.SPY!.chain).toEqual(
      reference.chains.SPY!.ok && reference.chains.SPY!.chain,
    );
  });

  it('asks again when the session dates changed (a new trading day)', async () => {
    const { state, log, source } = setup({ SPY: 500.0, QQQ: 450.0 });
    await cycle(source);
    state.now = '2025-05-19T14:30:00.000Z';
    log.length = 0;
    const nextDay = await cycle(source);
    expect(chainRequests(log, 'SPY')).toBe(2);
    expect(chainRequests(log, 'QQQ')).toBe(2);
    const reference = await sequential(state);
    for (const symbol of SYMBOLS) {
      expect(nextDay.chains[symbol]!.ok && nextDay.chains[symbol]!.chain).toEqual(
        reference.chains[symbol]!.ok && reference.chains[symbol]!.chain,
      );
    }
  });

  it('does not speculate after a closed-market minute', async () => {
    const { state, log, source } = setup({ SPY: 500.0, QQQ: 450.0 });
    state.isOpen = false;
    await cycle(source);
    log.length = 0;
    await source.readClock();
    expect(log).toEqual(['/v2/clock', 'clock answered']);
  });

  it('counts every request sent in api_calls, the discarded speculative ones included', async () => {
    const { state, source } = setup({ SPY: 500.0, QQQ: 450.0 });
    const { deps, store } = testDeps({ market: source, computeGex });
    await runPulse(deps, { scheduleTime: '2025-05-16T14:30:00.000Z' });
    // clock, calendar, 2 contract lists, spot, 2 chains
    expect(store.regime?.api_calls).toBe(7);
    state.now = '2025-05-16T14:31:00.000Z';
    state.spots = { SPY: 515.0, QQQ: 450.3 };
    await runPulse(deps, { scheduleTime: '2025-05-16T14:31:00.000Z' });
    // clock, spot, 2 speculative chains, SPY's chain asked again
    expect(store.regime?.api_calls).toBe(5);
    expect(store.regime?.stale).toBe(false);
  });
});
