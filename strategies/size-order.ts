import { Decimal, toFixedString } from './num';

/** Caps on one share order; each one is a ceiling the sized order never exceeds. */
export interface OrderCaps {
  /** allocation × equity: the most notional a hedge may use, USD. */
  allocationNotional: Decimal;
  /** The user's per-order notional cap, USD. */
  maxOrderNotional: Decimal;
  /** Largest |stock position| the order may leave, whole shares (an order that shrinks it is allowed). */
  maxPositionShares: Decimal;
  /** The account's buying power, USD; caps buys only (a non-finite one allows no buy). */
  buyingPower: Decimal;
}

/** Input of {@link sizeOrder}. */
export interface SizeOrderInput {
  side: 'buy' | 'sell';
  /** Whole shares wanted (>= 0). */
  qty: Decimal;
  /** Price per share used for notional, USD (> 0). */
  price: Decimal;
  /** Signed shares held now (long positive). */
  stockShares: Decimal;
  caps: OrderCaps;
}

/** The order size after the caps, and one line per cap that trimmed it. */
export interface SizedOrder {
  /** Whole shares, 0 <= qty <= wanted qty. */
  qty: Decimal;
  reasons: string[];
}

/** Whole shares a notional buys at `price`, rounded down; 0 when the notional is not positive. */
function sharesFor(notional: Decimal, price: Decimal): Decimal {
  return notional.isPositive() && !notional.isZero() ? notional.div(price).floor() : new Decimal(0);
}

/** Each cap as a ceiling in whole shares, named for the reasons. */
function capShares(input: SizeOrderInput): [string, Decimal][] {
  const { caps, price, side, stockShares } = input;
  const usd = (d: Decimal) => `${toFixedString(d, 2)} USD`;
  // Shares the order may add before |position| passes the cap; never negative.
  const room =
    side === 'buy' ? caps.maxPositionShares.minus(stockShares) : caps.maxPositionShares.plus(stockShares);
  const list: [string, Decimal][] = [
    [`allocation ${usd(caps.allocationNotional)}`, sharesFor(caps.allocationNotional, price)],
    [`max order notional ${usd(caps.maxOrderNotional)}`, sharesFor(caps.maxOrderNotional, price)],
    [`max position ${caps.maxPositionShares.toString()} shares`, Decimal.max(0, room.floor())],
  ];
  if (side === 'buy') {
    // A broken account mapping (NaN, ±Infinity) must not buy, nor print as a number.
    const power = caps.buyingPower;
    list.push(
      power.isFinite()
        ? [`buying power ${usd(power)}`, sharesFor(power, price)]
        : ['buying power (not a finite number)', new Decimal(0)],
    );
  }
  return list;
}

/**
 * Trims an order to every cap: notional (qty × price) within allocation × equity, the per-order
 * notional cap and, for buys, buying power; the resulting |position| within the max position size
 * unless the order shrinks it. Returns 0 shares when a cap leaves no room.
 */
export function sizeOrder(input: SizeOrderInput): SizedOrder {
  let qty = input.qty.floor();
  const reasons: string[] = [];
  if (!input.price.isFinite() || !input.price.gt(0))
    return { qty: new Decimal(0), reasons: ['no usable price'] };
  for (const [name, ceiling] of capShares(input)) {
    if (qty.gt(ceiling)) {
      reasons.push(`trimmed from ${qty.toString()} to ${ceiling.toString()} shares by ${name}`);
      qty = ceiling;
    }
  }
  return { qty, reasons };
}
