import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeGex } from '../../../functions/src/gex/compute-gex';
import { decimalStrings, FIXTURES, fixtureInput, GOLDEN_FILE, SELECTIONS } from './golden-strings';

/**
 * The stored Decimal strings of every real fixture stay exactly as captured once every stored
 * identity held (`npx tsx test/unit/gex/write-golden-strings.ts` wrote them): a faster engine must
 * not move a single cent. The open-interest figures alone (`exposures: false`) must equal them
 * exactly; with volume GEX, majors and exposures beside them, every pinned regime string must
 * still be present and equal (the profile then also lists strikes that only traded today).
 */
const golden = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Record<string, unknown>;

describe('Decimal strings on every CBOE fixture', () => {
  it('pins every fixture and selection', () => {
    expect(Object.keys(golden).sort()).toEqual(
      FIXTURES.flatMap((file) => Object.keys(SELECTIONS).map((s) => `${file} ${s}`)).sort(),
    );
  });

  const cases = FIXTURES.flatMap((file) =>
    Object.entries(SELECTIONS).map(([name, s]) => [file, name, s] as const),
  );

  it.each(cases)('%s --expiries %s: the open-interest figures', (file, name, selection) => {
    const result = computeGex(fixtureInput(file, selection), { exposures: false });
    expect(decimalStrings(result)).toEqual(golden[`${file} ${name}`]);
  });

  it.each(cases)('%s --expiries %s: the same strings beside the exposures', (file, name, selection) => {
    const {
      profile_rows: _rows,
      profile_sha256: _sha,
      ...pinned
    } = golden[`${file} ${name}`] as Record<string, unknown>;
    expect(decimalStrings(computeGex(fixtureInput(file, selection)))).toMatchObject(pinned);
  });
});
