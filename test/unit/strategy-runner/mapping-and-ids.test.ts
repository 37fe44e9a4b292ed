import { describe, expect, it } from 'vitest';
import { MarketRegimeDocument } from '../../../functions/src/contract/regime';
import { StrategyConfigFields } from '../../../functions/src/contract/strategy-document';
import { asOfKey, decisionId } from '../../../functions/src/store/strategy-ids';
import { deriveClientOrderId } from '../../../functions/src/strategy-runner/client-order-id';
import {
  freshSymbols,
  OverrideRegimeError,
  parseOverrideRegime,
} from '../../../functions/src/strategy-runner/fallback-regime';
import {
  toAccountSnapshot,
  toConfigInput,
  toPositions,
  toRegimeView,
} from '../../../functions/src/strategy-runner/to-library-inputs';
import { snapshot } from './fakes';
import { storedRegimeDoc } from './regime-builder';

const AS_OF = '2025-05-16T14:00:00.000Z';

describe('stored documents → the library inputs', () => {
  it('maps the regime document through its schema, decimal strings to Decimals', () => {
    const doc = MarketRegimeDocument.parse(
      storedRegimeDoc({
        asOf: AS_OF,
        spy: { netGex: '-1800000000.00', strength: '1.800000', spot: '450.25' },
      }),
    );
    const view = toRegimeView(doc);
    expect(view).toMatchObject({ asOf: AS_OF, lastUpdated: AS_OF, marketOpen: true, stale: false });
    expect(view.symbols).toHaveLength(1);
    const spy = view.symbols[0]!;
    expect(spy.symbol).toBe('SPY');
    expect(spy.gexRegime).toBe('NEGATIVE');
    expect(spy.gexStrength.toString()).toBe('1.8');
    expect(spy.netGex.toFixed(2)).toBe('-1800000000.00');
    expect(spy.spot.toString()).toBe('450.25');
  });

  it('keeps only fresh symbols as last good; none from a stale document', () => {
    const fresh = MarketRegimeDocument.parse(storedRegimeDoc({ asOf: AS_OF }));
    expect(Object.keys(freshSymbols(fresh))).toEqual(['SPY']);
    const staleSymbol = MarketRegimeDocument.parse(storedRegimeDoc({ asOf: AS_OF, spy: { stale: true } }));
    expect(freshSymbols(staleSymbol)).toEqual({});
    const staleDoc = MarketRegimeDocument.parse(storedRegimeDoc({ asOf: AS_OF, stale: true }));
    expect(freshSymbols(staleDoc)).toEqual({});
  });

  it('maps balances, stocks and options (years to the 16:00 New York close); expired and crypto are skipped', () => {
    const snap = snapshot(-100);
    const option = (symbol: string, expiry: string) => ({
      ...snap.positions![0]!,
      symbol,
      asset_class: 'us_option' as const,
      qty: '3',
      side: 'long' as const,
      current_price: '19.66',
      option: { underlying: 'SPY', expiry, type: 'call' as const, strike: '450' },
    });
    const positions = [
      ...snap.positions!,
      option('SPY250516C00450000', '2025-05-16'),
      option('SPY250515C00450000', '2025-05-15'),
      { ...snap.positions![0]!, symbol: 'BTCUSD', asset_class: 'crypto' as const },
    ];
    const mapped = toPositions(positions, Date.parse(AS_OF));
    expect(mapped.positions.map((p) => p.kind)).toEqual(['stock', 'option']);
    const opt = mapped.positions[1]!;
    if (opt.kind !== 'option') throw new Error('expected an option');
    // 14:00Z → 16:00 New York (20:00Z, EDT) = 6 hours of a 365-day year.
    expect(opt.yearsToExpiry).toBeCloseTo(6 / (365 * 24), 12);
    expect(opt.qty.toString()).toBe('3');
    expect(opt.multiplier.toString()).toBe('100');
    expect(mapped.skipped).toEqual([
      'SPY250515C00450000: expired',
      'BTCUSD: crypto positions are not hedged',
    ]);
    const account = toAccountSnapshot(snap.account!);
    expect(account.equity.toString()).toBe('100000');
    expect(account.status).toBe('ACTIVE');
  });

  it('maps the configuration fields onto the library overrides; absent fields stay defaults', () => {
    const fields = StrategyConfigFields.parse({
      enabled: true,
      hedge_threshold_negative: 0.2,
      max_orders_per_day: 3,
    });
    expect(fields.mode).toBe('off');
    expect(toConfigInput(fields)).toEqual({ hedgeThresholdNegative: 0.2, maxOrdersPerDay: 3 });
    expect(StrategyConfigFields.safeParse({ enabled: true, allocation_positive: 1.5 }).success).toBe(false);
    expect(StrategyConfigFields.safeParse({ enabled: true, mode: 'yolo' }).success).toBe(false);
    expect(StrategyConfigFields.safeParse({ enabled: true, max_position_shares: 2.5 }).success).toBe(false);
  });

  it('reads the override param: none, REGIME:STRENGTH, or an error', () => {
    expect(parseOverrideRegime('none')).toBeNull();
    expect(parseOverrideRegime('')).toBeNull();
    const override = parseOverrideRegime('negative:1.8');
    expect(override?.gexRegime).toBe('NEGATIVE');
    expect(override?.gexStrength.toString()).toBe('1.8');
    expect(() => parseOverrideRegime('SIDEWAYS:1')).toThrow(OverrideRegimeError);
  });
});

describe('deterministic ids', () => {
  const base = { uid: 'user-1', strategyId: 'hedge', regimeAsOf: AS_OF, index: 0 };

  it('a client order id is the same for the same inputs, prefixed, 44 characters (≤ 48)', () => {
    const id = deriveClientOrderId(base);
    expect(id).toBe(deriveClientOrderId({ ...base }));
    expect(id).toMatch(/^gp1-[0-9a-f]{40}$/);
    expect(id.length).toBeLessThanOrEqual(48);
  });

  it('differs when any of user, strategy, regime as_of or index differs', () => {
    const ids = new Set([
      deriveClientOrderId(base),
      deriveClientOrderId({ ...base, uid: 'user-2' }),
      deriveClientOrderId({ ...base, strategyId: 'other' }),
      deriveClientOrderId({ ...base, regimeAsOf: '2025-05-16T14:01:00.000Z' }),
      deriveClientOrderId({ ...base, index: 1 }),
    ]);
    expect(ids.size).toBe(5);
  });

  it('decision log ids are per strategy and regime as_of', () => {
    expect(decisionId('hedge', AS_OF)).toBe(`hedge_${asOfKey(AS_OF)}`);
    expect(asOfKey(AS_OF)).toMatch(/^[0-9a-f]{16}$/);
    expect(asOfKey(AS_OF)).not.toBe(asOfKey('2025-05-16T14:01:00.000Z'));
  });
});
