import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../cli/cli-io';
import { run as compute } from '../../../cli/compute-command';
import { run as live } from '../../../cli/live-command';
import type { RunningSimulator } from '../../../simulator/server';
import { memoryIo } from '../../support/memory-io';
import { simFaults, simPost, simReset, startSim } from './sim-harness';

const CBOE = 'test/fixtures/cboe/spy_quotedata_2025-05-16_1923ET.csv';
let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.close());

/** The environment that points the CLI at `url` (the simulator unless a test says otherwise). */
function envFor(url: string, secret = sim.secretKey, dataUrl = url): Record<string, string> {
  return {
    APCA_API_KEY_ID: sim.keyId,
    APCA_API_SECRET_KEY: secret,
    APCA_API_BASE_URL: url,
    APCA_API_DATA_URL: dataUrl,
  };
}

/** Runs a CLI command in process and captures what it prints. */
async function capture(
  command: (args: string[], io: CliIo) => Promise<number>,
  args: string[],
  env: Record<string, string | undefined> = envFor(sim.url),
) {
  const io = memoryIo({ env });
  const code = await command(args, io);
  return { code, stdout: io.out().replace(/\n$/, ''), stderr: io.errLines() };
}

describe('gex live', () => {
  it('against a replay of a CBOE file equals `compute` on that file, as identical Decimal strings', async () => {
    await simReset(sim);
    await simPost(sim, 'replay', { file: CBOE });
    const fromLive = await capture(live, ['--symbols', 'SPY', '--json', '--band-pct', 'all']);
    const fromFile = await capture(compute, ['--cboe', CBOE, '--json']);
    expect([fromLive.code, fromFile.code]).toEqual([0, 0]);
    const { spy, ...others } = JSON.parse(fromLive.stdout) as Record<string, Record<string, unknown>>;
    expect(others).toEqual({});
    const { market_open: marketOpen, ...regime } = spy ?? {};
    expect(marketOpen).toBe(false); // stamped 19:23 New York, after the close
    const expected = JSON.parse(fromFile.stdout) as Record<string, unknown>;
    expect(regime).toStrictEqual(expected);
    expect(expected.option_count).toBeGreaterThan(100);
    expect(expected.net_gex).toMatch(/^-?\d+\.\d{2}$/);
  });

  it('prints one JSON object keyed by lower-case symbol; a failed symbol carries its error and exits 1', async () => {
    await simReset(sim, '2025-05-16T15:00:00Z');
    await simFaults(sim, [{ kind: 'empty_chain', symbol: 'QQQ' }]);
    const { code, stdout } = await capture(live, ['--symbols', 'SPY,QQQ', '--json']);
    expect(code).toBe(1);
    const doc = JSON.parse(stdout) as Record<string, Record<string, unknown>>;
    expect(Object.keys(doc)).toEqual(['spy', 'qqq']);
    expect(doc.spy).toMatchObject({ market_open: true, volatility_bias: expect.any(String) as string });
    expect(doc.qqq).toMatchObject({ error_kind: 'empty_chain', market_open: true });
  });

  it('a closed market is not an error: the text says so and names the expiries used', async () => {
    await simReset(sim, '2025-05-17T16:00:00Z');
    const { code, stdout } = await capture(live, ['--symbols', 'SPY']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Market closed/);
    expect(stdout).toMatch(/0DTE session 2025-05-19, 1DTE session 2025-05-20/);
    expect(stdout).toMatch(/^SPY {2}spot /m);
  });

  it('unreachable host or rejected keys: one clear line, exit 1', async () => {
    const down = await capture(live, ['--symbols', 'SPY'], envFor('http://127.0.0.1:9'));
    expect(down.code).toBe(1);
    expect(down.stderr).toEqual([
      expect.stringMatching(/^live: cannot reach Alpaca at http:\/\/127\.0\.0\.1:9 /),
    ]);

    const denied = await capture(live, ['--symbols', 'SPY'], envFor(sim.url, 'wrong-secret'));
    expect(denied.code).toBe(1);
    expect(denied.stderr).toEqual([expect.stringMatching(/Alpaca rejected the keys/)]);
  });

  it('a market-data host that cannot be reached is one clear line too, even with --json', async () => {
    await simReset(sim, '2025-05-16T15:00:00Z');
    const env = envFor(sim.url, sim.secretKey, 'http://127.0.0.1:9');
    const { code, stdout, stderr } = await capture(live, ['--symbols', 'SPY,QQQ', '--json'], env);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toEqual([
      expect.stringMatching(
        /^live: cannot reach Alpaca at http:\/\/127\.0\.0\.1:9 \(\/v2\/stocks\/trades\/latest: unreachable \(bad port\)\)$/,
      ),
    ]);
  });

  it('says so when a chain took more than one page', async () => {
    await simReset(sim);
    await simPost(sim, 'replay', { file: 'test/fixtures/cboe/spx_quotedata_2023-09-14_1631ET.csv' });
    const all = await capture(live, ['--symbols', 'SPX', '--band-pct', 'all']);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(
      /^Note: SPX chain took 2 pages \(every strike\); each page is one market-data call$/m,
    );
    const banded = await capture(live, ['--symbols', 'SPX']);
    expect(banded.stdout).not.toMatch(/^Note:/m);
  });
});
