/**
 * The floor of `gex compute` as a process: read the CBOE file, csv-parse it from the header row,
 * and one float64 pass over the parsed strings (Σ ± gamma × OI × 100 × spot, conversions
 * included). Prints the sum. With `--splitter`, the CBOE parser's own line reader replaces
 * csv-parse. Bundled to .cache/bench/ like the CLI, so both start the same way.
 */
import { readFileSync } from 'node:fs';
import { floatPass, parseFromHeader, splitFromHeader } from '../lib/floors';

const [file, mode] = process.argv.slice(2);
if (!file) throw new Error('usage: floor-process FILE [--splitter]');
const text = readFileSync(file, 'utf8');
const spot = Number(/Last:\s*([\d,.]+)/.exec(text)?.[1]?.replace(/,/g, ''));
const records = mode === '--splitter' ? splitFromHeader(text) : parseFromHeader(text);
console.log(floatPass(records, spot));
