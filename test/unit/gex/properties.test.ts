import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregateGex } from '../../../functions/src/gex/aggregate-gex';
import { contractGexPerDollar } from '../../../functions/src/gex/contract-gex';
import { normalizeContracts } from '../../../functions/src/gex/normalize-contracts';
import type { ContractInput } from '../../../functions/src/gex/types';
import {
  gexCurve,
  sweepZeroGamma,
  type SweepContract,
  type ZeroGammaInput,
} from '../../../functions/src/gex/zero-gamma';
import { Decimal, ZERO } from '../../../functions/src/num/decimal';
import { AS_OF, chain, TODAY, TOMORROW } from './chain-builders';

const arbContract = (index: number) =>
  fc
    .record({
      side: fc.constantFrom<'call' | 'put'>('call', 'put'),
      strike: fc.integer({ min: 400, max: 500 }).map(String),
      expiry: fc.constantFrom(TODAY, TOMORROW, '2025-06-20'),
      openInterest: fc.integer({ min: 1, max: 100_000 }).map(String),
      gamma: fc.integer({ min: 0, max: 20_000 }).map((n) => (n / 100_000).toFixed(5)),
    })
    .map((c): ContractInput => ({ ...c, symbol: `P${index}` }));

const arbChain = fc
  .integer({ min: 1, max: 40 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbContract(i))));

const spot = new Decimal('450.37');
const normalize = (contracts: ContractInput[]) =>
  normalizeContracts(chain(contracts, { spotPrice: spot.toString() }), spot, Date.parse(AS_OF)).contracts;

describe('GEX invariants (fast-check)', () => {
  it('the profile by strike and the expiry buckets each sum exactly to the totals', () => {
    fc.assert(
      fc.property(arbChain, (contracts) => {
        const { total, byStrike, byBucket } = aggregateGex(normalize(contracts), spot);
        const strikeCall = byStrike.reduce((s, r) => s.plus(r.call), ZERO);
        const strikePut = byStrike.reduce((s, r) => s.plus(r.put), ZERO);
        expect(strikeCall.eq(total.call) && strikePut.eq(total.put)).toBe(true);
        const buckets = Object.values(byBucket);
        expect(buckets.reduce((s, b) => s.plus(b.call), ZERO).eq(total.call)).toBe(true);
        expect(buckets.reduce((s, b) => s + b.count, 0)).toBe(contracts.length);
        // And the same per contract: Σ gamma × OI × 100 × spot (× −1 for puts).
        const perContract = normalize(contracts).reduce(
          (s, c) => s.plus(contractGexPerDollar({ ...c, spot })),
          ZERO,
        );
        expect(perContract.eq(total.call.plus(total.put))).toBe(true);
      }),
    );
  });

  it('is linear in open interest', () => {
    fc.assert(
      fc.property(arbChain, fc.integer({ min: 2, max: 1000 }), (contracts, k) => {
        const base = aggregateGex(normalize(contracts), spot).total;
        const scaled = contracts.map((c) => ({ ...c, openInterest: String(Number(c.openInterest) * k) }));
        const big = aggregateGex(normalize(scaled), spot).total;
        expect(big.call.eq(base.call.times(k)) && big.put.eq(base.put.times(k))).toBe(true);
      }),
    );
  });

  it('swapping call and put negates each contribution', () => {
    fc.assert(
      fc.property(arbChain, (contracts) => {
        const base = aggregateGex(normalize(contracts), spot);
        const swapped = contracts.map((c) => ({
          ...c,
          side: c.side === 'call' ? ('put' as const) : ('call' as const),
        }));
        const mirror = aggregateGex(normalize(swapped), spot);
        expect(mirror.total.call.eq(base.total.put.negated())).toBe(true);
        expect(mirror.total.put.eq(base.total.call.negated())).toBe(true);
        base.byStrike.forEach((row, i) => expect(mirror.byStrike[i]?.call.eq(row.put.negated())).toBe(true));
      }),
    );
  });
});

const arbSweep = fc.array(
  fc.record({
    side: fc.constantFrom<'call' | 'put'>('call', 'put'),
    strike: fc.double({ min: 80, max: 120, noNaN: true }),
    openInterest: fc.integer({ min: 1, max: 50_000 }),
    years: fc.double({ min: 0.0005, max: 0.5, noNaN: true }),
    volatility: fc.double({ min: 0.05, max: 1, noNaN: true }),
  }),
  { minLength: 1, maxLength: 30 },
);

