import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  blackScholesCharm,
  blackScholesDelta,
  blackScholesDeltaGreeks,
  blackScholesGamma,
  blackScholesPrice,
  blackScholesVanna,
  blackScholesVega,
} from '../../../pricing/black-scholes';
import { contractGexPerDollar, gexPerPct } from '../../../functions/src/gex/contract-gex';
import { solveImpliedVolatility } from '../../../pricing/implied-volatility';
import { expiryCloseMs, MS_PER_YEAR, yearsToExpiry } from '../../../functions/src/gex/time-to-expiry';
import { Decimal } from '../../../functions/src/num/decimal';

// Hull, Options, Futures and Other Derivatives, Example 15.6: S=42, K=40, r=10%, σ=20%, T=0.5.
const HULL = { spot: 42, strike: 40, years: 0.5, volatility: 0.2, rate: 0.1, dividendYield: 0 };

describe('Black-Scholes against the textbook example', () => {
  it('prices the call at 4.76 and the put at 0.81', () => {
    expect(blackScholesPrice(HULL, 'call')).toBeCloseTo(4.76, 2);
    expect(blackScholesPrice(HULL, 'put')).toBeCloseTo(0.81, 2);
  });

  it('gamma = φ(d1) / (S σ √T) = 0.049963 and delta = N(d1) = 0.7791', () => {
    // d1 = (ln(42/40) + (0.1 + 0.02)·0.5) / (0.2·√0.5) = (0.048790 + 0.06) / 0.141421 = 0.769263
    // φ(d1) = 0.398942 · e^(−0.295883) ≈ 0.29676;  S σ √T = 42 · 0.141421 = 5.939697 → Γ ≈ 0.049963
    expect(blackScholesGamma(HULL)).toBeCloseTo(0.049963, 5);
    expect(blackScholesDelta(HULL, 'call')).toBeCloseTo(0.7791, 4);
    expect(blackScholesDelta(HULL, 'put')).toBeCloseTo(0.7791 - 1, 4);
  });
});

