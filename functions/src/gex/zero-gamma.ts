import type { GexCurvePoint } from '../contract/regime';
import { gaussianSums } from './gaussian-sweep';
import type { OptionSide } from './types';

/**
 * Zero-gamma (flip) level by re-pricing: total dealer GEX is recomputed with Black-Scholes gamma at
 * every spot of a grid around the current spot, and the level is where it changes sign.
 * This sweep runs in float64 on typed arrays on purpose: its result is a price level and a chart
 * curve, not money, and it evaluates contracts × grid points (millions for a full SPX chain), in a
 * WebAssembly SIMD kernel ({@link gaussianSums}, e^x within 3 ulp of `Math.exp`).
 */

/** One contract as the sweep needs it (float64 model inputs). */
export interface SweepContract {
  side: OptionSide;
  strike: number;
  /** Open interest in contracts. */
  openInterest: number;
  /** Time to expiry in years (> 0), held fixed while the spot moves. */
  years: number;
  /** Annualized volatility (> 0). */
  volatility: number;
}

/** Input of {@link sweepZeroGamma}: the contracts, the current spot and the grid. */
export interface ZeroGammaInput {
  contracts: readonly SweepContract[];
  spot: number;
  rate: number;
  dividendYield: number;
  /** Half-width of the grid as a fraction of spot (default 0.15 → ±15%). */
  range?: number;
  /** Grid step as a fraction of spot (default 0.001 → 0.1%). */
  step?: number;
  /** Totals smaller than this fraction of the curve's largest |total| have no sign (default 1e-6). */
  noise?: number;
}

/** The zero-gamma level (or why there is none) and the swept curve. */
export interface ZeroGammaResult {
  /** Spot level where total GEX changes sign, nearest to spot; null when none in range. */
  level: number | null;
  /**
   * Why `level` is null: `no gamma to re-price: …` (no contract has a volatility), `no gamma in the
   * swept range`, `total GEX stays positive|negative from <lo> to <hi>`, or `… not finite …`.
   */
  reason: string | null;
  /** Total GEX per 1% move at each grid spot (USD), ascending by spot. */
  curve: GexCurvePoint[];
}

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * Each contract's part of its GEX term that does not depend on the spot, as typed arrays: with
 * Γ(S) = e^(−qT) φ(d₁) / (S σ √T) and d₁ = (ln S + shift) × inverse, a term of the curve is
 * `amp × φ-part × S` (see {@link gexCurve}).
 */
export class SweepTerms {
  length = 0;
  readonly shifts: Float64Array;
  readonly inverses: Float64Array;
  readonly amps: Float64Array;

  /** Room for `capacity` contracts, priced at `rate` and `dividendYield`. */
  constructor(
    capacity: number,
    readonly rate: number,
    readonly dividendYield: number,
  ) {
    this.shifts = new Float64Array(capacity);
    this.inverses = new Float64Array(capacity);
    this.amps = new Float64Array(capacity);
  }

  /** The terms of `contracts`, in order. */
  static of(contracts: readonly SweepContract[], rate: number, dividendYield: number): SweepTerms {
    const terms = new SweepTerms(contracts.length, rate, dividendYield);
    for (const c of contracts) terms.add(c.side, c.strike, c.openInterest, c.years, c.volatility);
    return terms;
  }

  /** Appends one contract (the fields of a {@link SweepContract}). */
  add(side: OptionSide, strike: number, openInterest: number, years: number, volatility: number): void {
    const { rate, dividendYield } = this;
    const i = this.length++;
    const volSqrtT = volatility * Math.sqrt(years);
    const sign = side === 'call' ? 1 : -1;
    this.shifts[i] = (rate - dividendYield + 0.5 * volatility * volatility) * years - Math.log(strike);
    this.inverses[i] = 1 / volSqrtT;
    this.amps[i] = (sign * openInterest * Math.exp(-dividendYield * years) * INV_SQRT_2PI) / volSqrtT;
  }
}

