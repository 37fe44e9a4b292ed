import { z } from 'zod';

/**
 * The one contract for `systemStatus/market_regime` and `gexProfiles/{SYMBOL}`: types and runtime
 * schemas that functions, strategies, the CLI and the dashboard all import.
 *
 * Seed fields (must hold exactly): `net_gex`, `total_call_gex`, `total_put_gex`, `spot_price`,
 * `option_count`, `volatility_bias`. Everything else is an additive extension.
 * Money is a decimal string fixed to two places, USD per $1 move of the underlying unless the
 * name says `_per_pct` (USD per 1% move).
 */

/** A decimal carried as a string, e.g. `"7650000.00"` or `"-16200000.00"`. */
export const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string');

export const VolatilityBias = z.enum(['Bullish', 'Bearish', 'Neutral']);
export type VolatilityBias = z.infer<typeof VolatilityBias>;

export const GexRegime = z.enum(['POSITIVE', 'NEGATIVE', 'NEUTRAL']);
export type GexRegime = z.infer<typeof GexRegime>;

const Count = z.number().int().nonnegative();

/** Totals of one expiry bucket (0DTE, 1DTE, or every other expiry included). */
export const ExpiryTotals = z.object({
  /** Session date the bucket stands for (`YYYY-MM-DD`); null for `other`. */
  session: z.string().nullable(),
  /** Expiry date included (`YYYY-MM-DD`); null when that session lists no expiry. */
  expiry: z.string().nullable(),
  net_gex: DecimalString,
  total_call_gex: DecimalString,
  total_put_gex: DecimalString,
  net_gex_per_pct: DecimalString,
  option_count: Count,
  /** Why the bucket is empty, when it is. */
  note: z.string().nullable(),
});
export type ExpiryTotals = z.infer<typeof ExpiryTotals>;

/** How the numbers were made: contracts seen, used, skipped by reason, greeks computed locally. */
export const Quality = z.object({
  contracts_seen: Count,
  contracts_used: Count,
  /** Skipped contracts by reason (`negative_open_interest`, `missing_gamma`, `expired`, …). */
  skipped: z.record(z.string(), Count),
  /** Contracts whose gamma came from local Black-Scholes (provider gamma missing or insane). */
  local_greeks: Count,
  /** Of those, how many needed an IV solved from the quote mid. */
  iv_solved: Count,
});
export type Quality = z.infer<typeof Quality>;

/** One symbol's map in the regime document (lower-case key: `spy`, `qqq`). */
export const SymbolRegime = z.object({
  net_gex: DecimalString,
  total_call_gex: DecimalString,
  total_put_gex: DecimalString,
  spot_price: DecimalString,
  option_count: Count,
  volatility_bias: VolatilityBias,
  gex_regime: GexRegime,
  /** |net_gex| in billions of USD per $1 move, six decimals. */
  gex_strength: DecimalString,
  /** Gross gamma dollars: total_call_gex + |total_put_gex|, USD per $1 move. */
  total_gex_dollar: DecimalString,
  net_gex_per_pct: DecimalString,
  total_call_gex_per_pct: DecimalString,
  total_put_gex_per_pct: DecimalString,
  /** Spot level where re-priced total GEX changes sign, nearest to spot; null with a reason otherwise. */
  zero_gamma: DecimalString.nullable(),
  zero_gamma_reason: z.string().nullable(),
  call_wall: DecimalString.nullable(),
  put_wall: DecimalString.nullable(),
  /** Strike with the largest |call GEX| + |put GEX|. */
  abs_gamma_strike: DecimalString.nullable(),
  by_expiry: z.object({
    zero_dte: ExpiryTotals,
    one_dte: ExpiryTotals,
    other: ExpiryTotals.optional(),
  }),
  /** ISO-8601 time of the market data the numbers describe. */
  as_of: z.string(),
  quality: Quality,
});
export type SymbolRegime = z.infer<typeof SymbolRegime>;

/** One strike of the profile: GEX per $1 move, calls positive, puts negative. */
export const StrikeProfileRow = z.object({
  strike: DecimalString,
  call_gex: DecimalString,
  put_gex: DecimalString,
  net_gex: DecimalString,
});
export type StrikeProfileRow = z.infer<typeof StrikeProfileRow>;

/** A point of the re-priced total-GEX curve (float64 model output, for charts). */
export const GexCurvePoint = z.object({
  spot: z.number().finite(),
  net_gex_per_pct: z.number().finite(),
});
export type GexCurvePoint = z.infer<typeof GexCurvePoint>;

/** What the engine returns for one symbol. */
export interface GexResult {
  regime: SymbolRegime;
  profile: StrikeProfileRow[];
  curve: GexCurvePoint[];
}
