import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CboeChain, CboeParseError, parseCboeCsv, readCboeHead } from '../../../offline/cboe/parse-cboe';
import type { ContractInput } from '../../../functions/src/gex/types';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/cboe/${name}`, import.meta.url), 'utf8');
const parsed = new Map<string, CboeChain>();
/** Each real file is parsed once per run (the SPX file has ~10,000 rows). */
const parseFixture = (name: string): CboeChain => {
  const chain = parsed.get(name) ?? parseCboeCsv(fixture(name));
  parsed.set(name, chain);
  return chain;
};

const HEADER =
  'Expiration Date,Calls,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest,Strike,Puts,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest';
const ROW =
  'Fri May 16 2025,SPY250516C00590000,1.2,0,1.1,1.3,10,0.12,0.5,0.08,"1,234",590.00,SPY250516P00590000,1.0,0,0.9,1.1,5,0.13,-0.5,0.07,"2,345"';
const preamble = (stamp = 'May 16, 2025 at 7:23 PM EDT') =>
  `\nSPDR S&P 500 ETF Trust,Last: 589.25,Change:  3.74\n"Date: ${stamp}",Bid: 589.26,Ask: 589.35,Size: 2*4,"Volume: 75,744,434"\n`;

/** Facts read off each file: name line, Date line, data lines (total − 4), distinct expiration dates. */
const FILES = [
  ['spy_quotedata_2023-09-14_1631ET.csv', 'SPY', '450.81', '2023-09-14T20:31:00.000Z', 3646, 31],
  ['spy_quotedata_2025-05-16_1923ET.csv', 'SPY', '589.25', '2025-05-16T23:23:00.000Z', 1580, 10],
  ['spy_quotedata_2022-07-09_1728ET.csv', 'SPY', '388.67', '2022-07-09T21:28:00.000Z', 4333, 34],
  ['spx_quotedata_2023-09-14_1631ET.csv', 'SPX', '4505.1001', '2023-09-14T20:31:00.000Z', 9960, 53],
  [
    'spx_quotedata_2025-01-06_2057ET_snippet20rows.csv',
    'SPX',
    '5975.3799',
    '2025-01-07T01:57:00.000Z',
    20,
    1,
  ],
] as const;

describe('parseCboeCsv on every real CBOE file', () => {
  it.each(FILES)('%s', (file, underlying, spot, stamp, rows, expiries) => {
    const chain = parseFixture(file);
    expect(chain.underlying).toBe(underlying);
    expect(chain.spotPrice).toBe(spot);
    expect(chain.stampedAt).toBe(stamp);
    expect(chain.contracts).toHaveLength(rows * 2);
    expect(new Set(chain.contracts.map((c) => c.expiry)).size).toBe(expiries);
    expect(new Set(chain.contracts.map((c) => c.symbol)).size).toBe(rows * 2);
    for (const c of chain.contracts) {
      expect(c.expiry).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(c.symbol).toContain(c.side === 'call' ? 'C' : 'P');
    }
  });

  it('keeps both sides of a row with the row strike and raw strings', () => {
    const [call, put] = parseCboeCsv(fixture('spx_quotedata_2025-01-06_2057ET_snippet20rows.csv')).contracts;
    expect(call).toEqual({
      symbol: 'SPXW250107C05930000', side: 'call', strike: '5930.00', expiry: '2025-01-07',
      openInterest: '251', gamma: '0.0053', impliedVolatility: '0.1749', bid: '49.4', ask: '50.4',
      volume: '176', delta: '0.8223',
    }); // prettier-ignore
    expect(put).toMatchObject({
      symbol: 'SPXW250107P05930000',
      side: 'put',
      openInterest: '174',
      gamma: '0.0053',
      volume: '4740',
      delta: '-0.1777',
    });
  });

  it('reads "p.m." on a Saturday stamp (EDT) and EST in winter', () => {
    expect(parseFixture('spy_quotedata_2022-07-09_1728ET.csv').stampedAt).toBe('2022-07-09T21:28:00.000Z');
    // 8:57 PM EST on Jan 6 is 01:57 UTC on Jan 7.
    expect(parseCboeCsv(preamble('January 6, 2025 at 8:57 PM EST') + HEADER + '\n' + ROW).stampedAt).toBe(
      '2025-01-07T01:57:00.000Z',
    );
    expect(parseCboeCsv(preamble('May 16, 2025 at 12:05 a.m. EDT') + HEADER + '\n' + ROW).stampedAt).toBe(
      '2025-05-16T04:05:00.000Z',
    );
  });

  it('mixes SPX monthlies and SPXW weeklies under one underlying', () => {
    const symbols = parseFixture('spx_quotedata_2023-09-14_1631ET.csv').contracts.map((c) => c.symbol);
    expect(symbols.some((s) => s.startsWith('SPXW'))).toBe(true);
    expect(symbols.some((s) => /^SPX\d/.test(s))).toBe(true);
  });

  it('strips thousands separators inside quotes and accepts CRLF', () => {
    const chain = parseCboeCsv((preamble() + HEADER + '\n' + ROW + '\n').replace(/\n/g, '\r\n'));
    expect(chain.contracts.map((c) => c.openInterest)).toEqual(['1,234', '2,345']);
    expect(chain.contracts[0]?.strike).toBe('590.00');
  });
});

describe('parseCboeCsv on bad files', () => {
  const cases: [string, string, number][] = [
    ['empty', '', 0],
    ['no Last:', '\nSPY,Close: 1\n"Date: May 16, 2025 at 7:23 PM EDT"\n' + HEADER + '\n' + ROW, 2],
    ['bad stamp', preamble('yesterday') + HEADER + '\n' + ROW, 3],
    ['unknown zone', preamble('May 16, 2025 at 7:23 PM CET') + HEADER + '\n' + ROW, 3],
    ['wrong header', preamble() + HEADER.replace('Gamma', 'Theta') + '\n' + ROW, 4],
    ['short row', preamble() + HEADER + '\n' + ROW + '\n' + ROW.split(',').slice(0, 10).join(','), 6],
    ['bad expiry', preamble() + HEADER + '\n' + ROW.replace('Fri May 16 2025', 'Fri Mayo 16 2025'), 5],
    ['bad symbol', preamble() + HEADER + '\n' + ROW.replace('SPY250516P00590000', 'oops'), 5],
    ['no rows', preamble() + HEADER + '\n', 4],
    ['day 32', preamble() + HEADER + '\n' + ROW.replace('Fri May 16 2025', 'Fri May 32 2025'), 5],
    ['Feb 30', preamble() + HEADER + '\n' + ROW.replace('Fri May 16 2025', 'Fri Feb 30 2025'), 5],
    ['zero spot', preamble().replace('Last: 589.25', 'Last: 0.00') + HEADER + '\n' + ROW, 2],
  ];
  it.each(cases)('%s → CboeParseError at line %#', (_name, text, line) => {
    let caught: unknown;
    try {
      parseCboeCsv(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CboeParseError);
    expect((caught as CboeParseError).line).toBe(line);
    expect((caught as CboeParseError).message).toMatch(/^line \d+: /);
  });
});

/** The error a function throws (undefined when it returns). */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('parseCboeCsv with onContract, and readCboeHead', () => {
  it.each(FILES.map(([name]) => name as string))(
    '%s: hands over every contract in order instead of returning them; the head alone matches',
    (name) => {
      const text = fixture(name);
      const taken: ContractInput[] = [];
      const chain = parseCboeCsv(text, { onContract: (c) => taken.push(c) });
      const { contracts, ...rest } = parseFixture(name);
      expect(taken).toEqual(contracts);
      expect(chain).toEqual({ ...rest, contracts: [] });
      expect(readCboeHead(text)).toEqual({ spotPrice: rest.spotPrice, stampedAt: rest.stampedAt });
    },
  );

  const bad: [string, string][] = [
    ['empty', ''],
    ['bad stamp', preamble('yesterday') + HEADER + '\n' + ROW],
    ['wrong header', preamble() + HEADER.replace('Gamma', 'Theta') + '\n' + ROW],
  ];
  it.each(bad)('%s: readCboeHead throws parseCboeCsv’s error', (_name, text) => {
    const error = thrown(() => readCboeHead(text));
    expect(error).toBeInstanceOf(CboeParseError);
    expect(error).toEqual(thrown(() => parseCboeCsv(text)));
  });

  it('reads no further than the header: a broken row later is parseCboeCsv’s to find', () => {
    const text = preamble() + HEADER + '\n' + ROW + '\nnot,a,row';
    expect(readCboeHead(text)).toEqual({ spotPrice: '589.25', stampedAt: '2025-05-16T23:23:00.000Z' });
    const taken: string[] = [];
    const error = thrown(() => parseCboeCsv(text, { onContract: (c) => taken.push(c.symbol) }));
    expect((error as CboeParseError).line).toBe(6);
    // The rows before the bad one were handed over already.
    expect(taken).toEqual(['SPY250516C00590000', 'SPY250516P00590000']);
  });
});
