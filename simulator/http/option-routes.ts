import { hitsContract } from '../faults';
import type { ChainRow } from '../market/chain-row';
import { pick } from '../random';
import { ApiError } from './api-error';
import { applyOptionFilter, readOptionFilter } from './option-filter';
import { pageOf } from './query';
import type { Route, RouteContext } from './route';

const SNAPSHOT_PARAMS = [
  'feed',
  'limit',
  'updated_since',
  'page_token',
  'type',
  'strike_price_gte',
  'strike_price_lte',
  'expiration_date',
  'expiration_date_gte',
  'expiration_date_lte',
  'root_symbol',
] as const;
const EXCHANGES = ['A', 'B', 'C', 'H', 'I', 'M', 'N', 'P', 'Q', 'W', 'X', 'Z'] as const;

/** One option snapshot in Alpaca's camelCase wire shape; greeks and IV left out when missing. */
function snapshotJson(row: ChainRow, dropGreeks: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (row.quote) {
    out.latestQuote = {
      ap: row.quote.ask,
      as: row.quote.askSize,
      ax: pick(EXCHANGES, 'ax', row.symbol),
      bp: row.quote.bid,
      bs: row.quote.bidSize,
      bx: pick(EXCHANGES, 'bx', row.symbol),
      c: 'A',
      t: new Date(row.quoteTimeMs).toISOString(),
    };
  }
  if (row.trade) {
    out.latestTrade = {
      c: 'I',
      p: row.trade.price,
      s: row.trade.size,
      t: new Date(row.tradeTimeMs).toISOString(),
      x: pick(EXCHANGES, 'tx', row.symbol),
    };
  }
  if (row.volume !== null) {
    // Today's bar so far; a real one also carries OHLC, count and VWAP, the quote mid stands in.
    const price = row.trade?.price ?? (row.quote ? (row.quote.bid + row.quote.ask) / 2 : 0);
    out.dailyBar = {
      o: price,
      h: price,
      l: price,
      c: price,
      v: row.volume,
      n: Math.ceil(row.volume / 5),
      vw: price,
      t: new Date(row.quoteTimeMs - (row.quoteTimeMs % 86_400_000)).toISOString(),
    };
  }
  if (!dropGreeks && row.greeks) out.greeks = { ...row.greeks };
  if (!dropGreeks && row.impliedVolatility !== null) out.impliedVolatility = row.impliedVolatility;
  return out;
}

/** `GET /v1beta1/options/snapshots/{underlying}`: the option chain, paged by OCC symbol. */
function optionChain({ core, query, params }: RouteContext): unknown {
  query.rejectUnknown(SNAPSHOT_PARAMS);
  const underlying = (params[0] ?? '').toUpperCase();
  if (!/^[A-Z][A-Z0-9.]{0,9}$/.test(underlying))
    throw ApiError.unprocessable(`invalid symbol: "${underlying}"`);
  query.oneOf('feed', ['opra', 'indicative'] as const);
  query.time('updated_since');
  const filter = readOptionFilter(query);
  const limit = query.limit(1000, 100);
  const after = query.pageToken();
  if (core.faults.dataFaults('empty_chain', underlying).length > 0)
    return { snapshots: {}, next_page_token: null };
  const page = pageOf(applyOptionFilter(core.chain(underlying), filter), limit, after);
  const missing = core.faults.dataFaults('missing_greeks', underlying);
  const snapshots: Record<string, unknown> = {};
  for (const row of page.items) {
    snapshots[row.symbol] = snapshotJson(
      row,
      missing.some((f) => hitsContract(f, row.symbol)),
    );
  }
  return { snapshots, next_page_token: page.nextPageToken };
}

/** Option market-data endpoints (data host). */
export const optionRoutes: Route[] = [
  { host: 'marketData', pattern: /^\/v1beta1\/options\/snapshots\/([^/]+)$/, handle: optionChain },
];
