import { describe, expect, it } from 'vitest';
import { computeGex } from '../../../functions/src/gex/compute-gex';
import { FIXTURES, fixtureInput, SELECTIONS } from './golden-strings';

/**
 * The stored zero-gamma level of every real fixture, as the sweep gave it with `Math.exp` for every
 * grid point: a faster sweep must not move one to the next cent.
 */
const LEVELS: Record<string, string | null> = {
  'spx_quotedata_2023-09-14_1631ET.csv all': '4489.47',
  'spx_quotedata_2023-09-14_1631ET.csv 0dte,1dte': '4488.73',
  'spx_quotedata_2025-01-06_2057ET_snippet20rows.csv all': null,
  'spx_quotedata_2025-01-06_2057ET_snippet20rows.csv 0dte,1dte': null,
  'spy_quotedata_2022-07-09_1728ET.csv all': '397.26',
  'spy_quotedata_2022-07-09_1728ET.csv 0dte,1dte': '387.59',
  'spy_quotedata_2023-09-14_1631ET.csv all': '449.60',
  'spy_quotedata_2023-09-14_1631ET.csv 0dte,1dte': '448.75',
  'spy_quotedata_2025-05-16_1923ET.csv all': '588.45',
  'spy_quotedata_2025-05-16_1923ET.csv 0dte,1dte': '590.02',
};

describe('zero-gamma level on every CBOE fixture', () => {
  const cases = FIXTURES.flatMap((file) => Object.keys(SELECTIONS).map((name) => `${file} ${name}`));

  it('pins every fixture and selection', () => {
    expect(Object.keys(LEVELS).sort()).toEqual([...cases].sort());
  });

  it.each(cases)('%s', (key) => {
    const [file = '', name = ''] = key.split(' ');
    const selection = SELECTIONS[name];
    if (!selection) throw new Error(`no selection ${name}`);
    expect(computeGex(fixtureInput(file, selection)).regime.zero_gamma).toBe(LEVELS[key]);
  });
});
