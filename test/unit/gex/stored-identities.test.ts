import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ExpiryTotals, GexResult } from '../../../functions/src/contract/regime';
import { computeGex } from '../../../functions/src/gex/compute-gex';
import type { ContractInput } from '../../../functions/src/gex/types';
import { Decimal } from '../../../functions/src/num/decimal';
import { chain, TODAY, TOMORROW } from './chain-builders';

/**
 * Issue 7, "cents that do not add up": every stored identity holds exactly on the stored strings,
 * whatever the chain. Gammas with many decimals and a spot with cents make each exact side carry
 * sub-cent digits, so rounding net separately from the sides would break `net = call + put` often.
 */
const arbContract = (index: number) =>
  fc
    .record({
      side: fc.constantFrom<'call' | 'put'>('call', 'put'),
      strike: fc.integer({ min: 4000, max: 5000 }).map((n) => (n / 10).toString()),
      expiry: fc.constantFrom(TODAY, TOMORROW, '2025-06-20'),
      openInterest: fc.integer({ min: 1, max: 200_000 }).map(String),
      gamma: fc.integer({ min: 0, max: 99_999_999 }).map((n) => (n / 1e9).toFixed(9)),
    })
    .map((c): ContractInput => ({ ...c, symbol: `Q${index}` }));

const arbChain = fc
  .integer({ min: 1, max: 30 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbContract(i))));
const arbSpot = fc.integer({ min: 40_000, max: 50_000 }).map((n) => (n / 100).toFixed(2));

const d = (text: string) => new Decimal(text);

function expectBucketAddsUp(bucket: ExpiryTotals): void {
  expect(d(bucket.net_gex).eq(d(bucket.total_call_gex).plus(d(bucket.total_put_gex)))).toBe(true);
}

function expectAddsUp({ regime, profile }: GexResult): void {
  const [call, put] = [d(regime.total_call_gex), d(regime.total_put_gex)];
  expect(d(regime.net_gex).toFixed(2)).toBe(call.plus(put).toFixed(2));
  expect(d(regime.total_gex_dollar).toFixed(2)).toBe(call.minus(put).toFixed(2));
  const [callPct, putPct] = [d(regime.total_call_gex_per_pct), d(regime.total_put_gex_per_pct)];
  expect(d(regime.net_gex_per_pct).toFixed(2)).toBe(callPct.plus(putPct).toFixed(2));
  expectBucketAddsUp(regime.by_expiry.zero_dte);
  expectBucketAddsUp(regime.by_expiry.one_dte);
  if (regime.by_expiry.other) expectBucketAddsUp(regime.by_expiry.other);
  for (const row of profile) expect(d(row.net_gex).eq(d(row.call_gex).plus(d(row.put_gex)))).toBe(true);
}

describe('stored money adds up to the cent (fast-check)', () => {
  it('net = call + put, gross = call − put, per 1% and per bucket and strike, on random chains', () => {
    fc.assert(
      fc.property(arbChain, arbSpot, (contracts, spotPrice) => {
        expectAddsUp(computeGex(chain(contracts, { spotPrice })));
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('rounds the sides, then adds them: call .406 and put −.954 store net −0.54', () => {
    // call 0.00406 × 1 × 100 × $1 = 0.406 → "0.41"; put −0.954 → "-0.95"; net "-0.54" = 0.41 − 0.95.
    // Rounding the exact net (−0.548) on its own would store "-0.55", a cent off the sides' sum.
    const result = computeGex(
      chain(
        [
          { symbol: 'C1', side: 'call', strike: '450', expiry: TODAY, openInterest: '1', gamma: '0.00406' },
          { symbol: 'P1', side: 'put', strike: '450', expiry: TODAY, openInterest: '1', gamma: '0.00954' },
        ],
        { spotPrice: '1' },
      ),
    );
    expect(result.regime).toMatchObject({ total_call_gex: '0.41', total_put_gex: '-0.95', net_gex: '-0.54' });
    expect(result.regime.total_gex_dollar).toBe('1.36');
  });
});