describe('zero-gamma sweep', () => {
  it('puts the level between grid points where the significant curve changes sign', () => {
    fc.assert(
      fc.property(arbSweep, (contracts) => {
        const { level, reason, curve } = sweepZeroGamma({
          contracts,
          spot: 100,
          rate: 0.045,
          dividendYield: 0.013,
        });
        const peak = Math.max(...curve.map((p) => Math.abs(p.net_gex_per_pct)));
        const significant = curve.filter((p) => Math.abs(p.net_gex_per_pct) > peak * 1e-6);
        if (level === null) {
          expect(reason).not.toBeNull();
          expect(new Set(significant.map((p) => Math.sign(p.net_gex_per_pct))).size).toBeLessThanOrEqual(1);
          return;
        }
        const below = significant.filter((p) => p.spot <= level).at(-1);
        const above = significant.find((p) => p.spot >= level);
        expect(below && above).toBeTruthy();
        expect(Math.sign(below?.net_gex_per_pct ?? 0) * Math.sign(above?.net_gex_per_pct ?? 0)).toBe(-1);
      }),
      { numRuns: 60 },
    );
  });

  it('finds the flip between a put-heavy low strike and a call-heavy high strike', () => {
    const contracts: SweepContract[] = [
      { side: 'put', strike: 95, openInterest: 10_000, years: 0.05, volatility: 0.2 },
      { side: 'call', strike: 105, openInterest: 10_000, years: 0.05, volatility: 0.2 },
    ];
    const { level, curve } = sweepZeroGamma({ contracts, spot: 100, rate: 0, dividendYield: 0 });
    expect(curve).toHaveLength(301);
    expect(curve[0]?.net_gex_per_pct).toBeLessThan(0);
    expect(curve.at(-1)?.net_gex_per_pct).toBeGreaterThan(0);
    // Symmetric in log-moneyness: the two gammas match at √(95·105) ≈ 99.87, shifted slightly by the σ²/2 drift.
    expect(level).toBeGreaterThan(99);
    expect(level).toBeLessThan(101);
  });
});

/**
 * The sweep as a plain loop over every grid point with `Math.exp`, kept here as the reference for
 * gexCurve; also Σ |term| per point, the scale of the float64 rounding in each total.
 */
function referenceCurve(
  input: ZeroGammaInput,
  spots: Float64Array,
): { totals: Float64Array; scale: Float64Array } {
  const totals = new Float64Array(spots.length);
  const scale = new Float64Array(spots.length);
  for (const c of input.contracts) {
    const volSqrtT = c.volatility * Math.sqrt(c.years);
    const shift =
      (input.rate - input.dividendYield + 0.5 * c.volatility * c.volatility) * c.years - Math.log(c.strike);
    const sign = c.side === 'call' ? 1 : -1;
    const amp =
      (sign * c.openInterest * Math.exp(-input.dividendYield * c.years) * (1 / Math.sqrt(2 * Math.PI))) /
      volSqrtT;
    const invVolSqrtT = 1 / volSqrtT;
    for (let k = 0; k < spots.length; k++) {
      const d1 = (Math.log(spots[k] as number) + shift) * invVolSqrtT;
      if (d1 * d1 >= 1400) continue;
      const term = amp * Math.exp(-0.5 * d1 * d1);
      totals[k] = (totals[k] as number) + term;
      scale[k] = (scale[k] as number) + Math.abs(term);
    }
  }
  const bySpot = (values: Float64Array) => values.map((sum, k) => sum * (spots[k] as number));
  return { totals: bySpot(totals), scale: bySpot(scale) };
}

describe('zero-gamma sweep', () => {
  it('matches the plain Math.exp loop over the whole grid to 1e-14 of each point’s Σ |term|', () => {
    const arbSweepContract = fc.record({
      side: fc.constantFrom<'call' | 'put'>('call', 'put'),
      strike: fc.double({ min: 50, max: 2000, noNaN: true }),
      openInterest: fc.integer({ min: 1, max: 100_000 }),
      years: fc.double({ min: 60_000 / (365 * 86_400_000), max: 3, noNaN: true }),
      volatility: fc.double({ min: 0.001, max: 10, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(arbSweepContract, { maxLength: 20 }),
        fc.double({ min: 100, max: 1000, noNaN: true }),
        (contracts, spot) => {
          const input = { contracts, spot, rate: 0.045, dividendYield: 0.013 };
          const spots = Float64Array.from({ length: 301 }, (_, i) => spot * (1 + (i - 150) * 0.001));
          const curve = gexCurve(input, spots);
          const reference = referenceCurve(input, spots);
          // Skipped grid points add exactly nothing; each kept Gaussian is within 3 ulp of Math.exp.
          curve.forEach((total, k) => {
            const error = Math.abs(total - (reference.totals[k] as number));
            expect(error).toBeLessThanOrEqual(1e-14 * (reference.scale[k] as number));
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
