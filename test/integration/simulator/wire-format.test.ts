import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../simulator/server';
import { alpaca, start, type ContractsPage, type SnapshotsPage } from './sim-client';

const OCC = /^([A-Z]+)(\d{2})(\d{2})(\d{2})([CP])(\d{8})$/;

describe('simulator wire format (Friday 2025-05-16 10:30 New York)', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await start();
  });
  afterAll(() => sim.close());

  it('GET /v2/clock: open, New York offsets, next close today and next open Monday', async () => {
    const { status, body } = await alpaca<Record<string, unknown>>(sim, '/v2/clock');
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['is_open', 'next_close', 'next_open', 'timestamp']);
    expect(body).toEqual({
      timestamp: '2025-05-16T10:30:00.000-04:00',
      is_open: true,
      next_open: '2025-05-19T09:30:00.000-04:00',
      next_close: '2025-05-16T16:00:00.000-04:00',
    });
  });

  it('GET /v2/calendar: HH:MM times, holidays skipped, early close, T+1 settlement, RFC 3339 bounds', async () => {
    const { body } = await alpaca<Record<string, string>[]>(
      sim,
      '/v2/calendar?start=2025-05-23T00:00:00.000Z&end=2025-07-07T00:00:00.000Z',
    );
    const dates = body.map((d) => d.date);
    expect(dates[0]).toBe('2025-05-23');
    expect(dates).not.toContain('2025-05-26'); // Memorial Day
    expect(dates).not.toContain('2025-07-04');
    expect(body.find((d) => d.date === '2025-07-03')).toMatchObject({ open: '09:30', close: '13:00' });
    expect(body[0]).toEqual({
      date: '2025-05-23',
      open: '09:30',
      close: '16:00',
      session_open: '0400',
      session_close: '2000',
      settlement_date: '2025-05-27',
    });
  });

  it('GET /v2/options/contracts: snake_case, numbers as strings, symbol consistent with fields', async () => {
    const { status, body } = await alpaca<ContractsPage>(
      sim,
      '/v2/options/contracts?underlying_symbols=SPY&expiration_date=2025-05-16&limit=50',
    );
    expect(status).toBe(200);
    expect(body.option_contracts).toHaveLength(50);
    expect(typeof body.next_page_token).toBe('string');
    for (const c of body.option_contracts) {
      const m = OCC.exec(c.symbol);
      expect(m).not.toBeNull();
      expect(`20${m?.[2]}-${m?.[3]}-${m?.[4]}`).toBe(c.expiration_date);
      expect(Number(m?.[6]) / 1000).toBe(Number(c.strike_price));
      expect(c.type).toBe(m?.[5] === 'C' ? 'call' : 'put');
      expect(c).toMatchObject({
        underlying_symbol: 'SPY',
        root_symbol: 'SPY',
        status: 'active',
        tradable: true,
      });
      expect(c.open_interest).toMatch(/^\d+$/);
      expect(c.strike_price).toMatch(/^\d+(\.\d+)?$/);
      expect(c.open_interest_date).toBe('2025-05-15');
      expect([c.multiplier, c.size, c.style]).toEqual(['100', '100', 'american']);
    }
  });

  it('contracts without expiration filters stop at the upcoming weekend; explicit dates go further', async () => {
    const plain = await alpaca<ContractsPage>(
      sim,
      '/v2/options/contracts?underlying_symbols=SPY&limit=10000',
    );
    expect(new Set(plain.body.option_contracts.map((c) => c.expiration_date))).toEqual(
      new Set(['2025-05-16']),
    );
    const ranged = await alpaca<ContractsPage>(
      sim,
      '/v2/options/contracts?underlying_symbols=SPY,QQQ&expiration_date_gte=2025-05-16&expiration_date_lte=2025-05-19&limit=10000',
    );
    const expiries = new Set(ranged.body.option_contracts.map((c) => c.expiration_date));
    expect(expiries).toEqual(new Set(['2025-05-16', '2025-05-19']));
    expect(new Set(ranged.body.option_contracts.map((c) => c.underlying_symbol))).toEqual(
      new Set(['SPY', 'QQQ']),
    );
  });

  it('GET /v1beta1/options/snapshots/SPY: camelCase quotes, trades, greeks and IV', async () => {
    const { status, body } = await alpaca<SnapshotsPage>(
      sim,
      '/v1beta1/options/snapshots/SPY?feed=indicative&limit=1000&expiration_date=2025-05-16&strike_price_gte=580&strike_price_lte=600',
    );
    expect(status).toBe(200);
    expect(body.next_page_token).toBeNull();
    const entries = Object.entries(body.snapshots);
    expect(entries).toHaveLength(21 * 2);
    for (const [symbol, snap] of entries) {
      expect(symbol).toMatch(/^SPY250516[CP]00(5[89]\d|600)000$/);
      expect(Object.keys(snap.latestQuote ?? {}).sort()).toEqual([
        'ap',
        'as',
        'ax',
        'bp',
        'bs',
        'bx',
        'c',
        't',
      ]);
      expect(Object.keys(snap.latestTrade ?? {}).sort()).toEqual(['c', 'p', 's', 't', 'x']);
      expect(Object.keys(snap.greeks ?? {}).sort()).toEqual(['delta', 'gamma', 'rho', 'theta', 'vega']);
      expect(snap.latestQuote?.bp).toBeLessThanOrEqual(snap.latestQuote?.ap ?? 0);
      expect(snap.greeks?.gamma).toBeGreaterThan(0);
      expect(snap.impliedVolatility).toBeGreaterThan(0.05);
      expect(Number.isNaN(Date.parse(snap.latestQuote?.t ?? ''))).toBe(false);
      const isCall = symbol.includes('C');
      expect(Math.sign(snap.greeks?.delta ?? 0)).toBe(isCall ? 1 : -1);
    }
  });

  it('stock latest trades and snapshots for spot, one call for several symbols', async () => {
    const trades = await alpaca<{ trades: Record<string, { p: number; t: string }> }>(
      sim,
      '/v2/stocks/trades/latest?symbols=SPY,QQQ&feed=iex',
    );
    expect(Object.keys(trades.body.trades)).toEqual(['SPY', 'QQQ']);
    expect(trades.body.trades.SPY?.p).toBeGreaterThan(400);
    const snaps = await alpaca<Record<string, Record<string, { p?: number; c?: number }>>>(
      sim,
      '/v2/stocks/snapshots?symbols=SPY,QQQ',
    );
    expect(Object.keys(snaps.body.SPY ?? {}).sort()).toEqual([
      'dailyBar',
      'latestQuote',
      'latestTrade',
      'minuteBar',
      'prevDailyBar',
    ]);
    expect(snaps.body.SPY?.latestTrade?.p).toBe(trades.body.trades.SPY?.p);
    expect(snaps.body.QQQ?.dailyBar?.c).toBe(trades.body.trades.QQQ?.p);
  });

  it('carries rate-limit headers and answers unknown paths with a 404 {code, message}', async () => {
    const answer = await alpaca<{ code: number; message: string }>(sim, '/v2/nope');
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ code: 40410000, message: 'endpoint not found' });
    expect(Number(answer.headers.get('x-ratelimit-limit'))).toBe(200);
    expect(answer.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
  });
});
