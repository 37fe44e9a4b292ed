import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cboeChainInput, withSettlement } from '../../../offline/cboe/cboe-chain-input';
import { parseCboeCsv } from '../../../offline/cboe/parse-cboe';
import { Decimal } from '../../../functions/src/num/decimal';
import { computeGex } from '../../../functions/src/gex/compute-gex';
import { findGexLevels } from '../../../functions/src/gex/gex-levels';
import { sweepZeroGamma } from '../../../functions/src/gex/zero-gamma';
import { AS_OF, chain, contract } from './chain-builders';

describe('quality: contracts left out of the zero-gamma sweep', () => {
  it('counts used contracts with no usable volatility, and says why there is no level when none has one', () => {
    const swept = contract({ side: 'call', gamma: '0.02', impliedVolatility: '0.2' });
    const noIv = contract({ side: 'put', gamma: '0.01' });
    // IV 0 (CBOE's far-from-spot rows) and a mid below intrinsic: no IV can be solved.
    const unsolvable = contract({
      side: 'put',
      strike: '500',
      gamma: '0.01',
      impliedVolatility: '0',
      bid: '40',
      ask: '45',
    });
    const { regime } = computeGex(chain([swept, noIv, unsolvable]));
    expect(regime.quality).toMatchObject({ contracts_used: 3, zero_gamma_excluded: 2 });
    const none = computeGex(chain([noIv])).regime;
    expect(none.quality.zero_gamma_excluded).toBe(1);
    expect(none.zero_gamma_reason).toBe('no gamma to re-price: no contract has a usable volatility');
  });

  it('does not price with a provider IV below 0.1% (it would make a finite-looking gamma of 0)', () => {
    const priced = contract({ side: 'put', gamma: '0.01' });
    const tinyIv = contract({ side: 'call', impliedVolatility: '1e-12' });
    const { regime } = computeGex(chain([priced, tinyIv]));
    expect(regime.quality).toMatchObject({
      contracts_used: 1,
      local_greeks: 0,
      skipped: { missing_gamma: 1 },
    });
  });

  it('counts the SPX file’s IV-less rows (e.g. SPX230915P04555000: gamma 0.0026, OI 8470, IV 0)', () => {
    const text = readFileSync(
      new URL('../../fixtures/cboe/spx_quotedata_2023-09-14_1631ET.csv', import.meta.url),
      'utf8',
    );
    const input = cboeChainInput(parseCboeCsv(text), { expiries: { zeroDte: true, oneDte: false } });
    const { regime } = computeGex(input);
    const row = input.contracts.find((c) => c.symbol === 'SPX230915P04555000');
    expect(row).toMatchObject({ gamma: '0.0026', impliedVolatility: '0', openInterest: '8470' });
    expect(regime.quality.zero_gamma_excluded).toBeGreaterThan(0);
    expect(regime.quality.zero_gamma_excluded).toBeLessThan(regime.option_count);
  });
});

