import { describe, expect, it } from 'vitest';
import { resolveFirebaseSetup, isLocalHostname } from '../../../web/src/firebase/setup';
import { parseHistoryRows, parseProfile, parseRegime } from '../../../web/src/model/parse-documents';
import { historyRow, profileData, regimeData } from './fixtures';

describe('parsing documents with the contract', () => {
  it('splits the regime into symbols with upper-case tickers and their error_kind', () => {
    const state = parseRegime(
      regimeData({ qqq: { ...(regimeData().qqq as object), error_kind: 'rate_limit' } }),
    );
    expect(state.ok && state.symbols.map((s) => [s.key, s.ticker, s.errorKind])).toEqual([
      ['spy', 'SPY', null],
      ['qqq', 'QQQ', 'rate_limit'],
    ]);
  });

  it('rejects a profile that breaks the contract and drops bad history rows one by one', () => {
    expect(parseProfile(profileData())?.symbol).toBe('SPY');
    expect(parseProfile({ ...profileData(), spot_price: 450 })).toBeNull();
    const good = historyRow('2025-05-16T14:30:00.000Z', '1.00', '450.00');
    expect(parseHistoryRows([good, { ...good, pulse_time: 7 }])).toHaveLength(1);
  });

  it('reads error_kind through the contract: absent or null is no kind, an unknown kind is refused', () => {
    const kindOf = (value: unknown) => {
      const state = parseRegime(regimeData({ error_kind: value }));
      return state.ok ? state.errorKind : `refused: ${state.message}`;
    };
    expect(kindOf('config')).toBe('config');
    expect(kindOf(null)).toBeNull();
    expect(kindOf(undefined)).toBeNull();
    expect(kindOf('new_kind')).toMatch(/^refused: error_kind/);
  });
});

describe('resolveFirebaseSetup', () => {
  const refuse = () => Promise.reject(new Error('no fetch expected'));

  it('uses the emulators of the demo project when served from this machine', async () => {
    expect(['localhost', '127.0.0.1', '[::1]'].every(isLocalHostname)).toBe(true);
    const setup = await resolveFirebaseSetup({ hostname: '127.0.0.1' }, refuse);
    expect(setup.config.projectId).toBe('demo-gex-pulse');
    expect(setup.emulators).toEqual({
      authUrl: 'http://127.0.0.1:9099',
      firestoreHost: '127.0.0.1',
      firestorePort: 8080,
      functionsHost: '127.0.0.1',
      functionsPort: 5001,
    });
  });

  it("reads the hosted project's /__/firebase/init.json when deployed", async () => {
    const asked: string[] = [];
    const setup = await resolveFirebaseSetup({ hostname: 'gex.example.web.app' }, (url) => {
      asked.push(url);
      return Promise.resolve({ projectId: 'gex-prod', apiKey: 'k' });
    });
    expect(asked).toEqual(['/__/firebase/init.json']);
    expect(setup).toEqual({ config: { projectId: 'gex-prod', apiKey: 'k' }, emulators: null });
    await expect(resolveFirebaseSetup({ hostname: 'x.web.app' }, () => Promise.resolve({}))).rejects.toThrow(
      'no projectId',
    );
  });
});
