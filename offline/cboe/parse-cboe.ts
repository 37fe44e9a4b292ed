import { parse } from 'csv-parse/sync';
import type { ContractInput } from '../../functions/src/gex/types';
import { newYorkInstant } from '../../functions/src/calendar/new-york-time';

/**
 * Parser for CBOE "delayed quotes" option-chain downloads (the CSV most GEX tools read):
 * line 1 blank, line 2 `<name>,Last: <spot>,…`, line 3 `"Date: <Month D, YYYY at h:mm PM EDT>",…`,
 * line 4 the header, then one row per strike and expiry with calls left and puts right.
 */

/** A CBOE chain as the engine's input wants it: raw numeric strings, both sides of every row. */
export interface CboeChain {
  /** Upper-case root of the option symbols (`SPY`, `SPX`; SPXW rows count as SPX). */
  underlying: string;
  /** `Last:` of line 2, as printed (thousands separators removed). */
  spotPrice: string;
  /** The `Date:` stamp of line 3 as an ISO-8601 instant (UTC). */
  stampedAt: string;
  /** Calls and puts of every row; `expiry` is `YYYY-MM-DD`; numbers stay strings as printed. */
  contracts: ContractInput[];
}

/** A file that is not a CBOE delayed-quote chain; `line` is 1-based in the file. */
export class CboeParseError extends Error {
  override readonly name = 'CboeParseError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const HEADER = [
  'Expiration Date', 'Calls', 'Last Sale', 'Net', 'Bid', 'Ask', 'Volume', 'IV', 'Delta', 'Gamma',
  'Open Interest', 'Strike', 'Puts', 'Last Sale', 'Net', 'Bid', 'Ask', 'Volume', 'IV', 'Delta', 'Gamma',
  'Open Interest',
]; // prettier-ignore
/** Column offsets of one side, relative to its symbol column (1 for calls, 12 for puts). */
const SIDE = { bid: 3, ask: 4, volume: 5, iv: 6, delta: 7, gamma: 8, openInterest: 9 } as const;
const STRIKE = 11;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONE_OFFSETS: Record<string, string> = { EDT: '-04:00', EST: '-05:00' };
const STAMP_RE =
  /^Date:\s*([A-Za-z]+)\.?\s+(\d{1,2}),\s*(\d{4})\s+at\s+(\d{1,2}):(\d{2})\s*([ap])\.?\s*m\.?\s*([A-Z]{2,4})?\s*$/i;
const EXPIRY_RE = /^[A-Za-z]{3}\s+([A-Za-z]{3})\s+(\d{1,2})\s+(\d{4})$/;
/** Characters after the letters of an option symbol (root, optional `W`): date, side and strike. */
export const SYMBOL_TAIL = 15;
/** Text no cell of a plain row can be (a trimmed cell of one line holds no line break). */
const NO_CELL = '\n';

/** One non-blank line of the file: its trimmed cells and its 1-based line number. */
export interface CsvRow {
  cells: string[];
  line: number;
}
type Row = CsvRow;

/** Options of {@link parseCboeCsv}. */
export interface ParseCboeOptions {
  /**
   * Read data rows with no double quote without splitting them into cells (default true); false
   * sends every row through the general row reader (the same result, slower: for tests).
   */
  fastRows?: boolean;
  /**
   * Takes each contract as its row is read, in file order, instead of the result's `contracts`
   * (then empty): a caller that uses each contract at once keeps none of them alive. A file that
   * turns out to be malformed still throws, after the contracts of the rows before the bad one.
   */
  onContract?: (contract: ContractInput) => void;
}

/** csv-parse's options for a line (or a file) that needs a full CSV parser. */
const PARSE_OPTIONS = { relax_column_count: true, trim: true } as const;

/**
 * Parses a CBOE delayed-quote CSV.
 * @throws CboeParseError (with the 1-based line) when the preamble, header or a row is malformed.
 */
