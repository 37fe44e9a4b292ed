import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encryptCredentials } from '../../../functions/src/accounts/credential-cipher';
import { parseMasterKeyring } from '../../../functions/src/accounts/master-keyring';
import { contentHash, syncUser, type SyncUserDeps } from '../../../functions/src/accounts/sync-user';
import { AlpacaApiError } from '../../../functions/src/market/alpaca-api-error';
import type { AccountSyncStore, SyncUserState } from '../../../functions/src/store/account-sync-store';
import type { TradingClient } from '../../../functions/src/trading/trading-client';
import { toAccountContent } from '../../../functions/src/trading/to-account-content';
import { RawAccount } from '../../../functions/src/trading/trading-wire';

const keyring = parseMasterKeyring(`k1:${randomBytes(32).toString('base64')}`, 'k1');
const now = new Date('2026-01-05T15:00:10Z');
const account = RawAccount.parse({
  id: 'a',
  account_number: 'PA1',
  status: 'ACTIVE',
  equity: '10.00',
  cash: '10.00',
  buying_power: '20.00',
  options_buying_power: '10.00',
  long_market_value: '0',
  short_market_value: '0',
  trading_blocked: false,
  account_blocked: false,
});

function setup(client: Partial<TradingClient>) {
  const writes: string[] = [];
  const store = {
    writeSnapshot: (uid: string) => Promise.resolve(void writes.push(`snapshot ${uid}`)),
    writeFailure: (uid: string, f: { kind: string }) =>
      Promise.resolve(void writes.push(`failure ${uid} ${f.kind}`)),
    markInvalid: (uid: string) => Promise.resolve(void writes.push(`invalid ${uid}`)),
    backOff: (uid: string, until: string) => Promise.resolve(void writes.push(`backoff ${uid} ${until}`)),
  } as unknown as AccountSyncStore;
  const deps: SyncUserDeps = {
    store,
    keyring,
    now: () => now,
    backoffMs: 120_000,
    tradingClient: () => ({
      getAccount: () => Promise.resolve(account),
      listPositions: () => Promise.resolve([]),
      calls: () => 0,
      ...client,
    }),
  };
  const user = (over: Partial<SyncUserState> = {}): SyncUserState => ({
    uid: 'u1',
    status: 'active',
    backoffUntil: null,
    record: encryptCredentials({ uid: 'u1', credentials: { accessToken: 't' }, paper: true, keyring, now }),
    snapshot: null,
    ...over,
  });
  return { deps, writes, user };
}
const input = { asOf: '2026-01-05T15:00:00.000Z', signal: new AbortController().signal };

describe('syncUser', () => {
  it('writes new content, and not the same content again', async () => {
    const { deps, writes, user } = setup({});
    expect(await syncUser(deps, user(), input)).toBe('written');
    const hash = contentHash(toAccountContent(account, []));
    const same = user({ snapshot: { contentHash: hash, syncError: null, syncErrorKind: null } });
    expect(await syncUser(deps, same, input)).toBe('unchanged');
    expect(writes).toEqual(['snapshot u1']);
  });

  it('401/403 marks the connection invalid; 429 backs off two minutes', async () => {
    const auth = setup({
      getAccount: () => Promise.reject(new AlpacaApiError('/v2/account', 'auth', 401, 'x')),
    });
    expect(await syncUser(auth.deps, auth.user(), input)).toBe('invalid');
    expect(auth.writes).toEqual(['invalid u1']);
    const limited = setup({
      listPositions: () => Promise.reject(new AlpacaApiError('/v2/positions', 'rate_limited', 429, 'x')),
    });
    expect(await syncUser(limited.deps, limited.user(), input)).toBe('backed_off');
    expect(limited.writes).toEqual(['backoff u1 2026-01-05T15:02:10.000Z']);
  });

  it('the same failure is not rewritten every minute; a backed-off or inactive user is skipped', async () => {
    const down = setup({
      getAccount: () => Promise.reject(new AlpacaApiError('/v2/account', 'http', 503, 'x')),
    });
    expect(await syncUser(down.deps, down.user(), input)).toBe('failed');
    const recorded = {
      contentHash: null,
      syncError: '/v2/account: Alpaca unavailable (503)',
      syncErrorKind: 'unavailable',
    };
    expect(await syncUser(down.deps, down.user({ snapshot: recorded }), input)).toBe('failed');
    expect(down.writes).toEqual(['failure u1 unavailable']);
    expect(await syncUser(down.deps, down.user({ backoffUntil: '2026-01-05T15:01:00Z' }), input)).toBe(
      'skipped',
    );
    expect(await syncUser(down.deps, down.user({ status: 'invalid' }), input)).toBe('skipped');
  });

  it('a record that is not this uid’s turns the connection invalid without calling Alpaca', async () => {
    let called = false;
    const moved = setup({ getAccount: () => ((called = true), Promise.resolve(account)) });
    expect(await syncUser(moved.deps, moved.user({ uid: 'u2' }), input)).toBe('invalid');
    expect(called).toBe(false);
    expect(moved.writes).toEqual(['invalid u2']);
  });
});
