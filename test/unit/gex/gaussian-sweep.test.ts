import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assembleGaussianSweep } from '../../../scripts/build-wasm';
import { sweepTermsOf } from '../../../functions/src/gex/compute-gex';
import { gaussianSums } from '../../../functions/src/gex/gaussian-sweep';
import { GAUSSIAN_SWEEP_WASM } from '../../../functions/src/gex/gaussian-sweep-wasm';
import {
  DEFAULT_DIVIDEND_YIELD,
  DEFAULT_RISK_FREE_RATE,
  normalizeContracts,
} from '../../../functions/src/gex/normalize-contracts';
import { parseDecimal } from '../../../functions/src/num/decimal';
import { fixtureInput } from './golden-strings';

/** The sum as a plain loop with `Math.exp`, and Σ |term| per spot (the scale of its rounding). */
function reference(
  shifts: Float64Array,
  inverses: Float64Array,
  amps: Float64Array,
  count: number,
  spots: Float64Array,
): { sums: Float64Array; scale: Float64Array } {
  const sums = new Float64Array(spots.length);
  const scale = new Float64Array(spots.length);
  spots.forEach((spot, k) => {
    const lnSpot = Math.log(spot);
    for (let i = 0; i < count; i++) {
      const d1 = (lnSpot + (shifts[i] as number)) * (inverses[i] as number);
      if (!(d1 * d1 < 1400)) continue;
      const term = (amps[i] as number) * Math.exp(-0.5 * d1 * d1);
      sums[k] = (sums[k] as number) + term;
      scale[k] = (scale[k] as number) + Math.abs(term);
    }
  });
  return { sums, scale };
}

/**
 * Largest |kernel − reference| / Σ |term| over the spots (0 where both are 0). A term that underflows
 * into the subnormal range keeps fewer significant bits: a step of `Number.MIN_VALUE` per term, in
 * either loop, is rounding of the result's format, not an error of the kernel's.
 */
function worstError(shifts: Float64Array, inverses: Float64Array, amps: Float64Array, spots: Float64Array) {
  const count = amps.length;
  const sums = gaussianSums(shifts, inverses, amps, count, spots);
  const ref = reference(shifts, inverses, amps, count, spots);
  const subnormalSteps = 2 * count * Number.MIN_VALUE;
  let worst = 0;
  sums.forEach((sum, k) => {
    const error = Math.max(0, Math.abs(sum - (ref.sums[k] as number)) - subnormalSteps);
    if (error > 0) worst = Math.max(worst, error / (ref.scale[k] as number));
  });
  return worst;
}

/** ±√1400 nudged by a few ulp: d₁² just below or just above the cut-off at ln S = 0. */
const nearCutoff = fc
  .tuple(fc.constantFrom(-1, 1), fc.integer({ min: -4, max: 4 }))
  .map(([sign, ulps]) => sign * Math.sqrt(1400) * (1 + ulps * Number.EPSILON));

