import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SymbolChainResult } from '../../../functions/src/market/market-cycle';
import type { RunningSimulator } from '../../../simulator/server';
import { simFaults, simMarketData, simReset, startSim } from './sim-harness';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.close());

function ok(result: SymbolChainResult | undefined) {
  if (!result?.ok) throw new Error(`expected a chain, got ${JSON.stringify(result)}`);
  return result;
}

async function spyAt(now: string, faults: unknown[] = []) {
  await simReset(sim, now);
  await simFaults(sim, faults);
  const cycle = await simMarketData(sim).marketData.loadChains(['SPY']);
  const spy = ok(cycle.symbols.SPY);
  return { cycle, spy, expiries: new Set(spy.chain.contracts.map((c) => c.expiry)) };
}

describe('0DTE and 1DTE follow Alpaca’s clock and calendar', () => {
  it('Friday’s 1DTE is Monday', async () => {
    const { spy, expiries } = await spyAt('2025-05-16T15:00:00Z');
    expect(spy.buckets.oneDte).toEqual({ session: '2025-05-19', expiry: '2025-05-19' });
    expect(expiries).toEqual(new Set(['2025-05-16', '2025-05-19']));
  });

  it('before a Monday holiday, Friday’s 1DTE is Tuesday', async () => {
    // Memorial Day, Monday 2025-05-26.
    const { spy, expiries } = await spyAt('2025-05-23T15:00:00Z');
    expect(spy.buckets).toEqual({
      zeroDte: { session: '2025-05-23', expiry: '2025-05-23' },
      oneDte: { session: '2025-05-27', expiry: '2025-05-27' },
    });
    expect(expiries.has('2025-05-26')).toBe(false);
  });

  it('an injected holiday moves the 1DTE past it', async () => {
    const { spy } = await spyAt('2025-05-16T15:00:00Z', [{ kind: 'holiday', date: '2025-05-19' }]);
    expect(spy.buckets.oneDte).toEqual({ session: '2025-05-20', expiry: '2025-05-20' });
  });

  it('a holiday today: the market is closed and 0DTE is the next session', async () => {
    const { cycle, spy } = await spyAt('2025-05-16T15:00:00Z', [{ kind: 'holiday', date: '2025-05-16' }]);
    expect(cycle.marketOpen).toBe(false);
    expect(spy.buckets.zeroDte.session).toBe('2025-05-19');
    expect(spy.buckets.oneDte.session).toBe('2025-05-20');
  });

  it('an early close is carried to the engine as the expiry’s close', async () => {
    // Friday after Thanksgiving 2024 closes at 13:00 New York (18:00Z).
    const { spy } = await spyAt('2024-11-29T15:00:00Z');
    expect(spy.chain.expiryCloses?.['2024-11-29']).toBe('2024-11-29T18:00:00.000Z');
    expect(spy.chain.expiryCloses?.['2024-12-02']).toBe('2024-12-02T21:00:00.000Z');
  });

  it('a closed market (Saturday) still loads: 0DTE Monday, 1DTE Tuesday, market closed', async () => {
    const { cycle, spy } = await spyAt('2025-05-17T16:00:00Z');
    expect(cycle.marketOpen).toBe(false);
    expect(spy.buckets.zeroDte.session).toBe('2025-05-19');
    expect(spy.buckets.oneDte.session).toBe('2025-05-20');
  });

  it('a weekly-only symbol: no 0DTE expiry on Thursday is a null bucket; none at all is no_expiries', async () => {
    await simReset(sim, '2025-05-22T15:00:00Z'); // Thursday; AAPL lists Friday weeklies only
    const thursday = await simMarketData(sim).marketData.loadChains(['AAPL']);
    const aapl = ok(thursday.symbols.AAPL);
    expect(aapl.buckets).toEqual({
      zeroDte: { session: '2025-05-22', expiry: null },
      oneDte: { session: '2025-05-23', expiry: '2025-05-23' },
    });
    expect(new Set(aapl.chain.contracts.map((c) => c.expiry))).toEqual(new Set(['2025-05-23']));

    await simReset(sim, '2025-05-20T15:00:00Z'); // Tuesday: neither Tuesday nor Wednesday is listed
    const tuesday = await simMarketData(sim).marketData.loadChains(['AAPL']);
    expect(tuesday.symbols.AAPL).toMatchObject({
      ok: false,
      error: { kind: 'no_expiries', message: 'AAPL: no expiry listed for 2025-05-20 or 2025-05-21' },
    });
  });
});
