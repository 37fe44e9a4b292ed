import { Decimal, parseDecimal } from '../num/decimal';
import { blackScholesGamma } from '../../../pricing/black-scholes';
import { MAX_VOLATILITY, MIN_VOLATILITY, solveImpliedVolatility } from '../../../pricing/implied-volatility';
import type { ContractInput, RawNumber } from './types';

/** Pricing context of one contract, float64 (model inputs, not money). */
export interface PricingContext {
  spot: number;
  strike: number;
  /** Time to expiry in years, already floored. */
  years: number;
  rate: number;
  dividendYield: number;
}

/** Where a contract's gamma came from. */
export type GammaSource = 'provider' | 'local' | 'iv_solved';

/** A resolved gamma with its source, or why the contract is skipped. */
export type GammaResolution =
  | {
      gamma: Decimal;
      source: GammaSource;
      /** Annualized volatility for re-pricing in the zero-gamma sweep; null when none is known. */
      volatility: number | null;
    }
  | { skip: 'invalid_gamma' | 'missing_gamma' };

function isPresent(value: RawNumber): boolean {
  return value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '');
}

const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A model input (IV, quote) as a float64, or null when it is not a finite number. Same grammar as
 * `parseDecimal` (thousands separators allowed) without building a Decimal: these never reach money.
 */
export function parseModelNumber(value: RawNumber): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.includes(',') ? value.trim().replace(/,/g, '') : value.trim();
  if (!NUMBER_RE.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** Provider IV when it is a usable volatility (0.1% ≤ IV ≤ 1000%, the solver's range), else null. */
function usableVolatility(value: RawNumber): number | null {
  const iv = parseModelNumber(value);
  return iv !== null && iv >= MIN_VOLATILITY && iv <= MAX_VOLATILITY ? iv : null;
}

/** IV solved from the quote mid, or null when there is no sane two-sided quote or no solution. */
function volatilityFromQuote(contract: ContractInput, ctx: PricingContext): number | null {
  const bid = parseModelNumber(contract.bid);
  const ask = parseModelNumber(contract.ask);
  if (bid === null || ask === null || bid < 0 || ask <= 0 || bid > ask) return null;
  return solveImpliedVolatility({ ...ctx, price: (bid + ask) / 2, side: contract.side });
}

/**
 * A contract's gamma (per $1 move, per share): the provider's when present and sane (finite,
 * ≥ 0); when absent, Black-Scholes from the provider's IV, else from an IV solved from the quote
 * mid. A present but broken gamma (non-numeric, NaN, negative) marks the row as bad data and is
 * skipped as `invalid_gamma` rather than papered over; no gamma and no way to compute one is
 * `missing_gamma`. `parseGamma` (default {@link parseDecimal}) may be a per-chain cache of it.
 */
export function resolveGamma(
  contract: ContractInput,
  ctx: PricingContext,
  parseGamma: (raw: RawNumber) => Decimal | null = parseDecimal,
): GammaResolution {
  const providerIv = usableVolatility(contract.impliedVolatility);
  if (isPresent(contract.gamma)) {
    const gamma = parseGamma(contract.gamma);
    if (!gamma || gamma.isNegative()) return { skip: 'invalid_gamma' };
    return { gamma, source: 'provider', volatility: providerIv ?? volatilityFromQuote(contract, ctx) };
  }
  const solved = providerIv === null ? volatilityFromQuote(contract, ctx) : null;
  const volatility = providerIv ?? solved;
  if (volatility === null) return { skip: 'missing_gamma' };
  const gamma = blackScholesGamma({ ...ctx, volatility });
  if (!Number.isFinite(gamma)) return { skip: 'missing_gamma' };
  return { gamma: new Decimal(gamma), source: solved === null ? 'local' : 'iv_solved', volatility };
}
