import type { AlpacaApiError } from './alpaca-api-error';
import type { OptionFeed } from './alpaca-config';
import type { StrikeBand } from './join-chain';
import type { RawStockTrade } from './wire-schemas';

/** Latest trades by upper-case symbol, or the error of the one spot request. */
export type SpotResult = Map<string, RawStockTrade> | AlpacaApiError;

/** Tuning of the chain requests (defaults in `createMarketData`). */
export interface ChainOptions {
  feed: OptionFeed;
  /** Half-width of the strike band around spot, percent; null = every strike. */
  strikeBandPct: number | null;
  chainPageLimit: number;
  maxChainPages: number;
  contractsPageLimit: number;
  maxContractPages: number;
}

/** Band of ±pct around spot, widened to whole cents, never below 0; a level filter, so float64 is fine. */
export function strikeBandAround(spot: number, pct: number | null): StrikeBand | null {
  if (pct === null || !Number.isFinite(spot) || spot <= 0) return null;
  return {
    gte: Math.max(0, Math.floor(spot * (1 - pct / 100) * 100) / 100),
    lte: Math.ceil(spot * (1 + pct / 100) * 100) / 100,
  };
}
