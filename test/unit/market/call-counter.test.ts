import { describe, expect, it } from 'vitest';
import {
  classifyRequest,
  createCallCounter,
  diffCallCounts,
} from '../../../functions/src/market/call-counter';

describe('classifyRequest', () => {
  it.each([
    ['http://h/v1beta1/options/snapshots/spy?limit=1000', '/v1beta1/options/snapshots/{underlying}', 'SPY'],
    ['http://h/v2/options/contracts?underlying_symbols=QQQ', '/v2/options/contracts', 'QQQ'],
    ['http://h/v2/options/contracts?underlying_symbols=SPY,QQQ', '/v2/options/contracts', null],
    ['http://h/prefix/v2/stocks/trades/latest?symbols=SPY,QQQ', '/v2/stocks/trades/latest', null],
    ['http://h/v2/clock', '/v2/clock', null],
  ])('%s → %s (%s)', (url, endpoint, symbol) => {
    expect(classifyRequest(url)).toEqual({ endpoint, symbol });
  });
});

describe('createCallCounter', () => {
  it('counts each request attempt per host, endpoint and symbol; diff gives one cycle', async () => {
    const counter = createCallCounter();
    const init = {} as RequestInit;
    const fetch = (() => Promise.reject(new Error('unused'))) as never;
    await counter.middleware('trading').pre?.({ fetch, url: 'http://h/v2/clock', init });
    const before = counter.snapshot();
    await counter
      .middleware('marketData')
      .pre?.({ fetch, url: 'http://h/v1beta1/options/snapshots/SPY', init });
    await counter
      .middleware('marketData')
      .pre?.({ fetch, url: 'http://h/v1beta1/options/snapshots/SPY', init });
    await counter.middleware('trading').pre?.({ fetch, url: 'http://h/v2/clock', init });
    expect(diffCallCounts(before, counter.snapshot())).toEqual({
      marketData: 2,
      trading: 1,
      byEndpoint: { '/v1beta1/options/snapshots/{underlying}': 2, '/v2/clock': 1 },
      bySymbol: { SPY: { marketData: 2, trading: 0 } },
    });
  });
});
