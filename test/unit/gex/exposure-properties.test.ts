import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cboeChainInput } from '../../../offline/cboe/cboe-chain-input';
import { parseCboeCsv } from '../../../offline/cboe/parse-cboe';
import type { SymbolRegime } from '../../../functions/src/contract/regime';
import { computeGex } from '../../../functions/src/gex/compute-gex';
import { sumExposures } from '../../../functions/src/gex/exposure-sums';
import { normalizeContracts } from '../../../functions/src/gex/normalize-contracts';
import type { ContractInput } from '../../../functions/src/gex/types';
import { Decimal, toMoneyString, ZERO } from '../../../functions/src/num/decimal';
import { AS_OF, chain, TODAY, TOMORROW } from './chain-builders';

const arbContract = (index: number) =>
  fc
    .record({
      side: fc.constantFrom<'call' | 'put'>('call', 'put'),
      strike: fc.integer({ min: 400, max: 500 }).map(String),
      expiry: fc.constantFrom(TODAY, TOMORROW),
      openInterest: fc.integer({ min: 0, max: 100_000 }).map(String),
      gamma: fc.integer({ min: 0, max: 20_000 }).map((n) => (n / 100_000).toFixed(5)),
      volume: fc.integer({ min: 0, max: 50_000 }),
      delta: fc.integer({ min: 0, max: 1000 }).map((n) => (n / 1000).toFixed(3)),
    })
    .map((c): ContractInput => ({
      ...c,
      symbol: `X${index}`,
      delta: c.side === 'put' ? `-${c.delta}` : c.delta,
    }));

const arbChain = fc
  .integer({ min: 1, max: 30 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbContract(i))));

const spot = new Decimal('450.37');
const normalized = (contracts: ContractInput[]) => {
  const c = normalizeContracts(chain(contracts, { spotPrice: spot.toString() }), spot, Date.parse(AS_OF));
  return [...c.contracts, ...c.volumeOnly];
};

/** The regime map without the figures beyond OI GEX: what the engine printed before them. */
function oiFigures(regime: SymbolRegime): Record<string, unknown> {
  const { quality, by_expiry, ...rest } = regime;
  const keep = Object.entries(rest).filter(([key]) => !/_vol|majors|_exposure/.test(key));
  const bucket = (b: object | undefined) =>
    b && Object.fromEntries(Object.entries(b).filter(([key]) => !key.includes('_vol')));
  const { volume_missing, volume_invalid, exposure_excluded, volume_only, ...oiQuality } = quality;
  void [volume_missing, volume_invalid, exposure_excluded, volume_only];
  return {
    ...Object.fromEntries(keep),
    quality: oiQuality,
    by_expiry: {
      zero_dte: bucket(by_expiry.zero_dte),
      one_dte: bucket(by_expiry.one_dte),
      other: bucket(by_expiry.other),
    },
  };
}

describe('volume GEX invariants (fast-check)', () => {
  it('is linear in volume: k × every volume gives k × every sum (exact, before rounding)', () => {
    fc.assert(
      fc.property(arbChain, fc.integer({ min: 2, max: 1000 }), (contracts, k) => {
        const once = sumExposures(normalized(contracts), spot);
        const scaled = sumExposures(
          normalized(contracts.map((c) => ({ ...c, volume: Number(c.volume) * k }))),
          spot,
        );
        expect(scaled.total.call.eq(once.total.call.times(k))).toBe(true);
        expect(scaled.total.put.eq(once.total.put.times(k))).toBe(true);
        for (const name of ['zero_dte', 'one_dte'] as const) {
          expect(scaled.byBucket[name].call.eq(once.byBucket[name].call.times(k))).toBe(true);
        }
        // Calls never below zero, puts never above.
        expect(once.total.call.gte(0) && once.total.put.lte(0)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('a chain with no volume gives zero volume figures and the same OI figures', () => {
    fc.assert(
      fc.property(arbChain, (contracts) => {
        const traded = contracts.map((c) => ({
          ...c,
          openInterest: c.openInterest === '0' ? '1' : c.openInterest,
        }));
        const silent = traded.map((c) => ({ ...c, volume: 0 }));
        let withVolume, withoutVolume, oiOnly;
        try {
          withVolume = computeGex(chain(traded));
          withoutVolume = computeGex(chain(silent));
          oiOnly = computeGex(chain(silent), { exposures: false });
        } catch {
          return; // every gamma zero is still a chain; only "no usable contract" throws
        }
        for (const key of [
          'net_gex_vol',
          'total_call_gex_vol',
          'total_put_gex_vol',
          'net_gex_vol_per_pct',
        ] as const) {
          expect(withoutVolume.regime[key]).toBe('0.00');
        }
        expect(withoutVolume.regime.majors?.volume).toEqual({ positive: null, negative: null });
        expect(oiFigures(withVolume.regime)).toEqual(oiFigures(oiOnly.regime));
        expect(oiFigures(withoutVolume.regime)).toEqual(oiFigures(oiOnly.regime));
        // net = call + put holds exactly on the stored strings.
        const r = withVolume.regime;
        expect(new Decimal(r.total_call_gex_vol ?? 'x').plus(r.total_put_gex_vol ?? 'x').toFixed(2)).toBe(
          r.net_gex_vol,
        );
      }),
      { numRuns: 100 },
    );
  });
});

const FIXTURES = [
  'spy_quotedata_2023-09-14_1631ET.csv',
  'spy_quotedata_2025-05-16_1923ET.csv',
  'spy_quotedata_2022-07-09_1728ET.csv',
  'spx_quotedata_2025-01-06_2057ET_snippet20rows.csv',
  'spx_quotedata_2023-09-14_1631ET.csv',
];

describe('every CBOE fixture: volume GEX is the sum over rows of its definition', () => {
  it.each(FIXTURES)('%s', { timeout: 60_000 }, (file) => {
    const parsed = parseCboeCsv(
      readFileSync(new URL(`../../fixtures/cboe/${file}`, import.meta.url), 'utf8'),
    );
    const input = cboeChainInput(parsed, { expiries: 'all' });
    const { regime } = computeGex(input);
    const s = new Decimal(parsed.spotPrice);
    const asOfMs = Date.parse(input.asOf);
    // Σ over the file's rows still alive at the as-of time: gamma × volume × 100 × spot, puts negative.
    let call = ZERO;
    let put = ZERO;
    for (const row of input.contracts) {
      if (row.settlesAt !== undefined && Date.parse(row.settlesAt) < asOfMs) continue;
      const term = new Decimal(String(row.gamma)).times(String(row.volume)).times(100).times(s);
      if (row.side === 'call') call = call.plus(term);
      else put = put.minus(term);
    }
    expect(regime.total_call_gex_vol).toBe(toMoneyString(call));
    expect(regime.total_put_gex_vol).toBe(toMoneyString(put));
    expect(regime.net_gex_vol).toBe(new Decimal(toMoneyString(call)).plus(toMoneyString(put)).toFixed(2));
    expect(call.gt(0)).toBe(true);
  });
});
