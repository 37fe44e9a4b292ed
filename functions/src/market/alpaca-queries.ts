import type { OptionFeed } from './alpaca-config';

/* The paged queries the Alpaca client runs and what they return. */

/** Items gathered across pages; `invalid` items failed their schema and were skipped. */
export interface Paged<T> {
  items: T[];
  invalid: number;
  pages: number;
  /** True when the page cap stopped paging while Alpaca still offered a next page. */
  truncated: boolean;
}

/** One underlying's `/v2/options/contracts` listing, every page up to `maxPages`. */
export interface ContractsQuery {
  underlying: string;
  /** Inclusive expiry range, `YYYY-MM-DD`; always explicit (Alpaca's default stops at the weekend). */
  expirationGte: string;
  expirationLte: string;
  /** Page size (Alpaca max 10000). */
  limit: number;
  maxPages: number;
}

/** One underlying's `/v1beta1/options/snapshots/{underlying}` chain, every page up to `maxPages`. */
export interface ChainQuery extends Omit<ContractsQuery, 'limit'> {
  /** Strike band in USD, inclusive; omitted = every strike. */
  strikeGte?: number;
  strikeLte?: number;
  /** Page size (Alpaca max 1000). */
  limit: number;
  feed: OptionFeed;
}
