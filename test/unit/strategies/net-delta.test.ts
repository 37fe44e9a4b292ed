import { describe, expect, it } from 'vitest';
import { computeNetDelta, Decimal, type Position } from '../../../strategies';
import { option, stock } from './builders';

const net = (positions: Position[], spot = '450') =>
  computeNetDelta({
    positions,
    symbol: 'SPY',
    spot: new Decimal(spot),
    riskFreeRate: 0.045,
    dividendYield: 0.013,
  });

/*
 * Worked example (strategies/README.md), derived by hand:
 *   SPY spot 450, call strike 450, T = 0.25 years, r = 4.5%, q = 1.3%, σ = 20%
 *   d1 = [ln(450/450) + (0.045 − 0.013 + 0.20²/2) × 0.25] / (0.20 × √0.25) = 0.013 / 0.1 = 0.13
 *   d2 = d1 − 0.10 = 0.03;  N(0.13) = 0.551717, N(0.03) = 0.511967
 *   e^(−qT) = e^(−0.00325) = 0.996755;  e^(−rT) = e^(−0.01125) = 0.988813
 *   price = 450 × 0.996755 × 0.551717 − 450 × 0.988813 × 0.511967 = 247.4670 − 227.8076 = 19.6594 → 19.66
 *   call delta = e^(−qT) N(d1) = 0.996755 × 0.551717 = 0.549927
 *   put (parity) price = 19.6594 − 448.5399 + 444.9659 = 16.0854 → 16.09, delta = 0.549927 − 0.996755 = −0.446828
 * A price quoted to the cent solves back to σ ≈ 0.2000, so the deltas agree to ~1e-5.
 */
describe('net delta of the book', () => {
  it('reproduces the worked example: 3 long calls and 100 short shares → +64.98 shares', () => {
    const d = net([stock(-100), option(3)]);
    expect(d.options).toHaveLength(1);
    expect(d.options[0]?.impliedVolatility).toBeCloseTo(0.2, 4);
    expect(d.options[0]?.delta).toBeCloseTo(0.549927, 4);
    // 0.549927 × 3 × 100 = 164.978 option delta shares; − 100 stock shares = 64.978
    expect(d.optionDeltaShares.toNumber()).toBeCloseTo(164.978, 1);
    expect(d.stockShares.toString()).toBe('-100');
    expect(d.netDeltaShares.toNumber()).toBeCloseTo(64.978, 1);
    expect(d.optionContracts.toString()).toBe('3');
    expect(d.skipped).toEqual([]);
  });

  it('signs puts and short positions: 2 long puts ≈ −89.37 shares, 2 short calls ≈ −109.99', () => {
    const puts = net([
      option(2, { symbol: 'SPY250815P00450000', right: 'put', currentPrice: new Decimal('16.09') }),
    ]);
    expect(puts.options[0]?.delta).toBeCloseTo(-0.446828, 3);
    expect(puts.netDeltaShares.toNumber()).toBeCloseTo(-89.37, 0);
    const shortCalls = net([option(-2)]);
    expect(shortCalls.netDeltaShares.toNumber()).toBeCloseTo(-109.99, 1);
    expect(shortCalls.optionContracts.toString()).toBe('2');
  });

  it('uses each position multiplier (an adjusted contract of 10 shares)', () => {
    const d = net([option(1, { multiplier: new Decimal(10) })]);
    expect(d.netDeltaShares.toNumber()).toBeCloseTo(5.49927, 2);
  });

  it('leaves out positions on other underlyings and zero-quantity options, without a reason', () => {
    const d = net([
      stock(50, { symbol: 'QQQ' }),
      option(4, { underlying: 'QQQ', symbol: 'QQQ250815C00380000' }),
      option(0),
      stock(10),
    ]);
    expect([d.netDeltaShares.toString(), d.optionContracts.toString(), d.skipped]).toEqual(['10', '0', []]);
  });

  it('skips an option whose price admits no volatility, says so, and keeps the rest', () => {
    // Below intrinsic value: a 400 call at spot 450 can never be worth 10.
    const cheap = option(5, {
      symbol: 'SPY250815C00400000',
      strike: new Decimal(400),
      currentPrice: new Decimal(10),
    });
    const d = net([stock(20), cheap, option(1)]);
    expect(d.skipped).toEqual([
      'option SPY250815C00400000: no implied volatility reproduces price 10 at spot 450',
    ]);
    expect(d.optionContracts.toString()).toBe('1');
    expect(d.netDeltaShares.toNumber()).toBeCloseTo(20 + 54.9927, 1);
  });

  it('skips expired options and unusable numbers, never producing NaN', () => {
    const d = net([
      option(1, { symbol: 'A', yearsToExpiry: 0 }),
      option(1, { symbol: 'B', yearsToExpiry: Number.NaN }),
      option(1, { symbol: 'C', currentPrice: new Decimal(NaN) }),
      option(1, { symbol: 'D', strike: new Decimal(-5) }),
      option(1, { symbol: 'E', multiplier: new Decimal(0) }),
      stock('NaN'),
    ]);
    expect(d.skipped).toHaveLength(6);
    expect(d.skipped[0]).toBe('option A: expired (no time to expiry)');
    expect(d.skipped[5]).toBe('stock SPY: quantity is not a number');
    expect(d.netDeltaShares.toString()).toBe('0');
  });
});
