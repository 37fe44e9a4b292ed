import type { ExpiryBuckets } from '../calendar/types';
import type { ChainInput } from '../gex/types';
import type { AlpacaErrorKind } from './alpaca-api-error';
import type { CallCounts } from './call-counter';
import type { StrikeBand } from './join-chain';

/** Why one symbol's chain could not be loaded: an Alpaca call failed, or the data is unusable. */
export type ChainFailureKind =
  | AlpacaErrorKind
  | 'missing_spot' // the latest-trades response has no usable price for the symbol
  | 'no_expiries' // neither the 0DTE nor the 1DTE session lists an expiry for the symbol
  | 'empty_chain' // the chain returned no snapshots, or none joined a listed contract
  | 'no_open_interest' // every joined contract has zero, negative, missing or unreadable OI
  | 'page_cap'; // more pages than the cap allows: refusing to compute on a partial chain

/** A symbol's failure as plain data (safe to log or store). */
export interface ChainFailure {
  kind: ChainFailureKind;
  message: string;
  /** Endpoint template of the failed call, when a call failed. */
  endpoint: string | null;
  status: number | null;
  /** Alpaca's `X-Request-ID` of the failed response, when it had one (log it, never store it). */
  requestId: string | null;
}

/** Thrown inside the adapter for data-level failures of one symbol; reported as {@link ChainFailure}. */
export class ChainLoadError extends Error {
  override readonly name = 'ChainLoadError';
  constructor(
    readonly symbol: string,
    readonly kind: Exclude<ChainFailureKind, AlpacaErrorKind>,
    message: string,
  ) {
    super(message);
  }
}

/** How the adapter assembled one chain: what it saw, joined and skipped (counts of contracts). */
export interface ChainQuality {
  snapshotsReceived: number;
  contractsListed: number;
  contractsJoined: number;
  /**
   * Adapter-side skips by reason: `no_open_interest_record`, `no_snapshot`, `outside_expiries`
   * (see `JoinSkipReason`), `malformed_snapshot`, `malformed_contract` (failed the wire schema).
   */
  skipped: Record<string, number>;
  chainPages: number;
  contractPages: number;
  openInterestCached: boolean;
  /** OI publication day the contract list belongs to (`YYYY-MM-DD`). */
  openInterestDay: string;
  /** Strike band requested around spot (USD), null when every strike was requested. */
  strikeBand: StrikeBand | null;
}

/** HTTP requests attributable to one symbol (chain pages, contract pages); shared calls excluded. */
export interface SymbolCalls {
  marketData: number;
  trading: number;
}

/** One symbol's outcome of a cycle: its engine input, or why it failed; either way its own calls. */
export type SymbolChainResult =
  | {
      symbol: string;
      ok: true;
      /** The engine's input: 0DTE + 1DTE contracts, spot, `asOf` from Alpaca's clock, early closes. */
      chain: ChainInput;
      buckets: ExpiryBuckets;
      quality: ChainQuality;
      calls: SymbolCalls;
    }
  | { symbol: string; ok: false; error: ChainFailure; calls: SymbolCalls };

/** One market-data cycle for several symbols. */
export interface MarketCycle {
  /** Alpaca clock time (ISO-8601): the instant the chains describe. */
  asOf: string;
  marketOpen: boolean;
  nextOpen: string;
  nextClose: string;
  /** Session dates of the 0DTE and 1DTE buckets (`YYYY-MM-DD`, New York). */
  sessions: { zeroDte: string; oneDte: string };
  calendarCached: boolean;
  /**
   * Every request attempt sent while the cycle ran, retries included; requests started ahead of it
   * by `MarketData.speculate` are not here (the client's counter has them all).
   */
  calls: CallCounts;
  /** Wall time of the cycle, ms. */
  elapsedMs: number;
  /** Keyed by upper-case symbol, in the order asked. */
  symbols: Record<string, SymbolChainResult>;
}
