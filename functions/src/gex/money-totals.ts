import type { Decimal } from '../num/decimal';
import { gexPerPct } from './contract-gex';

/** Exact call and put GEX (USD per $1 move, puts ≤ 0), e.g. a total, a bucket or a strike. */
export interface ExactSides {
  call: Decimal;
  put: Decimal;
}

/**
 * GEX as stored, every value rounded to cents (half away from zero). Only the two sides are
 * rounded; everything else is derived from the rounded sides, so each stored identity holds to
 * the cent: `net = call + put`, `gross = call − put`, `netPerPct = callPerPct + putPerPct`.
 */
export interface MoneyTotals {
  /** Call GEX, USD per $1 move, ≥ 0. */
  call: Decimal;
  /** Put GEX, USD per $1 move, ≤ 0. */
  put: Decimal;
  /** `call + put`, USD per $1 move. */
  net: Decimal;
  /** Gross gamma dollars `call + |put|` (= `call − put`), USD per $1 move. */
  gross: Decimal;
  /** Call GEX per 1% move, USD. */
  callPerPct: Decimal;
  /** Put GEX per 1% move, USD, ≤ 0. */
  putPerPct: Decimal;
  /** `callPerPct + putPerPct`, USD per 1% move. */
  netPerPct: Decimal;
}

/** A value rounded to cents, half away from zero: the engine's one rounding of money. */
export function roundToCents(value: Decimal): Decimal {
  return value.toDecimalPlaces(2);
}

/**
 * Rounds exact sides to the stored money figures (see {@link MoneyTotals}); `spot` in USD gives the
 * per-1% figures (`× spot × 0.01` on the exact sides, then rounded).
 */
export function roundMoneyTotals(sides: ExactSides, spot: Decimal): MoneyTotals {
  const call = roundToCents(sides.call);
  const put = roundToCents(sides.put);
  const callPerPct = roundToCents(gexPerPct(sides.call, spot));
  const putPerPct = roundToCents(gexPerPct(sides.put, spot));
  return {
    call,
    put,
    net: call.plus(put),
    gross: call.minus(put),
    callPerPct,
    putPerPct,
    netPerPct: callPerPct.plus(putPerPct),
  };
}
