import DecimalJs from 'decimal.js';

/**
 * The strategies library's own configured Decimal (it imports nothing of `functions/`). Money,
 * shares and thresholds go through it; nothing calls the global `Decimal.set`.
 * 40 significant digits; ties round half to even (banker's rounding), so a book's net delta of
 * exactly ±x.5 shares rounds to the even whole share.
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -30,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

/** Zero in the library's Decimal. */
export const ZERO = new Decimal(0);

/** Anything a caller may hand where a Decimal is expected (a finite number or a decimal string). */
export type DecimalInput = string | number | Decimal;

/**
 * Converts to the library's Decimal.
 * @throws RangeError when the value is not a finite number.
 */
export function toDecimal(value: DecimalInput, what = 'value'): Decimal {
  let parsed: Decimal;
  try {
    parsed = new Decimal(value);
  } catch {
    throw new RangeError(`${what} is not a number: ${String(value)}`);
  }
  if (!parsed.isFinite()) throw new RangeError(`${what} is not finite: ${String(value)}`);
  return parsed;
}

/** A Decimal as a fixed-point string with `places` decimals, never "-0.00". */
export function toFixedString(value: Decimal, places = 2): string {
  const fixed = value.toFixed(places);
  return /^-0\.?0*$/.test(fixed) ? fixed.slice(1) : fixed;
}
