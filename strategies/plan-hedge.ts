import type { GammaScalperConfig } from './config';
import type { ShareOrder } from './decision';
import { hedgeNeed, type HedgeNeed } from './hedge-need';
import type { AccountSnapshot } from './inputs';
import type { NetDelta } from './net-delta';
import { toFixedString, type Decimal } from './num';
import { orderBlockers } from './order-gates';
import type { ParametersInForce } from './parameters-in-force';
import type { RegimeSource } from './resolve-regime';
import { sizeOrder } from './size-order';

/** Input of {@link planHedge}. */
export interface PlanHedgeInput {
  config: GammaScalperConfig;
  params: ParametersInForce;
  delta: NetDelta;
  regimeSource: RegimeSource;
  /** Spot of the underlying, USD: the price the order's notional is counted at. */
  spot: Decimal;
  account: AccountSnapshot;
  marketOpen: boolean;
  ordersToday: number;
}

/** The hedge rule's limit, the orders (none or one) and why. */
export interface HedgePlan {
  /** |net delta| tolerated, shares. */
  limitShares: Decimal;
  orders: ShareOrder[];
  reasons: string[];
}

/**
 * The hedge rule, then the blockers (fallback regime, market, account, daily cap), then the caps:
 * at most one market day order of whole shares, never beyond a cap, with a reason for every step.
 */
export function planHedge(input: PlanHedgeInput): HedgePlan {
  const { delta, params } = input;
  const need = hedgeNeed({ ...delta, hedgeThreshold: params.hedgeThreshold });
  const net = `net delta ${toFixedString(delta.netDeltaShares, 2)} shares`;
  const limit =
    `limit ${toFixedString(need.limitShares, 2)} shares ` +
    `(${params.hedgeThreshold.toString()} × 100 × max(1, ${delta.optionContracts.toString()} contracts))`;
  const reasons = [...delta.skipped];
  const plan = { limitShares: need.limitShares, orders: [] as ShareOrder[], reasons };
  const { side } = need;
  if (!side) {
    reasons.push(`${net} within ${limit}: no hedge`);
    return plan;
  }
  reasons.push(`${net} beyond ${limit}: hedge ${side} ${need.qty.toString()} shares`);
  const blockers = orderBlockers({
    regimeSource: input.regimeSource,
    marketOpen: input.marketOpen,
    account: input.account,
    ordersToday: input.ordersToday,
    maxOrdersPerDay: input.config.maxOrdersPerDay,
  });
  reasons.push(...blockers);
  if (blockers.length === 0) plan.orders = sizedOrders({ input, need: { ...need, side }, reasons });
  return plan;
}

interface SizedOrdersInput {
  input: PlanHedgeInput;
  need: HedgeNeed & { side: 'buy' | 'sell' };
  reasons: string[];
}

/** The hedge trimmed to every cap: one order, or none with a reason; trims are appended to `reasons`. */
function sizedOrders({ input, need, reasons }: SizedOrdersInput): ShareOrder[] {
  const sized = sizeOrder({
    side: need.side,
    qty: need.qty,
    price: input.spot,
    stockShares: input.delta.stockShares,
    caps: {
      allocationNotional: input.params.allocation.times(input.account.equity),
      maxOrderNotional: input.config.maxOrderNotional,
      maxPositionShares: input.params.maxPositionShares,
      buyingPower: input.account.buyingPower,
    },
  });
  reasons.push(...sized.reasons);
  if (sized.qty.isZero()) {
    reasons.push('hedge dropped: a cap leaves no room');
    return [];
  }
  const order: ShareOrder = {
    symbol: input.config.symbol,
    side: need.side,
    qty: sized.qty.toString(),
    type: 'market',
    time_in_force: 'day',
  };
  return [order];
}
