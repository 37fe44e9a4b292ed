import type { StockView } from '../market/stock-view';
import { uniform } from '../random';
import { ApiError } from './api-error';
import type { Route, RouteContext } from './route';

const STOCK_FEEDS = ['iex', 'sip', 'delayed_sip', 'boats', 'overnight', 'otc'] as const;
const MULTI_PARAMS = ['symbols', 'feed', 'currency'];
const SINGLE_PARAMS = ['feed', 'currency'];

function cents(value: number): number {
  return Math.round(value * 100) / 100;
}

function tradeJson(view: StockView): unknown {
  return {
    t: new Date(view.timeMs).toISOString(),
    x: 'V',
    p: view.last,
    s: 100,
    c: ['@'],
    i: Math.floor(uniform('trade-id', view.symbol, view.timeMs) * 1e12),
    z: 'B',
  };
}

function barJson(bar: StockView['day'], startMs: number): unknown {
  const vwap = cents((bar.open + bar.high + bar.low + bar.close) / 4);
  const trades = Math.max(1, Math.round(bar.volume / 90));
  return {
    t: new Date(startMs).toISOString(),
    o: bar.open,
    h: bar.high,
    l: bar.low,
    c: bar.close,
    v: bar.volume,
    n: trades,
    vw: vwap,
  };
}

function snapshotJson(view: StockView): unknown {
  const minuteStart = view.timeMs - (view.timeMs % 60_000);
  const minute = {
    open: view.last,
    high: view.last,
    low: view.last,
    close: view.last,
    startMs: minuteStart,
    volume: 150_000,
  };
  return {
    latestTrade: tradeJson(view),
    latestQuote: {
      t: new Date(view.timeMs).toISOString(),
      ax: 'V',
      ap: cents(view.last + 0.01),
      as: 3,
      bx: 'V',
      bp: cents(view.last - 0.01),
      bs: 2,
      c: ['R'],
      z: 'B',
    },
    minuteBar: barJson(minute, minuteStart),
    dailyBar: barJson(view.day, view.day.startMs),
    prevDailyBar: barJson(view.previous, view.previous.startMs),
  };
}

function requiredSymbols({ query }: RouteContext): string[] {
  query.rejectUnknown(MULTI_PARAMS);
  query.oneOf('feed', STOCK_FEEDS);
  const symbols = query.symbols('symbols');
  if (!symbols) throw ApiError.badRequest('missing symbols');
  return symbols;
}

function pathSymbol({ query, params }: RouteContext): string {
  query.rejectUnknown(SINGLE_PARAMS);
  query.oneOf('feed', STOCK_FEEDS);
  const symbol = (params[0] ?? '').toUpperCase();
  if (!/^[A-Z][A-Z0-9.]{0,9}$/.test(symbol)) throw ApiError.unprocessable(`invalid symbol: "${symbol}"`);
  return symbol;
}

/** Stock market-data endpoints used for spot (data host). */
export const stockRoutes: Route[] = [
  {
    host: 'marketData',
    pattern: /^\/v2\/stocks\/trades\/latest$/,
    handle: (ctx) => ({
      trades: Object.fromEntries(requiredSymbols(ctx).map((s) => [s, tradeJson(ctx.core.stock(s))])),
    }),
  },
  {
    host: 'marketData',
    pattern: /^\/v2\/stocks\/snapshots$/,
    handle: (ctx) =>
      Object.fromEntries(requiredSymbols(ctx).map((s) => [s, snapshotJson(ctx.core.stock(s))])),
  },
  {
    host: 'marketData',
    pattern: /^\/v2\/stocks\/([^/]+)\/trades\/latest$/,
    handle: (ctx) => {
      const symbol = pathSymbol(ctx);
      return { symbol, trade: tradeJson(ctx.core.stock(symbol)) };
    },
  },
  {
    host: 'marketData',
    pattern: /^\/v2\/stocks\/([^/]+)\/snapshot$/,
    handle: (ctx) => {
      const symbol = pathSymbol(ctx);
      return { symbol, ...(snapshotJson(ctx.core.stock(symbol)) as object) };
    },
  },
];
