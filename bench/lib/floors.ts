import { parse } from 'csv-parse/sync';
import { readCsvRows } from '../../offline/cboe/parse-cboe';

/** Column offsets of the CBOE rows (calls from 1, puts from 12): gamma and open interest. */
const CALL_GAMMA = 9;
const PUT_GAMMA = 20;

/** A bare csv-parse pass over a CBOE file from its header row on (default options). */
export function parseFromHeader(text: string): string[][] {
  const records: string[][] = parse(text.slice(text.indexOf('Expiration Date')));
  return records;
}

/**
 * The CBOE parser's own line reader alone from the header row on (split unquoted lines, csv-parse
 * for quoted ones): the floor of `parseCboeCsv` without building a contract.
 */
export function splitFromHeader(text: string): string[][] {
  return readCsvRows(text.slice(text.indexOf('Expiration Date'))).map((row) => row.cells);
}

/**
 * One float64 pass over the parsed strings: Σ gamma × OI × 100 × spot, calls plus, puts minus,
 * converting each string with `Number` (thousands separators stripped only where present).
 */
export function floatPass(records: string[][], spot: number): number {
  const num = (cell: string | undefined) => Number(cell?.includes(',') ? cell.replace(/,/g, '') : cell);
  let sum = 0;
  for (let i = 1; i < records.length; i++) {
    const row = records[i] as string[];
    const call = num(row[CALL_GAMMA]) * num(row[CALL_GAMMA + 1]);
    const put = num(row[PUT_GAMMA]) * num(row[PUT_GAMMA + 1]);
    if (Number.isFinite(call - put)) sum += (call - put) * 100 * spot;
  }
  return sum;
}
