import { Decimal } from './decimal';
import { mantissaOf, scaleOf } from './decimal-parts';
import { decimalOfScaled, type Scaled, SCALED_ZERO, scaledPlus } from './scaled-decimal';

/** Significant digits every Decimal operation keeps (the configured precision). */
const EXACT_DIGITS = Decimal.precision;
/** Largest integer float64 holds exactly. */
const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * An exact sum of products `a × b` of non-negative Decimals, kept as scaled integers (float64
 * while every partial sum is a safe integer, BigInt beyond) and turned into a Decimal once, by
 * {@link ExactSum.toDecimal}. It gives the same value as adding the products with Decimal
 * whenever that sum is exact at the configured precision (40 digits; any real option chain),
 * without a Decimal per term.
 */
/** A product `units × 10^−scale` (units a safe integer as a number, else a BigInt). */
export interface ExactTerm {
  units: number | bigint;
  scale: number;
}

export class ExactSum {
  /** Partial sums by decimal scale: value = Σ (small + big) × 10^−scale. */
  private readonly scales: number[] = [];
  private readonly small: number[] = [];
  private readonly big: bigint[] = [];

  /** Adds `a × b`, both finite and ≥ 0. */
  addProduct(a: Decimal, b: Decimal): void {
    this.addTerm(ExactSum.term(a, b));
  }

  /**
   * `a × b` (both finite and ≥ 0) as a term for {@link ExactSum.addTerm}: one product added to
   * several sums is read off its Decimals once.
   */
  static term(a: Decimal, b: Decimal): ExactTerm {
    const ma = mantissaOf(a);
    const mb = mantissaOf(b);
    const scale = scaleOf(a) + scaleOf(b);
    if (typeof ma === 'number' && typeof mb === 'number') {
      const product = ma * mb;
      // A float product below 2^53 is exact: rounding up to it would need an exact value ≥ 2^53.
      if (product <= SAFE) return { units: product, scale };
    }
    return { units: BigInt(ma) * BigInt(mb), scale };
  }

  /** Adds a term made by {@link ExactSum.term}. */
  addTerm({ units, scale }: ExactTerm): void {
    const i = this.slot(scale);
    if (typeof units === 'number') {
      const sum = (this.small[i] as number) + units;
      // A float sum below 2^53 is exact, as the product is.
      if (sum <= SAFE) {
        this.small[i] = sum;
        return;
      }
    }
    this.big[i] = (this.big[i] as bigint) + BigInt(units);
  }

  private slot(scale: number): number {
    const i = this.scales.indexOf(scale);
    if (i >= 0) return i;
    this.small.push(0);
    this.big.push(0n);
    return this.scales.push(scale) - 1;
  }

  /**
   * The sum as a Decimal (zero when nothing was added): the scales' partial sums added in turn as
   * Decimal's `plus` adds them (exact while they fit its 40 digits).
   */
  toDecimal(): Decimal {
    return decimalOfScaled(this.toScaled());
  }

  /** The value of {@link ExactSum.toDecimal} as a {@link Scaled}, without a Decimal. */
  toScaled(): Scaled {
    let total: Scaled | undefined;
    for (let i = 0; i < this.scales.length; i++) {
      const units = (this.big[i] as bigint) + BigInt(this.small[i] as number);
      if (units === 0n) continue;
      const term: Scaled = { m: units, e: -(this.scales[i] as number) };
      const exact = total === undefined && String(units).length <= EXACT_DIGITS;
      total = exact ? term : scaledPlus(total ?? SCALED_ZERO, term);
    }
    return total ?? SCALED_ZERO;
  }
}
