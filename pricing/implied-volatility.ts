import { blackScholesPrice, blackScholesVega, type BlackScholesInput } from './black-scholes';

/** Input of {@link solveImpliedVolatility}: a Black-Scholes input without the volatility. */
export interface ImpliedVolatilityInput extends Omit<BlackScholesInput, 'volatility'> {
  /** Option price per share, USD (e.g. the quote mid). */
  price: number;
  side: 'call' | 'put';
}

/** Lowest volatility searched (annualized, 0.1%). */
export const MIN_VOLATILITY = 0.001;
/** Highest volatility searched (annualized, 1000%); provider IVs above it are not used. */
export const MAX_VOLATILITY = 10;
const PRICE_TOLERANCE = 1e-9;
const MAX_ITERATIONS = 100;

/**
 * Black-Scholes implied volatility by Newton's method, falling back to bisection whenever a Newton
 * step leaves the bracket or vega vanishes, so it always converges inside
 * [{@link MIN_VOLATILITY}, {@link MAX_VOLATILITY}].
 * Returns null when no volatility in range reproduces the price: non-finite input, a price at or
 * below intrinsic value (discounted), at or above the no-arbitrage ceiling, or outside the range.
 */
export function solveImpliedVolatility(input: ImpliedVolatilityInput): number | null {
  const { price, spot, strike, years } = input;
  if (![price, spot, strike, years].every((x) => Number.isFinite(x) && x > 0)) return null;
  const at = (volatility: number) => blackScholesPrice({ ...input, volatility }, input.side) - price;
  let lo = MIN_VOLATILITY;
  let hi = MAX_VOLATILITY;
  if (at(lo) >= 0 || at(hi) <= 0) return null;
  // Brenner–Subrahmanyam's at-the-money guess, kept inside the bracket.
  let vol = Math.min(Math.max((price / spot) * Math.sqrt((2 * Math.PI) / years), lo * 2), hi / 2);
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const diff = at(vol);
    if (Math.abs(diff) < PRICE_TOLERANCE) return vol;
    if (diff > 0) hi = vol;
    else lo = vol;
    const vega = blackScholesVega({ ...input, volatility: vol });
    const newton = vol - diff / vega;
    vol = vega > 1e-12 && newton > lo && newton < hi ? newton : (lo + hi) / 2;
    if (hi - lo < 1e-12) return vol;
  }
  return vol;
}
