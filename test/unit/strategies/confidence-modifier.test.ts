import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, gexConfidenceModifier, type GexRegime } from '../../../strategies';

const modifier = (gexRegime: GexRegime, strength: string) =>
  gexConfidenceModifier({ symbol: 'SPY', gexRegime, gexStrength: new Decimal(strength) });
const multiplierOf = (gexRegime: GexRegime, strength: string) =>
  modifier(gexRegime, strength).multiplier.toString();

describe('OptionsAgent GEX confidence modifier (seed tiers)', () => {
  it('positive GEX pins: × 0.75 strictly above 1.5B, × 0.90 strictly above 0.5B, else × 1', () => {
    const cases: [string, string][] = [
      ['0', '1'],
      ['0.499999', '1'],
      ['0.5', '1'],
      ['0.500001', '0.9'],
      ['1', '0.9'],
      ['1.499999', '0.9'],
      ['1.5', '0.9'],
      ['1.500001', '0.75'],
      ['40', '0.75'],
    ];
    for (const [strength, expected] of cases)
      expect(multiplierOf('POSITIVE', strength), strength).toBe(expected);
  });

  it('negative GEX boosts: × 1.20 strictly above 1.5B, × 1.10 strictly above 0.5B, else × 1', () => {
    const cases: [string, string][] = [
      ['0', '1'],
      ['0.5', '1'],
      ['0.500001', '1.1'],
      ['1.5', '1.1'],
      ['1.500001', '1.2'],
      ['12', '1.2'],
    ];
    for (const [strength, expected] of cases)
      expect(multiplierOf('NEGATIVE', strength), strength).toBe(expected);
  });

  it('a neutral regime never adjusts, whatever the strength', () => {
    expect(multiplierOf('NEUTRAL', '3')).toBe('1');
    expect(modifier('NEUTRAL', '0').logLine).toBe(
      '[GEX NO ADJUSTMENT] SPY NEUTRAL gex_strength 0.00B: confidence × 1.00',
    );
  });

  it('logs the regime and the multiplier in the seed format', () => {
    expect(modifier('POSITIVE', '1.80').logLine).toBe(
      '[GEX PINNING] SPY gex_strength 1.80B: confidence × 0.75',
    );
    expect(modifier('POSITIVE', '0.7').logLine).toBe(
      '[GEX PINNING] SPY gex_strength 0.70B: confidence × 0.90',
    );
    expect(modifier('NEGATIVE', '2.345').logLine).toBe(
      '[GEX SHORT-GAMMA BOOST] SPY gex_strength 2.34B: confidence × 1.20',
    );
    expect(modifier('NEGATIVE', '0.6').logLine).toBe(
      '[GEX SHORT-GAMMA BOOST] SPY gex_strength 0.60B: confidence × 1.10',
    );
    expect(modifier('POSITIVE', '0.2').logLine).toBe(
      '[GEX NO ADJUSTMENT] SPY POSITIVE gex_strength 0.20B: confidence × 1.00',
    );
  });

  it('takes other tiers when given', () => {
    const tiers = {
      POSITIVE: [{ aboveBillions: new Decimal(3), multiplier: new Decimal('0.5') }],
      NEGATIVE: [],
    };
    const m = gexConfidenceModifier({
      symbol: 'QQQ',
      gexRegime: 'POSITIVE',
      gexStrength: new Decimal(4),
      tiers,
    });
    expect(m.multiplier.toString()).toBe('0.5');
    expect(m.logLine).toBe('[GEX PINNING] QQQ gex_strength 4.00B: confidence × 0.50');
  });

  it('treats a non-finite strength as zero: no adjustment, no NaN in the line', () => {
    const m = gexConfidenceModifier({ symbol: 'SPY', gexRegime: 'NEGATIVE', gexStrength: new Decimal(NaN) });
    expect(m.multiplier.toString()).toBe('1');
    expect(m.logLine).not.toMatch(/NaN/);
  });
});

describe('modifier properties (fast-check)', () => {
  const strength = fc.integer({ min: 0, max: 5_000_000 }).map((n) => new Decimal(n).div(1_000_000));

  it('is monotonic in strength within a regime: never up when pinning, never down when short gamma', () => {
    fc.assert(
      fc.property(strength, strength, (a, b) => {
        const [lo, hi] = a.lte(b) ? [a, b] : [b, a];
        const at = (gexRegime: GexRegime, s: Decimal) =>
          gexConfidenceModifier({ symbol: 'SPY', gexRegime, gexStrength: s }).multiplier;
        expect(at('POSITIVE', hi).lte(at('POSITIVE', lo))).toBe(true);
        expect(at('NEGATIVE', hi).gte(at('NEGATIVE', lo))).toBe(true);
      }),
    );
  });

  it('adjusts, never rejects: the multiplier stays within [0.75, 1.20]', () => {
    fc.assert(
      fc.property(strength, fc.constantFrom<GexRegime>('POSITIVE', 'NEGATIVE', 'NEUTRAL'), (s, r) => {
        const m = gexConfidenceModifier({ symbol: 'SPY', gexRegime: r, gexStrength: s }).multiplier;
        expect(m.gte('0.75') && m.lte('1.2')).toBe(true);
      }),
    );
  });
});
