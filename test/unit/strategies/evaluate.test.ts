import { describe, expect, it } from 'vitest';
import { Decimal, evaluate, type EvaluateInput } from '../../../strategies';
import { account, AS_OF, fallback, FRESH, option, regimeDoc, stock, withRegime } from './builders';

const run = (over: Partial<EvaluateInput> = {}) =>
  evaluate({
    regime: regimeDoc(),
    account: account(),
    positions: [stock(-100), option(3)],
    config: {},
    asOf: AS_OF,
    ordersToday: 0,
    ...over,
  });
const SELL = (qty: string) => ({ symbol: 'SPY', side: 'sell', qty, type: 'market', time_in_force: 'day' });

describe('evaluate: the worked example (strategies/README.md)', () => {
  it('positive regime: net delta +64.98 beyond 0.15 × 100 × 3 = 45 shares → sell 65 SPY', () => {
    const d = run();
    expect(d.regime_source).toBe('document');
    expect(Number(d.net_delta_shares)).toBeCloseTo(64.978, 1);
    expect(d.hedge_limit_shares).toBe('45.0000');
    expect(d.orders).toEqual([SELL('65')]);
    expect(d.reasons).toEqual([
      'net delta 64.98 shares beyond limit 45.00 shares (0.15 × 100 × max(1, 3 contracts)): hedge sell 65 shares',
    ]);
  });

  it('130 short shares leave +34.98: within 45 when positive, beyond 30 when negative → sell 35', () => {
    const positions = [stock(-130), option(3)];
    const positive = run({ positions });
    expect(positive.orders).toEqual([]);
    expect(positive.reasons[0]).toMatch(/^net delta 34\.98 shares within limit 45\.00 shares/);
    const negative = run({ positions, regime: regimeDoc({}, withRegime('NEGATIVE', '0.8')) });
    expect(negative.hedge_limit_shares).toBe('30.0000');
    expect(negative.orders).toEqual([SELL('35')]);
  });

  it('carries the regime, the multiplier and the parameters in force', () => {
    const d = run({
      regime: regimeDoc({}, { ...withRegime('NEGATIVE', '1.8'), totalGexDollar: new Decimal('4.2e9') }),
    });
    expect([d.gex_regime, d.gex_strength, d.total_gex_dollar, d.multiplier]).toEqual([
      'NEGATIVE',
      '1.800000',
      '4200000000.00',
      '1.20',
    ]);
    expect(d.log_line).toBe('[GEX SHORT-GAMMA BOOST] SPY gex_strength 1.80B: confidence × 1.20');
    expect(d.params).toEqual({
      hedge_threshold: '0.1',
      allocation: '0.25',
      evaluation_interval_seconds: 60,
      max_position_shares: '800',
      max_order_notional: '50000.00',
      max_orders_per_day: 20,
    });
    expect(d.regime_as_of).toBe(FRESH);
  });

  it('is deterministic', () => {
    expect(run()).toEqual(run());
  });

  it('rejects an unreadable asOf', () => {
    expect(() => run({ asOf: 'now' })).toThrow(RangeError);
  });
});

describe('evaluate: sizing and caps', () => {
  it('allocation × equity caps the hedge: 0.50 × 10,000 = 5,000 USD → 11 shares at 450', () => {
    const d = run({ account: account({ equity: new Decimal(10_000) }) });
    expect(d.orders).toEqual([SELL('11')]);
    expect(d.reasons).toContain('trimmed from 65 to 11 shares by allocation 5000.00 USD');
  });

  it('the per-order notional cap trims, and a cap with no room drops the order with a reason', () => {
    expect(run({ config: { maxOrderNotional: 9000 } }).orders).toEqual([SELL('20')]);
    const d = run({ config: { maxOrderNotional: 100 } });
    expect(d.orders).toEqual([]);
    expect(d.reasons.at(-1)).toBe('hedge dropped: a cap leaves no room');
  });

  it('a strong negative regime shrinks the max position by 20%, binding the hedge', () => {
    // Short 790 shares and 20 long calls: net ≈ −790 + 1099.85 = +309.85, beyond 0.10 × 100 × 20 = 200.
    const positions = [stock(-790), option(20)];
    const config = { allocationNegative: 1, maxOrderNotional: 500_000 };
    const strong = run({ positions, config, regime: regimeDoc({}, withRegime('NEGATIVE', '1.500001')) });
    // Max 800 shares: selling may take the short from 790 to 800 only.
    expect(strong.orders).toEqual([SELL('10')]);
    const atBoundary = run({ positions, config, regime: regimeDoc({}, withRegime('NEGATIVE', '1.5')) });
    expect(atBoundary.orders).toEqual([SELL('210')]);
  });
});

