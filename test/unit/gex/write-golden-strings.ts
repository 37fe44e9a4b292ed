/**
 * Rewrites golden-strings.json from the current engine: `npx tsx test/unit/gex/write-golden-strings.ts`.
 * Run it only when a change is meant to move stored strings, and say so in the commit.
 */
import { writeFileSync } from 'node:fs';
import { computeGex } from '../../../functions/src/gex/compute-gex';
import { decimalStrings, FIXTURES, fixtureInput, GOLDEN_FILE, SELECTIONS } from './golden-strings';

const golden: Record<string, unknown> = {};
for (const file of FIXTURES) {
  for (const [name, selection] of Object.entries(SELECTIONS)) {
    const input = fixtureInput(file, selection);
    if (input.contracts.length > 0) golden[`${file} ${name}`] = decimalStrings(computeGex(input));
  }
}
writeFileSync(GOLDEN_FILE, `${JSON.stringify(golden, null, 2)}\n`);
console.log(`${Object.keys(golden).length} results written to ${GOLDEN_FILE}`);
