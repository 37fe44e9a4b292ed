import { mockFetch, type MockRoute } from '@alpacahq/alpaca-trade-api/testing';
import { describe, expect, it } from 'vitest';
import { ErrorKind } from '../../../functions/src/contract/regime';
import { AlpacaApiError } from '../../../functions/src/market/alpaca-api-error';
import { createAlpacaClient } from '../../../functions/src/market/alpaca-client';
import { AlpacaConfigError, alpacaConfigFromEnv } from '../../../functions/src/market/alpaca-config';
import { errorKindOf, errorKindOfFailure, requestIdOf } from '../../../functions/src/market/error-kind';
import { ChainLoadError } from '../../../functions/src/market/market-cycle';

/** The real client on the SDK's network-free harness: its retries, timeouts and error types. */
function clientWith(routes: MockRoute[] | typeof fetch) {
  return createAlpacaClient({
    keyId: 'k',
    secretKey: 's',
    tradingBaseUrl: 'http://trading.test',
    dataBaseUrl: 'http://data.test',
    optionFeed: 'indicative',
    maxRetries: 1,
    retryDelayMs: 1,
    maxRetryDelayMs: 5,
    requestTimeoutMs: 50,
    fetchApi: typeof routes === 'function' ? routes : mockFetch(routes),
  });
}

async function thrownBy(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a failure'),
    (e: unknown) => e,
  );
}

const clockFailing = (route: Omit<MockRoute, 'path'>) =>
  thrownBy(clientWith([{ path: '/v2/clock', ...route }]).getClock());
const body = (code: number, message: string) => ({ code, message });

describe('error kinds of Alpaca failures (through the SDK)', () => {
  it.each([
    [401, 'auth'],
    [403, 'auth'],
    [429, 'rate_limit'],
    [500, 'upstream'],
    [503, 'upstream'],
    [404, 'upstream'],
    [422, 'upstream'],
  ] as const)('a %i answer is %s', async (status, kind) => {
    const headers = { 'X-Request-ID': `req-${status}`, 'Retry-After': '0' };
    const error = await clockFailing({ status, headers, body: body(status * 100_000, 'no') });
    expect(error).toBeInstanceOf(AlpacaApiError);
    expect(errorKindOf(error)).toBe(kind);
    expect(requestIdOf(error)).toBe(`req-${status}`);
  });

  it('a 200 whose body is not JSON, or not the envelope, is malformed (request id kept)', async () => {
    const headers = { 'X-Request-ID': 'req-bad' };
    const notJson = await clockFailing({ headers, body: '{"timestamp": "2025-' });
    expect(errorKindOf(notJson)).toBe('malformed');
    expect(requestIdOf(notJson)).toBe('req-bad');
    const wrongShape = await clockFailing({ body: { timestamp: 'x', is_open: 'yes' } });
    expect(errorKindOf(wrongShape)).toBe('malformed');
    expect(requestIdOf(wrongShape)).toBeNull();
  });

  it('an unreachable host is upstream; a request past its deadline is timeout', async () => {
    const refused = () => Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }));
    expect(errorKindOf(await thrownBy(clientWith(refused as typeof fetch).getClock()))).toBe('upstream');
    const hang: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('timed out', 'TimeoutError')));
      });
    expect(errorKindOf(await thrownBy(clientWith(hang).getClock()))).toBe('timeout');
  });
});

describe('error kinds of data and configuration failures', () => {
  it.each([
    ['missing_spot', 'malformed'],
    ['no_expiries', 'empty_chain'],
    ['empty_chain', 'empty_chain'],
    ['no_open_interest', 'no_usable_contracts'],
    ['page_cap', 'config'],
  ] as const)('a chain refused as %s is %s', (failure, kind) => {
    expect(errorKindOf(new ChainLoadError('SPY', failure, 'SPY: refused'))).toBe(kind);
    expect(errorKindOfFailure(failure)).toBe(kind);
  });

  it('invalid Alpaca settings are config; anything unexpected is upstream', () => {
    const config = (() => {
      try {
        alpacaConfigFromEnv({});
      } catch (error) {
        return error;
      }
    })();
    expect(config).toBeInstanceOf(AlpacaConfigError);
    expect(errorKindOf(config)).toBe('config');
    expect(errorKindOf(new Error('socket hang up'))).toBe('upstream');
    expect(requestIdOf(new Error('x'))).toBeNull();
  });

  it('every adapter failure kind lands in the closed set of the contract', () => {
    const kinds = ['auth', 'rate_limited', 'http', 'timeout', 'network', 'malformed'] as const;
    for (const kind of kinds) expect(ErrorKind.options).toContain(errorKindOfFailure(kind));
  });
});
