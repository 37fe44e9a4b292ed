import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, toMoneyString } from '../../functions/src/num/decimal';
import { scaleOf } from '../../functions/src/num/decimal-parts';
import { ExactSum } from '../../functions/src/num/exact-sum';

/** Decimals of ample precision: the sums a reference needs exactly. */
const Wide = Decimal.clone({ precision: 500 });
import {
  decimalOfScaled,
  type Scaled,
  scaledMoneyString,
  scaledNegated,
  scaledOfDecimal,
  scaledOfNumber,
  scaledPlus,
  scaledTimes,
} from '../../functions/src/num/scaled-decimal';

/**
 * Scaled arithmetic must give decimal.js's own results: the same value (compared as exact text)
 * for every product and sum, rounding at 40 significant digits included, and the same money text.
 */

/** Decimals of 1 to 60 digits over a wide range of exponents: products and sums often pass 40 digits. */
const decimal = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 60n }), fc.integer({ min: -80, max: 40 }))
  .map(([negative, digits, exponent]) => new Decimal(`${negative ? '-' : ''}${digits}e${exponent}`));

/** Doubles of every size and sign, and the integers, halves and tiny values money sums meet. */
const double = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1e12, max: 1e12, noNaN: true }),
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 2),
  fc.constantFrom(0, -0, 1e-300, -5e-324, 2 ** 53, 2 ** 53 + 2, 1e21, 123456789.123),
);

function same(scaled: Scaled, reference: Decimal): void {
  expect(decimalOfScaled(scaled).toFixed()).toBe(reference.toFixed());
}

describe('Scaled values give decimal.js’s results', () => {
  it('reads a Decimal and a float64 as Decimal does, and back', () => {
    fc.assert(
      fc.property(decimal, double, (d, x) => {
        same(scaledOfDecimal(d), d);
        same(scaledOfNumber(x), new Decimal(x));
      }),
      { numRuns: 3000 },
    );
  });

  it('multiplies as Decimal.times does, rounding at 40 digits half away from zero', () => {
    fc.assert(
      fc.property(
        decimal,
        fc.oneof(
          decimal,
          double.map((x) => new Decimal(x)),
        ),
        (a, b) => {
          same(scaledTimes(scaledOfDecimal(a), scaledOfDecimal(b)), a.times(b));
          same(scaledNegated(scaledTimes(scaledOfDecimal(a), scaledOfDecimal(b))), a.times(b).negated());
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('adds as Decimal.plus does, across any gap of exponents and with cancellation', () => {
    const pair = fc.oneof(
      fc.tuple(decimal, decimal),
      decimal.map((d) => [d, d.negated()] as const),
      fc.tuple(decimal, decimal).map(([a, b]) => [a, a.negated().plus(b.times('1e-30'))] as const),
    );
    fc.assert(
      fc.property(pair, ([a, b]) => {
        same(scaledPlus(scaledOfDecimal(a), scaledOfDecimal(b)), a.plus(b));
      }),
      { numRuns: 3000 },
    );
  });

  it('adds a run of figures as a Decimal reduce from zero does', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            decimal,
            double.map((x) => new Decimal(x)),
          ),
          { maxLength: 60 },
        ),
        (list) => {
          const scaled = list.reduce(
            (sum, d) => scaledPlus(sum, scaledOfDecimal(d)),
            scaledOfDecimal(new Decimal(0)),
          );
          same(
            scaled,
            list.reduce((sum, d) => sum.plus(d), new Decimal(0)),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('writes money as toMoneyString does (half away from zero, never -0.00)', () => {
    const nearCents = fc
      .tuple(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.constantFrom('5', '49999', '50001', '0', '4'),
      )
      .map(([cents, tail]) => new Decimal(`${cents}.${tail}e-2`));
    fc.assert(
      fc.property(
        fc.oneof(
          decimal,
          nearCents,
          double.map((x) => new Decimal(x)),
        ),
        (d) => {
          expect(scaledMoneyString(scaledOfDecimal(d))).toBe(toMoneyString(d));
        },
      ),
      { numRuns: 5000 },
    );
    expect(scaledMoneyString(scaledOfDecimal(new Decimal('-0.004')))).toBe('0.00');
    expect(scaledMoneyString(scaledOfDecimal(new Decimal('-0.005')))).toBe('-0.01');
  });

  it('ExactSum gives each scale’s exact sum added in turn by Decimal.plus, with sums beyond 40 digits', () => {
    const factor = fc.oneof(
      fc.double({ min: 1e-9, max: 1e9, noNaN: true }).map((x) => new Decimal(x)),
      fc
        .bigInt({ min: 0n, max: 10n ** 30n })
        .chain((n) => fc.integer({ min: 0, max: 40 }).map((scale) => new Decimal(`${n}e-${scale}`))),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(factor, factor), { maxLength: 40 }), (pairs) => {
        const sum = new ExactSum();
        for (const [a, b] of pairs) sum.addProduct(a, b);
        // The reference: the products' exact sums per scale (first seen first), by a Decimal of
        // ample precision, then added in turn at the configured precision, as a sum of them is.
        const byScale = new Map<number, InstanceType<typeof Wide>>();
        for (const [a, b] of pairs) {
          const scale = scaleOf(a) + scaleOf(b);
          const product = new Wide(a.toFixed()).times(new Wide(b.toFixed()));
          byScale.set(scale, (byScale.get(scale) ?? new Wide(0)).plus(product));
        }
        let reference = new Decimal(0);
        let first = true;
        for (const exact of byScale.values()) {
          if (exact.isZero()) continue;
          const term = new Decimal(exact.toFixed());
          reference = first && exact.precision() <= Decimal.precision ? term : reference.plus(term);
          first = false;
        }
        same(sum.toScaled(), reference);
        expect(sum.toDecimal().toFixed()).toBe(reference.toFixed());
      }),
      { numRuns: 1000 },
    );
  });
});
