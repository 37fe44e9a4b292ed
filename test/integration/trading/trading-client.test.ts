import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AccountContent } from '../../../functions/src/contract/account-snapshot';
import { createTradingClient, type TradingCredentials } from '../../../functions/src/trading/trading-client';
import { toAccountContent } from '../../../functions/src/trading/to-account-content';
import type { RunningSimulator } from '../../../simulator/server';
import { start } from '../simulator/sim-client';

/** The trading adapter (real SDK over HTTP) against the simulator's per-account endpoints. */
describe('trading adapter against the simulator', () => {
  let sim: RunningSimulator;
  const client = (credentials: TradingCredentials) =>
    createTradingClient({ baseUrl: sim.url, credentials, timeoutMs: 2_000, maxRetries: 0 });
  beforeAll(async () => {
    sim = await start();
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.control.reset());

  it('reads the default account and its small book, options parsed from OCC symbols', async () => {
    const alpaca = client({ keyId: sim.keyId, secretKey: sim.secretKey });
    const content = toAccountContent(await alpaca.getAccount(), await alpaca.listPositions());
    expect(AccountContent.parse(content)).toEqual(content);
    expect(content.account.status).toBe('ACTIVE');
    const stock = content.positions.filter((p) => p.asset_class === 'us_equity');
    expect(stock.map((p) => p.symbol)).toEqual(['SPY']);
    const options = content.positions.filter((p) => p.option !== null);
    expect(options.map((p) => p.option?.underlying).sort()).toEqual(['QQQ', 'QQQ', 'SPY', 'SPY']);
    // 10:30 on Friday 2025-05-16: 0DTE expires that day, 1DTE on Monday the 19th.
    expect(new Set(options.map((p) => p.option?.expiry))).toEqual(new Set(['2025-05-16', '2025-05-19']));
    const short = options.find((p) => p.side === 'short');
    expect(short?.qty).toBe('-2');
    // Equity = cash + long market value + short market value, to the cent.
    const { equity, cash, long_market_value: long, short_market_value: shortValue } = content.account;
    expect(Number(equity)).toBeCloseTo(Number(cash) + Number(long) + Number(shortValue), 2);
    expect(alpaca.calls()).toBe(2);
  });

  it('values move with the simulated market', async () => {
    const alpaca = client({ keyId: sim.keyId, secretKey: sim.secretKey });
    const before = (await alpaca.getAccount()).equity;
    sim.control.setClock('2025-05-16T17:45:00Z');
    expect((await alpaca.getAccount()).equity).not.toBe(before);
  });

  it('serves accounts created with an OAuth token and with generated key pairs', async () => {
    const [oauth] = sim.control.createAccounts({ accessToken: 'oauth-token-1', holdings: [] });
    const viaToken = client({ accessToken: 'oauth-token-1' });
    expect((await viaToken.getAccount()).account_number).toBe(oauth?.accountNumber);
    expect(await viaToken.listPositions()).toEqual([]);
    const many = sim.control.createAccounts({ count: 3 });
    const third = many[2];
    const viaKeys = client({ keyId: third?.keyId ?? '', secretKey: third?.secretKey ?? '' });
    expect((await viaKeys.getAccount()).id).toBe(third?.id);
  });

  it('answers wrong keys 401/403 and unknown tokens 401, as typed auth errors', async () => {
    await expect(client({ keyId: 'nope', secretKey: 'x' }).getAccount()).rejects.toMatchObject({
      kind: 'auth',
      status: 401,
    });
    await expect(client({ keyId: sim.keyId, secretKey: 'wrong' }).getAccount()).rejects.toMatchObject({
      kind: 'auth',
      status: 403,
    });
    const error = await client({ accessToken: 'unknown' })
      .getAccount()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect(String((error as Error).message)).not.toContain('unknown');
  });

  it('injects faults per account: the others are untouched', async () => {
    const [a, b] = sim.control.createAccounts({ count: 2 });
    sim.control.setAccountFaults({ keyId: a?.keyId, faults: [{ kind: 'status', status: 429 }] });
    const faulted = client({ keyId: a?.keyId ?? '', secretKey: a?.secretKey ?? '' });
    await expect(faulted.getAccount()).rejects.toMatchObject({ kind: 'rate_limited' });
    const fine = client({ keyId: b?.keyId ?? '', secretKey: b?.secretKey ?? '' });
    expect((await fine.getAccount()).id).toBe(b?.id);
    sim.control.setAccountFaults({
      keyId: a?.keyId,
      faults: [{ kind: 'malformed_json', endpoint: '/v2/positions' }],
    });
    await expect(faulted.listPositions()).rejects.toMatchObject({ kind: 'malformed' });
    sim.control.setAccountFaults({ keyId: a?.keyId, faults: [{ kind: 'status', status: 503 }] });
    await expect(faulted.getAccount()).rejects.toMatchObject({ kind: 'http', status: 503 });
    const counts = Object.fromEntries(sim.control.accounts().map((x) => [x.id, x.requests]));
    expect(counts[a?.id ?? '']).toBe(3);
    expect(counts[b?.id ?? '']).toBe(1);
  });
});
