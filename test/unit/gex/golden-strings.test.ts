import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeGex } from '../../../functions/src/gex/compute-gex';
import { decimalStrings, FIXTURES, fixtureInput, GOLDEN_FILE, SELECTIONS } from './golden-strings';

/**
 * The stored Decimal strings of every real fixture stay exactly as captured after issue 7's fix
 * (`npx tsx test/unit/gex/write-golden-strings.ts` rewrote them then): a faster engine must not
 * move a single cent.
 */
const golden = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Record<string, unknown>;

describe('Decimal strings on every CBOE fixture', () => {
  it('pins every fixture and selection', () => {
    expect(Object.keys(golden).sort()).toEqual(
      FIXTURES.flatMap((file) => Object.keys(SELECTIONS).map((s) => `${file} ${s}`)).sort(),
    );
  });

  it.each(
    FIXTURES.flatMap((file) => Object.entries(SELECTIONS).map(([name, s]) => [file, name, s] as const)),
  )('%s --expiries %s', (file, name, selection) => {
    expect(decimalStrings(computeGex(fixtureInput(file, selection)))).toEqual(golden[`${file} ${name}`]);
  });
});
