import { mockFetch, type MockRoute } from '@alpacahq/alpaca-trade-api/testing';
import { describe, expect, it } from 'vitest';
import { createAlpacaClient } from '../../../functions/src/market/alpaca-client';
import { createAlpacaMarketSource } from '../../../functions/src/market/alpaca-market-source';
import { createMarketData } from '../../../functions/src/market/market-data';
import { runPulse } from '../../../functions/src/pulse/run-pulse';
import { testDeps } from './fakes';

const T0 = '2025-05-16T14:30:00.000Z';

/** The real adapter on the SDK's network-free harness (its retry included), counting clock requests. */
function alpacaMarket(clockAnswers: (attempt: number) => Response) {
  let attempts = 0;
  const routes: MockRoute[] = [{ path: '/v2/clock', respond: () => clockAnswers(++attempts) }];
  const client = createAlpacaClient({
    keyId: 'k',
    secretKey: 's',
    tradingBaseUrl: 'http://trading.test',
    dataBaseUrl: 'http://data.test',
    optionFeed: 'indicative',
    retryDelayMs: 1,
    maxRetryDelayMs: 5,
    fetchApi: mockFetch(routes),
  });
  const market = createAlpacaMarketSource({ client, marketData: createMarketData({ client }) });
  return { market, attempts: () => attempts };
}

const unavailable = () => new Response('{"code":50300000,"message":"unavailable"}', { status: 503 });

describe('runPulse: api_calls counts every attempt sent', () => {
  it('counts each retry of a failing clock call', async () => {
    const { market, attempts } = alpacaMarket(unavailable);
    const { deps, store } = testDeps({ market });
    const outcome = await runPulse(deps, { scheduleTime: T0 });
    expect(attempts()).toBe(3); // the first try and the SDK's two retries
    expect(outcome).toMatchObject({ status: 'written', apiCalls: 3 });
    expect(store.regime?.api_calls).toBe(3);
    expect(store.regime?.error).toMatch(/^market clock: /);
  });

  it('counts a 503 retried once before a malformed answer as two calls', async () => {
    const { market, attempts } = alpacaMarket((n) =>
      n === 1 ? unavailable() : new Response('{"timestamp": "2025-', { status: 200 }),
    );
    const { deps, store } = testDeps({ market });
    await runPulse(deps, { scheduleTime: T0 });
    expect(attempts()).toBe(2);
    expect(store.regime?.api_calls).toBe(2);
  });
});
