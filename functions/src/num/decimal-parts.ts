import type { Decimal } from './decimal';

/**
 * A Decimal's value as an integer mantissa and a decimal scale, read from its documented
 * read-only `d` (base-1e7 digit words) and `e` (decimal exponent) without going through a string.
 */

/** Digits of a Decimal as an integer (number when safe, else bigint), sign ignored. */
export function mantissaOf(value: Decimal): number | bigint {
  const words = value.d;
  if (words.length === 1) return words[0] as number;
  if (words.length === 2) return (words[0] as number) * 1e7 + (words[1] as number);
  let text = String(words[0]);
  for (let i = 1; i < words.length; i++) text += String(words[i]).padStart(7, '0');
  return BigInt(text);
}

/** `k` such that |value| = {@link mantissaOf} × 10^−k. */
export function scaleOf(value: Decimal): number {
  const words = value.d;
  const digits = digitCount(words[0] as number) + 7 * (words.length - 1);
  return digits - 1 - value.e;
}

/** Decimal digits of a base-1e7 word (1 to 7). */
function digitCount(word: number): number {
  let digits = 1;
  for (let limit = 10; word >= limit && digits < 7; limit *= 10) digits++;
  return digits;
}

/** A Decimal as a float64; integers below 2^53 (open interest, counts) skip decimal.js's string round trip. */
export function decimalToNumber(value: Decimal): number {
  const mantissa = mantissaOf(value);
  const scale = scaleOf(value);
  if (typeof mantissa === 'number' && scale <= 0 && scale > -16) {
    const n = mantissa * 10 ** -scale;
    if (n <= Number.MAX_SAFE_INTEGER) return value.s < 0 ? -n : n;
  }
  return value.toNumber();
}
