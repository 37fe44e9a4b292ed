import { blackScholesDelta } from '../pricing/black-scholes';
import { solveImpliedVolatility } from '../pricing/implied-volatility';
import type { OptionPosition, Position } from './inputs';
import { Decimal, ZERO } from './num';

/** Input of {@link computeNetDelta}. */
export interface NetDeltaInput {
  positions: readonly Position[];
  /** Upper-case ticker of the underlying; positions on other underlyings are left out. */
  symbol: string;
  /** Spot of the underlying, USD (> 0). */
  spot: Decimal;
  /** Continuously compounded risk-free rate. */
  riskFreeRate: number;
  /** Continuously compounded dividend yield. */
  dividendYield: number;
}

/** One option's contribution to the book's delta. */
export interface OptionDelta {
  /** OCC symbol. */
  symbol: string;
  /** Implied volatility solved from the position's current price (annualized, 0.2 = 20%). */
  impliedVolatility: number;
  /** Black-Scholes delta per share: calls in (0, 1), puts in (−1, 0). */
  delta: number;
  /** delta × qty × multiplier, shares of the underlying (signed). */
  deltaShares: Decimal;
}

/** The book's delta in one underlying. */
export interface NetDelta {
  /** Signed stock shares held (long positive). */
  stockShares: Decimal;
  /** Σ option delta × qty × multiplier, shares (signed). */
  optionDeltaShares: Decimal;
  /** stockShares + optionDeltaShares: the shares to sell (> 0) or buy (< 0) to be flat in delta. */
  netDeltaShares: Decimal;
  /** Σ |qty| of the options that entered the sum, contracts. */
  optionContracts: Decimal;
  options: OptionDelta[];
  /** One line per position left out of the sum, and why. */
  skipped: string[];
}

/**
 * The book's net delta in shares of `symbol`: stock shares plus, for each option on it,
 * Black-Scholes delta × signed qty × multiplier. Each option's volatility is solved from its
 * current price (the pricing/ solver) at the given spot and the position's `yearsToExpiry`; an
 * option whose numbers are unusable or whose price admits no volatility is skipped and listed,
 * never guessed. Deltas are float64 model outputs, converted to Decimal once per option.
 */
export function computeNetDelta(input: NetDeltaInput): NetDelta {
  const wanted = input.symbol.toUpperCase();
  let stockShares = ZERO;
  let optionDeltaShares = ZERO;
  let optionContracts = ZERO;
  const options: OptionDelta[] = [];
  const skipped: string[] = [];
  for (const p of input.positions) {
    if (p.kind === 'stock') {
      if (p.symbol.toUpperCase() !== wanted) continue;
      if (p.qty.isFinite()) stockShares = stockShares.plus(p.qty);
      else skipped.push(`stock ${p.symbol}: quantity is not a number`);
      continue;
    }
    if (p.underlying.toUpperCase() !== wanted || p.qty.isZero()) continue;
    const result = optionDelta(p, input);
    if (typeof result === 'string') {
      skipped.push(`option ${p.symbol}: ${result}`);
      continue;
    }
    options.push(result);
    optionDeltaShares = optionDeltaShares.plus(result.deltaShares);
    optionContracts = optionContracts.plus(p.qty.abs());
  }
  const netDeltaShares = stockShares.plus(optionDeltaShares);
  return { stockShares, optionDeltaShares, netDeltaShares, optionContracts, options, skipped };
}

/** An option's delta, or why it cannot be had. */
function optionDelta(p: OptionPosition, input: NetDeltaInput): OptionDelta | string {
  const finitePositive = [p.strike, p.currentPrice, p.multiplier].every((d) => d.isFinite() && d.gt(0));
  if (!finitePositive || !p.qty.isFinite()) return 'strike, price, quantity or multiplier unusable';
  if (!Number.isFinite(p.yearsToExpiry) || p.yearsToExpiry <= 0) return 'expired (no time to expiry)';
  const model = {
    spot: input.spot.toNumber(),
    strike: p.strike.toNumber(),
    years: p.yearsToExpiry,
    rate: input.riskFreeRate,
    dividendYield: input.dividendYield,
  };
  const iv = solveImpliedVolatility({ ...model, price: p.currentPrice.toNumber(), side: p.right });
  if (iv === null) {
    return `no implied volatility reproduces price ${p.currentPrice.toString()} at spot ${input.spot.toString()}`;
  }
  const delta = blackScholesDelta({ ...model, volatility: iv }, p.right);
  if (!Number.isFinite(delta)) return 'delta is not a number';
  const deltaShares = new Decimal(delta).times(p.qty).times(p.multiplier);
  return { symbol: p.symbol, impliedVolatility: iv, delta, deltaShares };
}