export function parseCboeCsv(text: string, options: ParseCboeOptions = {}): CboeChain {
  const preamble: Row[] = [];
  let stamped: { spotPrice: string; stampedAt: string } | undefined;
  const sink: RowSink = {
    contracts: [],
    take: options.onContract,
    count: 0,
    roots: new Set(),
    lastPrefix: '',
    lastRoot: '',
    expiries: new Map(),
    lastExpiryText: NO_CELL,
    lastExpiry: '',
    firstLine: 0,
  };
  const fast: FastLine | undefined =
    options.fastRows === false
      ? undefined
      : (source, start, stop, line) =>
          stamped !== undefined && readPlainDataRow(source, start, stop, line, sink);
  // Each data row becomes its two contracts as it is read, so no row outlives its line.
  scanRows(
    text.replace(/^\uFEFF/, ''),
    (row) => {
      if (stamped) return parseRow(row, sink);
      preamble.push(row);
      if (preamble.length === 3) stamped = readPreamble(preamble as [Row, Row, Row]);
    },
    fast,
  );
  const headerRow = preamble[2];
  if (!stamped || !headerRow)
    throw new CboeParseError('file ends before the header', preamble.at(-1)?.line ?? 0);
  const { contracts, roots } = sink;
  if (sink.count === 0) throw new CboeParseError('no option rows after the header', headerRow.line);
  if (roots.size !== 1)
    throw new CboeParseError(`mixed underlyings: ${[...roots].join(', ')}`, sink.firstLine);
  return { underlying: [...roots][0] ?? '', ...stamped, contracts };
}

/**
 * The spot price and the time stamp of a CBOE delayed-quote CSV, read from its first lines alone
 * (what {@link parseCboeCsv} returns for them).
 * @throws CboeParseError when the preamble or the header is malformed.
 */
export function readCboeHead(text: string): { spotPrice: string; stampedAt: string } {
  const preamble: Row[] = [];
  scanRows(text.replace(/^\uFEFF/, ''), (row) => preamble.push(row) < 3, undefined);
  if (preamble.length < 3)
    throw new CboeParseError('file ends before the header', preamble.at(-1)?.line ?? 0);
  return readPreamble(preamble as [Row, Row, Row]);
}

/** The name line's spot, the `Date:` line's instant, and a check of the header (in file order). */
function readPreamble([spotRow, stampRow, headerRow]: [Row, Row, Row]) {
  const spotPrice = parseSpot(spotRow);
  const stampedAt = parseStamp(stampRow);
  checkHeader(headerRow);
  return { spotPrice, stampedAt };
}

/** A carriage return that does not end a CRLF pair: a file with old Mac line ends. */
const LONE_CR = /\r(?!\n)/;

/**
 * The non-blank rows of the file with their 1-based line numbers. Every CBOE record is one line
 * (no quoted line breaks), so the file is read line by line: a line with no double quote (every
 * data row of a real file) is split on its commas, and any other line (the quoted `Date:` line,
 * quoted thousands separators) goes to csv-parse, which also names what is wrong with it. Cells
 * are trimmed either way. A file with lone carriage returns as line ends goes to csv-parse whole.
 * The rows are csv-parse's records (`trim`, `relax_column_count`) without the blank ones.
 * @throws CboeParseError at the line csv-parse rejects.
 */
export function readCsvRows(text: string): Row[] {
  const rows: Row[] = [];
  forEachCsvRow(text, (row) => rows.push(row));
  return rows;
}

/** {@link readCsvRows}, one row at a time. */
export function forEachCsvRow(text: string, visit: (row: Row) => void): void {
  scanRows(text, visit, undefined);
}

/**
 * Reads a line with no double quote, `text` from `start` to `stop` (its line end excluded), without
 * a row object; false leaves the line to the general path.
 */
type FastLine = (text: string, start: number, stop: number, line: number) => boolean;

/**
 * {@link forEachCsvRow}, offering each line with no double quote to `fast` first; stops after a
 * row that `visit` answers with false.
 */
