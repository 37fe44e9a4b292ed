import { getApps } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CredentialDecryptError,
  decryptCredentials,
} from '../../../functions/src/accounts/credential-cipher';
import { parseMasterKeyring } from '../../../functions/src/accounts/master-keyring';
import { UserConnectionDocument } from '../../../functions/src/contract/account-snapshot';
import { EncryptedCredentialRecord } from '../../../functions/src/store/credential-record';
import { DEMO_MASTER_KEYS, SIMULATOR_KEYS } from '../../../scripts/lib/dev-env';
import { sim } from '../pulse/harness';
import { adminDb, call, signUp, simAccounts, statusOf, userTree, waitFor } from './harness';

/** connectAlpaca / disconnectAlpaca through the Functions emulator, Auth emulator users, the simulator. */
describe('connecting an Alpaca account', () => {
  const db = adminDb();
  const keyring = parseMasterKeyring(DEMO_MASTER_KEYS, 'demo1');
  const goodKeys = {
    keyId: SIMULATOR_KEYS.APCA_API_KEY_ID,
    secretKey: SIMULATOR_KEYS.APCA_API_SECRET_KEY,
    paper: true,
  };

  beforeEach(async () => {
    await sim.reset();
  });

  it('stores good keys encrypted and shows the owner only the masked connection', async () => {
    const user = await signUp();
    const answer = await call('connectAlpaca', goodKeys, user.idToken);
    expect(answer).toEqual({
      result: { connected: true, paper: true, account_number_masked: '••••0000', status: 'active' },
    });
    const tree = await userTree(db, user.uid);
    expect(Object.keys(tree).sort()).toEqual([
      `users/${user.uid}`,
      `users/${user.uid}/private/alpaca`,
      `users/${user.uid}/private/connect_attempts`,
    ]);
    const text = JSON.stringify(tree);
    expect(text).not.toContain(goodKeys.keyId);
    expect(text).not.toContain(goodKeys.secretKey);
    expect(text).not.toContain('PA031000000'); // the full account number
    const connection = UserConnectionDocument.strict().parse(tree[`users/${user.uid}`]);
    expect(connection).toMatchObject({
      connected: true,
      status: 'active',
      paper: true,
      invalid_reason: null,
    });
    const record = EncryptedCredentialRecord.parse(tree[`users/${user.uid}/private/alpaca`]);
    expect(record.key_id).toBe('demo1');
    expect(decryptCredentials({ uid: user.uid, record, keyring })).toEqual({
      keyId: goodKeys.keyId,
      secretKey: goodKeys.secretKey,
    });
  });

  it('a record copied to another uid does not decrypt', async () => {
    const owner = await signUp();
    expect(statusOf(await call('connectAlpaca', goodKeys, owner.idToken))).toBe('OK');
    const record = EncryptedCredentialRecord.parse(
      (await db.doc(`users/${owner.uid}/private/alpaca`).get()).data(),
    );
    const thief = await signUp();
    await db.doc(`users/${thief.uid}/private/alpaca`).set(record);
    const moved = EncryptedCredentialRecord.parse(
      (await db.doc(`users/${thief.uid}/private/alpaca`).get()).data(),
    );
    expect(() => decryptCredentials({ uid: thief.uid, record: moved, keyring })).toThrow(
      CredentialDecryptError,
    );
  });

  it('connects an OAuth token account', async () => {
    const [account] = await simAccounts.create({ accessToken: `oauth-${Date.now()}`, paper: false });
    const user = await signUp();
    const answer = await call(
      'connectAlpaca',
      { accessToken: account?.accessToken, paper: false },
      user.idToken,
    );
    expect(answer).toMatchObject({ result: { connected: true, paper: false, status: 'active' } });
    const text = JSON.stringify(await userTree(db, user.uid));
    expect(text).not.toContain(account?.accessToken ?? '?');
  });

  it('wrong keys: permission-denied with a plain message, nothing stored', async () => {
    const user = await signUp();
    for (const keys of [
      { ...goodKeys, secretKey: 'wrong-secret' },
      { keyId: 'UNKNOWNKEY', secretKey: 'x', paper: true },
      { accessToken: 'not-a-token', paper: true },
    ]) {
      const answer = await call('connectAlpaca', keys, user.idToken);
      expect(statusOf(answer)).toBe('PERMISSION_DENIED');
      const message = 'error' in answer ? answer.error.message : '';
      expect(message).toMatch(/did not accept/);
      expect(message).not.toContain('wrong-secret');
    }
    expect(Object.keys(await userTree(db, user.uid))).toEqual([`users/${user.uid}/private/connect_attempts`]);
  });

  it('malformed input: invalid-argument, nothing stored', async () => {
    const user = await signUp();
    const inputs: unknown[] = [
      {},
      { keyId: '', secretKey: 's', paper: true },
      { keyId: 'k', secretKey: 's'.repeat(257), paper: true },
      { keyId: 'k', secretKey: 's', paper: 'yes' },
      { keyId: 'k', secretKey: 's', paper: true, extra: 1 },
    ];
    for (const input of inputs)
      expect(statusOf(await call('connectAlpaca', input, user.idToken))).toBe('INVALID_ARGUMENT');
    expect(await db.doc(`users/${user.uid}`).get()).toMatchObject({ exists: false });
    expect(await db.doc(`users/${user.uid}/private/alpaca`).get()).toMatchObject({ exists: false });
  });

  it('without sign-in: unauthenticated', async () => {
    expect(statusOf(await call('connectAlpaca', goodKeys))).toBe('UNAUTHENTICATED');
    expect(statusOf(await call('disconnectAlpaca', {}))).toBe('UNAUTHENTICATED');
  });

  it('Alpaca unreachable: unavailable, nothing stored', async () => {
    await sim.setFaults([{ kind: 'status', status: 503, endpoint: '/v2/account' }]);
    const user = await signUp();
    expect(statusOf(await call('connectAlpaca', goodKeys, user.idToken))).toBe('UNAVAILABLE');
    expect(await db.doc(`users/${user.uid}/private/alpaca`).get()).toMatchObject({ exists: false });
  });

  it('more than five attempts a minute: resource-exhausted', async () => {
    const user = await signUp();
    const bad = { ...goodKeys, secretKey: 'wrong' };
    const statuses: string[] = [];
    // Eleven calls span at most two clock minutes, so one minute sees at least six of them.
    for (let i = 0; i < 11; i += 1) statuses.push(statusOf(await call('connectAlpaca', bad, user.idToken)));
    expect(statuses[0]).toBe('PERMISSION_DENIED');
    expect(statuses).toContain('RESOURCE_EXHAUSTED');
    expect(statuses.filter((s) => s === 'PERMISSION_DENIED').length).toBeLessThanOrEqual(10);
  });

  it('disconnect deletes credentials and snapshot; the connection reads disconnected', async () => {
    const user = await signUp();
    expect(statusOf(await call('connectAlpaca', goodKeys, user.idToken))).toBe('OK');
    await db.doc(`users/${user.uid}/data/snapshot`).set({ sync_error: null, sync_error_kind: null });
    expect(await call('disconnectAlpaca', {}, user.idToken)).toMatchObject({
      result: { connected: false, status: 'disconnected' },
    });
    const tree = await userTree(db, user.uid);
    expect(tree[`users/${user.uid}/private/alpaca`]).toBeUndefined();
    expect(tree[`users/${user.uid}/data/snapshot`]).toBeUndefined();
    expect(tree[`users/${user.uid}`]).toMatchObject({
      connected: false,
      status: 'disconnected',
      account_number_masked: null,
    });
  });

  it('deleting the Auth user deletes credentials, snapshot and connection', async () => {
    const user = await signUp();
    expect(statusOf(await call('connectAlpaca', goodKeys, user.idToken))).toBe('OK');
    await db.doc(`users/${user.uid}/data/snapshot`).set({ sync_error: null, sync_error_kind: null });
    await getAuth(getApps()[0]).deleteUser(user.uid);
    await waitFor('the deletion trigger', async () => Object.keys(await userTree(db, user.uid)).length === 0);
  });
});
