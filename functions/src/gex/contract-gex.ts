import { Decimal } from '../num/decimal';
import type { OptionSide } from './types';

/** Shares per listed equity/index option contract. */
export const CONTRACT_MULTIPLIER = new Decimal(100);
const ONE_PERCENT = new Decimal('0.01');

/**
 * Dealer GEX of one contract in USD per $1 move of the underlying:
 * `gamma × openInterest × 100 × spot`, positive for calls (dealers long) and negative for puts
 * (dealers short).
 */
export function contractGexPerDollar(args: {
  side: OptionSide;
  gamma: Decimal;
  openInterest: Decimal;
  spot: Decimal;
}): Decimal {
  const gex = args.gamma.times(args.openInterest).times(CONTRACT_MULTIPLIER).times(args.spot);
  return args.side === 'put' ? gex.negated() : gex;
}

/** Converts GEX per $1 move to GEX per 1% move: `× spot × 0.01` (same sign). */
export function gexPerPct(gexPerDollar: Decimal, spot: Decimal): Decimal {
  return gexPerDollar.times(spot).times(ONE_PERCENT);
}
