import { errors, marketData, pagination, trading } from '@alpacahq/alpaca-trade-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../simulator/server';
import { control, start } from './sim-client';

/** The real SDK, pointed at the simulator the way the adapter does it: `basePath` on each host. */
describe('the real @alpacahq/alpaca-trade-api v4 against the simulator', () => {
  let sim: RunningSimulator;
  let tradingConfig: trading.Configuration;
  let dataConfig: marketData.Configuration;
  beforeAll(async () => {
    sim = await start();
    const common = { basePath: sim.url, keyId: sim.keyId, secret: sim.secretKey, timeoutMs: 2_000 };
    tradingConfig = new trading.Configuration(common);
    dataConfig = new marketData.Configuration({ ...common, retry: { maxRetries: 2, retryDelayMs: 10 } });
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await control(sim, 'reset', {});
  });

  it('reads clock, calendar and option contracts through the trading API classes', async () => {
    const clock = await new trading.ClockApi(tradingConfig).legacyClock();
    expect(clock.isOpen).toBe(true);
    expect(clock.nextClose.toISOString()).toBe('2025-05-16T20:00:00.000Z');
    const days = await new trading.CalendarApi(tradingConfig).legacyCalendar({
      start: new Date('2025-05-16'),
      end: new Date('2025-05-20'),
    });
    expect(days.map((d) => d.date.toISOString().slice(0, 10))).toEqual([
      '2025-05-16',
      '2025-05-19',
      '2025-05-20',
    ]);
    const page = await new trading.AssetsApi(tradingConfig).getOptionsContracts({
      underlyingSymbols: 'SPY',
      expirationDateGte: new Date('2025-05-16'),
      expirationDateLte: new Date('2025-05-19'),
      limit: 10_000,
    });
    expect(page.optionContracts.length).toBeGreaterThan(300);
    expect(typeof page.optionContracts[0]?.openInterest).toBe('string');
    expect(page.nextPageToken ?? null).toBeNull();
  });

  it('pages the option chain with the SDK pagination helper and reads spot', async () => {
    const api = new marketData.OptionApi(dataConfig);
    const chain = await pagination.collectSymbolObjects(async (pageToken) => {
      const resp = await api.optionChain({
        underlyingSymbol: 'SPY',
        feed: 'indicative',
        limit: 200,
        expirationDateGte: new Date('2025-05-16'),
        expirationDateLte: new Date('2025-05-19'),
        ...(pageToken ? { pageToken } : {}),
      });
      return { data: resp.snapshots, nextPageToken: resp.nextPageToken };
    });
    expect(Object.keys(chain).length).toBeGreaterThan(300);
    expect(Object.values(chain).every((s) => typeof s.greeks?.gamma === 'number')).toBe(true);
    const trades = await new marketData.StockApi(dataConfig).stockLatestTrades({ symbols: 'SPY,QQQ' });
    expect(Object.keys(trades.trades)).toEqual(['SPY', 'QQQ']);
    const snapshots = await new marketData.StockApi(dataConfig).stockSnapshots({ symbols: 'SPY' });
    expect(snapshots.SPY?.latestTrade?.p).toBe(trades.trades.SPY?.p);
    expect(sim.control.stats().requests['GET /v1beta1/options/snapshots/SPY']).toBeGreaterThan(1);
  });

  it('gets typed SDK errors: 422 validation, 401 auth, 403 permission, and retries through a 429', async () => {
    const api = new marketData.OptionApi(dataConfig);
    const invalid = api.optionChain({ underlyingSymbol: 'SPY', limit: 5000 });
    await expect(invalid).rejects.toBeInstanceOf(errors.ValidationError);
    await expect(invalid).rejects.toMatchObject({ status: 422, code: 42210000 });
    const unknownKey = new marketData.OptionApi(
      new marketData.Configuration({ basePath: sim.url, keyId: 'x', secret: 'y' }),
    );
    await expect(unknownKey.optionChain({ underlyingSymbol: 'SPY', limit: 1 })).rejects.toBeInstanceOf(
      errors.AuthError,
    );
    const wrongSecret = new marketData.OptionApi(
      new marketData.Configuration({ basePath: sim.url, keyId: sim.keyId, secret: 'y' }),
    );
    await expect(wrongSecret.optionChain({ underlyingSymbol: 'SPY', limit: 1 })).rejects.toBeInstanceOf(
      errors.PermissionError,
    );
    await control(sim, 'faults', {
      faults: [{ kind: 'status', status: 429, endpoint: '/v1beta1', times: 1, retryAfterSeconds: 0 }],
    });
    const resp = await api.optionChain({ underlyingSymbol: 'SPY', limit: 3 });
    expect(Object.keys(resp.snapshots)).toHaveLength(3);
    // 422, unknown key, wrong secret, 429, then the retry that succeeds.
    expect(sim.control.stats().requests['GET /v1beta1/options/snapshots/SPY']).toBe(5);
  });
});
