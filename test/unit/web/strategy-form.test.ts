import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  STRATEGY_CONFIG_BOUNDS,
  StrategyConfigFields,
} from '../../../functions/src/contract/strategy-document';
import {
  NUMBER_FIELDS,
  readStrategyForm,
  strategyFormFields,
  type StrategyFormFields,
} from '../../../web/src/view/strategy-form';

/** The form of a new strategy `spy-hedge` with some fields changed. */
function form(
  over: Partial<Omit<StrategyFormFields, 'numbers'>> & {
    numbers?: Partial<StrategyFormFields['numbers']>;
  } = {},
): StrategyFormFields {
  const base = strategyFormFields('spy-hedge');
  return { ...base, ...over, numbers: { ...base.numbers, ...over.numbers } };
}

describe('readStrategyForm', () => {
  it('reads a new strategy: defaults for empty numbers, symbol upper-cased, fields trimmed', () => {
    expect(readStrategyForm(form({ id: ' spy-hedge ', symbol: ' qqq ', mode: 'paper' }))).toEqual({
      ok: true,
      id: 'spy-hedge',
      config: { enabled: true, mode: 'paper', kind: 'gamma_scalper', symbol: 'QQQ' },
      cleared: NUMBER_FIELDS.map(([field]) => field),
    });
  });

  it('reads numbers within their bounds and clears only the empty ones', () => {
    const read = readStrategyForm(
      form({
        numbers: { hedge_threshold_positive: '0.2', max_orders_per_day: ' 5 ', max_order_notional: '1e4' },
      }),
    );
    expect(read).toMatchObject({
      ok: true,
      config: { hedge_threshold_positive: 0.2, max_orders_per_day: 5, max_order_notional: 10_000 },
    });
    expect(read.ok && read.cleared).not.toContain('max_orders_per_day');
    expect(read.ok && read.cleared).toContain('allocation_negative');
  });

  it.each([
    [{ id: '' }, 'Name the strategy with 1 to 64 letters, digits, "_" or "-".'],
    [{ id: 'a/b' }, 'Name the strategy with 1 to 64 letters, digits, "_" or "-".'],
    [{ id: 'x'.repeat(65) }, 'Name the strategy with 1 to 64 letters, digits, "_" or "-".'],
    [{ symbol: 'S&P' }, 'Symbol: an upper-case ticker such as SPY.'],
    [{ mode: 'yolo' }, 'Mode: off, paper or live.'],
    [
      { numbers: { hedge_threshold_positive: '0' } },
      'Hedge threshold, positive GEX: enter a number from 0.01 to 1.',
    ],
    [{ numbers: { allocation_negative: 'half' } }, 'Allocation, negative GEX: enter a number from 0 to 1.'],
    [
      { numbers: { max_orders_per_day: '2.5' } },
      'Orders per day at most: enter a whole number from 0 to 100.',
    ],
    [{ numbers: { max_position_shares: '-1' } }, 'Most shares held: enter a whole number from 0 to 100000.'],
    [
      { numbers: { max_order_notional: 'Infinity' } },
      'Largest order (USD): enter a number from 0 to 1000000.',
    ],
  ])('%j → %s', (over, message) => {
    expect(readStrategyForm(form(over))).toEqual({ ok: false, message });
  });

  it('gives back any stored configuration it is filled with (edit, save unchanged)', () => {
    const number = (field: keyof typeof STRATEGY_CONFIG_BOUNDS) => {
      const b: { min: number; max: number; integer?: boolean } = STRATEGY_CONFIG_BOUNDS[field];
      return b.integer
        ? fc.integer({ min: b.min, max: b.max })
        : fc.double({ min: b.min, max: b.max, noNaN: true, noDefaultInfinity: true });
    };
    const config = fc.record(
      {
        enabled: fc.boolean(),
        mode: fc.constantFrom<'off' | 'paper' | 'live'>('off', 'paper', 'live'),
        kind: fc.constant('gamma_scalper' as const),
        symbol: fc.stringMatching(/^[A-Z][A-Z0-9.]{0,9}$/),
        ...Object.fromEntries(NUMBER_FIELDS.map(([field]) => [field, number(field)])),
      },
      { requiredKeys: ['enabled', 'mode', 'kind', 'symbol'] },
    );
    fc.assert(
      fc.property(config, (stored) => {
        const read = readStrategyForm(strategyFormFields('s1', stored));
        expect(read).toMatchObject({ ok: true, id: 's1', config: StrategyConfigFields.parse(stored) });
        expect(read.ok && read.cleared.sort()).toEqual(
          NUMBER_FIELDS.map(([field]) => field)
            .filter((field) => !(field in stored))
            .sort(),
        );
      }),
      { numRuns: 500 },
    );
  });
});
