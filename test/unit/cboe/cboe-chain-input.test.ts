import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cboeChainInput, withSettlement } from '../../../offline/cboe/cboe-chain-input';
import { type CboeChain, parseCboeCsv } from '../../../offline/cboe/parse-cboe';

/** A small chain listing the Wednesday before Thanksgiving 2024, the early-close Friday and the next Monday. */
const CHAIN: CboeChain = {
  underlying: 'SPY',
  spotPrice: '598.00',
  stampedAt: '2024-11-27T16:00:00.000Z', // Wednesday 11:00 EST
  contracts: ['2024-11-27', '2024-11-29', '2024-12-02'].flatMap((expiry) =>
    (['call', 'put'] as const).map((side) => ({
      symbol: `SPY${expiry}${side}`,
      side,
      strike: '598',
      expiry,
      openInterest: '10',
      gamma: '0.05',
    })),
  ),
};

describe('cboeChainInput', () => {
  it('defaults to the stamp, picks 0DTE/1DTE over the Thanksgiving holiday, keeps only those', () => {
    const input = cboeChainInput(CHAIN, { expiries: { zeroDte: true, oneDte: true } });
    expect(input.asOf).toBe('2024-11-27T16:00:00.000Z');
    expect(input.buckets).toEqual({
      zeroDte: { session: '2024-11-27', expiry: '2024-11-27' },
      oneDte: { session: '2024-11-29', expiry: '2024-11-29' },
    });
    expect(new Set(input.contracts.map((c) => c.expiry))).toEqual(new Set(['2024-11-27', '2024-11-29']));
  });

  it('records the 13:00 early close of a listed expiry', () => {
    const input = cboeChainInput(CHAIN, { expiries: 'all' });
    expect(input.expiryCloses).toEqual({ '2024-11-29': '2024-11-29T18:00:00.000Z' });
  });

  it('`all` drops expiries that closed before --as-of; a single bucket keeps just that one', () => {
    const friday = cboeChainInput(CHAIN, { asOf: '2024-11-29T18:30:00Z', expiries: 'all' });
    expect(new Set(friday.contracts.map((c) => c.expiry))).toEqual(new Set(['2024-12-02']));
    expect(friday.buckets.zeroDte.session).toBe('2024-12-02');
    const oneOnly = cboeChainInput(CHAIN, { expiries: { zeroDte: false, oneDte: true } });
    expect(new Set(oneOnly.contracts.map((c) => c.expiry))).toEqual(new Set(['2024-11-29']));
  });

  it('rejects an as-of that is not an instant', () => {
    expect(() => cboeChainInput(CHAIN, { asOf: 'later', expiries: 'all' })).toThrow(RangeError);
  });

  it('settles exactly the AM-settled contracts of a real file, as withSettlement does contract by contract', () => {
    const file = join(
      import.meta.dirname,
      '..',
      '..',
      'fixtures',
      'cboe',
      'spx_quotedata_2023-09-14_1631ET.csv',
    );
    const chain = parseCboeCsv(readFileSync(file, 'utf8'));
    const input = cboeChainInput(chain, { expiries: 'all' });
    const kept = new Set(input.contracts.map((c) => c.expiry));
    const cache = new Map<string, string>();
    const reference = chain.contracts.filter((c) => kept.has(c.expiry)).map((c) => withSettlement(c, cache));
    expect(input.contracts).toEqual(reference);
    const settled = input.contracts.filter((c) => c.settlesAt !== undefined);
    expect(settled.length).toBeGreaterThan(1000);
    expect(settled.every((c) => /^SPX\d/.test(c.symbol))).toBe(true);
    expect(input.contracts.filter((c) => /^SPX\d/.test(c.symbol))).toHaveLength(settled.length);
  });
});
