import { z } from 'zod';
import { Count, DecimalString } from './decimal-string';

/**
 * The contract's figures beyond open-interest GEX (additive; absent in documents written before
 * they existed, hence optional). Dealer sign as for GEX: dealers long calls (+1), short puts (−1).
 *
 * - Volume GEX (`_vol`): `gamma × volume × 100 × spot` per contract, volume = contracts traded in
 *   the session so far; USD per $1 move (`_per_pct`: per 1% move); calls ≥ 0, puts ≤ 0,
 *   `net = call + put` exactly (each side rounded to the cent once, net summed from those).
 * - `delta_exposure`: dollar delta `Σ ± delta × OI × 100 × spot`, USD of underlying dealers hold.
 * - `vanna_exposure`: change of that dollar delta when implied volatility rises 1 point (+0.01), USD.
 * - `charm_exposure`: change of that dollar delta over one calendar day with spot and IV unchanged, USD.
 */

/** Volume-GEX totals of a symbol. */
export const VolumeGexFields = {
  net_gex_vol: DecimalString.optional(),
  total_call_gex_vol: DecimalString.optional(),
  total_put_gex_vol: DecimalString.optional(),
  net_gex_vol_per_pct: DecimalString.optional(),
  total_call_gex_vol_per_pct: DecimalString.optional(),
  total_put_gex_vol_per_pct: DecimalString.optional(),
};

/** Volume-GEX totals of an expiry bucket. */
export const BucketVolumeFields = {
  net_gex_vol: DecimalString.optional(),
  total_call_gex_vol: DecimalString.optional(),
  total_put_gex_vol: DecimalString.optional(),
  net_gex_vol_per_pct: DecimalString.optional(),
};

/** A major strike: its net GEX (USD per $1 move) as in the profile row. */
export const MajorStrike = z.object({ strike: DecimalString, net_gex: DecimalString });
export type MajorStrike = z.infer<typeof MajorStrike>;

/** The strikes with the largest positive and the largest negative net GEX; null when none has that sign. */
export const MajorPair = z.object({ positive: MajorStrike.nullable(), negative: MajorStrike.nullable() });
export type MajorPair = z.infer<typeof MajorPair>;

/** Majors by open-interest GEX and by volume GEX. */
export const Majors = z.object({ oi: MajorPair, volume: MajorPair });
export type Majors = z.infer<typeof Majors>;

/** Per-symbol exposures beyond OI GEX, spread into `SymbolRegime`. */
export const BeyondOiFields = {
  ...VolumeGexFields,
  majors: Majors.optional(),
  delta_exposure: DecimalString.optional(),
  vanna_exposure: DecimalString.optional(),
  charm_exposure: DecimalString.optional(),
};

/** Quality counts of the new inputs, spread into `Quality`. */
export const BeyondOiQuality = {
  /** Used contracts with no volume figure (no bar): counted as zero volume. */
  volume_missing: Count.optional(),
  /** Used contracts whose volume was broken (negative, fractional, non-numeric): counted as zero. */
  volume_invalid: Count.optional(),
  /** Used contracts missing a delta, vanna or charm (no provider value, no volatility): zero there. */
  exposure_excluded: Count.optional(),
  /**
   * Contracts with zero open interest that traded today: in the volume GEX only (the OI figures
   * still count them in `skipped.zero_open_interest`).
   */
  volume_only: Count.optional(),
};

/** Per-strike columns of the profile beyond OI GEX (same units and signs as the symbol's). */
export const StrikeBeyondOiFields = {
  call_gex_vol: DecimalString.optional(),
  put_gex_vol: DecimalString.optional(),
  net_gex_vol: DecimalString.optional(),
  delta_exposure: DecimalString.optional(),
  vanna_exposure: DecimalString.optional(),
  charm_exposure: DecimalString.optional(),
};

/** Change of a figure over the last 1, 5 and 15 minutes (USD per $1 move); null without a row then. */
export const GexChange = z.object({
  m1: DecimalString.nullable(),
  m5: DecimalString.nullable(),
  m15: DecimalString.nullable(),
});
export type GexChange = z.infer<typeof GexChange>;

/**
 * Which side of its levels a symbol was on after the last pulse, with hysteresis (see
 * `pulse/regime-events.ts`): the sign of net GEX and spot against zero gamma; null before known.
 */
export const EventState = z.object({
  gex_sign: z.enum(['positive', 'negative']).nullable(),
  spot_side: z.enum(['above', 'below']).nullable(),
});
export type EventState = z.infer<typeof EventState>;

/** Fields the pulse adds to a stored symbol map: changes from history and the event state. */
export const StoredBeyondOiFields = {
  net_gex_change: GexChange.optional(),
  net_gex_vol_change: GexChange.optional(),
  event_state: EventState.optional(),
};
