import { mockFetch } from '@alpacahq/alpaca-trade-api/testing';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../cli/cli-io';
import { run as live } from '../../../cli/live-command';
import { memoryIo } from '../../support/memory-io';

/**
 * `gex live` in process, with no network: the Alpaca transport is injected. What needs a real
 * chain (the simulator over HTTP) is in test/integration/market/live-command.test.ts.
 */
const KEYS = { APCA_API_KEY_ID: 'k', APCA_API_SECRET_KEY: 's' };
const HOSTS = { APCA_API_BASE_URL: 'http://trading.test', APCA_API_DATA_URL: 'http://data.test' };

/** A transport that records every request and fails it. */
function recordingFetch() {
  const urls: string[] = [];
  const fetch: CliIo['fetch'] = (url) => {
    urls.push(url);
    return Promise.reject(new TypeError('fetch failed', { cause: new Error('no network in unit tests') }));
  };
  return { fetch, urls };
}

async function runLive(args: string[], env: Record<string, string>, fetch?: CliIo['fetch']) {
  const io = memoryIo({ env, fetch: fetch ?? recordingFetch().fetch });
  const code = await live(args, io);
  return { code, stdout: io.out(), stderr: io.errLines() };
}

describe('gex live: usage and configuration errors exit 2 with one line and send nothing', () => {
  it.each([
    [['--feed', 'sip'], { ...KEYS, ...HOSTS }, /^live: --feed must be "indicative" or "opra", got "sip"$/],
    [['--symbols', 'SPY,SP Y'], { ...KEYS, ...HOSTS }, /^live: --symbols: "SP Y" is not a ticker symbol$/],
    [
      ['--band-pct', 'Infinity'],
      { ...KEYS, ...HOSTS },
      /^live: --band-pct must be a positive number or "all", got "Infinity"$/,
    ],
    [['--symbols', ','], { ...KEYS, ...HOSTS }, /^live: --symbols needs at least one symbol$/],
    [['--bogus'], { ...KEYS, ...HOSTS }, /^live: Unknown option '--bogus'/],
    [
      ['--symbols', 'SPY'],
      { APCA_API_SECRET_KEY: 's', ...HOSTS },
      /^live: APCA_API_KEY_ID is not set \(or point APCA_API_BASE_URL\/APCA_API_DATA_URL at `npm run simulator`\)$/,
    ],
    [
      ['--symbols', 'SPY'],
      { ...KEYS, ...HOSTS, APCA_OPTIONS_FEED: 'sip' },
      /^live: APCA_OPTIONS_FEED must be "indicative" or "opra", got "sip"$/,
    ],
    [
      ['--symbols', 'SPY'],
      { ...KEYS, APCA_API_BASE_URL: 'localhost:4010' },
      /^live: APCA_API_BASE_URL must be an http\(s\) URL, got "localhost:4010"$/,
    ],
  ])('%j', async (args, env, line) => {
    const transport = recordingFetch();
    const { code, stdout, stderr } = await runLive(args, env, transport.fetch);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toEqual([expect.stringMatching(line)]);
    expect(transport.urls).toEqual([]);
  });
});

describe('gex live: Alpaca failures exit 1 with one line', () => {
  it('keys the trading host rejects', async () => {
    const fetch = mockFetch([
      { path: '/v2/clock', status: 401, body: { code: 40110000, message: 'access key verification failed' } },
    ]);
    const { code, stdout, stderr } = await runLive(['--symbols', 'SPY'], { ...KEYS, ...HOSTS }, fetch);
    expect([code, stdout]).toEqual([1, '']);
    expect(stderr).toEqual([
      expect.stringMatching(
        /^live: Alpaca rejected the keys \(.*\); check APCA_API_KEY_ID \/ APCA_API_SECRET_KEY$/,
      ),
    ]);
  });

  it('a trading host that cannot be reached is named', async () => {
    const transport = recordingFetch();
    const { code, stdout, stderr } = await runLive(
      ['--symbols', 'SPY'],
      { ...KEYS, ...HOSTS },
      transport.fetch,
    );
    expect([code, stdout]).toEqual([1, '']);
    expect(stderr).toEqual([
      'live: cannot reach Alpaca at http://trading.test (/v2/clock: unreachable (no network in unit tests))',
    ]);
    expect(transport.urls).toContain('http://trading.test/v2/clock');
  });
});
