import { beforeEach, describe, expect, it } from 'vitest';
import { connectAccount, type ConnectDeps } from '../../../functions/src/accounts/connect-account';
import { syncAccountPage } from '../../../functions/src/accounts/sync-account-page';
import { createAccountSyncStore } from '../../../functions/src/store/account-sync-store';
import { createConnectionStore } from '../../../functions/src/store/connection-store';
import { createTradingClient, type TradingCredentials } from '../../../functions/src/trading/trading-client';
import { DEMO_MASTER_KEYS } from '../../../scripts/lib/dev-env';
import { clearFirestore, sim } from '../pulse/harness';
import { adminDb, demoKeyring, simAccounts, simulatorUrl, userTree } from './harness';

/**
 * Connect and sync wired in this process exactly as app/ wires them (Firestore emulator, the real
 * SDK against the simulator), with a logger that keeps every line: no key, token or master key
 * may appear in any log line, stored document or error.
 */
describe('nothing secret in logs, documents or errors', () => {
  const db = adminDb();
  const lines: string[] = [];
  const log = {
    info: (message: string, fields?: Record<string, unknown>) =>
      void lines.push(JSON.stringify({ message, fields })),
    warn: (message: string, fields?: Record<string, unknown>) =>
      void lines.push(JSON.stringify({ message, fields })),
    error: (message: string, fields?: Record<string, unknown>) =>
      void lines.push(JSON.stringify({ message, fields })),
  };
  const tradingClient = (credentials: TradingCredentials) =>
    createTradingClient({ baseUrl: simulatorUrl(), credentials, timeoutMs: 2_000, maxRetries: 0 });
  const deps: ConnectDeps = {
    store: createConnectionStore(db),
    keyring: demoKeyring,
    tradingClient,
    now: () => new Date(),
    log,
  };

  beforeEach(async () => {
    lines.length = 0;
    await clearFirestore();
    await sim.reset('2025-05-16T14:30:00Z');
  });

  it('through connect (good and wrong keys, a token) and sync (good, 401, malformed)', async () => {
    const [good, refused, broken] = await simAccounts.create({ count: 3 });
    const token = `tok-${Date.now()}-secret`;
    await simAccounts.create({ accessToken: token });
    const secrets = [good, refused, broken].flatMap((a) => [String(a?.keyId), String(a?.secretKey)]);
    secrets.push(token, 'WRONG-SECRET-123');
    secrets.push(DEMO_MASTER_KEYS.split(':')[1] ?? '');

    const errors: string[] = [];
    const attempt = (uid: string, data: unknown) =>
      connectAccount(deps, { uid, data }).catch((e: unknown) => void errors.push(String(e)));
    await attempt('s-good', { keyId: good?.keyId, secretKey: good?.secretKey, paper: true });
    await attempt('s-refused', { keyId: refused?.keyId, secretKey: refused?.secretKey, paper: true });
    await attempt('s-broken', { keyId: broken?.keyId, secretKey: broken?.secretKey, paper: true });
    await attempt('s-token', { accessToken: token, paper: false });
    await attempt('s-wrong', { keyId: good?.keyId, secretKey: 'WRONG-SECRET-123', paper: true });
    expect(errors).toHaveLength(1);

    await simAccounts.setFaults({ keyId: refused?.keyId }, [{ kind: 'status', status: 401 }]);
    await simAccounts.setFaults({ keyId: broken?.keyId }, [{ kind: 'malformed_json' }]);
    const report = await syncAccountPage(
      {
        store: createAccountSyncStore(db),
        keyring: demoKeyring(),
        tradingClient,
        now: () => new Date(),
        backoffMs: 120_000,
        log,
        concurrency: 4,
        deadlineAfterPulseMs: 50_000,
      },
      { pulseTime: new Date().toISOString(), uids: ['s-good', 's-refused', 's-broken', 's-token'] },
    );
    expect(report).toMatchObject({ written: 2, invalid: 1, failed: 1 });

    const stored = JSON.stringify(
      await Promise.all(
        ['s-good', 's-refused', 's-broken', 's-token', 's-wrong'].map((uid) => userTree(db, uid)),
      ),
    );
    const said = [...lines, ...errors].join('\n');
    for (const secret of secrets) {
      expect(stored).not.toContain(secret);
      expect(said).not.toContain(secret);
    }
    expect(lines.length).toBeGreaterThan(3);
  });
});
