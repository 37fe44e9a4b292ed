import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGex } from '../../../cli/run-gex';
import { cboeChainInput } from '../../../offline/cboe/cboe-chain-input';
import { parseCboeCsv } from '../../../offline/cboe/parse-cboe';
import { SymbolRegime } from '../../../functions/src/contract/regime';
import { computeGex } from '../../../functions/src/gex/compute-gex';
import { formatMoney, formatRegimeSummary } from '../../../cli/format-regime';
import { formatCompactAmount, formatStrikeChart } from '../../../cli/format-strike-chart';
import { memoryIo, ROOT } from '../../support/memory-io';

const SPY_2025 = 'test/fixtures/cboe/spy_quotedata_2025-05-16_1923ET.csv';
const SPY_2022 = 'test/fixtures/cboe/spy_quotedata_2022-07-09_1728ET.csv';

/** Runs `gex compute ARGS` in process, as `npm run gex -- compute ARGS` would. */
async function gex(...args: string[]) {
  const io = memoryIo();
  const code = await runGex(['compute', ...args], io);
  return { code, stdout: io.out(), stderr: io.errLines() };
}

describe('gex compute output', () => {
  it('--json prints exactly one regime object that matches the contract and the engine', async () => {
    const { code, stdout, stderr } = await gex('--cboe', SPY_2025, '--json');
    expect([code, stderr]).toEqual([0, []]);
    expect(stdout.endsWith('}\n')).toBe(true);
    const printed = SymbolRegime.parse(JSON.parse(stdout));
    const chain = parseCboeCsv(readFileSync(`${ROOT}/${SPY_2025}`, 'utf8'));
    const expected = computeGex(cboeChainInput(chain, { expiries: { zeroDte: true, oneDte: true } })).regime;
    expect(printed).toEqual(expected);
    expect(printed.by_expiry.zero_dte.expiry).toBe('2025-05-19');
    expect(printed.by_expiry.one_dte.expiry).toBe('2025-05-20');
  });

  it('--json of a file that repeats rows counts the repeats as the engine does', async () => {
    const text = readFileSync(`${ROOT}/${SPY_2025}`, 'utf8');
    const lines = text.split('\n');
    const repeated = [...lines.slice(0, 1000), ...lines.slice(800, 810), ...lines.slice(1000)].join('\n');
    const file = join(mkdtempSync(join(tmpdir(), 'gex-')), 'repeats.csv');
    writeFileSync(file, repeated);
    const { code, stdout } = await gex('--cboe', file, '--expiries', 'all', '--json');
    expect(code).toBe(0);
    const expected = computeGex(cboeChainInput(parseCboeCsv(repeated), { expiries: 'all' })).regime;
    expect(JSON.parse(stdout)).toEqual(expected);
    expect(expected.quality.skipped.duplicate_symbol).toBe(20);
  });

  it('--expiries 0dte marks the 1DTE bucket as not selected', async () => {
    const { code, stdout } = await gex('--cboe', SPY_2025, '--expiries', '0dte', '--json');
    expect(code).toBe(0);
    const printed = SymbolRegime.parse(JSON.parse(stdout));
    expect(printed.by_expiry.one_dte).toMatchObject({ option_count: 0, note: 'not selected' });
    expect(printed.by_expiry.zero_dte.option_count).toBe(printed.option_count);
  });

  it('--as-of reads an explicit offset, with or without a colon', async () => {
    const printed: string[] = [];
    for (const asOf of ['2025-05-16T10:00:00-04:00', '2025-05-16T10:00-0400']) {
      const { code, stdout } = await gex('--cboe', SPY_2025, '--as-of', asOf, '--json');
      expect(code).toBe(0);
      printed.push(SymbolRegime.parse(JSON.parse(stdout)).as_of);
    }
    expect(printed).toEqual(['2025-05-16T14:00:00.000Z', '2025-05-16T14:00:00.000Z']);
  });

  it('prints a summary with a strike chart without --json, honouring --as-of and --expiries', async () => {
    const { code, stdout } = await gex(
      '--cboe',
      SPY_2025,
      '--expiries',
      'all',
      '--as-of',
      '2025-05-16T14:00:00Z',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^SPY {2}spot 589\.25 {2}as of 2025-05-16T14:00:00\.000Z/);
    expect(stdout).toContain('0DTE  2025-05-16');
    expect(stdout).toContain('<- spot');
    expect(stdout).toMatch(/\|\++/);
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    const { code, stdout, stderr } = await gex('--help');
    expect([code, stderr]).toEqual([0, []]);
    expect(stdout).toMatch(/^usage: gex compute --cboe FILE/);
  });
});

