import { describe, expect, it } from 'vitest';
import { SymbolRegime } from '../../../functions/src/contract/regime';
import { blackScholesGamma } from '../../../pricing/black-scholes';
import { computeGex, GexInputError } from '../../../functions/src/gex/compute-gex';
import { MS_PER_YEAR } from '../../../functions/src/gex/time-to-expiry';
import { AS_OF, chain, contract, TODAY, TOMORROW } from './chain-builders';

/**
 * The seed's worked example, by hand (spot 450, factor 100 × 450 = 45,000 per unit of gamma × OI):
 *   calls: 0.05·1000 + 0.08·5000 + 0.04·2000 = 50 + 400 + 80 = 530 → 530 · 45,000 = 23,850,000
 *   puts:  0.06·2000 + 0.07·3000 + 0.03·1000 = 120 + 210 + 30 = 360 → −360 · 45,000 = −16,200,000
 *   net = 7,650,000 > 0 → "Bullish"; per 1% = net × 450 × 0.01 = 34,425,000
 *   by strike: 445: 2,250,000 / −5,400,000; 450: 18,000,000 / −9,450,000; 455: 3,600,000 / −1,350,000
 */
const SEED = [
  contract({ side: 'call', strike: '445', openInterest: '1000', gamma: '0.05' }),
  contract({ side: 'call', strike: '450', openInterest: '5000', gamma: '0.08' }),
  contract({ side: 'call', strike: '455', openInterest: '2000', gamma: '0.04' }),
  contract({ side: 'put', strike: '445', openInterest: '2000', gamma: '0.06' }),
  contract({ side: 'put', strike: '450', openInterest: '3000', gamma: '0.07' }),
  contract({ side: 'put', strike: '455', openInterest: '1000', gamma: '0.03' }),
];

describe('computeGex: the seed worked example', () => {
  const { regime, profile } = computeGex(chain(SEED));

  it('matches the seed strings exactly', () => {
    expect(regime).toMatchObject({
      total_call_gex: '23850000.00',
      total_put_gex: '-16200000.00',
      net_gex: '7650000.00',
      spot_price: '450.00',
      option_count: 6,
      volatility_bias: 'Bullish',
      gex_regime: 'POSITIVE',
      gex_strength: '0.007650',
      total_gex_dollar: '40050000.00',
      net_gex_per_pct: '34425000.00',
      call_wall: '450.00',
      put_wall: '450.00',
      abs_gamma_strike: '450.00',
      as_of: AS_OF,
    });
    expect(SymbolRegime.parse(regime)).toEqual(regime);
  });

  it('profiles by strike and splits by expiry', () => {
    const oiColumns = profile.map(({ strike, call_gex, put_gex, net_gex }) => ({
      strike,
      call_gex,
      put_gex,
      net_gex,
    }));
    expect(oiColumns).toEqual([
      { strike: '445.00', call_gex: '2250000.00', put_gex: '-5400000.00', net_gex: '-3150000.00' },
      { strike: '450.00', call_gex: '18000000.00', put_gex: '-9450000.00', net_gex: '8550000.00' },
      { strike: '455.00', call_gex: '3600000.00', put_gex: '-1350000.00', net_gex: '2250000.00' },
    ]);
    expect(regime.by_expiry.zero_dte).toMatchObject({
      expiry: TODAY,
      net_gex: '7650000.00',
      option_count: 6,
    });
    expect(regime.by_expiry.one_dte).toMatchObject({
      expiry: TOMORROW,
      option_count: 0,
      note: `no usable contracts expiring ${TOMORROW}`,
    });
    expect(regime.by_expiry.other).toBeUndefined();
  });

  it('reports no zero gamma, with a reason, when no contract has a volatility to re-price', () => {
    expect(regime.zero_gamma).toBeNull();
    expect(regime.zero_gamma_reason).toMatch(/no gamma/);
  });
});

