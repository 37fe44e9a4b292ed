import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/compute-command';
import { SymbolRegime } from '../../../functions/src/contract/regime';
import { memoryIo } from '../../support/memory-io';

const DIR = fileURLToPath(new URL('../../fixtures/cboe/', import.meta.url));
const FILES = readdirSync(DIR).filter((name) => name.endsWith('.csv'));

async function gex(args: string[]) {
  const io = memoryIo();
  const code = await run(args, io);
  const printed = io.out();
  return { code, out: printed === '' ? [] : [printed.replace(/\n$/, '')], err: io.errLines() };
}

describe('gex compute on every CBOE fixture and every --expiries choice', () => {
  it('has all five real files', () => {
    expect(FILES).toHaveLength(5);
  });

  describe.each(FILES)('%s', (file) => {
    const path = `${DIR}${file}`;
    const stamp = /(\d{4}-\d{2}-\d{2})/.exec(file)?.[1];

    it.each(['0dte,1dte', 'all', '0dte', '1dte'])('--expiries %s', async (expiries) => {
      const { code, out, err } = await gex(['--cboe', path, '--expiries', expiries, '--json']);
      if (code !== 0) {
        // Only a 1DTE session that lists no expiry may leave a selection empty.
        expect({ expiries, code, err }).toMatchObject({ expiries: '1dte', code: 2 });
        expect(err).toHaveLength(1);
        expect(err[0]).toMatch(
          /^gex compute: no contracts in the selected expiries \(1DTE session \S+ lists no expiry\)$/,
        );
        return;
      }
      expect(out).toHaveLength(1);
      const text = out[0] ?? '';
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
      const regime = SymbolRegime.parse(JSON.parse(text));
      expect(regime.option_count).toBeGreaterThan(0);
      expect(regime.quality.contracts_used).toBe(regime.option_count);
      expect(regime.as_of.slice(0, 10) >= (stamp ?? '')).toBe(true);
    });

    // An as-of after every expiry is a clear one-line error, whatever the selection.
    it.each(['0dte,1dte', 'all'])('--expiries %s with an as-of after every expiry', async (expiries) => {
      const late = await gex(['--cboe', path, '--expiries', expiries, '--as-of', '2099-01-02T15:00:00Z']);
      expect(late.code).toBe(2);
      expect(late.out).toEqual([]);
      expect(late.err).toHaveLength(1);
      expect(late.err[0]).toMatch(
        /^gex compute: every expiry in the file ended before the as-of time 2099-01-02T15:00:00\.000Z/,
      );
    });
  });
});
