import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimalToNumber } from '../../functions/src/num/decimal-parts';
import {
  addMoneyStrings,
  Decimal,
  exceeds,
  fixedString,
  parseDecimal,
  toMoneyString,
  toPriceString,
} from '../../functions/src/num/decimal';

describe('parseDecimal', () => {
  it('accepts plain and quoted numbers with thousands separators', () => {
    expect(parseDecimal('1,234.50')?.toString()).toBe('1234.5');
    expect(parseDecimal(' 450.25 ')?.toString()).toBe('450.25');
    expect(parseDecimal(0.05)?.toString()).toBe('0.05');
    expect(parseDecimal('1e-79')?.isZero()).toBe(false);
  });

  it('reads a plain integer (up to 15 digits, leading zeros too) as the same Decimal as from its text', () => {
    const digits = fc
      .array(fc.constantFrom(...'0123456789'), { minLength: 1, maxLength: 20 })
      .map((d) => d.join(''));
    fc.assert(
      fc.property(digits, (text) => {
        const parsed = parseDecimal(text);
        const reference = new Decimal(text);
        // The same value and the same internal form (sign, exponent, base-1e7 words).
        expect(parsed?.toString()).toBe(reference.toString());
        expect([parsed?.s, parsed?.e, parsed?.d]).toEqual([reference.s, reference.e, reference.d]);
      }),
      { numRuns: 2000 },
    );
    expect(parseDecimal('000')?.toString()).toBe('0');
    expect(parseDecimal('999999999999999')?.toString()).toBe('999999999999999');
    expect(parseDecimal('12345678901234567890')?.toString()).toBe('12345678901234567890');
  });

  it('rejects what is not a finite number', () => {
    for (const bad of ['', 'abc', 'NaN', 'Infinity', '1.2.3', null, undefined, Number.NaN, Infinity, {}]) {
      expect(parseDecimal(bad)).toBeNull();
    }
  });
});

describe('exceeds', () => {
  it('is value > limit for a positive limit, whatever the exponents', () => {
    const values = fc
      .tuple(
        fc.constantFrom('', '-'),
        fc.stringMatching(/^[1-9]\d{0,20}$/),
        fc.integer({ min: -12, max: 12 }),
      )
      .map(([sign, digits, exponent]) => new Decimal(`${sign}${digits}e${exponent}`));
    const limits = fc.oneof(
      fc.constantFrom(new Decimal(1e9), new Decimal('0.5'), new Decimal(1)),
      values.map((v) => v.abs()),
    );
    fc.assert(
      fc.property(fc.oneof(values, fc.constant(new Decimal(0))), limits, (value, limit) => {
        expect(exceeds(value, limit)).toBe(value.gt(limit));
      }),
      { numRuns: 5000 },
    );
    expect(exceeds(new Decimal(1e9), new Decimal(1e9))).toBe(false);
    expect(exceeds(new Decimal(1e9 + 1), new Decimal(1e9))).toBe(true);
  });
});

describe('fixedString', () => {
  /** Decimals of every size and sign, with many digits, and ones that sit on a rounding boundary. */
  const decimals = fc.oneof(
    fc
      .tuple(
        fc.constantFrom('', '-'),
        fc.array(fc.constantFrom(...'0123456789'), { minLength: 1, maxLength: 45 }),
        fc.integer({ min: -40, max: 40 }),
      )
      .map(([sign, digits, exponent]) => new Decimal(`${sign}${digits.join('')}e${exponent}`)),
    fc
      .tuple(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.constantFrom('5', '49', '50', '51', '4999999', '5000001', '0', ''),
      )
      .map(
        ([whole, tail]) => new Decimal(`${whole}.${String(Math.abs(whole) % 100).padStart(2, '0')}${tail}`),
      ),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => new Decimal(x)),
    fc.constantFrom(
      new Decimal(0),
      new Decimal('-0'),
      new Decimal('0.005'),
      new Decimal('-0.005'),
      new Decimal('0.0049999'),
    ),
  );

  it('gives the text of toFixed, for any value and any number of places', () => {
    fc.assert(
      fc.property(decimals, fc.integer({ min: 0, max: 8 }), (value, places) => {
        expect(fixedString(value, places)).toBe(value.toFixed(places));
      }),
      { numRuns: 20_000 },
    );
  });

  it('rounds half away from zero, keeps the sign of a negative that rounds to zero, not of -0', () => {
    expect(fixedString(new Decimal('2.345'), 2)).toBe('2.35');
    expect(fixedString(new Decimal('-2.345'), 2)).toBe('-2.35');
    expect(fixedString(new Decimal('9.995'), 2)).toBe('10.00');
    expect(fixedString(new Decimal('0.006'), 2)).toBe('0.01');
    expect(fixedString(new Decimal('-0.001'), 2)).toBe('-0.00');
    expect(fixedString(new Decimal('-0'), 2)).toBe('0.00');
    expect(fixedString(new Decimal('123.4'), 0)).toBe('123');
    expect(fixedString(new Decimal(Number.NaN), 2)).toBe('NaN');
  });
});

describe('string forms', () => {
  it('fixes money to two places and never prints negative zero', () => {
    expect(toMoneyString(new Decimal('7650000'))).toBe('7650000.00');
    expect(toMoneyString(new Decimal('-0.001'))).toBe('0.00');
    expect(toMoneyString(new Decimal('0.005'))).toBe('0.01');
    expect(toPriceString(new Decimal('-0.0001'), 3)).toBe('0.000');
  });
});

describe('decimalToNumber', () => {
  it('equals toNumber for integers (open interest) and for any other value', () => {
    const arb = fc.oneof(
      fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }).map((n) => new Decimal(n)),
      fc.bigInt({ min: 0n, max: 10n ** 22n }).map((n) => new Decimal(n.toString())),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => new Decimal(x)),
    );
    fc.assert(
      fc.property(arb, (value) => void expect(decimalToNumber(value)).toBe(value.toNumber())),
      {
        numRuns: 1000,
      },
    );
  });
});

describe('addMoneyStrings', () => {
  /** Money strings as toMoneyString writes them, from cents to 45 digits (past Decimal's 40). */
  const money = fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 45n }), fc.constantFrom(1n, 10n ** 10n, 10n ** 30n))
    .map(([negative, units, scale]) =>
      toMoneyString(new Decimal(`${negative ? '-' : ''}${units / scale}e-2`)),
    );

  it('gives the text toMoneyString gives for the Decimal sum', () => {
    fc.assert(
      fc.property(money, money, (a, b) => {
        expect(addMoneyStrings(a, b)).toBe(toMoneyString(new Decimal(a).plus(b)));
      }),
      { numRuns: 5_000 },
    );
  });

  it('keeps the sign, the zero and the leading zero of cents', () => {
    expect(addMoneyStrings('0.05', '-0.10')).toBe('-0.05');
    expect(addMoneyStrings('12.34', '-12.34')).toBe('0.00');
    expect(addMoneyStrings('-1.00', '-0.01')).toBe('-1.01');
  });
});
