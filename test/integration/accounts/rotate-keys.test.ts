import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getFunctions } from 'firebase-admin/functions';
import { beforeEach, describe, expect, it } from 'vitest';
import { decryptCredentials, encryptCredentials } from '../../../functions/src/accounts/credential-cipher';
import { parseMasterKeyring } from '../../../functions/src/accounts/master-keyring';
import { rotateCredentialKeys } from '../../../functions/src/accounts/rotate-keys';
import { createConnectionStore } from '../../../functions/src/store/connection-store';
import { EncryptedCredentialRecord } from '../../../functions/src/store/credential-record';
import { clearFirestore } from '../pulse/harness';
import { adminDb, seedConnectedUser, waitFor } from './harness';

describe('master-key rotation', () => {
  const db = adminDb();
  const k1 = randomBytes(32).toString('base64');
  const k2 = randomBytes(32).toString('base64');
  const old = parseMasterKeyring(`k1:${k1}`, 'k1');
  const both = parseMasterKeyring(`k1:${k1},k2:${k2}`, 'k2');
  const onlyNew = parseMasterKeyring(`k2:${k2}`, 'k2');
  const record = async (uid: string) =>
    EncryptedCredentialRecord.parse((await db.doc(`users/${uid}/private/alpaca`).get()).data());

  beforeEach(() => clearFirestore());

  it('re-wraps every record’s data key (Firestore emulator, pages of users); credentials never re-encrypted', async () => {
    const uids = Array.from({ length: 7 }, (_, i) => `rot-${i}`);
    for (const uid of uids) {
      const sealed = encryptCredentials({
        uid,
        credentials: { keyId: `K-${uid}`, secretKey: `S-${uid}` },
        paper: true,
        keyring: old,
        now: new Date(),
      });
      await db.doc(`users/${uid}/private/alpaca`).set(sealed);
      await db.doc(`users/${uid}`).set({ connected: true, status: uid === 'rot-3' ? 'invalid' : 'active' });
    }
    const before = await record('rot-0');
    const deps = {
      store: createConnectionStore(db),
      keyring: both,
      now: () => new Date(),
      pageSize: 3,
      deadlineMs: Date.now() + 60_000,
    };
    const report = await rotateCredentialKeys(deps, { toKeyId: 'k2', requestId: 'r1' });
    expect(report).toMatchObject({
      state: 'done',
      records: 7,
      rewrapped: 7,
      already_current: 0,
      unreadable: 0,
    });
    const after = await record('rot-0');
    expect(after.key_id).toBe('k2');
    expect(after.ciphertext).toBe(before.ciphertext);
    for (const uid of uids) {
      expect(decryptCredentials({ uid, record: await record(uid), keyring: onlyNew })).toEqual({
        keyId: `K-${uid}`,
        secretKey: `S-${uid}`,
      });
    }
    expect(await rotateCredentialKeys(deps, { toKeyId: 'k2', requestId: 'r2' })).toMatchObject({
      rewrapped: 0,
      already_current: 7,
    });
  });

  it('refuses a target that is not the deployed current key, touching nothing', async () => {
    await seedConnectedUser(db, 'rot-x', { accessToken: 'tok' });
    const before = await record('rot-x');
    const deps = {
      store: createConnectionStore(db),
      keyring: old,
      now: () => new Date(),
      pageSize: 10,
      deadlineMs: Date.now() + 60_000,
    };
    expect(await rotateCredentialKeys(deps, { toKeyId: 'k2', requestId: 'r3' })).toMatchObject({
      state: 'refused',
      records: 0,
    });
    expect(await record('rot-x')).toEqual(before);
  });

  it('the rotateAccountKeys task runs in the Functions emulator and reports to serverState/key_rotation', async () => {
    await seedConnectedUser(db, 'rot-emu', { accessToken: 'tok' });
    const requestId = randomUUID();
    await getFunctions()
      .taskQueue('locations/us-central1/functions/rotateAccountKeys')
      .enqueue({ toKeyId: 'demo1', requestId }, { id: `rotate-${requestId}` });
    await waitFor(
      'the rotation report',
      async () => (await db.doc('serverState/key_rotation').get()).get('request_id') === requestId,
    );
    expect((await db.doc('serverState/key_rotation').get()).data()).toMatchObject({
      state: 'done',
      to_key_id: 'demo1',
      records: 1,
      already_current: 1,
    });
    const refusedId = randomUUID();
    await getFunctions()
      .taskQueue('locations/us-central1/functions/rotateAccountKeys')
      .enqueue({ toKeyId: 'not-deployed', requestId: refusedId }, { id: `rotate-${refusedId}` });
    await waitFor(
      'the refusal',
      async () => (await db.doc('serverState/key_rotation').get()).get('request_id') === refusedId,
    );
    expect((await db.doc('serverState/key_rotation').get()).get('state')).toBe('refused');
  });

  it('npm run rotate-keys -- --to demo1 enqueues the task and prints its report (exit 0)', async () => {
    await seedConnectedUser(db, 'rot-cli', { accessToken: 'tok' });
    const tsx = join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [tsx, 'scripts/rotate-keys.ts', '--to', 'demo1'],
      {
        cwd: process.cwd(),
        env: process.env,
        timeout: 60_000,
      },
    );
    expect(stdout).toContain('"state": "done"');
    expect(stdout).toContain('"already_current": 1');
    const refused = await promisify(execFile)(
      process.execPath,
      [tsx, 'scripts/rotate-keys.ts', '--to', 'k9'],
      {
        cwd: process.cwd(),
        env: process.env,
        timeout: 60_000,
      },
    ).catch((error: unknown) => error as { code: number; stdout: string });
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stdout: string }).stdout).toContain('"state": "refused"');
  });
});
