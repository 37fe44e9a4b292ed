import type { ExpiryBuckets } from '../calendar/types';

/**
 * The GEX engine's input: a normalized option chain, as any source (Alpaca adapter, CBOE file,
 * simulator replay) hands it over. Numeric fields arrive unvalidated (`RawNumber`); the engine
 * converts them to Decimal once and skips, with a counted reason, whatever does not validate.
 */

export type OptionSide = 'call' | 'put';

/** A number as a source delivers it: a decimal string, a JSON number, or missing. */
export type RawNumber = string | number | null | undefined;

export interface ContractInput {
  /** OCC symbol, e.g. `SPY250516C00590000`; the key that must be unique within a chain. */
  symbol: string;
  side: OptionSide;
  /** Strike in USD. */
  strike: RawNumber;
  /** Expiry date, `YYYY-MM-DD` (New York calendar date). */
  expiry: string;
  /** Open interest in contracts (each contract = 100 shares). */
  openInterest: RawNumber;
  /** Provider gamma: change of delta per $1 move of the underlying. Missing or insane → computed locally. */
  gamma?: RawNumber;
  /** Provider implied volatility, annualized (0.25 = 25%). */
  impliedVolatility?: RawNumber;
  /** Latest quote, USD per share; the mid is used to solve IV when the provider gives none. */
  bid?: RawNumber;
  ask?: RawNumber;
  /**
   * Contracts traded in the session so far (today's bar, `dailyBar.v` on Alpaca, CBOE's `Volume`).
   * Missing: no bar, counted as zero volume (`quality.volume_missing`); never a reason to skip.
   */
  volume?: RawNumber;
  /** Provider delta (calls 0…1, puts −1…0); missing or not finite → Black-Scholes. */
  delta?: RawNumber;
  /** Provider vanna, change of delta per 1.00 of volatility; missing → Black-Scholes. */
  vanna?: RawNumber;
  /** Provider charm, change of delta per year as time passes; missing → Black-Scholes. */
  charm?: RawNumber;
  /**
   * ISO-8601 instant this contract stops carrying gamma, when it is not its expiry's close: e.g.
   * 09:30 New York on the expiry date for AM-settled index options (SPX monthlies settle on the
   * opening prints). Omitted: the expiry's close (`expiryCloses`, else 16:00 New York).
   */
  settlesAt?: string;
}

export interface ChainInput {
  /** Underlying ticker, upper case (`SPY`). */
  underlying: string;
  /** Underlying price in USD. */
  spotPrice: RawNumber;
  /** ISO-8601 instant the market data describes; time to expiry is measured from it. */
  asOf: string;
  contracts: readonly ContractInput[];
  buckets: ExpiryBuckets;
  /**
   * Expiry close instants (ISO-8601) by expiry date, for early closes; an expiry not listed
   * closes at 16:00 America/New_York.
   */
  expiryCloses?: Readonly<Record<string, string>>;
  /** Continuously compounded annual rates used by local Black-Scholes (defaults: 0.045, 0.013). */
  riskFreeRate?: number;
  dividendYield?: number;
}

/** A chain's input without its contracts: what the engine must know before it reads any. */
export type ChainHead = Omit<ChainInput, 'contracts'>;

/**
 * Contracts handed over one at a time (e.g. as a file is parsed): a call hands every contract of
 * the chain to `add`, in order, and returns the chain's head as it ends up (its underlying and
 * buckets may be known only then). It may be called again and must then hand over the same
 * contracts.
 */
export type ContractFeed = (add: (contract: ContractInput) => void) => ChainHead;
