import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregateGex, type GexAggregate } from '../../../functions/src/gex/aggregate-gex';
import { CONTRACT_MULTIPLIER } from '../../../functions/src/gex/contract-gex';
import {
  type ExpiryBucketName,
  type NormalizedContract,
  normalizeContracts,
} from '../../../functions/src/gex/normalize-contracts';
import type { ContractInput } from '../../../functions/src/gex/types';
import { Decimal, toMoneyString, ZERO } from '../../../functions/src/num/decimal';
import { ExactSum } from '../../../functions/src/num/exact-sum';
import { AS_OF, chain, TODAY, TOMORROW } from './chain-builders';

/** The straightforward Decimal aggregation the scaled-integer one must match to the last digit. */
function referenceAggregate(contracts: readonly NormalizedContract[], spot: Decimal): GexAggregate {
  const factor = CONTRACT_MULTIPLIER.times(spot);
  const term = (c: NormalizedContract) => c.gamma.times(c.openInterest).times(factor);
  const sides = (list: NormalizedContract[]) => ({
    call: list.filter((c) => c.side === 'call').reduce((s, c) => s.plus(term(c)), ZERO),
    put: list.filter((c) => c.side === 'put').reduce((s, c) => s.minus(term(c)), ZERO),
    count: list.length,
  });
  const strikes = [...new Set(contracts.map((c) => c.strikeKey))]
    .map((key) => contracts.filter((c) => c.strikeKey === key))
    .map((list) => ({ strike: (list[0] as NormalizedContract).strike, ...sides(list) }))
    .sort((a, b) => a.strike.comparedTo(b.strike));
  const bucket = (name: ExpiryBucketName) => sides(contracts.filter((c) => c.bucket === name));
  return {
    total: sides([...contracts]),
    byStrike: strikes,
    byBucket: { zero_dte: bucket('zero_dte'), one_dte: bucket('one_dte'), other: bucket('other') },
  };
}

/** Every Decimal of an aggregate, in a fixed order, with what it is. */
function values(a: GexAggregate): [string, Decimal][] {
  const sides = (name: string, s: { call: Decimal; put: Decimal }): [string, Decimal][] => [
    [`${name}.call`, s.call],
    [`${name}.put`, s.put],
  ];
  return [
    ...sides('total', a.total),
    ...Object.entries(a.byBucket).flatMap(([name, s]) => sides(name, s)),
    ...a.byStrike.flatMap((row) => [...sides(`strike ${row.strike.toString()}`, row)]),
  ];
}

/**
 * The scaled-integer sums are exact; the Decimal reference is exact too unless a sum needs more
 * than 40 digits (a 1e-40 Black-Scholes gamma beside a 1e-3 one), where it rounds in the 40th.
 * So: the same stored strings always, and the same value to 38 significant digits.
 */
function expectSameSums(actual: GexAggregate, reference: GexAggregate): void {
  expect(actual.byStrike.map((r) => r.strike.toString())).toEqual(
    reference.byStrike.map((r) => r.strike.toString()),
  );
  expect(actual.total.count).toBe(reference.total.count);
  for (const name of ['zero_dte', 'one_dte', 'other'] as const)
    expect(actual.byBucket[name].count).toBe(reference.byBucket[name].count);
  const ref = new Map(values(reference));
  for (const [name, value] of values(actual)) {
    const expected = ref.get(name) as Decimal;
    expect([name, toMoneyString(value)]).toEqual([name, toMoneyString(expected)]);
    expect(value.minus(expected).abs().lte(expected.abs().times('1e-38'))).toBe(true);
  }
}

/** Provider gammas as printed (few decimals) or none, so Black-Scholes gives 17-digit ones. */
const arbContract = (index: number) =>
  fc
    .record({
      side: fc.constantFrom<'call' | 'put'>('call', 'put'),
      strike: fc.integer({ min: 3500, max: 5500 }).map((n) => (n / 10).toString()),
      expiry: fc.constantFrom(TODAY, TOMORROW, '2025-06-20'),
      openInterest: fc.oneof(fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 1, max: 5000 })),
      gamma: fc.oneof(
        fc.integer({ min: 0, max: 99_999 }).map((n) => (n / 1e6).toString()),
        fc.double({ min: 1e-9, max: 1, noNaN: true }).map(String),
        fc.constant(undefined),
      ),
      impliedVolatility: fc.double({ min: 0.05, max: 3, noNaN: true }).map(String),
    })
    .map((c): ContractInput => ({ ...c, openInterest: String(c.openInterest), symbol: `E${index}` }));

const arbChain = fc
  .integer({ min: 1, max: 60 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbContract(i))));

describe('exact aggregation in scaled integers', () => {
  it('ExactSum equals the Decimal sum of the products, digit for digit', () => {
    // gamma × open interest as the engine sums it, where the Decimal sum is exact at 40 digits:
    // gammas as printed or as 17-digit floats (Black-Scholes), open interest up to 1e9.
    const gamma = fc.oneof(
      fc.double({ min: 1e-6, max: 1, noNaN: true }).map((x) => new Decimal(x)),
      fc.bigInt({ min: 0n, max: 10n ** 12n }).map((n) => new Decimal(`${n}e-12`)),
    );
    const openInterest = fc.integer({ min: 0, max: 1_000_000_000 }).map((n) => new Decimal(n));
    fc.assert(
      fc.property(fc.array(fc.tuple(gamma, openInterest), { maxLength: 200 }), (pairs) => {
        const sum = new ExactSum();
        for (const [a, b] of pairs) sum.addProduct(a, b);
        const reference = pairs.reduce((s, [a, b]) => s.plus(a.times(b)), ZERO);
        expect(sum.toDecimal().toFixed()).toBe(reference.toFixed());
      }),
      { numRuns: 500 },
    );
  });

  it('aggregateGex equals the straightforward Decimal aggregation on random chains', () => {
    fc.assert(
      fc.property(arbChain, fc.integer({ min: 1, max: 600_000 }), (contracts, cents) => {
        const spot = new Decimal(cents).dividedBy(100);
        const input = chain(contracts, { spotPrice: spot.toString() });
        const normalized = normalizeContracts(input, spot, Date.parse(AS_OF)).contracts;
        expectSameSums(aggregateGex(normalized, spot), referenceAggregate(normalized, spot));
      }),
      { numRuns: 100 },
    );
  }, 30_000);
});