/**
 * Total GEX per 1% move at each spot of `spots`:
 * Σ ± OI × 100 × Γ(S) × S² × 0.01, with Γ(S) = e^(−qT) φ(d₁) / (S σ √T), so each term is
 * `amp × φ-part × S` with everything but d₁ precomputed per contract.
 */
export function gexCurve(input: ZeroGammaInput, spots: Float64Array): Float64Array {
  return curveOf(SweepTerms.of(input.contracts, input.rate, input.dividendYield), spots);
}

/** {@link gexCurve} of precomputed terms. */
function curveOf(terms: SweepTerms, spots: Float64Array): Float64Array {
  const totals = gaussianSums(terms.shifts, terms.inverses, terms.amps, terms.length, spots);
  // × 100 shares × S (from Γ·S²) × 0.01 for a 1% move.
  for (let k = 0; k < spots.length; k++) totals[k] = (totals[k] as number) * (spots[k] as number);
  return totals;
}

/** Builds the grid, sweeps it and finds the sign change nearest to spot (linear interpolation). */
export function sweepZeroGamma(input: ZeroGammaInput): ZeroGammaResult {
  return sweepZeroGammaTerms(SweepTerms.of(input.contracts, input.rate, input.dividendYield), input);
}

/** {@link sweepZeroGamma} of precomputed terms (`options` as in {@link ZeroGammaInput}). */
export function sweepZeroGammaTerms(
  terms: SweepTerms,
  options: Omit<ZeroGammaInput, 'contracts' | 'rate' | 'dividendYield'>,
): ZeroGammaResult {
  const { spot, range = 0.15, step = 0.001, noise = 1e-6 } = options;
  const half = Math.round(range / step);
  const spots = Float64Array.from({ length: 2 * half + 1 }, (_, i) => spot * (1 + (i - half) * step));
  const totals = curveOf(terms, spots);
  const curve = Array.from(spots, (s, k) => ({ spot: s, net_gex_per_pct: totals[k] as number }));
  if (terms.length === 0)
    return { level: null, reason: 'no gamma to re-price: no contract has a usable volatility', curve };
  const peak = totals.reduce((max, t) => Math.max(max, Math.abs(t)), 0);
  // NaN or Infinity (absurd inputs) must not reach a stored curve.
  if (!Number.isFinite(peak))
    return { level: null, reason: 'total GEX is not finite in the sweep', curve: [] };
  if (!(peak > 0)) return { level: null, reason: 'no gamma in the swept range', curve };
  const level = nearestCrossing(spots, totals, spot, peak * noise);
  if (level !== null) return { level, reason: null, curve };
  const sign = (totals.find((t) => Math.abs(t) > peak * noise) ?? 0) > 0 ? 'positive' : 'negative';
  const [lo, hi] = [spots[0] ?? spot, spots[spots.length - 1] ?? spot];
  return { level: null, reason: `total GEX stays ${sign} from ${lo.toFixed(2)} to ${hi.toFixed(2)}`, curve };
}

/** Linear-interpolated crossing between consecutive significant points, nearest to `spot`. */
function nearestCrossing(
  spots: Float64Array,
  totals: Float64Array,
  spot: number,
  threshold: number,
): number | null {
  let best: number | null = null;
  let previous = -1;
  for (let k = 0; k < totals.length; k++) {
    const t = totals[k] as number;
    if (Math.abs(t) <= threshold) continue;
    if (previous >= 0 && Math.sign(t) !== Math.sign(totals[previous] as number)) {
      const [s0, s1, t0] = [spots[previous] as number, spots[k] as number, totals[previous] as number];
      const crossing = s0 + ((s1 - s0) * t0) / (t0 - t);
      if (best === null || Math.abs(crossing - spot) < Math.abs(best - spot)) best = crossing;
    }
    previous = k;
  }
  return best;
}
