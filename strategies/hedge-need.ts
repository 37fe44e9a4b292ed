import { Decimal } from './num';

/** Input of {@link hedgeNeed}. */
export interface HedgeNeedInput {
  /** The book's net delta, shares (signed). */
  netDeltaShares: Decimal;
  /** Option contracts held in the underlying (Σ |qty|) that entered the net delta. */
  optionContracts: Decimal;
  /** Net delta tolerated per option contract held, in units of 100 shares (e.g. 0.15). */
  hedgeThreshold: Decimal;
}

/** Whether the book needs a hedge and which whole-share order brings it back to neutral. */
export interface HedgeNeed {
  /** threshold × 100 × max(1, contracts): the |net delta| tolerated, shares. */
  limitShares: Decimal;
  /** True when |net delta| is strictly above the limit. */
  exceeded: boolean;
  /** Sell when the book is long delta, buy when short; null when no order is wanted. */
  side: 'buy' | 'sell' | null;
  /** |net delta| rounded to the nearest whole share (ties to even); 0 when not exceeded. */
  qty: Decimal;
}

/** Shares per option contract in the threshold's unit (the threshold is in hundreds of shares). */
export const THRESHOLD_UNIT_SHARES = 100;

/**
 * The hedge rule. The limit is `threshold × 100 × max(1, contracts)` shares: with 3 contracts
 * held and a 0.15 threshold the book may carry up to 45 shares of net delta. Above it, the order
 * is the whole number of shares nearest to the net delta, on the side that cancels it, so the
 * hedged book's |net delta| is at most half a share.
 */
export function hedgeNeed(input: HedgeNeedInput): HedgeNeed {
  const contracts = Decimal.max(1, input.optionContracts);
  const limitShares = input.hedgeThreshold.times(THRESHOLD_UNIT_SHARES).times(contracts);
  const exceeded = input.netDeltaShares.abs().gt(limitShares);
  const qty = exceeded
    ? input.netDeltaShares.abs().toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN)
    : new Decimal(0);
  const side = qty.isZero() ? null : input.netDeltaShares.isPositive() ? 'sell' : 'buy';
  return { limitShares, exceeded, side, qty };
}