describe('gaussianSums (the WebAssembly kernel)', () => {
  it('runs the bytes assembled from gaussian-sweep.wat (run `npm run build:wasm` after editing it)', async () => {
    const committed = Uint8Array.from(atob(GAUSSIAN_SWEEP_WASM), (c) => c.charCodeAt(0));
    expect(committed).toEqual(await assembleGaussianSweep());
  });

  it('matches the plain Math.exp loop to 1e-14 of each spot’s Σ |term|', () => {
    const term = fc.record({
      shift: fc.oneof(fc.double({ min: -8, max: 2, noNaN: true }), nearCutoff),
      inverse: fc.oneof(fc.double({ min: 0.05, max: 500, noNaN: true }), fc.constant(1)),
      amp: fc.double({ min: -1e9, max: 1e9, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(term, { maxLength: 41 }),
        fc.array(fc.oneof(fc.double({ min: 0.01, max: 1e4, noNaN: true }), fc.constant(1)), {
          minLength: 1,
          maxLength: 12,
        }),
        (terms, spotList) => {
          const shifts = Float64Array.from(terms, (t) => t.shift);
          const inverses = Float64Array.from(terms, (t) => t.inverse);
          const amps = Float64Array.from(terms, (t) => t.amp);
          expect(worstError(shifts, inverses, amps, Float64Array.from(spotList))).toBeLessThanOrEqual(1e-14);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('differs from the plain loop by at most a subnormal step where a term underflows', () => {
    // A tiny amp whose term (~2e-310) is subnormal: the two loops' products may round one step apart.
    const [shifts, inverses, amps] = [
      Float64Array.of(0),
      Float64Array.of(3.802551059156093),
      Float64Array.of(2.504152890726335e-271),
    ];
    const spots = Float64Array.of(0.029421747389984588, 0.01);
    const sums = gaussianSums(shifts, inverses, amps, 1, spots);
    const ref = reference(shifts, inverses, amps, 1, spots);
    sums.forEach((sum, k) =>
      expect(Math.abs(sum - (ref.sums[k] as number))).toBeLessThanOrEqual(2 * Number.MIN_VALUE),
    );
    expect(worstError(shifts, inverses, amps, spots)).toBe(0);
  });

  it('keeps a term with d₁² just below 1400 and drops one at or above it', () => {
    const at = (shift: number) =>
      gaussianSums(Float64Array.of(shift), Float64Array.of(1), Float64Array.of(3), 1, Float64Array.of(1))[0];
    const below = Math.sqrt(1400) * (1 - Number.EPSILON);
    expect(below * below).toBeLessThan(1400);
    expect(Math.abs((at(below) as number) / (3 * Math.exp(-0.5 * below * below)) - 1)).toBeLessThan(1e-15);
    const above = Math.sqrt(1400) * (1 + Number.EPSILON);
    expect(at(above)).toBe(0);
    expect(at(-above)).toBe(0);
  });

  it('sums nothing to 0 and passes NaN and ±Infinity through as the JavaScript loop does', () => {
    // One term under test beside an ordinary one, at one spot.
    const terms = (shift: number, inverse: number, amp: number, spot: number) =>
      [
        Float64Array.of(shift, 0.1),
        Float64Array.of(inverse, 1),
        Float64Array.of(amp, 2),
        2,
        Float64Array.of(spot),
      ] as const;
    const one = (shift: number, inverse: number, amp: number, spot = 1) =>
      gaussianSums(...terms(shift, inverse, amp, spot))[0] as number;
    const plain = (shift: number, inverse: number, amp: number, spot = 1) =>
      reference(...terms(shift, inverse, amp, spot)).sums[0] as number;
    expect(
      gaussianSums(new Float64Array(0), new Float64Array(0), new Float64Array(0), 0, Float64Array.of(1, 2)),
    ).toEqual(new Float64Array(2));
    for (const [shift, inverse, amp, spot] of [
      [0, 1, Number.NaN, 1],
      [0, 1, Infinity, 1],
      [0, 1, -Infinity, 1],
      [Number.NaN, 1, 1, 1],
      [0, Number.NaN, 1, 1],
      [Infinity, 1, 1, 1],
      [0, Infinity, 1, 1],
      [1, Infinity, 1, 1],
      [0, 1, 1, Number.NaN],
      [0, 1, 1, -1],
      [0, 1, 1, Infinity],
    ] as const) {
      expect(one(shift, inverse, amp, spot)).toBe(plain(shift, inverse, amp, spot));
    }
  });

  it('matches the plain loop on the full SPX chain (14,218 terms × 301 spots)', () => {
    const input = fixtureInput('spx_quotedata_2023-09-14_1631ET.csv', 'all');
    const spot = parseDecimal(input.spotPrice);
    if (!spot) throw new Error('no spot');
    const chain = normalizeContracts(input, spot, Date.parse(input.asOf));
    const terms = sweepTermsOf(chain, DEFAULT_RISK_FREE_RATE, DEFAULT_DIVIDEND_YIELD);
    expect(terms.length).toBe(14_218);
    const n = terms.length;
    const spots = Float64Array.from({ length: 301 }, (_, i) => spot.toNumber() * (1 + (i - 150) * 0.001));
    const worst = worstError(
      terms.shifts.subarray(0, n),
      terms.inverses.subarray(0, n),
      terms.amps.subarray(0, n),
      spots,
    );
    expect(worst).toBeLessThanOrEqual(1e-14);
  });
});
