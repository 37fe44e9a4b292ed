import { Decimal } from './decimal';
import { mantissaOf, scaleOf } from './decimal-parts';

/**
 * Exact decimals as a signed BigInt mantissa and a power of ten, with the project Decimal's
 * arithmetic: {@link scaledTimes} and {@link scaledPlus} give the values decimal.js's `times` and
 * `plus` give (the exact result rounded to {@link Decimal.precision} significant digits, half away
 * from zero), and {@link scaledMoneyString} the text `toMoneyString` gives. For figures made by the
 * thousand (a chain's per-strike exposures), where decimal.js's objects cost several times more.
 */

/** The value `m × 10^e`; zero is `m = 0n` (no negative zero: money strings never show one). */
export interface Scaled {
  readonly m: bigint;
  readonly e: number;
}

export const SCALED_ZERO: Scaled = { m: 0n, e: 0 };

const PRECISION = Decimal.precision;
const POWERS: bigint[] = [1n];

/** 10^k as a BigInt (k ≥ 0), cached. */
function pow10(k: number): bigint {
  while (POWERS.length <= k) POWERS.push((POWERS[POWERS.length - 1] as bigint) * 10n);
  return POWERS[k] as bigint;
}

/** `m × 10^e` rounded to the Decimal precision (significant digits), half away from zero. */
function rounded(m: bigint, e: number): Scaled {
  const magnitude = m < 0n ? -m : m;
  const drop = magnitude.toString().length - PRECISION;
  if (drop <= 0) return { m, e };
  const unit = pow10(drop);
  let kept = magnitude / unit;
  if (2n * (magnitude - kept * unit) >= unit) kept += 1n;
  return { m: m < 0n ? -kept : kept, e: e + drop };
}

/** A Decimal's value (finite). */
export function scaledOfDecimal(value: Decimal): Scaled {
  const mantissa = BigInt(mantissaOf(value));
  return { m: value.s < 0 ? -mantissa : mantissa, e: -scaleOf(value) };
}

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * A finite float64's value as `new Decimal(x)` reads it: the shortest decimal text that rounds to
 * it (`String(x)`), exactly.
 */
export function scaledOfNumber(x: number): Scaled {
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return { m: BigInt(x), e: 0 };
  const match = NUMBER_TEXT.exec(String(x));
  if (!match) throw new RangeError(`not a finite number: ${x}`);
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  const m = BigInt(whole + fraction);
  return { m: sign ? -m : m, e: Number(exponent) - fraction.length };
}

/** `a × b` as `Decimal.times` computes it. */
export function scaledTimes(a: Scaled, b: Scaled): Scaled {
  return rounded(a.m * b.m, a.e + b.e);
}

/** `a + b` as `Decimal.plus` computes it. */
export function scaledPlus(a: Scaled, b: Scaled): Scaled {
  if (a.m === 0n) return rounded(b.m, b.e);
  if (b.m === 0n) return rounded(a.m, a.e);
  const e = Math.min(a.e, b.e);
  return rounded(a.m * pow10(a.e - e) + b.m * pow10(b.e - e), e);
}

/** `−a`. */
export function scaledNegated(a: Scaled): Scaled {
  return { m: -a.m, e: a.e };
}

/** The value as a Decimal (exact: a Decimal built from text keeps every digit). */
export function decimalOfScaled(a: Scaled): Decimal {
  return new Decimal(`${a.m}e${a.e}`);
}

/** `toMoneyString(decimalOfScaled(a))`: two places, half away from zero, never `-0.00`. */
export function scaledMoneyString(a: Scaled): string {
  const negative = a.m < 0n;
  const magnitude = negative ? -a.m : a.m;
  let cents: bigint;
  if (a.e >= -2) cents = magnitude * pow10(a.e + 2);
  else {
    const unit = pow10(-2 - a.e);
    cents = magnitude / unit;
    if (2n * (magnitude - cents * unit) >= unit) cents += 1n;
  }
  const digits = cents.toString().padStart(3, '0');
  const text = `${digits.slice(0, -2)}.${digits.slice(-2)}`;
  return negative && cents !== 0n ? `-${text}` : text;
}