function scanRows(text: string, visit: (row: Row) => boolean | void, fast: FastLine | undefined): void {
  if (text.includes('\r') && LONE_CR.test(text)) {
    for (const row of readRowsWhole(text)) if (visit(row) === false) return;
    return;
  }
  // The next double quote at or after the current line (Infinity: none left), found once per quote.
  let quote = -1;
  let line = 1;
  for (let pos = 0; pos < text.length; line++) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const stop = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (quote < pos) {
      quote = text.indexOf('"', pos);
      if (quote < 0) quote = Infinity;
    }
    if (fast === undefined || quote < stop || !fast(text, pos, stop, line)) {
      const cells = splitLine(text.slice(pos, stop), line);
      if (cells.some((cell) => cell !== '') && visit({ cells, line }) === false) return;
    }
    pos = end + 1;
  }
}

/** The cells of one line, trimmed like csv-parse's `trim` option. */
function splitLine(text: string, line: number): string[] {
  if (text.includes('"')) return parseCsv(text, line)[0] ?? [''];
  const cells = text.split(',');
  for (let i = 0; i < cells.length; i++) cells[i] = trimCell(cells[i] as string);
  return cells;
}

/** A cell trimmed like csv-parse's `trim` option (most cells have nothing to trim: no new string). */
function trimCell(cell: string): string {
  return cell.length > 0 && (isSpace(cell.charCodeAt(0)) || isSpace(cell.charCodeAt(cell.length - 1)))
    ? cell.trim()
    : cell;
}

/** A code unit that may be whitespace to trim (space, controls, anything beyond ASCII). */
function isSpace(code: number): boolean {
  return code <= 32 || code >= 0x80;
}

/** csv-parse over some text; its records in order. */
function parseCsv(text: string, firstLine: number): string[][] {
  try {
    return parse(text, PARSE_OPTIONS);
  } catch (error) {
    const lines = (error as { lines?: number }).lines ?? 1;
    throw new CboeParseError(`not CSV: ${(error as Error).message}`, firstLine + lines - 1);
  }
}

/** The rows of a file whose lines end in lone carriage returns, by csv-parse (record i is line i + 1). */
function readRowsWhole(text: string): Row[] {
  const rows: Row[] = [];
  parseCsv(text, 1).forEach((cells, i) => {
    if (cells.some((cell) => cell !== '')) rows.push({ cells, line: i + 1 });
  });
  return rows;
}

function parseSpot({ cells, line }: Row): string {
  const match = cells.map((cell) => /^Last:\s*([\d,]+(\.\d+)?)$/.exec(cell)).find(Boolean);
  if (!match?.[1]) throw new CboeParseError('expected "Last: <spot>" on the name line', line);
  const spot = match[1].replace(/,/g, '');
  if (!(Number(spot) > 0)) throw new CboeParseError(`spot price is not positive: "Last: ${match[1]}"`, line);
  return spot;
}

function parseStamp({ cells, line }: Row): string {
  const m = STAMP_RE.exec(cells[0] ?? '');
  const month = MONTHS.indexOf((m?.[1] ?? '').slice(0, 3).toLowerCase());
  if (!m || month < 0) throw new CboeParseError('expected "Date: <Month D, YYYY at h:mm PM EDT>"', line);
  const hour12 = Number(m[4]);
  if (hour12 < 1 || hour12 > 12) throw new CboeParseError(`bad hour in date stamp: ${m[4]}`, line);
  const hour = (hour12 % 12) + (m[6]?.toLowerCase() === 'p' ? 12 : 0);
  const date = `${m[3]}-${pad(month + 1)}-${pad(Number(m[2]))}`;
  const time = `${pad(hour)}:${m[5]}`;
  const zone = m[7]?.toUpperCase();
  const offset = zone ? ZONE_OFFSETS[zone] : undefined;
  if (zone && zone !== 'ET' && !offset)
    throw new CboeParseError(`unknown time zone in date stamp: ${zone}`, line);
  const ms = offset ? Date.parse(`${date}T${time}:00${offset}`) : Date.parse(newYorkInstant(date, time));
  if (!Number.isFinite(ms)) throw new CboeParseError(`impossible date stamp: ${date} ${time}`, line);
  return new Date(ms).toISOString();
}

