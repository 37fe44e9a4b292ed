import { Decimal } from '../num/decimal';
import {
  decimalOfScaled,
  type Scaled,
  SCALED_ZERO,
  scaledNegated,
  scaledOfDecimal,
  scaledOfNumber,
  scaledPlus,
  scaledTimes,
} from '../num/scaled-decimal';
import { ExactSum } from '../num/exact-sum';
import { CONTRACT_MULTIPLIER } from './contract-gex';
import {
  compareStrikes,
  ContractColumns,
  type ExpiryBucketName,
  type NormalizedContract,
  type StrikeRef,
} from './normalize-contracts';

/**
 * Dealer exposures beyond open-interest GEX from the normalized contracts: volume GEX and the
 * exposures of dealer delta. Dealer sign as for GEX: dealers are long calls (+1) and short puts
 * (−1), and every exposure is that sign × greek × weight × 100 × spot.
 *
 * Volume GEX weighs the Decimal gamma by an integer volume, summed exactly in scaled integers
 * ({@link ExactSum}) like OI GEX. Delta, vanna
 * and charm are float64 model values (Black-Scholes or a provider's printed greek), so
 * `sign × greek × OI` is summed in float64 within a strike (tens of terms: relative error ~1e-15,
 * far below a cent) and each strike's sum enters exact decimal arithmetic once; converting every
 * contract's greek to Decimal instead doubled the engine's time on a full SPX chain for no real
 * precision. The per-strike figures and their totals are worked out in {@link Scaled} values,
 * which give decimal.js's results digit for digit at a fraction of its cost (about 20 ms less for
 * the 445 strikes of a full SPX chain in a fresh process).
 */

/** Volume GEX of one side, USD per $1 move: calls ≥ 0, puts ≤ 0. */
export interface VolumeGex {
  call: Decimal;
  put: Decimal;
}

/** Net dealer exposures of delta (USD), dealer sign. */
export interface DeltaExposures {
  /** Dollar delta `± delta × OI × 100 × spot`, USD of underlying. */
  delta: Decimal;
  /** Change of that dollar delta per 1 volatility point (+0.01 of σ), USD. */
  vanna: Decimal;
  /** Change of that dollar delta per calendar day as time passes, USD. */
  charm: Decimal;
}

/**
 * One strike's exposures across every included expiry, as exact {@link Scaled} values (each the
 * Decimal the same operations would give): a chain has thousands of them, and most only become
 * money strings ({@link scaledMoneyString}).
 */
export interface StrikeExposures {
  strike: Decimal;
  call: Scaled;
  put: Scaled;
  delta: Scaled;
  vanna: Scaled;
  charm: Scaled;
}

/** A chain's exposures in total, by strike (ascending) and by expiry bucket (volume GEX). */
export interface ExposureSums {
  total: VolumeGex & DeltaExposures;
  byStrike: StrikeExposures[];
  byBucket: Record<ExpiryBucketName, VolumeGex>;
}

const ONE_POINT = new Decimal('0.01');
const DAYS_PER_YEAR = new Decimal(365);

interface Row {
  strike: Decimal;
  strikeNumber: number;
  /** Σ gamma × volume of calls, and of puts (unsigned), exact. */
  callVol: ExactSum;
  putVol: ExactSum;
  /** Σ dealer sign × greek × OI, float64 (see above). */
  delta: number;
  vanna: number;
  charm: number;
}

const emptyRow = ({ strike, strikeNumber }: StrikeRef): Row => ({
  strike,
  strikeNumber,
  callVol: new ExactSum(),
  putVol: new ExactSum(),
  delta: 0,
  vanna: 0,
  charm: 0,
});

/** Adds each contract of `c` to its strike's row (created on first use) and its bucket. */
function addColumns(
  c: ContractColumns,
  strikes: Row[],
  buckets: Record<ExpiryBucketName, { call: ExactSum; put: ExactSum }>,
): void {
  for (let i = 0; i < c.length; i++) {
    const ref = c.strike[i] as StrikeRef;
    let row = strikes[ref.index];
    if (!row) strikes[ref.index] = row = emptyRow(ref);
    const gamma = c.gamma[i] as Decimal;
    const volume = c.volume[i] as Decimal;
    const call = c.side[i] === 'call';
    if (!volume.isZero() && !gamma.isZero()) {
      const bucket = buckets[c.bucket[i] as ExpiryBucketName];
      const term = ExactSum.term(gamma, volume);
      if (call) {
        row.callVol.addTerm(term);
        bucket.call.addTerm(term);
      } else {
        row.putVol.addTerm(term);
        bucket.put.addTerm(term);
      }
    }
    // An unknown greek (NaN) adds nothing (counted in quality.exposure_excluded).
    const weight = (call ? 1 : -1) * (c.openInterestNumber[i] as number);
    const delta = c.delta[i] as number;
    const vanna = c.vanna[i] as number;
    const charm = c.charm[i] as number;
    if (!Number.isNaN(delta)) row.delta += delta * weight;
    if (!Number.isNaN(vanna)) row.vanna += vanna * weight;
    if (!Number.isNaN(charm)) row.charm += charm * weight;
  }
}

