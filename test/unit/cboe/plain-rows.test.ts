import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CboeParseError, parseCboeCsv } from '../../../offline/cboe/parse-cboe';

/**
 * parseCboeCsv reads data lines with no double quote without splitting them into cells; that fast
 * path must give what the general row reader gives (`fastRows: false`): the same contracts, or the
 * same error at the same line.
 */
const PREAMBLE = [
  '',
  'Standard & Poors 500 Index,Last: 4505.1001,Change:  37.6601',
  '"Date: September 14, 2023 at 4:31 PM EDT",Bid: 4483.25,Ask: 4526.27,Size: 1*1,Volume: 0',
  'Expiration Date,Calls,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest,Strike,Puts,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest',
];

function outcome(text: string, fastRows: boolean) {
  try {
    return parseCboeCsv(text, { fastRows });
  } catch (error) {
    if (!(error instanceof CboeParseError)) throw error;
    return { error: error.message, line: error.line };
  }
}

const pad = fc.constantFrom('', '', '', ' ', '\t', '  ', ' \t');
const padded = (cell: fc.Arbitrary<string>) => fc.tuple(pad, cell, pad).map(([a, c, b]) => `${a}${c}${b}`);
const number = fc.oneof(
  fc.constantFrom('0', '', '1', '0.05', '3300.1', '1200.00'),
  fc.stringMatching(/^[0-9]{1,4}(\.[0-9]{1,4})?$/),
);
const expiry = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom('Thu Sep 14 2023', 'Fri Sep 15 2023', 'Mon Sep 18 2023') },
  { weight: 1, arbitrary: fc.constantFrom('Fri Feb 30 2024', 'Sep 15', '') },
);
const symbol = (side: 'C' | 'P') =>
  fc.oneof(
    { weight: 60, arbitrary: fc.constantFrom('SPXW', 'SPX').chain((root) => strikeSymbol(root, side)) },
    { weight: 1, arbitrary: strikeSymbol('SPY', side) },
    { weight: 1, arbitrary: fc.constantFrom('', 'SPX', 'spxw230915C04505000', 'SPXW230915X04505000', 'Q') },
  );
function strikeSymbol(root: string, side: 'C' | 'P') {
  return fc
    .tuple(fc.constantFrom('230914', '230915', '230918'), fc.integer({ min: 1, max: 99999999 }))
    .map(([date, strike]) => `${root}${date}${side}${String(strike).padStart(8, '0')}`);
}
const row = fc
  .tuple(
    padded(expiry),
    padded(symbol('C')),
    fc.array(padded(number), { minLength: 9, maxLength: 9 }),
    padded(number),
    padded(symbol('P')),
    fc.array(padded(number), { minLength: 9, maxLength: 9 }),
  )
  .map(([date, call, calls, strike, put, puts]) => [date, call, ...calls, strike, put, ...puts]);
const line = fc.oneof(
  { weight: 60, arbitrary: row.map((cells) => cells.join(',')) },
  // A cell quoted, a column too many or too few, a blank line, a line of empty cells.
  {
    weight: 1,
    arbitrary: row.map((cells) => cells.map((cell, i) => (i === 7 ? `"${cell}"` : cell)).join(',')),
  },
  { weight: 1, arbitrary: row.map((cells) => [...cells, '0'].join(',')) },
  { weight: 1, arbitrary: row.map((cells) => cells.slice(1).join(',')) },
  { weight: 4, arbitrary: fc.constantFrom('', ' ', ',,,,,,,,,,,,,,,,,,,,,', ' , ,\t') },
);
const file = fc.tuple(fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n'), fc.boolean());

const dir = new URL('../../fixtures/cboe/', import.meta.url);
const files = readdirSync(dir).filter((name) => name.endsWith('.csv'));

describe('parseCboeCsv fast row path', () => {
  it.each(files)('%s: the same chain as the general path (LF and CRLF)', (name) => {
    const text = readFileSync(new URL(name, dir), 'utf8');
    for (const variant of [text, text.replace(/\n/g, '\r\n')]) {
      const fast = outcome(variant, true);
      expect('contracts' in fast && fast.contracts.length).toBeGreaterThan(0);
      expect(fast).toEqual(outcome(variant, false));
    }
  });

  it('gives the general path’s contracts, or its error at the same line, on generated rows', () => {
    let parsed = 0;
    fc.assert(
      fc.property(file, ([lines, eol, trailing]) => {
        const text = [...PREAMBLE, ...lines].join(eol) + (trailing ? eol : '');
        const fast = outcome(text, true);
        expect(fast).toEqual(outcome(text, false));
        if ('contracts' in fast) parsed++;
      }),
      { numRuns: 2000 },
    );
    // Enough files parse whole for the successful path to be compared too.
    expect(parsed).toBeGreaterThan(100);
  });

  it('reads a plain row as the general path does (trimmed cells, empty cells, thousands in quotes)', () => {
    const rows = [
      // The first row of an expiry goes through the general path (it parses the date).
      'Thu Sep 14 2023,SPXW230914C01100000,0,0,3400,3419.8,0,0,0,0,0,1100.00,SPXW230914P01100000,0,0,0,0.05,0,0,0,0,0',
      'Thu Sep 14 2023,SPXW230914C01200000,0,0, 3300.1,3319.8\t,0,,0,0,12,1200.00,SPXW230914P01200000,0,0,0,0.05,0,0,0,0,0',
      'Thu Sep 14 2023,SPXW230914C01400000,0,0,3100.9,3117,0,0,0,0,0,"1,400.00",SPXW230914P01400000,0.05,0,0,0.05,0,0,0,0,1',
    ];
    const text = [...PREAMBLE, ...rows].join('\n');
    const fast = parseCboeCsv(text);
    expect(fast).toEqual(parseCboeCsv(text, { fastRows: false }));
    expect(fast.contracts[2]).toMatchObject({
      expiry: '2023-09-14',
      bid: '3300.1',
      ask: '3319.8',
    });
    expect(fast.contracts[2]?.impliedVolatility).toBe('');
    expect(fast.contracts[4]?.strike).toBe('1400.00');
  });

  it('names the line of a bad row after plain ones', () => {
    const good =
      'Thu Sep 14 2023,SPXW230914C01200000,0,0,3300.1,3319.8,0,0,0,0,0,1200.00,SPXW230914P01200000,0,0,0,0.05,0,0,0,0,0';
    const text = [...PREAMBLE, good, '', good.replace('P012', 'X012')].join('\n');
    expect(() => parseCboeCsv(text)).toThrow(/^line 7: bad put symbol "SPXW230914X01200000"$/);
  });
});
