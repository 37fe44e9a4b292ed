import { addDays, newYorkWallClock, weekdayOf } from '../../functions/src/calendar/new-york-time';
import { hitsContract } from '../faults';
import type { ChainRow } from '../market/chain-row';
import { formatNewYork, newYorkDate } from '../market/sessions';
import { stableUuid } from '../random';
import { applyOptionFilter, hasExpiryFilter, readOptionFilter } from './option-filter';
import { pageOf } from './query';
import type { Route, RouteContext } from './route';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `GET /v2/clock`. */
function clock({ core }: RouteContext): unknown {
  const nowMs = core.nowMs();
  const [first, second] = core.calendar.upcoming(nowMs, 2);
  if (!first || !second) throw new Error('no upcoming sessions');
  const isOpen = first.openMs <= nowMs;
  return {
    timestamp: formatNewYork(nowMs),
    is_open: isOpen,
    next_open: formatNewYork(isOpen ? second.openMs : first.openMs),
    next_close: formatNewYork(first.closeMs),
  };
}

/** `GET /v2/calendar`: sessions with New York `HH:MM` times and T+1 settlement. */
function calendar({ core, query }: RouteContext): unknown {
  const year = Number(newYorkDate(core.nowMs()).slice(0, 4));
  const start = query.dateOrTime('start') ?? `${year - 1}-01-01`;
  const end = query.dateOrTime('end') ?? `${year + 1}-12-31`;
  const dateType = query.oneOf('date_type', ['TRADING', 'SETTLEMENT'] as const) ?? 'TRADING';
  if (start > end) return [];
  const sessions = core.calendar.between(addDays(start, -10), addDays(end, 10));
  const days = sessions.slice(0, -1).map((s, i) => ({
    date: s.date,
    open: newYorkWallClock(s.openMs).time,
    close: newYorkWallClock(s.closeMs).time,
    session_open: '0400',
    session_close: '2000',
    settlement_date: sessions[i + 1]?.date ?? s.date,
  }));
  const key = dateType === 'TRADING' ? 'date' : 'settlement_date';
  return days.filter((d) => d[key] >= start && d[key] <= end);
}

/** Alpaca's default expiry window without date filters: up to the upcoming weekend. */
function upcomingWeekend(today: string): string {
  const weekday = weekdayOf(today);
  return addDays(today, 7 - weekday + (weekday >= 6 ? 7 : 0));
}

function contractJson(row: ChainRow, openInterest: string | null, deliverables: boolean): unknown {
  const [y, m, d] = row.expiry.split('-');
  const assetId = stableUuid('asset', row.underlying);
  const side = row.side === 'call' ? 'Call' : 'Put';
  const json: Record<string, unknown> = {
    id: stableUuid('contract', row.symbol),
    symbol: row.symbol,
    name: `${row.underlying} ${MONTHS[Number(m) - 1] ?? m} ${Number(d)} ${y} ${row.strikeText} ${side}`,
    status: 'active',
    tradable: true,
    expiration_date: row.expiry,
    root_symbol: row.root,
    underlying_symbol: row.underlying,
    underlying_asset_id: assetId,
    type: row.side,
    style: row.style,
    strike_price: row.strikeText,
    multiplier: '100',
    size: '100',
  };
  // Alpaca leaves out what it does not know rather than sending null.
  if (openInterest !== null) json.open_interest = openInterest;
  if (row.openInterestDate !== null) json.open_interest_date = row.openInterestDate;
  if (row.closePrice !== null) {
    json.close_price = row.closePrice;
    json.close_price_date = row.openInterestDate;
  }
  if (deliverables) json.deliverables = [deliverable(row.underlying, assetId)];
  return json;
}

function deliverable(symbol: string, assetId: string): unknown {
  return {
    type: 'equity',
    symbol,
    asset_id: assetId,
    amount: '100',
    allocation_percentage: '100',
    settlement_type: 'T+1',
    settlement_method: 'CCC',
    delayed_settlement: false,
  };
}

/** `GET /v2/options/contracts`: snake_case, string numbers, `next_page_token` paging. */
function contracts({ core, query }: RouteContext): unknown {
  const underlyings = query.symbols('underlying_symbols') ?? core.knownUnderlyings();
  const status = query.oneOf('status', ['active', 'inactive'] as const) ?? 'active';
  const style = query.oneOf('style', ['american', 'european'] as const);
  const deliverables = query.boolean('show_deliverables') ?? false;
  query.boolean('ppind');
  const filter = readOptionFilter(query);
  const limit = query.limit(10_000, 100);
  const after = query.pageToken();
  if (!hasExpiryFilter(filter)) filter.expirationDateLte = upcomingWeekend(newYorkDate(core.nowMs()));
  const rows =
    status === 'inactive' ? [] : underlyings.flatMap((u) => applyOptionFilter(core.chain(u), filter));
  const listed = rows
    .filter((row) => style === undefined || row.style === style)
    .sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
  const page = pageOf(listed, limit, after);
  const badOi = new Map(underlyings.map((u) => [u, core.faults.dataFaults('bad_open_interest', u)]));
  return {
    option_contracts: page.items.map((row) => {
      const fault = badOi.get(row.underlying)?.find((f) => hitsContract(f, row.symbol));
      return contractJson(row, fault ? fault.value : row.openInterest, deliverables);
    }),
    next_page_token: page.nextPageToken,
  };
}

/** Trading-API endpoints (paper/live host). */
export const tradingRoutes: Route[] = [
  { host: 'trading', pattern: /^\/v2\/clock$/, handle: clock },
  { host: 'trading', pattern: /^\/v2\/calendar$/, handle: calendar },
  { host: 'trading', pattern: /^\/v2\/options\/contracts$/, handle: contracts },
];