describe('evaluate: no orders, decisions only', () => {
  const blocked: [string, Partial<EvaluateInput>, string][] = [
    ['market closed (input flag)', { marketOpen: false }, 'no orders: market closed'],
    ['market closed (document)', { regime: regimeDoc({ marketOpen: false }) }, 'no orders: market closed'],
    ['trading blocked', { account: account({ tradingBlocked: true }) }, 'no orders: account trading_blocked'],
    ['account blocked', { account: account({ accountBlocked: true }) }, 'no orders: account account_blocked'],
    [
      'suspended by the user',
      { account: account({ tradeSuspendedByUser: true }) },
      'no orders: account trade_suspended_by_user',
    ],
    [
      'status not ACTIVE',
      { account: account({ status: 'ACCOUNT_CLOSED' }) },
      'no orders: account status ACCOUNT_CLOSED',
    ],
    ['no equity', { account: account({ equity: new Decimal(0) }) }, 'no orders: no positive equity'],
    ['daily cap reached', { ordersToday: 20 }, 'no orders: daily order cap reached (20 of 20)'],
    [
      'daily cap of 0',
      { ordersToday: 0, config: { maxOrdersPerDay: 0 } },
      'no orders: daily order cap reached (0 of 0)',
    ],
  ];
  for (const [name, over, reason] of blocked) {
    it(`${name}: still decides the hedge, proposes nothing`, () => {
      const d = run(over);
      expect(d.orders).toEqual([]);
      expect(d.reasons).toContain(reason);
      expect(d.reasons.some((r) => r.endsWith('hedge sell 65 shares'))).toBe(true);
    });
  }

  it('one order short of the daily cap still orders', () => {
    expect(run({ ordersToday: 19 }).orders).toEqual([SELL('65')]);
  });

  it('the marketOpen input wins over the document', () => {
    expect(run({ regime: regimeDoc({ marketOpen: false }), marketOpen: true }).orders).toEqual([SELL('65')]);
  });

  it('on a fallback regime: decides with the last good spot, orders nothing, says why', () => {
    const lastGood = fallback({
      gexRegime: 'NEGATIVE',
      gexStrength: new Decimal('0.8'),
      spot: new Decimal(450),
    });
    const d = run({ regime: regimeDoc({ stale: true }), lastGood });
    expect([d.regime_source, d.gex_regime, d.params.hedge_threshold]).toEqual([
      'last_good',
      'NEGATIVE',
      '0.1',
    ]);
    expect(Number(d.net_delta_shares)).toBeCloseTo(64.978, 1);
    expect(d.orders).toEqual([]);
    expect(d.reasons).toEqual([
      'regime document marked stale: using the last good regime',
      'net delta 64.98 shares beyond limit 30.00 shares (0.1 × 100 × max(1, 3 contracts)): hedge sell 65 shares',
      'no orders on a fallback regime (last_good)',
    ]);
  });

  it('with no spot anywhere, reports no net delta rather than a made-up one', () => {
    const d = run({ regime: null, positions: [option(3)] });
    expect([d.regime_source, d.net_delta_shares, d.hedge_limit_shares]).toEqual(['default', null, null]);
    expect(d.reasons).toEqual([
      'regime document missing: assuming positive GEX (default)',
      'net delta not computed: no spot in the default regime, no stock price',
    ]);
  });

  it('with no regime spot, falls back to the stock price for the decision', () => {
    const d = run({ regime: null, override: fallback() });
    expect(d.regime_source).toBe('override');
    expect(d.reasons[1]).toBe("no spot in the override regime: using the stock's price");
    expect(d.orders).toEqual([]);
  });
});