describe('gex compute: bad input exits 2 with one line on stderr and nothing on stdout', () => {
  it.each([
    [['--cboe', SPY_2025, '--bogus'], /^gex compute: Unknown option '--bogus'$/],
    [['--cboe', 'no/such/file.csv'], /cannot read no\/such\/file\.csv/],
    [['--cboe', 'test/fixtures/cboe/README.md'], /README\.md: line \d+/],
    [['--cboe', SPY_2022, '--expiries', '1dte'], /1DTE session 2022-07-12 lists no expiry/],
    [['--cboe', SPY_2025, '--expiries', 'weekly'], /--expiries takes/],
    [['--cboe', SPY_2025, '--as-of', 'tomorrow'], /--as-of/],
    // A zone-less time would be read in the machine's zone; Date.parse rolls Feb 30 over to Mar 2.
    [
      ['--cboe', SPY_2025, '--as-of', '2025-05-16T12:00:00'],
      /--as-of takes an ISO-8601 time with Z or an offset/,
    ],
    [['--cboe', SPY_2025, '--as-of', '2025-02-30T15:00:00Z'], /--as-of is not a valid time/],
    [
      ['--cboe', SPY_2025, '--as-of', '2030-01-02T15:00:00Z', '--expiries', 'all'],
      /every expiry in the file ended before the as-of time 2030-01-02T15:00:00\.000Z \(the last, 2025-05-30,/,
    ],
    [['--cboe', SPY_2025, '--as-of', '2030-01-02T15:00:00Z'], /every expiry in the file ended/],
    [['--cboe', SPY_2025, 'extra'], /positional/],
    [[], /--cboe FILE is required/],
  ])('%j', async (args, reason) => {
    const { code, stdout, stderr } = await gex(...args);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(reason);
  });
});

describe('gex dispatch', () => {
  it.each([
    [[], 'gex: missing command; use one of: compute, live'],
    [['chart'], 'gex: unknown command "chart"; use one of: compute, live'],
  ])('%j exits 2 with one line naming the commands', async (argv, line) => {
    const io = memoryIo();
    expect(await runGex(argv, io)).toBe(2);
    expect([io.out(), io.errLines()]).toEqual(['', [line]]);
  });

  it('an unreadable file is a usage error (exit 2); a defect inside a command exits 1; one line each', async () => {
    const io = memoryIo();
    io.readFile = () => Promise.reject(new TypeError('disk on fire'));
    const code = await runGex(['compute', '--cboe', SPY_2025], io);
    expect(code).toBe(2);
    expect(io.errLines()).toEqual([`gex compute: cannot read ${SPY_2025}: disk on fire`]);
    const broken = memoryIo();
    broken.stdout = () => {
      throw new Error('stdout closed');
    };
    expect(await runGex(['compute', '--cboe', SPY_2025, '--json'], broken)).toBe(1);
    expect(broken.errLines()).toEqual(['gex: stdout closed']);
  });
});

describe('formatting', () => {
  it('formats money with sign and separators, and compact amounts', () => {
    expect(formatMoney('7650000.00')).toBe('+7,650,000.00');
    expect(formatMoney('-16200000.00')).toBe('-16,200,000.00');
    expect(formatMoney('0.00')).toBe('0.00');
    expect(formatCompactAmount('-16200000.00')).toBe('-16.20M');
    expect(formatCompactAmount('2500000000')).toBe('+2.50B');
  });

  it('draws negative bars left of the axis and positive bars right, scaled to the largest', () => {
    const chart = formatStrikeChart(
      [
        { strike: '445.00', call_gex: '0', put_gex: '-100', net_gex: '-100.00' },
        { strike: '450.00', call_gex: '200', put_gex: '0', net_gex: '200.00' },
      ],
      449,
      { halfWidth: 10 },
    ).split('\n');
    expect(chart[0]).toMatch(/445\.00 +-100\.00 +-{5}\|$/);
    expect(chart[1]).toMatch(/450\.00 +\+200\.00 +\|\+{10} +<- spot$/);
  });

  it('summarizes a regime for the live view too (symbol upper-cased, empty bucket note shown)', () => {
    const chain = parseCboeCsv(readFileSync(`${ROOT}/${SPY_2022}`, 'utf8'));
    const result = computeGex(cboeChainInput(chain, { expiries: { zeroDte: true, oneDte: true } }));
    const text = formatRegimeSummary('spy', result);
    expect(text.split('\n')[0]).toContain('SPY  spot 388.67');
    expect(text).toContain('no expiry listed for session 2022-07-12');
    expect(text).toContain(result.regime.zero_gamma ?? 'n/a');
  });

  it('summarizes volume GEX, majors and dealer delta/vanna/charm beside the OI figures', () => {
    const chain = parseCboeCsv(readFileSync(`${ROOT}/${SPY_2025}`, 'utf8'));
    const result = computeGex(cboeChainInput(chain, { expiries: { zeroDte: true, oneDte: true } }));
    const r = result.regime;
    const text = formatRegimeSummary('SPY', result);
    expect(text).toContain(`volume   net ${formatMoney(r.net_gex_vol ?? 'missing')} per $1`);
    expect(text).toContain(`majors   OI + ${r.majors?.oi.positive?.strike ?? 'missing'}`);
    expect(text).toMatch(
      /dealer {3}delta [+-][\d.]+[KMB]? USD {3}vanna [+-]?[\d.]+[KMB]? per vol point {3}charm [+-]?[\d.]+[KMB]? per day/,
    );
  });
});
