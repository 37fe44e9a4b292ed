import type { ErrorKind } from '../contract/regime';
import type { ChainInput } from '../gex/types';

/*
 * What the pulse needs from market data, as the adapter offers it: the clock and each symbol's
 * chain. Implemented by {@link createAlpacaMarketSource} (and by in-memory fakes in unit tests).
 */

/** Alpaca's market clock as the pulse needs it (ISO-8601 instants). */
export interface MarketClock {
  isOpen: boolean;
  /** "Now" according to the market-data provider; the numbers' `as_of` when they are computed. */
  timestamp: string;
  nextOpen: string | null;
  nextClose: string | null;
}

/** One symbol's chain, or why it could not be loaded. */
export type ChainOutcome =
  | {
      ok: true;
      chain: ChainInput;
      apiCalls?: number;
      /** Contracts the provider's data dropped before the engine (one-sided joins, bad rows), by reason. */
      adapterSkipped?: Readonly<Record<string, number>>;
    }
  | {
      ok: false;
      error: string;
      /** What kind of failure, for consumers to branch on (see the contract's `ErrorKind`). */
      errorKind: ErrorKind;
      /** Alpaca's `X-Request-ID` of the failed response, for the log line only. */
      requestId?: string | null;
      apiCalls?: number;
    };

/** Market data for the pulse (the Alpaca adapter behind it). */
export interface MarketDataSource {
  /**
   * One clock request (the SDK may retry it).
   * @throws when the provider fails (`errorKindOf` in `error-kind.ts` classifies what was thrown).
   */
  readClock(): Promise<MarketClock>;
  /**
   * Every HTTP request this source has sent so far, each attempt counted (retries included, since
   * each counts against the rate limit); callers diff two readings.
   */
  callsSent(): number;
  /**
   * Loads every symbol's 0DTE/1DTE chain in parallel; one symbol's failure is its outcome, not a
   * throw. @param input.symbols upper-case tickers.
   */
  loadChains(input: { symbols: readonly string[]; clock: MarketClock }): Promise<{
    chains: Record<string, ChainOutcome>;
    /** Provider calls made by this load (excluding the clock). */
    apiCalls: number;
  }>;
}
