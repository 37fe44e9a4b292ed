import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMajors } from '../../../functions/src/gex/majors';
import { Decimal } from '../../../functions/src/num/decimal';

/** findMajors by Decimal comparisons alone: the reference for its float64 fast path. */
function reference(rows: { strike: string; net: string }[]) {
  let positive: { strike: string; net: string } | null = null;
  let negative: { strike: string; net: string } | null = null;
  for (const row of rows) {
    const value = new Decimal(row.net);
    if (value.gt(0) && (positive === null || value.gt(positive.net))) positive = row;
    if (value.lt(0) && (negative === null || value.lt(negative.net))) negative = row;
  }
  const major = (row: { strike: string; net: string } | null) =>
    row === null ? null : { strike: row.strike, net_gex: row.net };
  return { positive: major(positive), negative: major(negative) };
}

/** Money strings as the engine stores them, from cents to 20 digits (beyond float64's exact range). */
const money = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.constantFrom(1n, 10n ** 12n, 10n ** 17n))
  .map(([negative, units, scale]) => {
    const cents = units / scale;
    const text = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
    return negative && cents !== 0n ? `-${text}` : text;
  });

describe('findMajors', () => {
  it('picks what exact Decimal comparisons pick, ties to the lower strike', () => {
    fc.assert(
      fc.property(fc.array(money, { maxLength: 30 }), (nets) => {
        const rows = nets.map((net, i) => ({ strike: `${100 + i}.00`, net }));
        expect(findMajors(rows, (row) => row.net)).toEqual(reference(rows));
      }),
      { numRuns: 1_000 },
    );
  });

  it('tells apart values float64 cannot (19 significant digits)', () => {
    const rows = [
      { strike: '1.00', net: '12345678901234567.01' },
      { strike: '2.00', net: '12345678901234567.02' },
      { strike: '3.00', net: '-12345678901234567.02' },
      { strike: '4.00', net: '-12345678901234567.01' },
    ];
    expect(Number(rows[0]?.net)).toBe(Number(rows[1]?.net));
    expect(findMajors(rows, (row) => row.net)).toEqual({
      positive: { strike: '2.00', net_gex: '12345678901234567.02' },
      negative: { strike: '3.00', net_gex: '-12345678901234567.02' },
    });
  });
});
