import type { trading } from '@alpacahq/alpaca-trade-api/rest';

/** Which Alpaca host a call went to; each has its own rate limit. */
export type AlpacaHost = 'trading' | 'marketData';

/**
 * HTTP requests sent to Alpaca (every attempt, retries included, since each one counts against
 * the rate limit): per host, per endpoint template, and per underlying when the request names one.
 */
export interface CallCounts {
  marketData: number;
  trading: number;
  /** Keyed by endpoint template, e.g. `/v1beta1/options/snapshots/{underlying}`. */
  byEndpoint: Record<string, number>;
  /** Keyed by upper-case underlying; shared calls (clock, calendar, multi-symbol spot) are not here. */
  bySymbol: Record<string, { marketData: number; trading: number }>;
}

/** A running tally fed by an SDK middleware; read it with `snapshot()`, compare with {@link diffCallCounts}. */
export interface CallCounter {
  middleware(host: AlpacaHost): trading.Middleware;
  snapshot(): CallCounts;
}

/** A tally with every count at zero. */
export const emptyCallCounts = (): CallCounts => ({
  marketData: 0,
  trading: 0,
  byEndpoint: {},
  bySymbol: {},
});

/** Endpoint template and the underlying it concerns (if exactly one), from a request URL. */
export function classifyRequest(url: string): { endpoint: string; symbol: string | null } {
  const { pathname, searchParams } = new URL(url);
  const chain = /^(.*\/v1beta1\/options\/snapshots)\/([^/]+)$/.exec(pathname);
  if (chain?.[1] && chain[2]) {
    return {
      endpoint: '/v1beta1/options/snapshots/{underlying}',
      symbol: decodeURIComponent(chain[2]).toUpperCase(),
    };
  }
  const endpoint = pathname.replace(/^.*?(\/v\d+(beta\d+)?\/)/, '$1');
  const underlying = searchParams.get('underlying_symbols');
  return { endpoint, symbol: underlying && !underlying.includes(',') ? underlying.toUpperCase() : null };
}

/** Creates a counter whose middleware observes (never alters) each request attempt. */
export function createCallCounter(): CallCounter {
  const counts = emptyCallCounts();
  const record = (host: AlpacaHost, url: string): void => {
    const { endpoint, symbol } = classifyRequest(url);
    counts[host] += 1;
    counts.byEndpoint[endpoint] = (counts.byEndpoint[endpoint] ?? 0) + 1;
    if (symbol) {
      const perSymbol = (counts.bySymbol[symbol] ??= { marketData: 0, trading: 0 });
      perSymbol[host] += 1;
    }
  };
  return {
    middleware: (host) => ({
      pre: ({ url }) => {
        record(host, url);
        return Promise.resolve();
      },
    }),
    snapshot: () => structuredClone(counts),
  };
}

/** Calls made between two snapshots (`after − before`), dropping zero entries. */
export function diffCallCounts(before: CallCounts, after: CallCounts): CallCounts {
  const out = emptyCallCounts();
  out.marketData = after.marketData - before.marketData;
  out.trading = after.trading - before.trading;
  for (const [endpoint, n] of Object.entries(after.byEndpoint)) {
    const delta = n - (before.byEndpoint[endpoint] ?? 0);
    if (delta > 0) out.byEndpoint[endpoint] = delta;
  }
  for (const [symbol, n] of Object.entries(after.bySymbol)) {
    const prior = before.bySymbol[symbol] ?? { marketData: 0, trading: 0 };
    const delta = { marketData: n.marketData - prior.marketData, trading: n.trading - prior.trading };
    if (delta.marketData > 0 || delta.trading > 0) out.bySymbol[symbol] = delta;
  }
  return out;
}