function checkHeader({ cells, line }: Row): void {
  const same = cells.length === HEADER.length && HEADER.every((name, i) => cells[i] === name);
  if (!same) throw new CboeParseError(`unexpected header (want: ${HEADER.join(',')})`, line);
}

interface RowSink {
  contracts: ContractInput[];
  /** {@link ParseCboeOptions.onContract}: takes the contracts instead of `contracts`. */
  take: ((contract: ContractInput) => void) | undefined;
  /** Contracts read so far. */
  count: number;
  /** Roots of the option symbols seen (`SPY`; `SPXW` counts as `SPX`). */
  roots: Set<string>;
  /** The letters before the date of the last symbol read, and its root (most rows repeat them). */
  lastPrefix: string;
  lastRoot: string;
  /** Expiration-date text → `YYYY-MM-DD`, so each distinct date is parsed once. */
  expiries: Map<string, string>;
  /** The last expiration-date text a plain row read, and its date (rows come grouped by expiry). */
  lastExpiryText: string;
  lastExpiry: string;
  /** Line of the first data row. */
  firstLine: number;
}

function parseRow({ cells, line }: Row, sink: RowSink): void {
  if (cells.length !== HEADER.length) {
    throw new CboeParseError(`expected ${HEADER.length} columns, found ${cells.length}`, line);
  }
  if (sink.firstLine === 0) sink.firstLine = line;
  const text = cells[0] ?? '';
  let expiry = sink.expiries.get(text);
  if (expiry === undefined) sink.expiries.set(text, (expiry = parseExpiry(text, line)));
  const printed = cells[STRIKE] ?? '';
  const strike = printed.includes(',') ? printed.replace(/,/g, '') : printed;
  const row = { cells, expiry, strike, line };
  emit(sink, side(row, 1, 'call', sink), side(row, 12, 'put', sink));
}

/** A row's call and put, to `sink.take` or else its contracts. */
function emit(sink: RowSink, call: ContractInput, put: ContractInput): void {
  sink.count += 2;
  const { take } = sink;
  if (take === undefined) sink.contracts.push(call, put);
  else {
    take(call);
    take(put);
  }
}

/** Commas of a data row (its column count less one). */
const COMMAS = HEADER.length - 1;
/** Comma offsets of the plain row being read (cell i lies between commas i - 1 and i). */
const commas = new Int32Array(COMMAS + 1);

/**
 * A data row from a line with no double quote, read without splitting it: its commas are found
 * with indexOf and only the cells the contracts use are cut out and trimmed. It yields what
 * {@link parseRow} yields for that line; anything else (a blank row, another column count, an
 * empty call symbol, a bad date or symbol) is left to the general path (false), which skips the
 * line or throws its error.
 */
function readPlainDataRow(text: string, start: number, stop: number, line: number, sink: RowSink): boolean {
  let at = start - 1;
  for (let i = 0; i < COMMAS; i++) {
    at = text.indexOf(',', at + 1);
    if (at < 0 || at >= stop) return false;
    commas[i] = at;
  }
  const more = text.indexOf(',', at + 1);
  if (more >= 0 && more < stop) return false;
  commas[COMMAS] = stop;
  const callSymbol = cellAt(text, start, 1);
  if (callSymbol === '') return false;
  const expiryText = cellAt(text, start, 0);
  let expiry: string | undefined;
  if (expiryText === sink.lastExpiryText) expiry = sink.lastExpiry;
  else {
    expiry = sink.expiries.get(expiryText);
    if (expiry === undefined) return false;
    sink.lastExpiryText = expiryText;
    sink.lastExpiry = expiry;
  }
  const putSymbol = cellAt(text, start, 12);
  if (optionRoot(callSymbol, sink) === undefined || optionRoot(putSymbol, sink) === undefined) return false;
  // An unquoted cell holds no comma: the strike is as printed.
  const strike = cellAt(text, start, STRIKE);
  if (sink.firstLine === 0) sink.firstLine = line;
  emit(
    sink,
    plainSide(text, start, 1, callSymbol, 'call', strike, expiry),
    plainSide(text, start, 12, putSymbol, 'put', strike, expiry),
  );
  return true;
}

