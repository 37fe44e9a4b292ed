import { z } from 'zod';
import { newYorkWallClock } from '../calendar/new-york-time';
import type { AlpacaClient } from './alpaca-client';
import { type DailyCache, readCacheOrMiss, writeCacheBestEffort } from './daily-cache';

/** One listed contract with its open interest, as cached (numbers as strings, as Alpaca sends them). */
export const OpenInterestContract = z.object({
  /** OCC symbol, the join key with the chain snapshots. */
  symbol: z.string(),
  side: z.enum(['call', 'put']),
  /** Strike in USD, decimal string. */
  strike: z.string(),
  /** `YYYY-MM-DD` */
  expiry: z.string(),
  /** Contracts open (decimal string) or null when Alpaca has none; validated by the engine. */
  openInterest: z.string().nullable(),
});
export type OpenInterestContract = z.infer<typeof OpenInterestContract>;

/** The cached contract list of one underlying for one OI publication day (JSON-serializable). */
export const OpenInterestEntry = z.object({
  underlying: z.string(),
  /** OI publication day (see {@link openInterestDay}). */
  day: z.string(),
  expirationGte: z.string(),
  expirationLte: z.string(),
  contracts: z.array(OpenInterestContract),
  /** Contracts Alpaca returned that failed the schema (skipped, counted). */
  invalid: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  /** True when the page cap cut the list short. */
  truncated: z.boolean(),
});
export type OpenInterestEntry = z.infer<typeof OpenInterestEntry>;
export type OpenInterestCache = DailyCache<OpenInterestEntry>;

/** OPRA publishes OI around 06:30 New York; a fetch before 07:00 belongs to the previous day's figures. */
const PUBLICATION_LAG_MS = 7 * 3_600_000;

/**
 * The OI publication day of an instant: the New York date of `asOf − 7 h`, so the cache is
 * refreshed once per day, after the morning publication, not at midnight.
 */
export const openInterestDay = (asOf: string): string =>
  newYorkWallClock(Date.parse(asOf) - PUBLICATION_LAG_MS).date;

/** Cache key: underlying, publication day and the expiry range asked for. */
export const openInterestCacheKey = (
  e: Pick<OpenInterestEntry, 'underlying' | 'day' | 'expirationGte' | 'expirationLte'>,
): string => `oi:${e.underlying}:${e.day}:${e.expirationGte}..${e.expirationLte}`;

/**
 * Open interest of `underlying`'s contracts expiring in `[expirationGte, expirationLte]`, from
 * `/v2/options/contracts` (every page, up to `maxPages`) at most once per publication day (an
 * empty or truncated list, or one where no contract has a usable open interest, is fetched again
 * next time).
 * @throws AlpacaApiError when the contracts call fails.
 */
export async function loadOpenInterest(input: {
  client: AlpacaClient;
  cache: OpenInterestCache;
  underlying: string;
  asOf: string;
  expirationGte: string;
  expirationLte: string;
  pageLimit: number;
  maxPages: number;
  signal?: AbortSignal;
}): Promise<{ entry: OpenInterestEntry; cached: boolean }> {
  const { underlying, expirationGte, expirationLte } = input;
  const day = openInterestDay(input.asOf);
  const key = openInterestCacheKey({ underlying, day, expirationGte, expirationLte });
  const hit = OpenInterestEntry.safeParse(await readCacheOrMiss(input.cache, key));
  if (hit.success) return { entry: hit.data, cached: true };
  const paged = await input.client.listOptionContracts(
    { underlying, expirationGte, expirationLte, limit: input.pageLimit, maxPages: input.maxPages },
    input.signal,
  );
  const entry: OpenInterestEntry = {
    underlying,
    day,
    expirationGte,
    expirationLte,
    contracts: paged.items.map((c) => ({
      symbol: c.symbol,
      side: c.type,
      strike: String(c.strike_price),
      expiry: c.expiration_date,
      openInterest: c.open_interest == null ? null : String(c.open_interest),
    })),
    invalid: paged.invalid,
    pages: paged.pages,
    truncated: paged.truncated,
  };
  // A truncated list is not cached: the next cycle retries it in full. Nor is an empty one, or one
  // with no usable open interest at all: for a listed underlying either is a glitch or a listing
  // not yet out, and would keep the symbol stale for the whole day after the provider recovers.
  if (!entry.truncated && entry.contracts.some(hasUsableOpenInterest)) {
    await writeCacheBestEffort(input.cache, key, entry);
  }
  return { entry, cached: false };
}

/**
 * A listed OI that is a number above zero. A predicate only (the engine parses OI as Decimal and
 * skips the rest), so float64 is fine.
 */
export const hasUsableOpenInterest = (c: { openInterest?: string | number | null }): boolean =>
  Number(c.openInterest ?? 0) > 0;
