import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastExp } from '../../functions/src/num/fast-exp';

/** 2 ulp of a float64 near 1, the bound `fastExp` keeps against `Math.exp` (relative). */
const TWO_ULP = 2 * Number.EPSILON;

describe('fastExp', () => {
  it('is within 2 ulp of Math.exp across its table range', () => {
    fc.assert(
      fc.property(fc.double({ min: -708, max: 708, noNaN: true }), (x) => {
        expect(Math.abs(fastExp(x) / Math.exp(x) - 1)).toBeLessThanOrEqual(TWO_ULP);
      }),
      { numRuns: 20_000 },
    );
  });

  it('is within 2 ulp on the sweep’s own arguments (−700 … 0), sampled evenly', () => {
    let worst = 0;
    for (let i = 0; i <= 700_000; i++) {
      const x = -i / 1000;
      worst = Math.max(worst, Math.abs(fastExp(x) / Math.exp(x) - 1));
    }
    expect(worst).toBeLessThanOrEqual(TWO_ULP);
  });

  it('is exact where e^x is, and hands the edges to Math.exp', () => {
    expect(fastExp(0)).toBe(1);
    expect(fastExp(-0)).toBe(1);
    for (const x of [-745.2, -720, 709.5, 710, -Infinity, Infinity]) expect(fastExp(x)).toBe(Math.exp(x));
    expect(fastExp(Number.NaN)).toBeNaN();
  });
});
