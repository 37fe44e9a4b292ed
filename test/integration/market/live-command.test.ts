import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as compute } from '../../../cli/compute-command';
import { run as live } from '../../../cli/live-command';
import type { RunningSimulator } from '../../../simulator/server';
import { simFaults, simPost, simReset, startSim } from './sim-harness';

const CBOE = 'test/fixtures/cboe/spy_quotedata_2025-05-16_1923ET.csv';
const ENV_KEYS = [
  'APCA_API_KEY_ID',
  'APCA_API_SECRET_KEY',
  'APCA_API_BASE_URL',
  'APCA_API_DATA_URL',
  'APCA_OPTIONS_FEED',
] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.close());
afterEach(() => {
  vi.restoreAllMocks();
  for (const k of ENV_KEYS) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
});

function pointAt(url: string, secret = sim.secretKey, dataUrl = url): void {
  Object.assign(process.env, {
    APCA_API_KEY_ID: sim.keyId,
    APCA_API_SECRET_KEY: secret,
    APCA_API_BASE_URL: url,
    APCA_API_DATA_URL: dataUrl,
  });
}

/** Runs a CLI command and captures what it prints. */
async function capture(command: (args: string[]) => Promise<number>, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await command(args);
  vi.restoreAllMocks();
  return { code, stdout: out.join('\n'), stderr: err };
}

describe('gex live', () => {
  it('against a replay of a CBOE file equals `compute` on that file, as identical Decimal strings', async () => {
    await simReset(sim);
    await simPost(sim, 'replay', { file: CBOE });
    pointAt(sim.url);
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
    pointAt(sim.url);
    const { code, stdout } = await capture(live, ['--symbols', 'SPY,QQQ', '--json']);
    expect(code).toBe(1);
    const doc = JSON.parse(stdout) as Record<string, Record<string, unknown>>;
    expect(Object.keys(doc)).toEqual(['spy', 'qqq']);
    expect(doc.spy).toMatchObject({ market_open: true, volatility_bias: expect.any(String) as string });
    expect(doc.qqq).toMatchObject({ error_kind: 'empty_chain', market_open: true });
  });

  it('a closed market is not an error: the text says so and names the expiries used', async () => {
    await simReset(sim, '2025-05-17T16:00:00Z');
    pointAt(sim.url);
    const { code, stdout } = await capture(live, ['--symbols', 'SPY']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Market closed/);
    expect(stdout).toMatch(/0DTE session 2025-05-19, 1DTE session 2025-05-20/);
    expect(stdout).toMatch(/^SPY {2}spot /m);
  });

  it('missing keys: one clear line, exit 2, nothing on stdout', async () => {
    delete process.env.APCA_API_KEY_ID;
    const { code, stdout, stderr } = await capture(live, ['--symbols', 'SPY']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(/APCA_API_KEY_ID is not set/);
  });

  it('unreachable host or rejected keys: one clear line, exit 1', async () => {
    pointAt('http://127.0.0.1:9');
    const down = await capture(live, ['--symbols', 'SPY']);
    expect(down.code).toBe(1);
    expect(down.stderr).toEqual([
      expect.stringMatching(/^live: cannot reach Alpaca at http:\/\/127\.0\.0\.1:9 /),
    ]);

    pointAt(sim.url, 'wrong-secret');
    const denied = await capture(live, ['--symbols', 'SPY']);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toEqual([expect.stringMatching(/Alpaca rejected the keys/)]);
  });

  it('a market-data host that cannot be reached is one clear line too, even with --json', async () => {
    await simReset(sim, '2025-05-16T15:00:00Z');
    pointAt(sim.url, sim.secretKey, 'http://127.0.0.1:9');
    const { code, stdout, stderr } = await capture(live, ['--symbols', 'SPY,QQQ', '--json']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toEqual([
      expect.stringMatching(
        /^live: cannot reach Alpaca at http:\/\/127\.0\.0\.1:9 \(\/v2\/stocks\/trades\/latest: unreachable \(bad port\)\)$/,
      ),
    ]);
  });

  it.each([
    [['--feed', 'sip'], /^live: --feed must be "indicative" or "opra", got "sip"$/],
    [['--symbols', 'SPY,SP Y'], /^live: --symbols: "SP Y" is not a ticker symbol$/],
    [['--band-pct', 'Infinity'], /^live: --band-pct must be a positive number or "all", got "Infinity"$/],
  ])('bad flags %j: one line, exit 2, no request', async (args, line) => {
    await simReset(sim, '2025-05-16T15:00:00Z');
    pointAt(sim.url);
    const { code, stdout, stderr } = await capture(live, args);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toEqual([expect.stringMatching(line)]);
    expect(sim.control.stats().total).toBe(0);
  });

  it('an unknown APCA_OPTIONS_FEED is named without the key hint', async () => {
    pointAt(sim.url);
    process.env.APCA_OPTIONS_FEED = 'sip';
    const { code, stderr } = await capture(live, ['--symbols', 'SPY']);
    expect(code).toBe(2);
    expect(stderr).toEqual(['live: APCA_OPTIONS_FEED must be "indicative" or "opra", got "sip"']);
  });

  it('a host override that is not an http(s) URL is a usage error naming the variable', async () => {
    pointAt('localhost:4010');
    const { code, stdout, stderr } = await capture(live, ['--symbols', 'SPY']);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toEqual(['live: APCA_API_BASE_URL must be an http(s) URL, got "localhost:4010"']);
  });

  it('says so when a chain took more than one page', async () => {
    await simReset(sim);
    await simPost(sim, 'replay', { file: 'test/fixtures/cboe/spx_quotedata_2023-09-14_1631ET.csv' });
    pointAt(sim.url);
    const all = await capture(live, ['--symbols', 'SPX', '--band-pct', 'all']);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(
      /^Note: SPX chain took 2 pages \(every strike\); each page is one market-data call$/m,
    );
    const banded = await capture(live, ['--symbols', 'SPX']);
    expect(banded.stdout).not.toMatch(/^Note:/m);
  });
});
