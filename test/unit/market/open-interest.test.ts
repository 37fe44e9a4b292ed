import { describe, expect, it } from 'vitest';
import type { AlpacaClient } from '../../../functions/src/market/alpaca-client';
import type { Paged } from '../../../functions/src/market/alpaca-queries';
import { createMemoryDailyCache } from '../../../functions/src/market/daily-cache';
import { loadOpenInterest, type OpenInterestEntry } from '../../../functions/src/market/open-interest';
import type { RawOptionContract } from '../../../functions/src/market/wire-schemas';

const call = (expiry: string, strike: string, oi: string): RawOptionContract => ({
  symbol: `SPY${expiry.slice(2).replaceAll('-', '')}C00${strike}000`,
  underlying_symbol: 'SPY',
  type: 'call',
  expiration_date: expiry,
  strike_price: strike,
  open_interest: oi,
});

/** A client whose contract list answers from `pages` in turn, counting requests. */
function clientListing(pages: Paged<RawOptionContract>[]) {
  let requests = 0;
  const client = {
    listOptionContracts: () => Promise.resolve(pages[Math.min(requests++, pages.length - 1)]!),
  } as unknown as AlpacaClient;
  return { client, requests: () => requests };
}

const page = (items: RawOptionContract[]): Paged<RawOptionContract> => ({
  items,
  invalid: 0,
  pages: 1,
  truncated: false,
});

function load(
  client: AlpacaClient,
  cache = createMemoryDailyCache<OpenInterestEntry>(),
  asOf = '2025-05-16T10:30:00-04:00',
) {
  return loadOpenInterest({
    client,
    cache,
    underlying: 'SPY',
    asOf,
    expirationGte: '2025-05-16',
    expirationLte: '2025-05-19',
    pageLimit: 10_000,
    maxPages: 5,
  });
}

describe('loadOpenInterest', () => {
  it('fetches once per publication day and again after the next morning publication', async () => {
    const { client, requests } = clientListing([page([call('2025-05-16', '590', '1200')])]);
    const cache = createMemoryDailyCache<OpenInterestEntry>();
    expect((await load(client, cache)).cached).toBe(false);
    expect((await load(client, cache, '2025-05-16T15:59:00-04:00')).cached).toBe(true);
    expect((await load(client, cache, '2025-05-17T06:59:00-04:00')).cached).toBe(true);
    expect(requests()).toBe(1);
    const nextDay = await load(client, cache, '2025-05-17T07:00:00-04:00');
    expect(nextDay).toMatchObject({ cached: false, entry: { day: '2025-05-17' } });
    expect(requests()).toBe(2);
  });

  it('does not keep an empty contract list for the day: the next cycle asks again', async () => {
    const listed = page([call('2025-05-16', '590', '1200')]);
    const { client, requests } = clientListing([page([]), listed]);
    const cache = createMemoryDailyCache<OpenInterestEntry>();
    expect((await load(client, cache)).entry.contracts).toEqual([]);
    const second = await load(client, cache);
    expect(requests()).toBe(2);
    expect(second.entry.contracts).toHaveLength(1);
    expect((await load(client, cache)).cached).toBe(true);
  });
});

describe('loadOpenInterest with unusable open interest', () => {
  it.each(['abc', '0', '-5'])(
    'does not keep a list whose every open interest is %s: a later cycle refetches',
    async (bad) => {
      const broken = page([call('2025-05-16', '590', bad), call('2025-05-16', '591', bad)]);
      const recovered = page([call('2025-05-16', '590', '1200'), call('2025-05-16', '591', bad)]);
      const { client, requests } = clientListing([broken, recovered]);
      const cache = createMemoryDailyCache<OpenInterestEntry>();
      expect((await load(client, cache)).cached).toBe(false);
      const second = await load(client, cache, '2025-05-16T10:31:00-04:00');
      expect(requests()).toBe(2);
      expect(second.entry.contracts[0]?.openInterest).toBe('1200');
      // One usable OI is enough to keep the list for the day.
      expect((await load(client, cache, '2025-05-16T10:32:00-04:00')).cached).toBe(true);
      expect(requests()).toBe(2);
    },
  );

  it('keeps a list with no open interest field at all out of the cache too', async () => {
    const missing = {
      ...call('2025-05-16', '590', '1'),
      open_interest: null,
    } as unknown as RawOptionContract;
    const { client, requests } = clientListing([page([missing]), page([call('2025-05-16', '590', '7')])]);
    const cache = createMemoryDailyCache<OpenInterestEntry>();
    await load(client, cache);
    expect((await load(client, cache)).entry.contracts[0]?.openInterest).toBe('7');
    expect(requests()).toBe(2);
  });
});
