/**
 * The floor of `gex compute` as a process: read the CBOE file, csv-parse it from the header row,
 * and one float64 pass over the parsed strings (Σ ± gamma × OI × 100 × spot, conversions
 * included). Prints the sum. Bundled to .cache/bench/ like the CLI, so both start the same way.
 */
import { readFileSync } from 'node:fs';
import { floatPass, parseFromHeader } from '../lib/floors';

const file = process.argv[2];
if (!file) throw new Error('usage: floor-process FILE');
const text = readFileSync(file, 'utf8');
const spot = Number(/Last:\s*([\d,.]+)/.exec(text)?.[1]?.replace(/,/g, ''));
console.log(floatPass(parseFromHeader(text), spot));
