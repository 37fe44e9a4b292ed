import type { MarketDataSourceInfo } from '../contract/regime';

/** Plain settings of one pulse, resolved from params at call time (see params.ts). */
export interface PulseConfig {
  /** Upper-case tickers, e.g. `["SPY","QQQ"]`. */
  symbols: string[];
  /** Minutes between computations while the market is closed. */
  closedCadenceMinutes: number;
  /** Days a history row lives (Firestore TTL). */
  historyRetentionDays: number;
  /** How long a lease is honoured (ms); longer than the function's timeout. */
  leaseTtlMs: number;
  /** Recorded in the regime document as `market_data_source`. */
  marketDataSource: MarketDataSourceInfo;
}

/**
 * Parses `SPY, qqq ,SPY` into `["SPY","QQQ"]`: trimmed, upper-cased, de-duplicated, order kept.
 * @throws Error when a ticker is not 1–10 letters/dots or the list is empty.
 */
export function parseSymbols(text: string): string[] {
  const symbols = [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim().toUpperCase())
        .filter((s) => s !== ''),
    ),
  ];
  if (symbols.length === 0) throw new Error('PULSE_SYMBOLS is empty');
  const bad = symbols.find((s) => !/^[A-Z][A-Z.]{0,9}$/.test(s));
  if (bad !== undefined) throw new Error(`PULSE_SYMBOLS holds an invalid ticker: ${bad}`);
  return symbols;
}
