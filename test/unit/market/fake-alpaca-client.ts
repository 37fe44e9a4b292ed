import type { AlpacaClient } from '../../../functions/src/market/alpaca-client';
import type { ChainQuery } from '../../../functions/src/market/alpaca-queries';
import { type AlpacaHost, createCallCounter } from '../../../functions/src/market/call-counter';
import type { RawOptionContract, RawOptionSnapshot } from '../../../functions/src/market/wire-schemas';

/** OCC symbol of a contract (`SPY250516C00590000`). */
const occ = (u: string, expiry: string, side: 'C' | 'P', strike: number) =>
  `${u}${expiry.slice(2).replaceAll('-', '')}${side}${String(Math.round(strike * 1000)).padStart(8, '0')}`;

/**
 * An in-memory Alpaca for the adapter: every request is counted by the real call counter (as the
 * SDK middleware would) and logged in order; the market is set by the test. Strikes 300..700 every
 * dollar, a call and a put each, on the two session dates given.
 */
export function fakeAlpacaClient(state: {
  now: string;
  isOpen?: boolean;
  sessions: readonly string[];
  spots: Record<string, number>;
}) {
  const calls = createCallCounter();
  const log: string[] = [];
  const sent = (host: AlpacaHost, path: string) => {
    log.push(path);
    return calls.middleware(host).pre!({ url: `http://fake.test${path}`, init: {} } as never);
  };
  const contracts = (underlying: string): RawOptionContract[] =>
    state.sessions.flatMap((expiry) =>
      Array.from({ length: 401 }, (_, i) => 300 + i).flatMap((strike) =>
        (['C', 'P'] as const).map((side) => ({
          symbol: occ(underlying, expiry, side, strike),
          underlying_symbol: underlying,
          type: side === 'C' ? ('call' as const) : ('put' as const),
          expiration_date: expiry,
          strike_price: String(strike),
          open_interest: String(100 + ((strike * 7) % 900)),
        })),
      ),
    );
  const snapshot = (strike: number, spot: number): RawOptionSnapshot => ({
    greeks: { gamma: (0.05 * Math.exp(-(((strike - spot) / 10) ** 2))).toFixed(6), delta: 0.5 },
    impliedVolatility: 0.2,
    latestQuote: { ap: 1.1, bp: 1.0, t: state.now },
  });
  const client: AlpacaClient = {
    calls,
    async getClock() {
      await sent('trading', '/v2/clock');
      await Promise.resolve();
      log.push('clock answered');
      return {
        timestamp: state.now,
        is_open: state.isOpen ?? true,
        next_open: state.now,
        next_close: state.now,
      };
    },
    async getCalendar() {
      await sent('trading', '/v2/calendar');
      return state.sessions.map((date) => ({ date, open: '09:30', close: '16:00' }));
    },
    async listOptionContracts(q) {
      await sent('trading', `/v2/options/contracts?underlying_symbols=${q.underlying}`);
      const items = contracts(q.underlying).filter(
        (c) => c.expiration_date >= q.expirationGte && c.expiration_date <= q.expirationLte,
      );
      return { items, invalid: 0, pages: 1, truncated: false };
    },
    async getOptionChain(q: ChainQuery) {
      await sent('marketData', `/v1beta1/options/snapshots/${q.underlying}`);
      const spot = state.spots[q.underlying] ?? 0;
      const items = contracts(q.underlying)
        .filter((c) => c.expiration_date >= q.expirationGte && c.expiration_date <= q.expirationLte)
        .filter((c) => (q.strikeGte ?? 0) <= Number(c.strike_price))
        .filter((c) => Number(c.strike_price) <= (q.strikeLte ?? Infinity))
        .map((c) => [c.symbol, snapshot(Number(c.strike_price), spot)] as [string, RawOptionSnapshot]);
      return { items, invalid: 0, pages: 1, truncated: false };
    },
    async getLatestTrades(symbols) {
      await sent('marketData', '/v2/stocks/trades/latest');
      return new Map(symbols.map((s) => [s, { p: String(state.spots[s]), t: state.now }]));
    },
  };
  return { client, log };
}
