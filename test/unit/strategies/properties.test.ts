import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeNetDelta,
  Decimal,
  evaluate,
  type Decision,
  type EvaluateInput,
  type FallbackRegime,
  type GexRegime,
  type Position,
  type RegimeView,
} from '../../../strategies';
import { account, AS_OF, option, regimeDoc, stock } from './builders';

const dec = (min: number, max: number, scale = 100) =>
  fc.integer({ min: min * scale, max: max * scale }).map((n) => new Decimal(n).div(scale));
const gexRegime = fc.constantFrom<GexRegime>('POSITIVE', 'NEGATIVE', 'NEUTRAL');
const spot = dec(50, 900);

const arbOption = fc
  .record({
    qty: fc.integer({ min: -30, max: 30 }),
    right: fc.constantFrom<'call' | 'put'>('call', 'put'),
    strike: dec(40, 1000, 1),
    price: dec(0, 300),
    years: fc.oneof(fc.double({ min: 0.0001, max: 2, noNaN: true }), fc.constant(0)),
  })
  .map((o, i = 0): Position =>
    option(o.qty, {
      symbol: `SPY-${o.right}-${o.strike.toString()}-${String(i)}`,
      right: o.right,
      strike: o.strike,
      currentPrice: o.price,
      yearsToExpiry: o.years,
    }),
  );
const arbBook = fc
  .tuple(fc.integer({ min: -5000, max: 5000 }), fc.array(arbOption, { maxLength: 6 }))
  .map(([shares, options]): Position[] => [stock(shares), ...options]);

const arbDocument = fc
  .record({ gexRegime, strength: dec(0, 5, 1_000_000), spot, marketOpen: fc.boolean() })
  .map(({ gexRegime: r, strength, spot: s, marketOpen }): RegimeView =>
    regimeDoc({ marketOpen }, { gexRegime: r, gexStrength: strength, spot: s }),
  );
const arbFallback = fc.option(
  fc.record({ gexRegime, gexStrength: dec(0, 5), totalGexDollar: dec(0, 1e6), spot: fc.option(spot) }),
) as fc.Arbitrary<FallbackRegime | null>;
const arbAccount = fc
  .record({ equity: dec(-1000, 5_000_000), buyingPower: dec(-1000, 5_000_000), blocked: fc.boolean() })
  .map((a) => account({ equity: a.equity, buyingPower: a.buyingPower, tradingBlocked: a.blocked }));
const arbConfig = fc.record({
  hedgeThresholdPositive: dec(0, 2),
  hedgeThresholdNegative: dec(0, 2),
  allocationPositive: dec(0, 1),
  allocationNegative: dec(0, 1),
  maxPositionShares: fc.integer({ min: 0, max: 4000 }),
  maxOrderNotional: dec(0, 1_000_000),
  maxOrdersPerDay: fc.integer({ min: 0, max: 30 }),
});
const arbInput = fc.record({
  regime: arbDocument,
  account: arbAccount,
  positions: arbBook,
  config: arbConfig,
  ordersToday: fc.integer({ min: 0, max: 30 }),
  override: arbFallback,
  lastGood: arbFallback,
});

/** Inputs where every gate is open, so only the hedge rule and the caps decide. */
const arbOpenInput = arbInput.map((input) => ({
  ...input,
  marketOpen: true,
  account: { ...input.account, tradingBlocked: false },
  ordersToday: 0,
  config: { ...input.config, maxOrdersPerDay: Math.max(1, input.config.maxOrdersPerDay) },
}));

/** Any number a broken mapping could hand over: NaN, ±Infinity, zero, negative, huge. */
const hostile = fc.oneof(
  dec(-1000, 1000),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, -1, 1e30).map((n) => new Decimal(n)),
);
const arbHostileInput = fc
  .record({
    base: arbOpenInput,
    numbers: fc.array(hostile, { minLength: 8, maxLength: 8 }),
    years: fc.constantFrom(NaN, Infinity, -1, 0, 1e-9, 0.25),
  })
  .map(({ base, numbers: [a, b, c, d, e, f, g, h], years }) => ({
    ...base,
    regime: regimeDoc({}, { spot: a!, gexStrength: b!, totalGexDollar: c! }),
    account: account({ equity: d!, buyingPower: e! }),
    positions: [
      stock(0, { qty: f! }),
      option(1, { currentPrice: g!, strike: h!, yearsToExpiry: years }),
      option(2, { qty: g!, yearsToExpiry: years }),
    ],
    lastGood: { gexRegime: 'NEGATIVE' as const, gexStrength: h!, totalGexDollar: a!, spot: b! },
  }));

