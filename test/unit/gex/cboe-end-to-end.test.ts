import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cboeChainInput } from '../../../offline/cboe/cboe-chain-input';
import { parseCboeCsv } from '../../../offline/cboe/parse-cboe';
import { SymbolRegime } from '../../../functions/src/contract/regime';
import { computeGex } from '../../../functions/src/gex/compute-gex';

const load = (name: string) =>
  parseCboeCsv(readFileSync(new URL(`../../fixtures/cboe/${name}`, import.meta.url), 'utf8'));

describe('computeGex on real CBOE chains', () => {
  it.each([
    'spy_quotedata_2023-09-14_1631ET.csv',
    'spy_quotedata_2025-05-16_1923ET.csv',
    'spy_quotedata_2022-07-09_1728ET.csv',
    'spx_quotedata_2025-01-06_2057ET_snippet20rows.csv',
  ])('%s: a valid regime, profile sums to totals, nothing non-finite', (file) => {
    const { regime, profile, curve } = computeGex(cboeChainInput(load(file), { expiries: 'all' }));
    expect(SymbolRegime.parse(regime)).toEqual(regime);
    expect(JSON.stringify({ regime, profile, curve })).not.toMatch(/NaN|Infinity/);
    const cents = (key: 'call_gex' | 'put_gex') =>
      profile.reduce((s, r) => s + Math.round(Number(r[key]) * 100), 0);
    // Rows are rounded to cents; their sum may differ from the total by half a cent per row.
    expect(Math.abs(cents('call_gex') - Math.round(Number(regime.total_call_gex) * 100))).toBeLessThanOrEqual(
      profile.length,
    );
    expect(regime.quality.contracts_used).toBe(regime.option_count);
  });

  it('Saturday SPY file: Monday 0DTE, Tuesday 1DTE empty with a note (older files list Mon/Wed/Fri)', () => {
    const input = cboeChainInput(load('spy_quotedata_2022-07-09_1728ET.csv'), {
      expiries: { zeroDte: true, oneDte: true },
    });
    expect(new Set(input.contracts.map((c) => c.expiry))).toEqual(new Set(['2022-07-11']));
    const { by_expiry } = computeGex(input).regime;
    expect(by_expiry.zero_dte).toMatchObject({ session: '2022-07-11', expiry: '2022-07-11' });
    expect(by_expiry.one_dte).toMatchObject({
      session: '2022-07-12',
      expiry: null,
      option_count: 0,
      note: 'no expiry listed for session 2022-07-12',
    });
  });

  it('Thursday after the close: Friday + Monday, and the day’s own expiry counts as expired under all', () => {
    const chainData = load('spy_quotedata_2023-09-14_1631ET.csv');
    const input = cboeChainInput(chainData, { expiries: { zeroDte: true, oneDte: true } });
    expect(input.buckets.zeroDte.expiry).toBe('2023-09-15');
    expect(input.buckets.oneDte.expiry).toBe('2023-09-18');
    const all = cboeChainInput(chainData, { expiries: 'all' });
    expect(all.contracts.some((c) => c.expiry === '2023-09-14')).toBe(false);
  });

  it('SPX snippet: ignores ±1e-79-scale sign noise far from spot and reports no flip in range', () => {
    const { regime, curve } = computeGex(
      cboeChainInput(load('spx_quotedata_2025-01-06_2057ET_snippet20rows.csv'), { expiries: 'all' }),
    );
    const signs = curve.map((p) => Math.sign(p.net_gex_per_pct));
    const rawFlips = signs.filter((s, i) => i > 0 && s !== 0 && s !== signs[i - 1]).length;
    expect(rawFlips).toBeGreaterThan(0); // a naive sweep would report a flip here
    expect(curve.some((p) => p.net_gex_per_pct < 0 && Math.abs(p.net_gex_per_pct) < 1e-40)).toBe(true);
    expect(regime.zero_gamma).toBeNull();
    expect(regime.zero_gamma_reason).toMatch(/stays positive/);
  });

  it('full SPX chain: zero gamma near spot, walls on listed strikes', () => {
    const { regime, profile } = computeGex(
      cboeChainInput(load('spx_quotedata_2023-09-14_1631ET.csv'), { expiries: 'all' }),
    );
    expect(regime.option_count).toBeGreaterThan(14_000);
    expect(regime.zero_gamma).not.toBeNull();
    const zeroGamma = Number(regime.zero_gamma);
    expect(Math.abs(zeroGamma / 4505.1001 - 1)).toBeLessThan(0.15);
    const strikes = new Set(profile.map((r) => r.strike));
    for (const level of [regime.call_wall, regime.put_wall, regime.abs_gamma_strike])
      expect(strikes.has(level ?? '')).toBe(true);
    expect(regime.by_expiry.other?.option_count).toBeGreaterThan(0);
  });
});