describe('solveImpliedVolatility', () => {
  it('recovers the volatility that produced a price (round trip)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 1.5, noNaN: true }),
        fc.double({ min: 0.85, max: 1.15, noNaN: true }),
        fc.double({ min: 1 / 365, max: 1, noNaN: true }),
        fc.constantFrom<'call' | 'put'>('call', 'put'),
        (volatility, moneyness, years, side) => {
          const input = { spot: 100, strike: 100 * moneyness, years, rate: 0.045, dividendYield: 0.013 };
          const price = blackScholesPrice({ ...input, volatility }, side);
          const vega = blackScholesVega({ ...input, volatility });
          fc.pre(vega > 0.5 && price > 0.01);
          const solved = solveImpliedVolatility({ ...input, price, side });
          expect(solved).not.toBeNull();
          expect(Math.abs((solved ?? 0) - volatility)).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('returns null below intrinsic value, above the ceiling, and for non-finite input', () => {
    const base = { spot: 100, strike: 90, years: 0.25, rate: 0, dividendYield: 0 };
    expect(solveImpliedVolatility({ ...base, price: 9.5, side: 'call' })).toBeNull(); // intrinsic is 10
    expect(solveImpliedVolatility({ ...base, price: 100.5, side: 'call' })).toBeNull(); // a call ≤ spot
    expect(solveImpliedVolatility({ ...base, price: Number.NaN, side: 'put' })).toBeNull();
    expect(solveImpliedVolatility({ ...base, price: 1, side: 'put', years: 0 })).toBeNull();
  });
});

describe('time to expiry', () => {
  it('measures to 16:00 New York, across the spring DST switch (71 hours, not 72)', () => {
    // Friday 2025-03-07 16:00 EST = 21:00Z; Monday 2025-03-10 16:00 EDT = 20:00Z.
    const close = expiryCloseMs('2025-03-10');
    expect(new Date(close).toISOString()).toBe('2025-03-10T20:00:00.000Z');
    expect(yearsToExpiry(Date.parse('2025-03-07T21:00:00Z'), close)).toBe((71 * 3_600_000) / MS_PER_YEAR);
  });

  it('floors at one minute at the close and is null once the close has passed', () => {
    const close = expiryCloseMs('2025-01-07');
    expect(yearsToExpiry(close, close)).toBe(60_000 / MS_PER_YEAR);
    expect(yearsToExpiry(close - 30_000, close)).toBe(60_000 / MS_PER_YEAR);
    expect(yearsToExpiry(close + 1, close)).toBeNull();
  });

  it('uses an early-close override', () => {
    expect(expiryCloseMs('2024-11-29', { '2024-11-29': '2024-11-29T18:00:00.000Z' })).toBe(
      Date.parse('2024-11-29T18:00:00Z'),
    );
  });
});

describe('per-contract GEX', () => {
  it('is gamma × OI × 100 × spot, positive for calls and negative for puts', () => {
    // 0.08 × 5000 × 100 × 450 = 18,000,000; per 1%: × 450 × 0.01 = 81,000,000
    const args = { gamma: new Decimal('0.08'), openInterest: new Decimal(5000), spot: new Decimal(450) };
    expect(contractGexPerDollar({ ...args, side: 'call' }).toFixed(2)).toBe('18000000.00');
    expect(contractGexPerDollar({ ...args, side: 'put' }).toFixed(2)).toBe('-18000000.00');
    expect(gexPerPct(new Decimal('18000000'), new Decimal(450)).toFixed(2)).toBe('81000000.00');
  });
});

describe('Black-Scholes vanna and charm', () => {
  it('match the textbook example by hand', () => {
    // d1 = 0.769263, d2 = d1 − 0.141421 = 0.627842, φ(d1) = 0.296767 (Hull 15.6 as above, q = 0)
    // vanna = −φ(d1)·d2/σ = −0.296767 · 0.627842 / 0.2 = −0.931617
    // charm = −φ(d1)·(2rT − d2·σ√T)/(2T·σ√T) = −0.296767 · (0.1 − 0.088791) / 0.141421 = −0.023521
    expect(blackScholesVanna(HULL)).toBeCloseTo(-0.931617, 4);
    expect(blackScholesCharm(HULL, 'call')).toBeCloseTo(-0.023521, 4);
    expect(blackScholesCharm(HULL, 'put')).toBeCloseTo(-0.023521, 4); // same when q = 0
  });

  it('are the finite differences of delta in volatility and in time to expiry', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 0.8, noNaN: true }),
        fc.double({ min: 0.9, max: 1.1, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.constantFrom<'call' | 'put'>('call', 'put'),
        (volatility, moneyness, years, side) => {
          const input = {
            spot: 100,
            strike: 100 * moneyness,
            years,
            volatility,
            rate: 0.045,
            dividendYield: 0.013,
          };
          const h = 1e-5;
          const dVol =
            (blackScholesDelta({ ...input, volatility: volatility + h }, side) -
              blackScholesDelta({ ...input, volatility: volatility - h }, side)) /
            (2 * h);
          const dTime =
            -(
              blackScholesDelta({ ...input, years: years + h }, side) -
              blackScholesDelta({ ...input, years: years - h }, side)
            ) /
            (2 * h);
          expect(blackScholesVanna(input)).toBeCloseTo(dVol, 4);
          expect(blackScholesCharm(input, side)).toBeCloseTo(dTime, 4);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('blackScholesDeltaGreeks', () => {
  it('gives bit for bit what blackScholesDelta, blackScholesVanna and blackScholesCharm give', () => {
    fc.assert(
      fc.property(
        fc.record({
          spot: fc.double({ min: 1, max: 10_000, noNaN: true }),
          strike: fc.double({ min: 1, max: 10_000, noNaN: true }),
          years: fc.double({ min: 1e-6, max: 5, noNaN: true }),
          volatility: fc.double({ min: 0.001, max: 10, noNaN: true }),
          rate: fc.double({ min: -0.05, max: 0.2, noNaN: true }),
          dividendYield: fc.double({ min: 0, max: 0.1, noNaN: true }),
        }),
        fc.constantFrom<'call' | 'put'>('call', 'put'),
        (input, side) => {
          expect(blackScholesDeltaGreeks(input, side)).toEqual({
            delta: blackScholesDelta(input, side),
            vanna: blackScholesVanna(input),
            charm: blackScholesCharm(input, side),
          });
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
