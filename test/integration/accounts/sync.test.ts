import { beforeEach, describe, expect, it } from 'vitest';
import { AccountSnapshotDocument } from '../../../functions/src/contract/account-snapshot';
import { clearFirestore, minute, sim, triggerPulse } from '../pulse/harness';
import { adminDb, credentialsOf, seedConnectedUser, simAccounts, snapshotOf, waitFor } from './harness';

/**
 * The account sync end to end: the pulse (Functions emulator) enqueues one task per page on the
 * Cloud Tasks emulator, `syncAccounts` syncs each user against the simulator over the real SDK,
 * snapshots land in the Firestore emulator.
 */
describe('account sync through the task queue', () => {
  const db = adminDb();
  // Future minutes: a task's deadline is 50 s after its pulse minute began.
  let base = minute(new Date(), 2);
  const next = () => (base = minute(base, 1));

  beforeEach(async () => {
    await clearFirestore();
    await sim.reset('2025-05-16T14:30:00Z');
  });

  const snapshot = async (uid: string) => AccountSnapshotDocument.parse(await snapshotOf(db, uid));
  const hasSnapshotAsOf = (uid: string, asOf: Date) => async () =>
    (await snapshotOf(db, uid))?.as_of === asOf.toISOString();

  it('a pulse writes every connected user’s snapshot, balances and positions as decimal strings', async () => {
    const accounts = await simAccounts.create({ count: 2 });
    await seedConnectedUser(db, 'u-default', { keyId: 'SIMULATOR_KEY', secretKey: 'SIMULATOR_SECRET' });
    for (const [i, account] of accounts.entries())
      await seedConnectedUser(db, `u-${i}`, credentialsOf(account));
    const t = next();
    expect(await triggerPulse(t)).toBe(200);
    for (const uid of ['u-default', 'u-0', 'u-1']) await waitFor(`${uid} snapshot`, hasSnapshotAsOf(uid, t));
    const doc = await snapshot('u-default');
    expect(doc.sync_error).toBeNull();
    expect(doc.account?.equity).toMatch(/^-?\d+\.\d{2}$/);
    expect(
      doc.positions
        ?.filter((p) => p.option)
        .map((p) => p.option?.underlying)
        .sort(),
    ).toEqual(['QQQ', 'QQQ', 'SPY', 'SPY']);
    expect(doc.positions?.find((p) => p.symbol === 'SPY')).toMatchObject({
      asset_class: 'us_equity',
      qty: '100',
      option: null,
    });
    expect(JSON.stringify(doc)).not.toMatch(/pattern_day_trader|daytrade/);
    expect((await db.doc('systemStatus/market_regime').get()).exists).toBe(true);
  });

  it('one user’s 401 / 429 / 5xx / malformed payload / unreadable record leaves every other user synced', async () => {
    const [bad401, bad429, bad503, badJson, good] = await simAccounts.create({ count: 5 });
    const users = { bad401, bad429, bad503, badJson, good };
    for (const [uid, account] of Object.entries(users))
      await seedConnectedUser(db, uid, credentialsOf(account));
    await seedConnectedUser(db, 'zz-moved', { keyId: 'SIMULATOR_KEY', secretKey: 'SIMULATOR_SECRET' });
    await db
      .doc('users/zz-moved/private/alpaca')
      .set((await db.doc('users/good/private/alpaca').get()).data() ?? {});
    const t1 = next();
    await triggerPulse(t1);
    for (const uid of Object.keys(users)) await waitFor(`${uid} first snapshot`, hasSnapshotAsOf(uid, t1));
    const first = await snapshot('badJson');

    await simAccounts.setFaults({ keyId: bad401?.keyId }, [{ kind: 'status', status: 401 }]);
    await simAccounts.setFaults({ keyId: bad429?.keyId }, [{ kind: 'status', status: 429 }]);
    await simAccounts.setFaults({ keyId: bad503?.keyId }, [{ kind: 'status', status: 503 }]);
    await simAccounts.setFaults({ keyId: badJson?.keyId }, [
      { kind: 'malformed_json', endpoint: '/v2/positions' },
    ]);
    await sim.setClock('2025-05-16T15:30:00Z'); // the market moves: good content changes
    const t2 = next();
    await triggerPulse(t2);
    await waitFor('good synced at t2', hasSnapshotAsOf('good', t2));
    const kindOf = async (uid: string) => (await snapshotOf(db, uid))?.sync_error_kind;
    for (const [uid, kind] of [
      ['bad401', 'auth'],
      ['bad429', 'rate_limited'],
      ['bad503', 'unavailable'],
      ['badJson', 'malformed'],
    ]) {
      await waitFor(`${uid} error`, async () => (await kindOf(uid ?? '')) === kind);
    }
    await waitFor('zz-moved invalid', async () => (await kindOf('zz-moved')) === 'credentials');

    expect(await snapshot('good')).toMatchObject({ sync_error: null, as_of: t2.toISOString() });
    const kept = await snapshot('badJson');
    expect(kept.account).toEqual(first.account); // last good numbers, never partial ones
    expect(kept.positions).toEqual(first.positions);
    expect(kept.as_of).toBe(t1.toISOString());
    expect((await db.doc('users/bad401').get()).data()).toMatchObject({ status: 'invalid', connected: true });
    expect((await db.doc('users/zz-moved').get()).data()).toMatchObject({ status: 'invalid' });
    expect((await db.doc('users/bad429').get()).get('sync_backoff_until')).toEqual(expect.any(String));
    expect((await db.doc('users/bad503').get()).data()).toMatchObject({ status: 'active' });

    // Next minute: the invalid connection and the backed-off user are not called again; the others are.
    const before = await simAccounts.requests();
    const t3 = next();
    await sim.setClock('2025-05-16T16:30:00Z');
    await triggerPulse(t3);
    await waitFor('good synced at t3', hasSnapshotAsOf('good', t3));
    await waitFor(
      'bad503 retried',
      async () =>
        ((await simAccounts.requests()).get(bad503?.id ?? '') ?? 0) > (before.get(bad503?.id ?? '') ?? 0),
    );
    const after = await simAccounts.requests();
    expect(after.get(bad401?.id ?? '')).toBe(before.get(bad401?.id ?? ''));
    expect(after.get(bad429?.id ?? '')).toBe(before.get(bad429?.id ?? ''));
  });

  it('a duplicated pulse syncs each user once', async () => {
    const accounts = await simAccounts.create({ count: 3 });
    for (const [i, account] of accounts.entries())
      await seedConnectedUser(db, `dup-${i}`, credentialsOf(account));
    const t = next();
    const [first, second] = await Promise.all([triggerPulse(t), triggerPulse(t)]);
    expect([first, second]).toEqual([200, 200]);
    await triggerPulse(t); // and once more after both finished
    for (let i = 0; i < 3; i += 1) await waitFor(`dup-${i}`, hasSnapshotAsOf(`dup-${i}`, t));
    // The same minute enqueued again (a re-delivered pulse past its lease): the queue refuses the task ids.
    process.env.PULSE_CLOSED_CADENCE_MINUTES ??= '15';
    const { buildTaskAccountSync } = await import('../../../functions/src/app/account-sync');
    expect(await buildTaskAccountSync().syncAll({ asOf: t.toISOString(), marketOpen: true })).toEqual({
      users: 3,
      tasks: 0,
      duplicateTasks: 1,
      skipped: null,
    });
    const requests = await simAccounts.requests();
    for (const account of accounts) expect(requests.get(account.id)).toBe(2); // one account + one positions call
  });
});
