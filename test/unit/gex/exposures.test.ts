import { describe, expect, it } from 'vitest';
import { SymbolRegime } from '../../../functions/src/contract/regime';
import { computeGex } from '../../../functions/src/gex/compute-gex';
import { blackScholesCharm, blackScholesDelta, blackScholesVanna } from '../../../pricing/black-scholes';
import { chain, contract, TOMORROW } from './chain-builders';

/**
 * A hand-derived example of every exposure beyond OI GEX (spot 450, factor 100 × 450 = 45,000):
 *   call 450: gamma 0.02, OI 1000, volume 500,  delta 0.5,  vanna 0.1,   charm −2 /year
 *   put  445: gamma 0.03, OI 2000, volume 3000, delta −0.3, vanna −0.05, charm 1.5 /year
 * Volume GEX (per $1):  call  0.02·500·45,000 = 450,000;  put −0.03·3000·45,000 = −4,050,000
 *                       net = 450,000 − 4,050,000 = −3,600,000
 * Volume GEX (per 1%):  × 450 × 0.01 = × 4.5 → 2,025,000 / −18,225,000 / net −16,200,000
 * Dollar delta (dealer long calls, short puts):
 *   +0.5·1000·45,000 = 22,500,000;  −(−0.3)·2000·45,000 = 27,000,000  → 49,500,000
 * Vanna per vol point: × 0.01 → +0.1·1000·450 = 45,000;  −(−0.05)·2000·450 = 45,000  → 90,000
 * Charm per day:       ÷ 365 → (−2·1000 − 1.5·2000)·45,000 / 365 = −225,000,000 / 365
 *                       = −616,438.356… → −616,438.36
 * OI GEX by strike: 450 → +0.02·1000·45,000 = 900,000; 445 → −0.03·2000·45,000 = −2,700,000
 */
const EXAMPLE = [
  contract({
    side: 'call',
    strike: '450',
    openInterest: '1000',
    gamma: '0.02',
    volume: '500',
    delta: '0.5',
    vanna: '0.1',
    charm: '-2',
  }),
  contract({
    side: 'put',
    strike: '445',
    openInterest: '2000',
    gamma: '0.03',
    volume: 3000,
    delta: '-0.3',
    vanna: '-0.05',
    charm: '1.5',
  }),
];

describe('exposures beyond OI GEX: the hand-derived example', () => {
  const { regime, profile } = computeGex(chain(EXAMPLE));

  it('volume GEX per $1 and per 1%, net = call + put', () => {
    expect(regime).toMatchObject({
      total_call_gex_vol: '450000.00',
      total_put_gex_vol: '-4050000.00',
      net_gex_vol: '-3600000.00',
      total_call_gex_vol_per_pct: '2025000.00',
      total_put_gex_vol_per_pct: '-18225000.00',
      net_gex_vol_per_pct: '-16200000.00',
    });
    expect(regime.by_expiry.zero_dte).toMatchObject({
      net_gex_vol: '-3600000.00',
      net_gex_vol_per_pct: '-16200000.00',
    });
    expect(regime.by_expiry.one_dte).toMatchObject({ expiry: TOMORROW, net_gex_vol: '0.00' });
    expect(SymbolRegime.parse(regime)).toEqual(regime);
  });

  it('dollar delta, vanna per vol point and charm per day, dealer sign', () => {
    expect(regime).toMatchObject({
      delta_exposure: '49500000.00',
      vanna_exposure: '90000.00',
      charm_exposure: '-616438.36',
    });
  });

  it('per strike in the profile, OI columns unchanged', () => {
    expect(profile).toEqual([
      {
        strike: '445.00',
        call_gex: '0.00',
        put_gex: '-2700000.00',
        net_gex: '-2700000.00',
        call_gex_vol: '0.00',
        put_gex_vol: '-4050000.00',
        net_gex_vol: '-4050000.00',
        delta_exposure: '27000000.00',
        vanna_exposure: '45000.00',
        charm_exposure: '-369863.01', // −1.5·2000·45,000 / 365 = −369,863.0137
      },
      {
        strike: '450.00',
        call_gex: '900000.00',
        put_gex: '0.00',
        net_gex: '900000.00',
        call_gex_vol: '450000.00',
        put_gex_vol: '0.00',
        net_gex_vol: '450000.00',
        delta_exposure: '22500000.00',
        vanna_exposure: '45000.00',
        charm_exposure: '-246575.34', // −2·1000·45,000 / 365 = −246,575.3425
      },
    ]);
  });

  it('majors: largest positive and negative net GEX, by OI and by volume', () => {
    expect(regime.majors).toEqual({
      oi: {
        positive: { strike: '450.00', net_gex: '900000.00' },
        negative: { strike: '445.00', net_gex: '-2700000.00' },
      },
      volume: {
        positive: { strike: '450.00', net_gex: '450000.00' },
        negative: { strike: '445.00', net_gex: '-4050000.00' },
      },
    });
  });

  it('counts no missing volume or greeks', () => {
    expect(regime.quality).toMatchObject({
      volume_missing: 0,
      volume_invalid: 0,
      exposure_excluded: 0,
      volume_only: 0,
    });
  });
});

