import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, sizeOrder, type OrderCaps } from '../../../strategies';

const caps = (over: Partial<Record<keyof OrderCaps, string>> = {}): OrderCaps => ({
  allocationNotional: new Decimal(over.allocationNotional ?? '50000'),
  maxOrderNotional: new Decimal(over.maxOrderNotional ?? '50000'),
  maxPositionShares: new Decimal(over.maxPositionShares ?? '1000'),
  buyingPower: new Decimal(over.buyingPower ?? '200000'),
});
const size = (side: 'buy' | 'sell', qty: number, stockShares: number, c = caps(), price = '450') =>
  sizeOrder({
    side,
    qty: new Decimal(qty),
    price: new Decimal(price),
    stockShares: new Decimal(stockShares),
    caps: c,
  });

describe('order sizing caps', () => {
  it('leaves an order under every cap untouched', () => {
    expect(size('sell', 65, -100)).toEqual({ qty: new Decimal(65), reasons: [] });
  });

  it('trims to allocation × equity: 10,000 USD at 450 buys 22 shares (22 × 450 = 9,900)', () => {
    const s = size('buy', 65, 0, caps({ allocationNotional: '10000' }));
    expect(s.qty.toString()).toBe('22');
    expect(s.reasons).toEqual(['trimmed from 65 to 22 shares by allocation 10000.00 USD']);
    expect(size('buy', 65, 0, caps({ allocationNotional: '9900' })).qty.toString()).toBe('22');
    expect(size('buy', 65, 0, caps({ allocationNotional: '9899.99' })).qty.toString()).toBe('21');
  });

  it('buys nothing on a buying power that is not a finite number, and says so without printing it', () => {
    for (const power of ['NaN', 'Infinity', '-Infinity']) {
      const s = size('buy', 65, 0, caps({ buyingPower: power }));
      expect(s.qty.toString()).toBe('0');
      expect(s.reasons).toEqual(['trimmed from 65 to 0 shares by buying power (not a finite number)']);
    }
    expect(size('sell', 65, 0, caps({ buyingPower: 'NaN' })).qty.toString()).toBe('65');
  });

  it('trims to the per-order notional cap', () => {
    const s = size('sell', 65, 0, caps({ maxOrderNotional: '4500' }));
    expect(s.qty.toString()).toBe('10');
    expect(s.reasons).toEqual(['trimmed from 65 to 10 shares by max order notional 4500.00 USD']);
  });

  it('keeps |position| within the max position size, unless the order shrinks it', () => {
    expect(size('buy', 65, 980, caps({ maxPositionShares: '1000' })).qty.toString()).toBe('20');
    expect(size('sell', 65, -980, caps({ maxPositionShares: '1000' })).qty.toString()).toBe('20');
    expect(size('buy', 65, 1200).qty.toString()).toBe('0');
    // Already beyond the cap but shrinking: allowed in full.
    expect(size('sell', 65, 1200).qty.toString()).toBe('65');
    expect(size('buy', 65, -1200).qty.toString()).toBe('65');
    // A sell may cross zero up to the cap on the other side.
    expect(size('sell', 65, 10, caps({ maxPositionShares: '40' })).qty.toString()).toBe('50');
  });

  it('caps buys by buying power, not sells', () => {
    expect(size('buy', 65, 0, caps({ buyingPower: '900' })).qty.toString()).toBe('2');
    expect(size('buy', 65, 0, caps({ buyingPower: '-5' })).qty.toString()).toBe('0');
    expect(size('sell', 65, 0, caps({ buyingPower: '0' })).qty.toString()).toBe('65');
  });

  it('drops the order with no usable price', () => {
    expect(size('buy', 5, 0, caps(), '0')).toEqual({ qty: new Decimal(0), reasons: ['no usable price'] });
  });
});

describe('sizing never exceeds its cap (fast-check)', () => {
  const money = fc.integer({ min: -1000, max: 2_000_000 }).map((n) => new Decimal(n).div(4));
  it('qty × price within every notional cap and |position after| within the max unless shrinking', () => {
    fc.assert(
      fc.property(
        fc.record({
          side: fc.constantFrom<'buy' | 'sell'>('buy', 'sell'),
          qty: fc.integer({ min: 0, max: 5000 }),
          stockShares: fc.integer({ min: -3000, max: 3000 }),
          price: fc.integer({ min: 1, max: 100_000 }).map((n) => new Decimal(n).div(100)),
          c: fc.record({
            allocationNotional: money,
            maxOrderNotional: money,
            maxPositionShares: fc.integer({ min: 0, max: 2000 }).map((n) => new Decimal(n)),
            buyingPower: money,
          }),
        }),
        ({ side, qty, stockShares, price, c }) => {
          const s = sizeOrder({
            side,
            qty: new Decimal(qty),
            price,
            stockShares: new Decimal(stockShares),
            caps: c,
          });
          const notional = s.qty.times(price);
          expect(s.qty.isInteger() && s.qty.gte(0) && s.qty.lte(qty)).toBe(true);
          expect(notional.lte(Decimal.max(0, c.allocationNotional))).toBe(true);
          expect(notional.lte(Decimal.max(0, c.maxOrderNotional))).toBe(true);
          if (side === 'buy') expect(notional.lte(Decimal.max(0, c.buyingPower))).toBe(true);
          const after = new Decimal(stockShares).plus(side === 'buy' ? s.qty : s.qty.neg());
          const grew = after.abs().gt(Math.abs(stockShares));
          if (grew) expect(after.abs().lte(c.maxPositionShares)).toBe(true);
        },
      ),
    );
  });
});
