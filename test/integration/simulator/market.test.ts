import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../simulator/server';
import { alpaca, control, start, type ContractsPage, type SnapshotsPage } from './sim-client';

const SPY_0DTE = '/v1beta1/options/snapshots/SPY?limit=1000&expiration_date=2025-05-16';
const SPY_OI = '/v2/options/contracts?underlying_symbols=SPY&expiration_date=2025-05-16&limit=10000';

async function spot(sim: RunningSimulator, symbol = 'SPY'): Promise<number> {
  const { body } = await alpaca<{ trades: Record<string, { p: number }> }>(
    sim,
    `/v2/stocks/trades/latest?symbols=${symbol}`,
  );
  return body.trades[symbol]?.p ?? NaN;
}

describe('simulator market model', () => {
  const running: RunningSimulator[] = [];
  const launch = async (options: Parameters<typeof start>[0] = {}) => {
    const sim = await start(options);
    running.push(sim);
    return sim;
  };
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.close()));
  });

  it('is deterministic per seed and minute, and differs across seeds', async () => {
    const [a, b, c] = await Promise.all([launch({ seed: 11 }), launch({ seed: 11 }), launch({ seed: 12 })]);
    const [ta, tb, tc] = await Promise.all([a, b, c].map((s) => alpaca(s, SPY_0DTE)));
    expect(ta?.text).toBe(tb?.text);
    expect(ta?.text).not.toBe(tc?.text);
    const [oa, ob] = await Promise.all([a, b].map((s) => alpaca(s, SPY_OI)));
    expect(oa?.text).toBe(ob?.text);
  });

  it('spot moves minute by minute; the same minute gives the same spot', async () => {
    const sim = await launch({ seed: 3 });
    const prices: number[] = [];
    for (const minute of ['14:30:00', '14:30:59', '14:31:00', '14:32:00', '14:45:00', '15:30:00']) {
      await control(sim, 'clock', { now: `2025-05-16T${minute}Z` });
      prices.push(await spot(sim));
    }
    expect(prices[0]).toBe(prices[1]);
    expect(new Set(prices.slice(1)).size).toBe(5);
    for (const p of prices) expect(Math.abs(p / (prices[0] ?? 1) - 1)).toBeLessThan(0.03);
  });

  it('strike grid: $1 near the money, wider steps further out', async () => {
    const sim = await launch();
    const { body } = await alpaca<ContractsPage>(sim, `${SPY_OI}&type=call`);
    const strikes = body.option_contracts.map((c) => Number(c.strike_price)).sort((x, y) => x - y);
    const s = await spot(sim);
    const near = strikes.filter((k) => Math.abs(k / s - 1) < 0.03);
    const far = strikes.filter((k) => Math.abs(k / s - 1) > 0.13);
    expect(near.length).toBeGreaterThan(25);
    expect(near.every((k, i) => i === 0 || k - (near[i - 1] ?? 0) === 1)).toBe(true);
    expect(far.length).toBeGreaterThan(4);
    expect(far.every((k) => k % 10 === 0)).toBe(true);
  });

  it('open interest concentrates at round strikes and on puts below spot', async () => {
    const sim = await launch();
    const s = await spot(sim);
    const { body } = await alpaca<ContractsPage>(sim, SPY_OI);
    const band = body.option_contracts.filter((c) => Math.abs(Number(c.strike_price) / s - 1) < 0.04);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const oi = (c: (typeof band)[number]) => Number(c.open_interest);
    const round = band.filter((c) => Number(c.strike_price) % 10 === 0);
    const odd = band.filter((c) => Number(c.strike_price) % 5 !== 0);
    expect(mean(round.map(oi))).toBeGreaterThan(1.5 * mean(odd.map(oi)));
    const putsBelow = band.filter((c) => c.type === 'put' && Number(c.strike_price) < s).map(oi);
    const callsAbove = band.filter((c) => c.type === 'call' && Number(c.strike_price) > s).map(oi);
    expect(putsBelow.reduce((a, b) => a + b, 0)).toBeGreaterThan(callsAbove.reduce((a, b) => a + b, 0));
  });

  it('has a skewed smile: OTM puts richer than the money, gamma peaks near spot', async () => {
    const sim = await launch();
    const s = await spot(sim);
    const { body } = await alpaca<SnapshotsPage>(sim, SPY_0DTE);
    const entries = Object.entries(body.snapshots).map(([sym, snap]) => ({
      strike: Number(sym.slice(-8)) / 1000,
      put: sym.includes('P0'),
      iv: snap.impliedVolatility ?? NaN,
      gamma: snap.greeks?.gamma ?? NaN,
    }));
    const atm = entries.reduce((best, e) => (Math.abs(e.strike - s) < Math.abs(best.strike - s) ? e : best));
    const otmPut = entries.find((e) => e.put && e.strike === Math.round(s * 0.97));
    expect(otmPut?.iv).toBeGreaterThan(atm.iv);
    const maxGamma = entries.reduce((best, e) => (e.gamma > best.gamma ? e : best));
    expect(Math.abs(maxGamma.strike - s)).toBeLessThan(3);
  });

  it('lists 0DTE and 1DTE following the calendar: Friday → Monday, skipping a Monday holiday', async () => {
    const sim = await launch({ now: '2025-05-23T15:00:00Z' }); // Friday before Memorial Day
    const { body } = await alpaca<ContractsPage>(
      sim,
      '/v2/options/contracts?underlying_symbols=SPY&expiration_date_gte=2025-05-23&expiration_date_lte=2025-05-28&limit=10000',
    );
    expect([...new Set(body.option_contracts.map((c) => c.expiration_date))].sort()).toEqual([
      '2025-05-23',
      '2025-05-27',
      '2025-05-28',
    ]);
  });

  it('any symbol gets a chain (weekly expiries) and a spot', async () => {
    const sim = await launch();
    const { body } = await alpaca<SnapshotsPage>(sim, '/v1beta1/options/snapshots/XYZ?limit=1000');
    const expiries = new Set(Object.keys(body.snapshots).map((s) => s.slice(3, 9)));
    expect(expiries.has('250516')).toBe(true);
    expect(expiries.has('250519')).toBe(false);
    expect(await spot(sim, 'XYZ')).toBeGreaterThan(0);
  });

  it('default live clock is open and moves forward; a fixed weekend time is closed', async () => {
    const live = await launch({ now: undefined });
    const first = await alpaca<{ timestamp: string; is_open: boolean }>(live, '/v2/clock');
    expect(first.body.is_open).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    const second = await alpaca<{ timestamp: string }>(live, '/v2/clock');
    expect(Date.parse(second.body.timestamp)).toBeGreaterThan(Date.parse(first.body.timestamp));
    const weekend = await launch({ now: '2025-05-17T16:00:00Z' });
    const clock = await alpaca(weekend, '/v2/clock');
    expect(clock.body).toEqual({
      timestamp: '2025-05-17T12:00:00.000-04:00',
      is_open: false,
      next_open: '2025-05-19T09:30:00.000-04:00',
      next_close: '2025-05-19T16:00:00.000-04:00',
    });
  });

  it('reports an early close in the clock', async () => {
    const sim = await launch({ now: '2025-11-28T15:00:00Z' }); // day after Thanksgiving, 10:00 New York
    expect((await alpaca(sim, '/v2/clock')).body).toMatchObject({
      is_open: true,
      next_close: '2025-11-28T13:00:00.000-05:00',
    });
  });
});
