import type { OptionSide } from '../../functions/src/gex/types';

/** Greeks as Alpaca's option snapshot carries them (theta per calendar day, vega and rho per 1 point). */
export interface RowGreeks {
  delta: number;
  gamma: number;
  theta: number;
  vega: number;
  rho: number;
}

/** One listed option with everything both the contracts and the snapshot endpoints serve. */
export interface ChainRow {
  /** OCC symbol, e.g. `SPY250516C00590000`. */
  symbol: string;
  underlying: string;
  /** OCC root (`SPY`, `SPXW`). */
  root: string;
  side: OptionSide;
  /** Strike, USD; `strikeText` is what the contracts endpoint prints. */
  strike: number;
  strikeText: string;
  /** `YYYY-MM-DD`. */
  expiry: string;
  style: 'american' | 'european';
  /** Contracts, as the trading API prints it (a string); null when unknown. */
  openInterest: string | null;
  openInterestDate: string | null;
  closePrice: string | null;
  greeks: RowGreeks | null;
  impliedVolatility: number | null;
  /** USD per share; null when there is no quote. */
  quote: { bid: number; ask: number; bidSize: number; askSize: number } | null;
  trade: { price: number; size: number } | null;
  /** Contracts traded in the session so far (the snapshot's `dailyBar.v`); null = no bar. */
  volume: number | null;
  /** Epoch ms of the latest quote and trade. */
  quoteTimeMs: number;
  tradeTimeMs: number;
}

/** OCC option symbol: root, `YYMMDD`, `C`/`P`, strike × 1000 in 8 digits. */
export function occSymbol(root: string, expiry: string, side: OptionSide, strike: number): string {
  const date = expiry.slice(2).replaceAll('-', '');
  const strikeMilli = String(Math.round(strike * 1000)).padStart(8, '0');
  return `${root}${date}${side === 'call' ? 'C' : 'P'}${strikeMilli}`;
}
