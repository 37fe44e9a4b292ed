import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { computeGex } from '../../../functions/src/gex/compute-gex';
import { createMemoryDailyCache } from '../../../functions/src/market/daily-cache';
import type { SymbolChainResult } from '../../../functions/src/market/market-cycle';
import { DEFAULT_STRIKE_BAND_PCT } from '../../../functions/src/market/strike-band';
import type { OpenInterestEntry } from '../../../functions/src/market/open-interest';
import type { RunningSimulator } from '../../../simulator/server';
import { FRIDAY_OPEN, simMarketData, simPost, simReset, simStats, startSim } from './sim-harness';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSim(FRIDAY_OPEN);
});
afterAll(() => sim.close());
beforeEach(() => simReset(sim, FRIDAY_OPEN));

function ok(result: SymbolChainResult | undefined) {
  if (!result?.ok) throw new Error(`expected a chain, got ${JSON.stringify(result)}`);
  return result;
}

describe('loadChains against the simulator', () => {
  it('joins snapshots with the day’s open interest by OCC symbol for 0DTE and 1DTE', async () => {
    const oiCache = createMemoryDailyCache<OpenInterestEntry>();
    const { marketData } = simMarketData(sim, { openInterestCache: oiCache });
    const cycle = await marketData.loadChains(['spy', 'QQQ']);
    expect(cycle).toMatchObject({
      marketOpen: true,
      sessions: { zeroDte: '2025-05-16', oneDte: '2025-05-19' },
    });
    const spy = ok(cycle.symbols.SPY);
    expect(spy.buckets).toEqual({
      zeroDte: { session: '2025-05-16', expiry: '2025-05-16' },
      oneDte: { session: '2025-05-19', expiry: '2025-05-19' },
    });
    expect(spy.chain.asOf).toBe(cycle.asOf);
    expect(new Set(spy.chain.contracts.map((c) => c.expiry))).toEqual(new Set(['2025-05-16', '2025-05-19']));
    // Every contract's OI is the contract list's, and its strike lies in the default band around spot.
    const entry = (await oiCache.get(`oi:SPY:2025-05-16:2025-05-16..2025-05-19`))!;
    const listed = new Map(entry.contracts.map((c) => [c.symbol, c]));
    const spot = Number(spy.chain.spotPrice);
    for (const c of spy.chain.contracts) {
      expect(c.openInterest).toBe(listed.get(c.symbol)?.openInterest);
      expect(c.side).toBe(listed.get(c.symbol)?.side);
      expect(Math.abs(Number(c.strike) / spot - 1)).toBeLessThanOrEqual(
        DEFAULT_STRIKE_BAND_PCT / 100 + 0.0001,
      );
      expect(Number(c.gamma)).toBeGreaterThan(0);
    }
    expect(spy.quality).toMatchObject({
      contractsJoined: spy.chain.contracts.length,
      skipped: {},
      chainPages: 1,
    });
    expect(computeGex(spy.chain).regime.option_count).toBeGreaterThan(100);
    expect(ok(cycle.symbols.QQQ).chain.underlying).toBe('QQQ');
  });

  it('fetches contracts and calendar once per day: the second cycle makes 3 market-data calls and no contracts call', async () => {
    const { marketData } = simMarketData(sim);
    const first = await marketData.loadChains(['SPY', 'QQQ']);
    const afterFirst = await simStats(sim);
    expect(afterFirst.requests['GET /v2/options/contracts']).toBe(2);
    expect(afterFirst.requests['GET /v2/calendar']).toBe(1);
    expect(first.calls).toMatchObject({ marketData: 3, trading: 4 });

    const second = await marketData.loadChains(['SPY', 'QQQ']);
    const afterSecond = await simStats(sim);
    expect(afterSecond.requests['GET /v2/options/contracts']).toBe(2);
    expect(afterSecond.requests['GET /v2/calendar']).toBe(1);
    expect(afterSecond.marketData - afterFirst.marketData).toBe(3);
    expect(afterSecond.trading - afterFirst.trading).toBe(1); // the clock
    expect(second.calls).toMatchObject({ marketData: 3, trading: 1 });
    expect(second.calendarCached).toBe(true);
    expect(ok(second.symbols.SPY).quality.openInterestCached).toBe(true);
  });

  it('refetches contracts and calendar on the next trading day and across a holiday, not within a day', async () => {
    const { marketData } = simMarketData(sim);
    const cycleAt = async (now: string) => {
      await simPost(sim, 'clock', { now });
      return marketData.loadChains(['SPY', 'QQQ']);
    };
    const daily = (c: { calls: { byEndpoint: Record<string, number> } }) => [
      c.calls.byEndpoint['/v2/options/contracts'] ?? 0,
      c.calls.byEndpoint['/v2/calendar'] ?? 0,
    ];
    expect(daily(await cycleAt('2025-05-23T14:30:00Z'))).toEqual([2, 1]); // Friday 10:30
    expect(daily(await cycleAt('2025-05-23T19:59:00Z'))).toEqual([0, 0]); // Friday 15:59
    // Memorial Day: closed, a new day's calendar and the Tuesday + Wednesday contract lists.
    const holiday = await cycleAt('2025-05-26T14:30:00Z');
    expect(daily(holiday)).toEqual([2, 1]);
    expect(holiday).toMatchObject({
      marketOpen: false,
      sessions: { zeroDte: '2025-05-27', oneDte: '2025-05-28' },
    });
    expect(daily(await cycleAt('2025-05-26T18:00:00Z'))).toEqual([0, 0]);
    const tuesday = await cycleAt('2025-05-27T14:30:00Z');
    expect(daily(tuesday)).toEqual([2, 1]);
    expect(ok(tuesday.symbols.SPY).quality.openInterestDay).toBe('2025-05-27');
  });

  it('a failing cache store costs a refetch, never the cycle', async () => {
    const broken = {
      get: () => Promise.reject(new Error('store down')),
      set: () => Promise.reject(new Error('store down')),
    };
    const { marketData } = simMarketData(sim, { openInterestCache: broken, calendarCache: broken });
    await marketData.loadChains(['SPY']);
    const second = await marketData.loadChains(['SPY']);
    expect(second.symbols.SPY?.ok).toBe(true);
    expect(second.calls.byEndpoint['/v2/options/contracts']).toBe(1);
    expect(second.calls.byEndpoint['/v2/calendar']).toBe(1);
  });

  it('reuses a clock reading the caller already made: no trading call in a steady cycle', async () => {
    const { client, marketData } = simMarketData(sim);
    await marketData.loadChains(['SPY']);
    const clock = await client.getClock();
    const cycle = await marketData.loadChains(['SPY'], { clock });
    expect(cycle.calls).toMatchObject({ marketData: 2, trading: 0 });
    expect(cycle.asOf).toBe(clock.timestamp);
    expect(cycle.symbols.SPY?.ok).toBe(true);
  });

  it('follows every page of the chain and the contract list and gets the same chain', async () => {
    const { marketData: onePage } = simMarketData(sim, { strikeBandPct: null });
    const whole = ok((await onePage.loadChains(['SPY'])).symbols.SPY);
    const { marketData: paged } = simMarketData(sim, {
      strikeBandPct: null,
      chainPageLimit: 100,
      contractsPageLimit: 150,
    });
    const cycle = await paged.loadChains(['SPY']);
    const spy = ok(cycle.symbols.SPY);
    const pages = Math.ceil(whole.quality.snapshotsReceived / 100);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(spy.quality.chainPages).toBe(pages);
    expect(spy.quality.contractPages).toBe(Math.ceil(whole.quality.contractsListed / 150));
    expect(cycle.calls.byEndpoint['/v1beta1/options/snapshots/{underlying}']).toBe(pages);
    const bySymbol = (r: typeof whole) =>
      [...r.chain.contracts].sort((a, b) => a.symbol.localeCompare(b.symbol));
    expect(bySymbol(spy)).toEqual(bySymbol(whole));
  });

  it('refuses a chain cut short by the page cap', async () => {
    const { marketData } = simMarketData(sim, { strikeBandPct: null, chainPageLimit: 50, maxChainPages: 2 });
    const spy = (await marketData.loadChains(['SPY'])).symbols.SPY;
    expect(spy).toMatchObject({ ok: false, error: { kind: 'page_cap' } });
    expect(spy?.ok === false && spy.error.message).toBe(
      'SPY: the option chain needs more than 2 pages of 50 (the page cap); refusing a partial chain',
    );
  });
});