/**
 * Sums volume GEX (`gamma × volume × 100 × spot`, puts negative; USD per $1 move) by strike and by
 * bucket, and dollar delta, vanna (per 1 vol point) and charm (per day) exposure by strike, all with
 * the dealer sign. Zero-volume contracts add nothing. Each sum is scaled by its constant factor
 * once (`100 × spot`, `× 0.01` for vanna, `÷ 365` for charm). Totals are the sums over strikes.
 */
export function sumExposures(contracts: readonly NormalizedContract[], spot: Decimal): ExposureSums {
  return sumExposureColumns([ContractColumns.of(contracts)], spot);
}

/**
 * {@link sumExposures} of contracts held as columns, over several column sets in turn (e.g. a
 * chain's used and traded-only contracts) whose {@link StrikeRef}s index one set of strikes.
 */
export function sumExposureColumns(parts: readonly ContractColumns[], spot: Decimal): ExposureSums {
  const strikes: Row[] = [];
  const side = () => ({ call: new ExactSum(), put: new ExactSum() });
  const buckets: Record<ExpiryBucketName, { call: ExactSum; put: ExactSum }> = {
    zero_dte: side(),
    one_dte: side(),
    other: side(),
  };
  for (const part of parts) addColumns(part, strikes, buckets);
  const dollar = CONTRACT_MULTIPLIER.times(spot);
  const perPoint = dollar.times(ONE_POINT);
  const perDay = dollar.dividedBy(DAYS_PER_YEAR);
  // Per strike: `sum.toDecimal().times(dollar)`, `new Decimal(float).times(perPoint)` and so on,
  // worked out in Scaled values (the same results, without a Decimal per operation).
  const [dollarS, perPointS, perDayS] = [dollar, perPoint, perDay].map(scaledOfDecimal) as [
    Scaled,
    Scaled,
    Scaled,
  ];
  const byStrike = strikes
    .filter((row) => row !== undefined)
    .sort(compareStrikes)
    .map((row) => ({
      strike: row.strike,
      call: scaledTimes(row.callVol.toScaled(), dollarS),
      put: scaledNegated(scaledTimes(row.putVol.toScaled(), dollarS)),
      delta: scaledTimes(scaledOfNumber(row.delta), dollarS),
      vanna: scaledTimes(scaledOfNumber(row.vanna), perPointS),
      charm: scaledTimes(scaledOfNumber(row.charm), perDayS),
    }));
  const scaleBucket = (b: { call: ExactSum; put: ExactSum }): VolumeGex => ({
    call: b.call.toDecimal().times(dollar),
    put: b.put.toDecimal().times(dollar).negated(),
  });
  // The totals add the strikes in order, as Decimal's `plus` from zero would.
  const sums = {
    call: SCALED_ZERO,
    put: SCALED_ZERO,
    delta: SCALED_ZERO,
    vanna: SCALED_ZERO,
    charm: SCALED_ZERO,
  };
  for (const row of byStrike) {
    sums.call = scaledPlus(sums.call, row.call);
    sums.put = scaledPlus(sums.put, row.put);
    sums.delta = scaledPlus(sums.delta, row.delta);
    sums.vanna = scaledPlus(sums.vanna, row.vanna);
    sums.charm = scaledPlus(sums.charm, row.charm);
  }
  return {
    total: {
      call: decimalOfScaled(sums.call),
      put: decimalOfScaled(sums.put),
      delta: decimalOfScaled(sums.delta),
      vanna: decimalOfScaled(sums.vanna),
      charm: decimalOfScaled(sums.charm),
    },
    byStrike,
    byBucket: {
      zero_dte: scaleBucket(buckets.zero_dte),
      one_dte: scaleBucket(buckets.one_dte),
      other: scaleBucket(buckets.other),
    },
  };
}
