import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CboeParseError, readCsvRows } from '../../../offline/cboe/parse-cboe';

/**
 * The CBOE row reader splits unquoted lines itself and hands the rest to csv-parse; whatever the
 * path, its rows must be csv-parse's records (`trim`, `relax_column_count`) minus the blank ones.
 */
function reference(text: string) {
  const records: string[][] = parse(text, { relax_column_count: true, trim: true });
  return records
    .map((cells, i) => ({ cells, line: i + 1 }))
    .filter(({ cells }) => cells.some((cell) => cell !== ''));
}

const dir = new URL('../../fixtures/cboe/', import.meta.url);
const files = readdirSync(dir).filter((name) => name.endsWith('.csv'));

describe('readCsvRows', () => {
  it.each(files)('%s: the same rows as csv-parse', (name) => {
    const text = readFileSync(new URL(name, dir), 'utf8');
    expect(readCsvRows(text)).toEqual(reference(text));
    const crlf = text.replace(/\n/g, '\r\n');
    expect(readCsvRows(crlf)).toEqual(reference(crlf));
  });

  const plain = fc.stringMatching(/^[A-Za-z0-9.: \t-]{0,8}$/);
  const quoted = fc
    .tuple(fc.constantFrom('', ' ', '\t'), fc.stringMatching(/^[A-Za-z0-9., :-]{0,8}$/))
    .map(([before, value]) => `${before}"${value}"`);
  const line = fc.array(fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: quoted }), {
    minLength: 1,
    maxLength: 6,
  });
  const file = fc.tuple(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'));

  it('matches csv-parse on generated files (quoted cells, spaces, tabs, blank lines, LF/CRLF/CR)', () => {
    fc.assert(
      fc.property(file, ([lines, eol]) => {
        const text = lines.map((cells) => cells.join(',')).join(eol);
        let expected: ReturnType<typeof reference> | 'error';
        try {
          expected = reference(text);
        } catch {
          expected = 'error';
        }
        if (expected === 'error') expect(() => readCsvRows(text)).toThrow(CboeParseError);
        else expect(readCsvRows(text)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('names the line of an unclosed quote', () => {
    const text = 'a,b\nc,"d\ne,f\n';
    expect(() => readCsvRows(text)).toThrow(/^line 2: not CSV/);
  });
});
