import DecimalJs from 'decimal.js';

/**
 * The project's one configured Decimal. Every money value and every stored sum goes through it;
 * nothing calls the global `Decimal.set`.
 *
 * 40 significant digits hold a full SPX chain's sum of `gamma × OI × 100 × spot²` with no rounding
 * before the final `toFixed`, which rounds half away from zero (ROUND_HALF_UP on magnitude).
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

/** What a numeric field from the outside world may look like before it is validated. */
export type DecimalLike = string | number | Decimal;

export const ZERO = new Decimal(0);

// decimal.js arithmetic reassigns the fields of a Decimal it has just built. V8 first assumes
// fields that were never reassigned stay constant and optimizes on that; the first reassignment
// then throws away every optimized function that reads a Decimal (in the engine, the whole
// contract-normalizing path, mid-run). One product at load makes the fields mutable up front.
new Decimal(2).times(3);

const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a finite decimal from a string or number; returns null for anything else
 * (NaN, ±Infinity, empty, non-numeric, thousands separators are stripped first).
 */
export function parseDecimal(value: unknown): Decimal | null {
  // Counts (open interest, volume, most strikes) skip decimal.js's text parser, the slow part.
  if (typeof value === 'string' && isPlainInteger(value)) return new Decimal(Number(value));
  if (value instanceof Decimal) return value.isFinite() ? value : null;
  if (typeof value === 'number') return Number.isFinite(value) ? new Decimal(value) : null;
  if (typeof value !== 'string') return null;
  const text = value.includes(',') ? value.trim().replace(/,/g, '') : value.trim();
  if (text === '' || !NUMBER_RE.test(text)) return null;
  const parsed = new Decimal(text);
  return parsed.isFinite() ? parsed : null;
}

/**
 * `value > limit` for a positive `limit`, skipping decimal.js's comparison (which copies its
 * argument) when the exponents alone decide it: a value with a smaller exponent is smaller.
 */
export function exceeds(value: Decimal, limit: Decimal): boolean {
  return value.e >= limit.e && value.gt(limit);
}

/** 1 to 15 ASCII digits: an integer a float64 holds exactly, so `Number` reads it without loss. */
function isPlainInteger(text: string): boolean {
  const length = text.length;
  if (length === 0 || length > 15) return false;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/**
 * `value.toFixed(places)` (rounding half away from zero, the configured mode; `-` on a negative
 * value even when it rounds to zero) read straight off the Decimal's digits: the same text without
 * decimal.js's copy, rounding pass and string building, which cost ~2.5 µs a call and a chain
 * formats thousands of figures.
 */
export function fixedString(value: Decimal, places: number): string {
  const words = value.d; // base-10^7 words, most significant first; null for NaN and ±Infinity
  if (!words || !Number.isInteger(places) || places < 0) return value.toFixed(places);
  let digits = String(words[0]);
  for (let i = 1; i < words.length; i++) digits += String(words[i]).padStart(7, '0');
  // value = ±0.<digits> × 10^(e + 1): the digits kept are those down to the last place.
  const keep = value.e + 1 + places;
  let units = '';
  if (keep >= 0) {
    units = digits.length >= keep ? digits.slice(0, keep) : digits.padEnd(keep, '0');
    if (digits.length > keep && digits.charCodeAt(keep) >= 53) units = incrementDigits(units); // ≥ '5'
  }
  units = units.padStart(places + 1, '0');
  const text = places === 0 ? units : `${units.slice(0, -places)}.${units.slice(-places)}`;
  return value.s < 0 && !(words.length === 1 && words[0] === 0) ? `-${text}` : text;
}

/** A string of decimal digits plus one (`'129'` → `'130'`, `'99'` → `'100'`, `''` → `'1'`). */
function incrementDigits(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57) i--; // '9'
  if (i < 0) return `1${'0'.repeat(digits.length)}`;
  return (
    digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + '0'.repeat(digits.length - 1 - i)
  );
}

/** Money as the contract stores it: a fixed two-decimal string, e.g. "7650000.00". */
export function toMoneyString(value: Decimal): string {
  const fixed = fixedString(value, 2);
  return fixed === '-0.00' ? '0.00' : fixed;
}

/**
 * The sum of two money strings ({@link toMoneyString} output) as a money string: the same text as
 * `toMoneyString(new Decimal(a).plus(b))`, added in integer cents without a Decimal (a sum beyond
 * the 40 significant digits a Decimal keeps goes through Decimal, which rounds it).
 */
export function addMoneyStrings(a: string, b: string): string {
  const cents = BigInt(a.replace('.', '')) + BigInt(b.replace('.', ''));
  const digits = (cents < 0n ? -cents : cents).toString().padStart(3, '0');
  if (digits.length > Decimal.precision) return toMoneyString(new Decimal(a).plus(b));
  return `${cents < 0n ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** A price or level as the contract stores it: fixed to `places` decimals (default 2). */
export function toPriceString(value: Decimal, places = 2): string {
  const fixed = fixedString(value, places);
  return /^-0\.?0*$/.test(fixed) ? fixed.slice(1) : fixed;
}