describe('computeGex: validation and quality', () => {
  it('skips bad contracts by reason and never lets them into the sums', () => {
    const good = contract({ side: 'call', gamma: '0.01' });
    const bad = [
      { ...good }, // duplicate symbol
      contract({ side: 'call', gamma: '0.01', openInterest: '-5' }),
      contract({ side: 'call', gamma: '0.01', openInterest: 'n/a' }),
      contract({ side: 'call', gamma: '0.01', openInterest: null }),
      contract({ side: 'call', gamma: '0.01', openInterest: '0' }),
      contract({ side: 'put', gamma: Number.NaN }),
      contract({ side: 'put', gamma: '-0.2' }),
      contract({ side: 'put', strike: '0', gamma: '0.01' }),
      contract({ side: 'put', strike: 'abc', gamma: '0.01' }),
      contract({ side: 'put', expiry: '2025-05-19', gamma: '0.01' }),
      contract({ side: 'put', expiry: '20/05/2025', gamma: '0.01' }),
      contract({ side: 'put' }), // no gamma, no IV, no quote
    ];
    const { regime } = computeGex(chain([good, ...bad]));
    expect(regime.quality).toEqual({
      contracts_seen: 13,
      contracts_used: 1,
      skipped: {
        duplicate_symbol: 1,
        negative_open_interest: 1,
        invalid_open_interest: 1,
        missing_open_interest: 1,
        zero_open_interest: 1,
        invalid_gamma: 2,
        invalid_strike: 2,
        expired: 1,
        invalid_expiry: 1,
        missing_gamma: 1,
      },
      local_greeks: 0,
      iv_solved: 0,
      // The one used contract has provider gamma but no IV or quote: it cannot be re-priced.
      zero_gamma_excluded: 1,
      // Nor has it a delta, vanna or charm (no provider value, no volatility), nor a volume.
      exposure_excluded: 1,
      volume_missing: 1,
      volume_invalid: 0,
      volume_only: 0,
    });
    // 0.01 × 1000 × 100 × 450
    expect(regime.net_gex).toBe('450000.00');
  });

  it('computes gamma locally from provider IV, or from an IV solved from the quote mid', () => {
    const years = (Date.parse('2025-05-20T20:00:00Z') - Date.parse(AS_OF)) / MS_PER_YEAR; // 5 h
    const pricing = { spot: 450, strike: 450, years, rate: 0.045, dividendYield: 0.013 };
    const fromIv = contract({ side: 'call', impliedVolatility: '0.2' });
    const fromQuote = contract({ side: 'call', bid: '1.10', ask: '1.30' });
    const { regime } = computeGex(chain([fromIv, fromQuote]));
    expect(regime.quality).toMatchObject({ contracts_used: 2, local_greeks: 2, iv_solved: 1 });
    const gammaIv = blackScholesGamma({ ...pricing, volatility: 0.2 });
    // Both are ATM with ~5 h left; the quote-implied gamma is a real, positive number too.
    expect(Number(regime.total_call_gex)).toBeGreaterThan(gammaIv * 1000 * 100 * 450);
    const alone = computeGex(chain([fromIv])).regime;
    expect(Number(alone.total_call_gex)).toBeCloseTo(gammaIv * 1000 * 100 * 450, 1);
  });

  it('is Neutral at zero net and Bearish below', () => {
    const call = contract({ side: 'call', gamma: '0.01' });
    const put = contract({ side: 'put', gamma: '0.01' });
    expect(computeGex(chain([call, put])).regime).toMatchObject({
      volatility_bias: 'Neutral',
      gex_regime: 'NEUTRAL',
    });
    const bigPut = contract({ side: 'put', gamma: '0.02' });
    expect(computeGex(chain([call, bigPut])).regime).toMatchObject({
      net_gex: '-450000.00',
      volatility_bias: 'Bearish',
      gex_regime: 'NEGATIVE',
    });
  });

  it('counts a contract at its exact close as alive (one-minute floor), and one after it as expired', () => {
    const atClose = chain([contract({ side: 'call', impliedVolatility: '0.2' })], {
      asOf: '2025-05-20T20:00:00Z',
    });
    const result = computeGex(atClose).regime;
    expect(result.option_count).toBe(1);
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
    // One second later it is expired: skipped, and with nothing else usable the chain is refused.
    expect(() => computeGex({ ...atClose, asOf: '2025-05-20T20:00:01Z' })).toThrow(
      'no usable contracts among 1 (skipped: {"expired":1})',
    );
  });

  it('throws a typed error for an unusable spot or as-of', () => {
    expect(() => computeGex(chain([], { spotPrice: '-1' }))).toThrow(GexInputError);
    expect(() => computeGex(chain([], { asOf: 'soon' }))).toThrow(GexInputError);
  });

  it('refuses a chain with no usable contract rather than returning zeros as data', () => {
    const error = (() => {
      try {
        computeGex(chain([]));
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(GexInputError);
    expect((error as GexInputError).field).toBe('contracts');
  });
});