/** Cell `i` of the plain row whose commas are in {@link commas}, trimmed. */
function cellAt(text: string, start: number, i: number): string {
  return trimCell(text.slice(i === 0 ? start : (commas[i - 1] as number) + 1, commas[i]));
}

/** {@link side} for {@link readPlainDataRow}: the same contract, fields in the same order. */
function plainSide(
  text: string,
  start: number,
  at: number,
  symbol: string,
  kind: 'call' | 'put',
  strike: string,
  expiry: string,
): ContractInput {
  return {
    symbol,
    side: kind,
    strike,
    expiry,
    openInterest: cellAt(text, start, at + SIDE.openInterest),
    gamma: cellAt(text, start, at + SIDE.gamma),
    impliedVolatility: cellAt(text, start, at + SIDE.iv),
    bid: cellAt(text, start, at + SIDE.bid),
    ask: cellAt(text, start, at + SIDE.ask),
    volume: cellAt(text, start, at + SIDE.volume),
    delta: cellAt(text, start, at + SIDE.delta),
  };
}

function side(
  { cells, expiry, strike, line }: { cells: string[]; expiry: string; strike: string; line: number },
  at: number,
  kind: 'call' | 'put',
  sink: RowSink,
): ContractInput {
  const symbol = cells[at] ?? '';
  const root = optionRoot(symbol, sink);
  if (root === undefined) throw new CboeParseError(`bad ${kind} symbol "${symbol}"`, line);
  // The row has every column (checked by parseRow): no cell is missing.
  return {
    symbol,
    side: kind,
    strike,
    expiry,
    openInterest: cells[at + SIDE.openInterest],
    gamma: cells[at + SIDE.gamma],
    impliedVolatility: cells[at + SIDE.iv],
    bid: cells[at + SIDE.bid],
    ask: cells[at + SIDE.ask],
    volume: cells[at + SIDE.volume],
    delta: cells[at + SIDE.delta],
  };
}

/**
 * The root of an OCC-style option symbol (`SPXW230915C04505000` → `SPX`: letters, an optional `W`
 * that is not part of the root, six date digits, `C` or `P`, eight strike digits), or undefined when
 * the symbol is not one; a new root joins `sink.roots`. Checked by character, without a regular
 * expression or a new string for the many symbols that repeat the previous one's letters.
 */
export function optionRoot(
  symbol: string,
  sink: { roots: Set<string>; lastPrefix: string; lastRoot: string },
): string | undefined {
  const letters = symbol.length - SYMBOL_TAIL;
  if (letters < 1) return undefined;
  for (let i = letters; i < symbol.length; i++) {
    const code = symbol.charCodeAt(i);
    const ok = i === letters + 6 ? code === 67 || code === 80 : code >= 48 && code <= 57; // C, P; digits
    if (!ok) return undefined;
  }
  const { lastPrefix } = sink;
  if (lastPrefix.length === letters && symbol.startsWith(lastPrefix)) return sink.lastRoot;
  for (let i = 0; i < letters; i++) {
    const code = symbol.charCodeAt(i);
    if (code < 65 || code > 90) return undefined; // A-Z
  }
  const prefix = symbol.slice(0, letters);
  const root = letters > 1 && prefix.endsWith('W') ? prefix.slice(0, -1) : prefix;
  sink.roots.add(root);
  sink.lastPrefix = prefix;
  sink.lastRoot = root;
  return root;
}

function parseExpiry(text: string, line: number): string {
  const m = EXPIRY_RE.exec(text);
  const month = MONTHS.indexOf((m?.[1] ?? '').toLowerCase());
  if (!m || month < 0) throw new CboeParseError(`bad expiration date "${text}"`, line);
  const date = `${m[3]}-${pad(month + 1)}-${pad(Number(m[2]))}`;
  // Date.UTC rolls day 32 or February 30 over into the next month; a real date survives unchanged.
  const roundTrip = new Date(Date.UTC(Number(m[3]), month, Number(m[2]))).toISOString().slice(0, 10);
  if (roundTrip !== date) throw new CboeParseError(`impossible expiration date "${text}"`, line);
  return date;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