describe('volume data the engine does not trust or lacks', () => {
  it('no bar and a broken volume count as zero and are counted; OI figures are untouched', () => {
    const contracts = [
      contract({ side: 'call', gamma: '0.02', volume: undefined }),
      contract({ side: 'call', gamma: '0.02', volume: '-5' }),
      contract({ side: 'put', gamma: '0.02', volume: '2.5' }),
      contract({ side: 'put', gamma: '0.02', volume: '' }),
    ];
    const { regime } = computeGex(chain(contracts));
    expect(regime).toMatchObject({
      net_gex_vol: '0.00',
      total_call_gex_vol: '0.00',
      total_put_gex_vol: '0.00',
    });
    expect(regime.quality).toMatchObject({ volume_missing: 2, volume_invalid: 2, contracts_used: 4 });
    expect(regime.majors?.volume).toEqual({ positive: null, negative: null });
  });

  it('a contract that traded today with no open interest enters the volume GEX only', () => {
    const opened = contract({ side: 'call', strike: '460', openInterest: '0', gamma: '0.01', volume: '200' });
    const base = contract({ side: 'put', strike: '450', openInterest: '100', gamma: '0.01', volume: '0' });
    const withNew = computeGex(chain([base, opened]));
    const without = computeGex(chain([base]));
    // 0.01 · 200 · 45,000 = 90,000
    expect(withNew.regime.total_call_gex_vol).toBe('90000.00');
    expect(withNew.regime.quality).toMatchObject({ volume_only: 1, skipped: { zero_open_interest: 1 } });
    expect(withNew.regime.net_gex).toBe(without.regime.net_gex);
    expect(withNew.regime.option_count).toBe(without.regime.option_count);
    expect(withNew.profile.find((row) => row.strike === '460.00')).toMatchObject({
      net_gex: '0.00',
      net_gex_vol: '90000.00',
    });
  });

  it('without a provider delta, Black-Scholes from the provider IV gives delta, vanna and charm', () => {
    const iv = { spot: 450, strike: 450, volatility: 0.2, rate: 0.045, dividendYield: 0.013 };
    const withIv = contract({ side: 'call', gamma: '0.02', impliedVolatility: '0.2', expiry: '2025-06-20' });
    const { regime, profile } = computeGex(chain([withIv], { riskFreeRate: 0.045, dividendYield: 0.013 }));
    const years =
      (Date.parse('2025-06-20T20:00:00Z') - Date.parse('2025-05-20T15:00:00Z')) / (365 * 86_400_000);
    const model = { ...iv, years };
    // 1000 contracts × 100 × 450 = 45,000,000 per unit of greek
    expect(Number(regime.delta_exposure)).toBeCloseTo(blackScholesDelta(model, 'call') * 45_000_000, 1);
    expect(Number(regime.vanna_exposure)).toBeCloseTo(blackScholesVanna(model) * 450_000, 1);
    expect(Number(regime.charm_exposure)).toBeCloseTo(
      (blackScholesCharm(model, 'call') * 45_000_000) / 365,
      1,
    );
    expect(profile[0]?.delta_exposure).toBe(regime.delta_exposure);
    expect(regime.quality.exposure_excluded).toBe(0);
  });
});
