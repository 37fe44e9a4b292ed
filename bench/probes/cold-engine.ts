/**
 * One fresh process's first runs: parse the CBOE file, build the engine input, `computeGex` once
 * cold, then three more times warm. Prints JSON timings (ms). Bundled to .cache/bench/.
 */
import { readFileSync } from 'node:fs';
import { cboeChainInput } from '../../offline/cboe/cboe-chain-input';
import { parseCboeCsv } from '../../offline/cboe/parse-cboe';
import { computeGex } from '../../functions/src/gex/compute-gex';

const file = process.argv[2];
if (!file) throw new Error('usage: cold-engine FILE');
const text = readFileSync(file, 'utf8');
const t0 = performance.now();
const input = cboeChainInput(parseCboeCsv(text), { expiries: 'all' });
const t1 = performance.now();
computeGex(input);
const t2 = performance.now();
const warm: number[] = [];
for (let i = 0; i < 3; i++) {
  const start = performance.now();
  computeGex(input);
  warm.push(performance.now() - start);
}
console.log(JSON.stringify({ parseMs: t1 - t0, coldMs: t2 - t1, warmMs: Math.min(...warm) }));
