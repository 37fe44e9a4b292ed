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
  /**
   * Used contracts (in the sums) left out of the zero-gamma re-pricing because they have no usable
   * volatility: no provider IV and no quote an IV can be solved from. Absent in documents written
   * before it existed.
   */
  zero_gamma_excluded: Count.optional(),
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

// ---------------------------------------------------------------------------------------------
// Stored documents: what the pulse writes and every reader parses back.
// ---------------------------------------------------------------------------------------------

/** A Firestore Timestamp from either SDK (admin or web): anything with `toDate()`. */
export const FirestoreTimestamp = z.custom<{ toDate(): Date }>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toDate?: unknown }).toDate === 'function',
  'expected a Firestore Timestamp',
);

/**
 * One symbol's map as stored in `systemStatus/market_regime`: the engine's numbers plus the
 * freshness of this symbol. A failed symbol keeps its last good numbers with `stale: true`.
 */
export const StoredSymbolRegime = SymbolRegime.extend({
  /** True when the latest attempt for this symbol failed and the numbers are older. */
  stale: z.boolean(),
  /** Message of the latest failure; null when the latest attempt succeeded. */
  error: z.string().nullable(),
  /** ISO-8601 pulse time of the last successful computation. */
  last_success_at: z.string().nullable(),
  /** ISO-8601 pulse time of the latest attempt (successful or not). */
  last_attempt_at: z.string(),
});
export type StoredSymbolRegime = z.infer<typeof StoredSymbolRegime>;

/**
 * Where a pulse's market data came from: Alpaca, its option feed, and whose credentials — always
 * the pulse's own key pair (`APCA_API_KEY_ID`), never a user's connected account.
 */
export const MarketDataSourceInfo = z.object({
  provider: z.literal('alpaca'),
  feed: z.string(),
  credentials: z.literal('pulse_key'),
});
export type MarketDataSourceInfo = z.infer<typeof MarketDataSourceInfo>;

/** The fixed (non-symbol) fields of `systemStatus/market_regime`. */
export const MarketRegimeHeader = z.object({
  /** Server time of the write (seed). */
  timestamp: FirestoreTimestamp,
  /** ISO-8601 time of the write (seed). */
  last_updated: z.string(),
  /** From SPY's net GEX sign (seed); the first symbol's when SPY is not configured. */
  market_volatility_bias: VolatilityBias,
  /** Whether Alpaca's clock said the market was open at this pulse. */
  market_open: z.boolean(),
  /** True when no symbol has fresh numbers (total failure): values are the last good ones. */
  stale: z.boolean(),
  /** Pulse-level failure (e.g. the market clock was unreachable); null otherwise. */
  error: z.string().nullable(),
  /** ISO-8601 market-data time (Alpaca's clock) of the newest numbers; only moves forward. */
  as_of: z.string(),
  /** ISO-8601 schedule time of the pulse that wrote the document. */
  pulse_time: z.string(),
  /** Alpaca's next open/close (ISO-8601) as of this pulse; null when unknown. */
  next_open: z.string().nullable(),
  next_close: z.string().nullable(),
  /** Lower-case keys of the symbol maps present in this document, e.g. `["spy","qqq"]`. */
  symbols: z.array(z.string()),
  /** Configured symbols (lower case) that have never produced numbers, with the latest error. */
  missing_symbols: z.record(z.string(), z.string()),
  /** Alpaca API calls this pulse made (market data + trading). */
  api_calls: Count,
  /** Wall time of the pulse in milliseconds. */
  duration_ms: Count,
  /** Which source served the market data; absent in documents written before it was recorded. */
  market_data_source: MarketDataSourceInfo.optional(),
});
export type MarketRegimeHeader = z.infer<typeof MarketRegimeHeader>;

/**
 * The full `systemStatus/market_regime` document: the header plus one {@link StoredSymbolRegime}
 * map per key listed in `symbols` (lower-case keys, e.g. `spy`, `qqq`). Unknown extra fields are
 * kept (the contract grows additively). Use {@link symbolRegimeOf} to read a symbol's map.
 */
export const MarketRegimeDocument = z.looseObject(MarketRegimeHeader.shape).superRefine((doc, ctx) => {
  for (const key of doc.symbols) {
    const parsed = StoredSymbolRegime.safeParse(doc[key]);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: [key, ...issue.path] });
      }
    }
  }
});
export type MarketRegimeDocument = z.infer<typeof MarketRegimeDocument>;

/** The symbol map stored under `key` (lower case) in a parsed document, or null when absent. */
export function symbolRegimeOf(doc: MarketRegimeDocument, key: string): StoredSymbolRegime | null {
  if (!doc.symbols.includes(key)) return null;
  return StoredSymbolRegime.parse(doc[key]);
}

/** `gexProfiles/{SYMBOL}`: the strike profile and re-priced curve of the last good pulse. */
export const GexProfileDocument = z.object({
  symbol: z.string(),
  timestamp: FirestoreTimestamp,
  last_updated: z.string(),
  as_of: z.string(),
  spot_price: DecimalString,
  net_gex: DecimalString,
  net_gex_per_pct: DecimalString,
  zero_gamma: DecimalString.nullable(),
  zero_gamma_reason: z.string().nullable(),
  call_wall: DecimalString.nullable(),
  put_wall: DecimalString.nullable(),
  abs_gamma_strike: DecimalString.nullable(),
  /** Rows ascending by strike; GEX per $1 move, calls positive, puts negative. */
  profile: z.array(StrikeProfileRow),
  /** Re-priced total GEX (per 1% move) over hypothetical spot levels, ascending by spot. */
  curve: z.array(GexCurvePoint),
});
export type GexProfileDocument = z.infer<typeof GexProfileDocument>;

/** One symbol's line in a history row. */
export const HistorySymbol = z.object({
  net_gex: DecimalString,
  net_gex_per_pct: DecimalString,
  spot_price: DecimalString,
  zero_gamma: DecimalString.nullable(),
  call_wall: DecimalString.nullable(),
  put_wall: DecimalString.nullable(),
  volatility_bias: VolatilityBias,
  stale: z.boolean(),
});
export type HistorySymbol = z.infer<typeof HistorySymbol>;

/** `history/{pulse time}`: a small row per written pulse; Firestore TTL deletes it at `expire_at`. */
export const HistoryRow = z.object({
  timestamp: FirestoreTimestamp,
  pulse_time: z.string(),
  as_of: z.string(),
  market_open: z.boolean(),
  stale: z.boolean(),
  /** TTL field (declared in firestore.indexes.json). */
  expire_at: FirestoreTimestamp,
  symbols: z.record(z.string(), HistorySymbol),
});
export type HistoryRow = z.infer<typeof HistoryRow>;