describe('settlement instants', () => {
  it('prices to settlesAt, is expired after it, and rejects an unparseable one or an impossible date', () => {
    const open = '2025-05-20T13:30:00.000Z'; // 09:30 EDT, before the 11:00 as-of
    const contracts = [
      contract({ side: 'call', gamma: '0.01', settlesAt: open }),
      contract({ side: 'call', gamma: '0.01', settlesAt: 'at the open' }),
      contract({ side: 'call', gamma: '0.01', expiry: '2025-02-30' }),
      contract({ side: 'call', gamma: '0.01', settlesAt: '2025-05-20T15:00:00Z' }), // exactly as-of
    ];
    const { regime } = computeGex(chain(contracts));
    expect(regime.quality.skipped).toEqual({ expired: 1, invalid_expiry: 2 });
    expect(regime.option_count).toBe(1);
    expect(AS_OF).toBe('2025-05-20T15:00:00.000Z');
  });

  it('gives AM-settled SPX monthlies 09:30 New York on the expiry date (EDT and EST), not SPXW', () => {
    const base = { side: 'call' as const, strike: '4500', openInterest: '1' };
    expect(withSettlement({ ...base, symbol: 'SPX230915C04500000', expiry: '2023-09-15' }).settlesAt).toBe(
      '2023-09-15T13:30:00.000Z',
    );
    expect(withSettlement({ ...base, symbol: 'SPX250117C04500000', expiry: '2025-01-17' }).settlesAt).toBe(
      '2025-01-17T14:30:00.000Z',
    );
    expect(
      withSettlement({ ...base, symbol: 'SPXW230915C04500000', expiry: '2023-09-15' }).settlesAt,
    ).toBeUndefined();
    expect(
      withSettlement({ ...base, symbol: 'SPY230915C00450000', expiry: '2023-09-15' }).settlesAt,
    ).toBeUndefined();
  });

  it('on monthly expiry Friday at 10:00 ET, the settled SPX monthlies are expired and SPXW still counts', () => {
    const text = readFileSync(
      new URL('../../fixtures/cboe/spx_quotedata_2023-09-14_1631ET.csv', import.meta.url),
      'utf8',
    );
    const input = cboeChainInput(parseCboeCsv(text), {
      asOf: '2023-09-15T14:00:00Z',
      expiries: { zeroDte: true, oneDte: false },
    });
    expect(input.buckets.zeroDte.expiry).toBe('2023-09-15');
    const monthlies = input.contracts.filter((c) => c.symbol.startsWith('SPX230915')).length;
    expect(monthlies).toBeGreaterThan(0);
    const { regime } = computeGex(input);
    expect(regime.quality.skipped.expired).toBe(monthlies);
    expect(regime.by_expiry.zero_dte.option_count).toBeGreaterThan(0);
  });
});

describe('walls on ties', () => {
  it('picks the lower strike when two strikes carry the same GEX, and null when nothing is positive', () => {
    const row = (strike: string, call: string, put: string) => ({
      strike: new Decimal(strike),
      call: new Decimal(call),
      put: new Decimal(put),
    });
    const levels = findGexLevels([row('455', '10', '-7'), row('445', '10', '-7'), row('450', '3', '-1')]);
    expect(levels.callWall?.toString()).toBe('445');
    expect(levels.putWall?.toString()).toBe('445');
    expect(levels.absGammaStrike?.toString()).toBe('445');
    expect(findGexLevels([row('450', '0', '0')])).toEqual({
      callWall: null,
      putWall: null,
      absGammaStrike: null,
    });
  });
});

describe('absurd open interest', () => {
  it('skips fractional or implausibly large open interest instead of summing it', () => {
    const contracts = [
      contract({ side: 'call', gamma: '0.01', impliedVolatility: '0.2' }),
      contract({ side: 'call', gamma: '0.01', impliedVolatility: '0.2', openInterest: '12.5' }),
      contract({ side: 'put', gamma: '0.01', impliedVolatility: '0.2', openInterest: '1e307' }),
    ];
    const { regime, curve } = computeGex(chain(contracts));
    expect(regime.quality.skipped).toEqual({ invalid_open_interest: 2 });
    expect(regime.net_gex).toBe('450000.00'); // 0.01 × 1000 × 100 × 450
    expect(curve.every((p) => Number.isFinite(p.net_gex_per_pct))).toBe(true);
  });

  it('the sweep returns no curve rather than Infinity or NaN when the totals overflow', () => {
    const huge = { strike: 450, openInterest: 1e307, years: 0.01, volatility: 0.2 };
    const result = sweepZeroGamma({
      contracts: [
        { ...huge, side: 'call' },
        { ...huge, side: 'put', strike: 440 },
      ],
      spot: 450,
      rate: 0.045,
      dividendYield: 0.013,
    });
    expect(result).toEqual({ level: null, reason: 'total GEX is not finite in the sweep', curve: [] });
  });
});
