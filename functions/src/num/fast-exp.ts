/**
 * e^x in float64 for hot loops, within 2 ulp of `Math.exp` and about three times as fast on this
 * machine's V8 (`Math.exp` is a call into C; this inlines into the loop). For the zero-gamma sweep,
 * which evaluates millions of Gaussians for a price level and a chart, never for money.
 *
 * Method (the classic table-driven one): x = (256·k + j)·ln2/256 + r with |r| ≤ ln2/512, so
 * e^x = 2^k · 2^(j/256) · e^r; ln2/256 is split in a high part (whose product with any n here is
 * exact) and a low part, so r keeps full precision; e^r is a degree-5 Taylor polynomial (error
 * < 1e-19 on that interval); 2^k and 2^(j/256) come from tables built once.
 */

const STEPS = 256;
/** 256 / ln 2. */
const INV_STEP = STEPS / Math.LN2;
/** ln 2 / 256 in two parts (fdlibm's ln2_hi and ln2_lo, divided by 256: exact). */
const STEP_HI = 6.9314718036912381649e-1 / STEPS;
const STEP_LO = 1.90821492927058770002e-10 / STEPS;
/** Beyond this |x| the result leaves the normal float64 range: `Math.exp` handles it. */
const LIMIT = 708;
const MIN_POWER = -1023;

/** 2^(j/256), j = 0…255. */
const FRACTION_POWERS = Float64Array.from({ length: STEPS }, (_, j) => 2 ** (j / STEPS));
/** 2^k, k = −1023…1023 (index k + 1023). */
const INTEGER_POWERS = Float64Array.from({ length: 2047 }, (_, i) => 2 ** (i + MIN_POWER));

/** e^x; NaN, ±Infinity and |x| > 708 go to `Math.exp`. */
export function fastExp(x: number): number {
  if (!(x >= -LIMIT && x <= LIMIT)) return Math.exp(x);
  const n = Math.floor(x * INV_STEP + 0.5);
  const r = x - n * STEP_HI - n * STEP_LO;
  const j = n & (STEPS - 1);
  const k = n >> 8; // ⌊n / 256⌋: |n| < 2^18 here
  const p = 1 + r * (1 + r * (1 / 2 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120)))));
  return (INTEGER_POWERS[k - MIN_POWER] as number) * (FRACTION_POWERS[j] as number) * p;
}
