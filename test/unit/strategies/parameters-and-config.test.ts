import { describe, expect, it } from 'vitest';
import {
  Decimal,
  DEFAULT_GAMMA_SCALPER_CONFIG,
  parametersInForce,
  resolveGammaScalperConfig,
  StrategyConfigError,
  type GexRegime,
} from '../../../strategies';

const seed = resolveGammaScalperConfig();
const inForce = (gexRegime: GexRegime, strength: string, config = seed) =>
  parametersInForce(config, { gexRegime, gexStrength: new Decimal(strength) });

describe('GammaScalper parameters in force (seed defaults)', () => {
  it('positive regime: threshold 0.15, allocation 0.50, every 5 minutes, full position size', () => {
    const p = inForce('POSITIVE', '2');
    expect([p.hedgeThreshold.toString(), p.allocation.toString()]).toEqual(['0.15', '0.5']);
    expect(p.evaluationIntervalSeconds).toBe(300);
    expect(p.maxPositionShares.toString()).toBe('1000');
    expect(p.strongNegative).toBe(false);
  });

  it('negative regime: threshold 0.10, allocation 0.25, every minute', () => {
    const p = inForce('NEGATIVE', '0.3');
    expect([p.hedgeThreshold.toString(), p.allocation.toString()]).toEqual(['0.1', '0.25']);
    expect(p.evaluationIntervalSeconds).toBe(60);
    expect(p.evaluationIntervalSeconds).toBeLessThan(inForce('POSITIVE', '0.3').evaluationIntervalSeconds);
  });

  it('a neutral regime takes the positive parameters (the seed assumes positive GEX)', () => {
    expect(inForce('NEUTRAL', '0')).toEqual(inForce('POSITIVE', '0'));
  });

  it('cuts max position size by 20% only strictly above 1.5B negative', () => {
    expect(inForce('NEGATIVE', '1.5').maxPositionShares.toString()).toBe('1000');
    expect(inForce('NEGATIVE', '1.499999').maxPositionShares.toString()).toBe('1000');
    const strong = inForce('NEGATIVE', '1.500001');
    expect([strong.maxPositionShares.toString(), strong.strongNegative]).toEqual(['800', true]);
    expect(inForce('POSITIVE', '9').maxPositionShares.toString()).toBe('1000');
  });

  it('rounds the cut size down to a whole share', () => {
    const config = resolveGammaScalperConfig({ maxPositionShares: 333 });
    // 333 × 0.8 = 266.4 → 266
    expect(inForce('NEGATIVE', '2', config).maxPositionShares.toString()).toBe('266');
  });
});

describe('GammaScalper configuration', () => {
  it('defaults to the seed numbers', () => {
    expect(seed.hedgeThresholdPositive.toString()).toBe('0.15');
    expect(seed.hedgeThresholdNegative.toString()).toBe('0.1');
    expect(seed.allocationPositive.toString()).toBe('0.5');
    expect(seed.allocationNegative.toString()).toBe('0.25');
    expect(seed.strongNegativeStrength.toString()).toBe('1.5');
    expect(seed.strongNegativePositionCut.toString()).toBe('0.2');
    expect(seed).toEqual({ ...DEFAULT_GAMMA_SCALPER_CONFIG });
  });

  it('takes overrides as strings, numbers or Decimals and upper-cases the symbol', () => {
    const c = resolveGammaScalperConfig({
      symbol: ' qqq ',
      hedgeThresholdNegative: '0.2',
      allocationPositive: 0.4,
    });
    expect([c.symbol, c.hedgeThresholdNegative.toString(), c.allocationPositive.toString()]).toEqual([
      'QQQ',
      '0.2',
      '0.4',
    ]);
    expect(c.hedgeThresholdPositive.toString()).toBe('0.15');
  });

  it('ignores keys that are not configuration fields', () => {
    const stored = { maxOrdersPerDay: 5, mode: 'paper', updated_at: 'x' } as Parameters<
      typeof resolveGammaScalperConfig
    >[0];
    const c = resolveGammaScalperConfig(stored);
    expect(c.maxOrdersPerDay).toBe(5);
    expect(Object.keys(c).sort()).toEqual(Object.keys(DEFAULT_GAMMA_SCALPER_CONFIG).sort());
  });

  it('never mutates the defaults', () => {
    resolveGammaScalperConfig({ symbol: 'IWM', maxOrdersPerDay: 3 });
    expect(DEFAULT_GAMMA_SCALPER_CONFIG.symbol).toBe('SPY');
    expect(DEFAULT_GAMMA_SCALPER_CONFIG.maxOrdersPerDay).toBe(20);
  });

  it('accepts range ends and rejects values just outside, naming the field', () => {
    expect(
      resolveGammaScalperConfig({
        allocationNegative: 1,
        allocationPositive: 0,
      }).allocationNegative.toString(),
    ).toBe('1');
    const bad: [Parameters<typeof resolveGammaScalperConfig>[0], string][] = [
      [{ allocationPositive: '1.0001' }, 'allocationPositive'],
      [{ hedgeThresholdNegative: '-0.01' }, 'hedgeThresholdNegative'],
      [{ evaluationIntervalSecondsNegative: 0 }, 'evaluationIntervalSecondsNegative'],
      [{ maxOrdersPerDay: 2.5 }, 'maxOrdersPerDay'],
      [{ maxPositionShares: '10.5' }, 'maxPositionShares'],
      [{ maxOrderNotional: 'lots' }, 'maxOrderNotional'],
      [{ riskFreeRate: Number.NaN }, 'riskFreeRate'],
      [{ symbol: 'not a ticker' }, 'symbol'],
    ];
    for (const [overrides, field] of bad) {
      const attempt = () => resolveGammaScalperConfig(overrides);
      expect(attempt, field).toThrow(StrategyConfigError);
      expect(attempt, field).toThrow(new RegExp(`^${field} `));
    }
  });
});
