import { mockFetch, type MockRoute } from '@alpacahq/alpaca-trade-api/testing';
import { describe, expect, it } from 'vitest';
import { AlpacaApiError } from '../../../functions/src/market/alpaca-api-error';
import { createAlpacaClient } from '../../../functions/src/market/alpaca-client';

/** The SDK's own network-free harness behind the real transport (retry, timeout, errors). */
function clientWith(routes: MockRoute[]) {
  return createAlpacaClient({
    keyId: 'k',
    secretKey: 's',
    tradingBaseUrl: 'http://trading.test',
    dataBaseUrl: 'http://data.test',
    optionFeed: 'indicative',
    retryDelayMs: 1,
    maxRetryDelayMs: 5,
    fetchApi: mockFetch(routes),
  });
}

async function failure(promise: Promise<unknown>): Promise<AlpacaApiError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AlpacaApiError);
  return error as AlpacaApiError;
}

const contract = (strike: string, oi: string) => ({
  symbol: `SPY250516C00${strike}000`,
  underlying_symbol: 'SPY',
  type: 'call',
  expiration_date: '2025-05-16',
  strike_price: strike,
  open_interest: oi,
});

describe('createAlpacaClient', () => {
  it('maps a body that is not JSON to a malformed error naming the endpoint', async () => {
    const client = clientWith([{ path: '/v2/clock', body: '{"timestamp": "2025-' }]);
    const error = await failure(client.getClock());
    expect(error).toMatchObject({ endpoint: '/v2/clock', kind: 'malformed', status: 200 });
  });

  it('maps a broken envelope to a malformed error with the failing field', async () => {
    const client = clientWith([{ path: '/v2/clock', body: { timestamp: 'x', is_open: 'yes' } }]);
    const error = await failure(client.getClock());
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(/is_open/);
  });

  it('refuses a clock whose timestamp is not an instant (it decides the trading day)', async () => {
    const clock = { timestamp: 'soon', is_open: true, next_open: 'a', next_close: 'b' };
    const error = await failure(clientWith([{ path: '/v2/clock', body: clock }]).getClock());
    expect(error).toMatchObject({ endpoint: '/v2/clock', kind: 'malformed', status: 200 });
    expect(error.message).toMatch(/at timestamp: expected an RFC 3339 instant/);
  });

  it('maps 401/403 to auth without retrying', async () => {
    const client = clientWith([
      { path: '/v2/clock', status: 403, body: { code: 40310000, message: 'forbidden' } },
    ]);
    const error = await failure(client.getClock());
    expect(error).toMatchObject({ kind: 'auth', status: 403 });
    expect(client.calls.snapshot().trading).toBe(1);
  });

  it('lets the SDK retry a 503 and counts every attempt', async () => {
    let attempts = 0;
    const client = clientWith([
      {
        path: '/v2/clock',
        respond: () =>
          ++attempts === 1
            ? new Response('{"message":"busy"}', { status: 503 })
            : { timestamp: '2025-05-16T10:00:00-04:00', is_open: true, next_open: 'a', next_close: 'b' },
      },
    ]);
    await expect(client.getClock()).resolves.toMatchObject({ is_open: true });
    expect(client.calls.snapshot().byEndpoint['/v2/clock']).toBe(2);
  });

  it('follows page tokens with explicit dates, skips broken contracts, and stops at the page cap', async () => {
    const seen: URL[] = [];
    const pages: Record<string, unknown> = {
      '': { option_contracts: [contract('590', '10'), { symbol: 'broken' }], next_page_token: 'p2' },
      p2: { option_contracts: [contract('591', '20')], next_page_token: 'p3' },
      p3: { option_contracts: [contract('592', '30')], next_page_token: null },
    };
    const client = clientWith([
      {
        path: '/v2/options/contracts',
        respond: ({ url }) => {
          seen.push(url);
          return pages[url.searchParams.get('page_token') ?? ''] as Record<string, unknown>;
        },
      },
    ]);
    const query = { underlying: 'SPY', expirationGte: '2025-05-16', expirationLte: '2025-05-19', limit: 2 };
    const all = await client.listOptionContracts({ ...query, maxPages: 5 });
    expect(all).toMatchObject({ pages: 3, invalid: 1, truncated: false });
    expect(all.items.map((c) => c.open_interest)).toEqual(['10', '20', '30']);
    expect(Object.fromEntries(seen[0]?.searchParams ?? [])).toEqual({
      underlying_symbols: 'SPY',
      expiration_date_gte: '2025-05-16',
      expiration_date_lte: '2025-05-19',
      limit: '2',
    });
    const capped = await client.listOptionContracts({ ...query, maxPages: 2 });
    expect(capped).toMatchObject({ pages: 2, truncated: true });
  });

  it('keeps a spot per symbol and drops a malformed one', async () => {
    const client = clientWith([
      {
        path: '/v2/stocks/trades/latest',
        body: { trades: { SPY: { p: 589.25, t: '2025-05-16T19:59:59Z' }, QQQ: { p: null } } },
      },
    ]);
    const trades = await client.getLatestTrades(['SPY', 'QQQ']);
    expect([...trades.keys()]).toEqual(['SPY']);
  });
});

describe('network failures', () => {
  it('name the reason undici hides behind "fetch failed"', async () => {
    const failing = (cause: Error) => () => Promise.reject(new TypeError('fetch failed', { cause }));
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4010'), { code: 'ECONNREFUSED' });
    for (const [cause, detail] of [
      [refused, 'ECONNREFUSED'],
      [new Error('bad port'), 'bad port'],
    ] as const) {
      const client = createAlpacaClient({
        keyId: 'k',
        secretKey: 's',
        tradingBaseUrl: 'http://trading.test',
        dataBaseUrl: 'http://data.test',
        optionFeed: 'indicative',
        maxRetries: 0,
        fetchApi: failing(cause),
      });
      const error = await failure(client.getClock());
      expect(error).toMatchObject({ kind: 'network', endpoint: '/v2/clock', status: null });
      expect(error.message).toBe(`/v2/clock: unreachable (${detail})`);
    }
  });
});
