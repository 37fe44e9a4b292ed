import type { ContractInput } from '../gex/types';
import type { OpenInterestContract } from './open-interest';
import type { RawOptionSnapshot } from './wire-schemas';

/** Inclusive strike band in USD; null = every strike. */
export interface StrikeBand {
  gte: number;
  lte: number;
}

/** Why a contract seen by the adapter did not reach the engine. */
export type JoinSkipReason =
  /** A snapshot whose OCC symbol is not in the day's contract list (no OI to weigh it by). */
  | 'no_open_interest_record'
  /** A listed contract inside the band and expiries with no snapshot (no gamma, IV or quote). */
  | 'no_snapshot'
  /** A snapshot of a listed contract whose expiry is not a 0DTE/1DTE expiry. */
  | 'outside_expiries';

/** The engine's contracts of one chain, and how many were left out by reason. */
export interface JoinResult {
  contracts: ContractInput[];
  skipped: Partial<Record<JoinSkipReason, number>>;
}

/** Strike comparison only filters which contracts are expected; float64 is fine for that. */
const inBand = (strike: string, band: StrikeBand | null): boolean =>
  band === null || (Number(strike) >= band.gte && Number(strike) <= band.lte);

/**
 * Joins chain snapshots (greeks, IV, quote) with the day's contract list (side, strike, expiry,
 * OI) by OCC symbol. Contracts present on one side only are counted, never guessed.
 * Pure; output follows the snapshot order.
 */
export function joinChain(input: {
  contracts: readonly OpenInterestContract[];
  snapshots: ReadonlyArray<readonly [string, RawOptionSnapshot]>;
  expiries: ReadonlySet<string>;
  band: StrikeBand | null;
}): JoinResult {
  const listed = new Map(input.contracts.map((c) => [c.symbol, c]));
  const seen = new Set<string>();
  const skipped: JoinResult['skipped'] = {};
  const skip = (reason: JoinSkipReason): void => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
  };
  const contracts: ContractInput[] = [];
  for (const [occ, snapshot] of input.snapshots) {
    seen.add(occ);
    const contract = listed.get(occ);
    if (!contract) {
      skip('no_open_interest_record');
      continue;
    }
    if (!input.expiries.has(contract.expiry)) {
      skip('outside_expiries');
      continue;
    }
    contracts.push({
      symbol: occ,
      side: contract.side,
      strike: contract.strike,
      expiry: contract.expiry,
      openInterest: contract.openInterest,
      gamma: snapshot.greeks?.gamma,
      impliedVolatility: snapshot.impliedVolatility,
      bid: snapshot.latestQuote?.bp,
      ask: snapshot.latestQuote?.ap,
      delta: snapshot.greeks?.delta,
      volume: snapshot.dailyBar?.v,
    });
  }
  for (const c of input.contracts) {
    if (!seen.has(c.symbol) && input.expiries.has(c.expiry) && inBand(c.strike, input.band)) {
      skip('no_snapshot');
    }
  }
  return { contracts, skipped };
}
