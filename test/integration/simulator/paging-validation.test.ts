import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../simulator/server';
import { allPages, alpaca, start, type ContractsPage, type SnapshotsPage } from './sim-client';

describe('simulator paging, query validation and auth', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await start();
  });
  afterAll(() => sim.close());

  it('snapshot pages of 100 cover the chain once each, in OCC order, same as one big page', async () => {
    const pages = await allPages<SnapshotsPage>(sim, '/v1beta1/options/snapshots/SPY?limit=100');
    const symbols = pages.flatMap((p) => Object.keys(p.snapshots));
    const whole = await alpaca<SnapshotsPage>(sim, '/v1beta1/options/snapshots/SPY?limit=1000');
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.slice(0, -1).every((p) => Object.keys(p.snapshots).length === 100)).toBe(true);
    expect(new Set(symbols).size).toBe(symbols.length);
    expect(symbols).toEqual([...symbols].sort());
    expect(symbols).toEqual(Object.keys(whole.body.snapshots));
    expect(pages.at(-1)?.next_page_token).toBeNull();
  });

  it('contract pages follow next_page_token across underlyings and keep filters', async () => {
    const path =
      '/v2/options/contracts?underlying_symbols=SPY,QQQ&type=put&expiration_date_gte=2025-05-16&expiration_date_lte=2025-05-20&limit=250';
    const pages = await allPages<ContractsPage>(sim, path);
    const contracts = pages.flatMap((p) => p.option_contracts);
    const whole = await alpaca<ContractsPage>(sim, path.replace('limit=250', 'limit=10000'));
    expect(pages.length).toBeGreaterThan(2);
    expect(contracts.map((c) => c.symbol)).toEqual(whole.body.option_contracts.map((c) => c.symbol));
    expect(contracts.every((c) => c.type === 'put')).toBe(true);
    expect(new Set(contracts.map((c) => c.expiration_date))).toEqual(
      new Set(['2025-05-16', '2025-05-19', '2025-05-20']),
    );
  });

  it('strike and type filters apply to snapshots', async () => {
    const { body } = await alpaca<SnapshotsPage>(
      sim,
      '/v1beta1/options/snapshots/QQQ?type=call&strike_price_gte=500.5&strike_price_lte=510&expiration_date_gte=2025-05-19&limit=1000',
    );
    const symbols = Object.keys(body.snapshots);
    expect(symbols.length).toBeGreaterThan(0);
    for (const s of symbols) {
      const strike = Number(s.slice(-8)) / 1000;
      expect(s).toMatch(/^QQQ25\d{4}C/);
      expect(strike).toBeGreaterThanOrEqual(500.5);
      expect(strike).toBeLessThanOrEqual(510);
      expect(s.slice(3, 9) >= '250519').toBe(true);
    }
  });

  it.each([
    ['/v1beta1/options/snapshots/SPY?limit=1001', 'limit'],
    ['/v1beta1/options/snapshots/SPY?limit=0', 'limit'],
    ['/v1beta1/options/snapshots/SPY?limit=abc', 'limit'],
    ['/v1beta1/options/snapshots/SPY?feed=sip', 'feed'],
    ['/v1beta1/options/snapshots/SPY?expiration_date=2025-13-01', 'expiration_date'],
    ['/v1beta1/options/snapshots/SPY?expiration_date_gte=05/16/2025', 'expiration_date_gte'],
    ['/v1beta1/options/snapshots/SPY?type=calls', 'type'],
    ['/v1beta1/options/snapshots/SPY?strike_price_gte=abc', 'strike_price_gte'],
    ['/v1beta1/options/snapshots/SPY?page_token=garbage', 'page_token'],
    ['/v2/options/contracts?limit=10001', 'limit'],
    ['/v2/options/contracts?limit=-1', 'limit'],
    ['/v2/options/contracts?expiration_date_lte=2025-02-30', 'expiration_date_lte'],
    ['/v2/options/contracts?type=straddle', 'type'],
    ['/v2/options/contracts?status=open', 'status'],
    ['/v2/calendar?start=yesterday', 'start'],
    ['/v2/stocks/trades/latest?symbols=SPY&feed=opra', 'feed'],
  ])('422 for %s', async (path, field) => {
    const { status, body } = await alpaca<{ code: number; message: string }>(sim, path);
    expect(status).toBe(422);
    expect(body.code).toBe(42210000);
    expect(body.message).toContain(field);
  });

  it('accepts the largest limits', async () => {
    expect((await alpaca(sim, '/v1beta1/options/snapshots/SPY?limit=1000')).status).toBe(200);
    expect((await alpaca(sim, '/v2/options/contracts?limit=10000&underlying_symbols=SPY')).status).toBe(200);
  });

  it('400 for an unexpected market-data parameter or missing symbols', async () => {
    const typo = await alpaca<{ message: string }>(
      sim,
      '/v1beta1/options/snapshots/SPY?expiry_date=2025-05-16',
    );
    expect(typo.status).toBe(400);
    expect(typo.body.message).toBe('unexpected query parameter(s): expiry_date');
    expect((await alpaca(sim, '/v2/stocks/trades/latest')).status).toBe(400);
  });

  it('401 without keys, 403 with wrong keys, Alpaca-style bodies', async () => {
    const missing = await alpaca<{ code: number; message: string }>(sim, '/v2/clock', {});
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ code: 40110000, message: 'request is not authorized' });
    const half = await alpaca(sim, '/v2/clock', { 'APCA-API-KEY-ID': 'SIMULATOR_KEY' });
    expect(half.status).toBe(401);
    const wrong = await alpaca<{ code: number }>(sim, '/v1beta1/options/snapshots/SPY', {
      'APCA-API-KEY-ID': 'SIMULATOR_KEY',
      'APCA-API-SECRET-KEY': 'nope',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe(40310000);
  });
});
