import { marketData, pagination, trading } from '@alpacahq/alpaca-trade-api/rest';
import type { ChainQuery, ContractsQuery, Paged } from './alpaca-queries';
import { parseItems, readWire } from './read-wire';
import {
  RawLatestTrades,
  RawOptionContract,
  RawOptionContractsPage,
  RawOptionSnapshot,
  RawOptionSnapshotsPage,
  RawStockTrade,
} from './wire-schemas';

/** One page as the pager sees it: valid items, how many failed their schema, the next token. */
interface PageOf<T> {
  items: T[];
  invalid: number;
  next?: string | null;
}

/** The SDK serializes date filters with `toISOString()`; a UTC midnight keeps the calendar date. */
export const utcDate = (date: string): Date => new Date(`${date}T00:00:00.000Z`);
/** The SDK's per-call `RequestInit` carrying the caller's abort signal, if any. */
export const init = (signal?: AbortSignal): RequestInit | undefined => (signal ? { signal } : undefined);

/** Drives the SDK's page-token pagination, stopping after `maxPages` pages. */
export async function collectPages<T>(
  maxPages: number,
  fetchPage: (pageToken?: string) => Promise<PageOf<T>>,
): Promise<Paged<T>> {
  const out: Paged<T> = { items: [], invalid: 0, pages: 0, truncated: false };
  const pages = pagination.paginate<T>(async (pageToken) => {
    const page = await fetchPage(pageToken);
    out.pages += 1;
    out.invalid += page.invalid;
    const capped = out.pages >= maxPages && Boolean(page.next);
    if (capped) out.truncated = true;
    return { items: page.items, nextPageToken: capped ? null : page.next };
  });
  for await (const item of pages) out.items.push(item);
  return out;
}

/** One page of `GET /v2/options/contracts`, with explicit expiry dates. */
export async function fetchContractsPage(
  api: trading.AssetsApi,
  q: ContractsQuery,
  pageToken: string | undefined,
  signal?: AbortSignal,
): Promise<PageOf<RawOptionContract>> {
  const request = {
    underlyingSymbols: q.underlying,
    expirationDateGte: utcDate(q.expirationGte),
    expirationDateLte: utcDate(q.expirationLte),
    limit: q.limit,
    pageToken,
  };
  const page = await readWire(
    '/v2/options/contracts',
    () => api.getOptionsContractsRaw(request, init(signal)),
    RawOptionContractsPage,
  );
  const { valid, invalid } = parseItems(page.option_contracts, RawOptionContract);
  return { items: valid, invalid, next: page.next_page_token };
}

/** One page of `GET /v1beta1/options/snapshots/{underlying}`: both expiries, strike band, feed. */
export async function fetchChainPage(
  api: marketData.OptionApi,
  q: ChainQuery,
  pageToken: string | undefined,
  signal?: AbortSignal,
): Promise<PageOf<[string, RawOptionSnapshot]>> {
  const request = {
    underlyingSymbol: q.underlying,
    feed: q.feed,
    limit: q.limit,
    expirationDateGte: utcDate(q.expirationGte),
    expirationDateLte: utcDate(q.expirationLte),
    strikePriceGte: q.strikeGte,
    strikePriceLte: q.strikeLte,
    pageToken,
  };
  const page = await readWire(
    '/v1beta1/options/snapshots/{underlying}',
    () => api.optionChainRaw(request, init(signal)),
    RawOptionSnapshotsPage,
  );
  const items: [string, RawOptionSnapshot][] = [];
  let invalid = 0;
  for (const [occ, value] of Object.entries(page.snapshots)) {
    const parsed = RawOptionSnapshot.safeParse(value);
    if (parsed.success) items.push([occ, parsed.data]);
    else invalid += 1;
  }
  return { items, invalid, next: page.next_page_token };
}

/** `GET /v2/stocks/trades/latest` for all symbols at once; a malformed symbol is left out. */
export async function fetchLatestTrades(
  api: marketData.StockApi,
  symbols: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, RawStockTrade>> {
  const body = await readWire(
    '/v2/stocks/trades/latest',
    () => api.stockLatestTradesRaw({ symbols: symbols.join(',') }, init(signal)),
    RawLatestTrades,
  );
  const out = new Map<string, RawStockTrade>();
  for (const [symbol, value] of Object.entries(body.trades)) {
    const parsed = RawStockTrade.safeParse(value);
    if (parsed.success) out.set(symbol.toUpperCase(), parsed.data);
  }
  return out;
}
