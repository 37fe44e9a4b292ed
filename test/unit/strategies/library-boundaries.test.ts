import DecimalJs from 'decimal.js';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Decimal, toDecimal } from '../../../strategies';
import { toFixedString } from '../../../strategies/num';

const dir = fileURLToPath(new URL('../../../strategies/', import.meta.url));
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: readFileSync(dir + f, 'utf8') }));

describe('the strategies library stays pure and self-contained', () => {
  it('imports only itself, pricing/ and decimal.js', () => {
    expect(sources.length).toBeGreaterThan(5);
    for (const { file, text } of sources) {
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const spec of imports) {
        expect(spec, `${file} imports ${spec}`).toMatch(/^(\.\/[a-z-]+|\.\.\/pricing\/[a-z-]+|decimal\.js)$/);
      }
    }
  });

  it('reads no clock, no environment and sets no global Decimal', () => {
    for (const { file, text } of sources) {
      expect(text, file).not.toMatch(
        /Date\.now|new Date\(|process\.|performance\.now|Decimal\.set\(|fetch\(/,
      );
    }
  });
});

describe('the library Decimal', () => {
  it('rounds ties to even, and leaves decimal.js itself untouched', () => {
    expect(new Decimal('2.5').toDecimalPlaces(0).toString()).toBe('2');
    expect(new Decimal('3.5').toDecimalPlaces(0).toString()).toBe('4');
    expect(DecimalJs.rounding).toBe(DecimalJs.ROUND_HALF_UP);
  });

  it('fixes strings without negative zero and refuses non-finite values', () => {
    expect(toFixedString(new Decimal('-0.001'), 2)).toBe('0.00');
    expect(toFixedString(new Decimal('-1.005'), 2)).toBe('-1.00');
    expect(() => toDecimal(Number.NaN)).toThrow(RangeError);
    expect(() => toDecimal(Infinity)).toThrow(RangeError);
    expect(() => toDecimal('ten', 'equity')).toThrow(/^equity is not a number/);
    expect(toDecimal('12.50').toString()).toBe('12.5');
  });
});