const run = (input: Omit<EvaluateInput, 'asOf'>): Decision => evaluate({ ...input, asOf: AS_OF });
const signedQty = (d: Decision) =>
  d.orders.reduce((s, o) => (o.side === 'buy' ? s.plus(o.qty) : s.minus(o.qty)), new Decimal(0));

describe('evaluate invariants (fast-check)', () => {
  it('a proposed hedge always reduces |net delta|', () => {
    let ordered = 0;
    fc.assert(
      fc.property(arbOpenInput, (input) => {
        const d = run(input);
        ordered += d.orders.length;
        fc.pre(d.orders.length > 0);
        // At full precision (the decision's string is rounded to 4 places).
        const { netDeltaShares: before } = computeNetDelta({
          positions: input.positions,
          symbol: 'SPY',
          spot: input.regime.symbols[0]!.spot,
          riskFreeRate: 0.045,
          dividendYield: 0.013,
        });
        expect(before.toFixed(4)).toBe(new Decimal(d.net_delta_shares ?? NaN).toFixed(4));
        const after = before.plus(signedQty(d));
        expect(after.abs().lt(before.abs())).toBe(true);
      }),
      { numRuns: 300 },
    );
    // The property is not vacuous: a good share of the random books were hedged.
    expect(ordered).toBeGreaterThan(50);
  });

  it('sizing never exceeds its caps: notional, position size, orders per day', () => {
    fc.assert(
      fc.property(fc.oneof(arbInput, arbOpenInput), (input) => {
        const d = run(input);
        expect(d.orders.length).toBeLessThanOrEqual(1);
        const [order] = d.orders;
        if (!order) return;
        const { regime, account: acct, config, ordersToday } = input;
        const price = regime.symbols[0]!.spot;
        const notional = new Decimal(order.qty).times(price);
        const allocation = new Decimal(d.params.allocation).times(acct.equity);
        expect(notional.lte(allocation) && notional.lte(config.maxOrderNotional)).toBe(true);
        expect(ordersToday).toBeLessThan(config.maxOrdersPerDay);
        const held = (input.positions[0] as { qty: Decimal }).qty;
        const after = held.plus(signedQty(d));
        if (after.abs().gt(held.abs())) expect(after.abs().lte(d.params.max_position_shares)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never orders on a fallback regime', () => {
    const spoiled = fc.constantFrom<(r: RegimeView) => RegimeView | null>(
      () => null,
      (r) => ({ ...r, stale: true }),
      (r) => ({ ...r, lastUpdated: '2025-05-16T13:00:00.000Z', marketOpen: true }),
      (r) => ({ ...r, symbols: r.symbols.map((s) => ({ ...s, stale: true })) }),
      (r) => ({ ...r, symbols: r.symbols.slice(1) }),
    );
    fc.assert(
      fc.property(arbInput, spoiled, (input, spoil) => {
        const d = run({ ...input, regime: spoil(input.regime), marketOpen: true });
        expect(d.regime_source).not.toBe('document');
        expect(d.orders).toEqual([]);
      }),
    );
  });

  it('puts no NaN, Infinity or undefined anywhere in a decision, even from hostile numbers', () => {
    fc.assert(
      fc.property(fc.oneof(arbInput, arbHostileInput), (input) => {
        const d = run(input);
        const walk = (value: unknown): void => {
          expect(value).not.toBeUndefined();
          if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
          if (typeof value === 'string') expect(value).not.toMatch(/NaN|Infinity/);
          if (value && typeof value === 'object') Object.values(value).forEach(walk);
        };
        walk(d);
        for (const key of ['gex_strength', 'total_gex_dollar', 'multiplier'] as const) {
          expect(Number.isFinite(Number(d[key]))).toBe(true);
        }
        if (d.net_delta_shares !== null) expect(Number.isFinite(Number(d.net_delta_shares))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
