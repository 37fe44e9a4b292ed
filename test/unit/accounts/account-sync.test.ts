import { describe, expect, it } from 'vitest';
import {
  createTaskAccountSync,
  isAccountSyncDue,
  syncTaskId,
  type AccountSyncQueueDeps,
} from '../../../functions/src/accounts/account-sync';
import type { SyncTaskPayload } from '../../../functions/src/accounts/sync-account-page';

function fakeQueue(userCount: number, pageSize = 2) {
  const uids = Array.from({ length: userCount }, (_, i) => `u${String(i).padStart(3, '0')}`);
  const tasks = new Map<string, SyncTaskPayload>();
  const pageReads: (string | null)[] = [];
  const deps: AccountSyncQueueDeps = {
    listActivePage: (after, limit) => {
      pageReads.push(after);
      const start = after === null ? 0 : uids.indexOf(after) + 1;
      return Promise.resolve(uids.slice(start, start + limit));
    },
    enqueue: (id, payload) => {
      if (tasks.has(id)) return Promise.resolve('exists');
      tasks.set(id, payload);
      return Promise.resolve('enqueued');
    },
    pageSize,
    maxPages: 100,
    closedCadenceMinutes: 15,
  };
  return { deps, tasks, pageReads };
}

describe('the pulse’s task-queue account sync', () => {
  const asOf = '2026-01-05T15:01:00.000Z';

  it('reads users a page at a time and enqueues one task per page', async () => {
    const { deps, tasks, pageReads } = fakeQueue(5);
    const report = await createTaskAccountSync(deps).syncAll({ asOf, marketOpen: true });
    expect(report).toEqual({ users: 5, tasks: 3, duplicateTasks: 0, skipped: null });
    expect([...tasks.values()].map((t) => t.uids)).toEqual([['u000', 'u001'], ['u002', 'u003'], ['u004']]);
    expect(pageReads).toEqual([null, 'u001', 'u003']);
    expect([...tasks.values()].every((t) => t.pulseTime === asOf)).toBe(true);
  });

  it('a duplicated pulse of the same minute enqueues nothing new', async () => {
    const { deps, tasks } = fakeQueue(4);
    const sync = createTaskAccountSync(deps);
    await sync.syncAll({ asOf, marketOpen: true });
    expect(await sync.syncAll({ asOf: '2026-01-05T15:01:30.000Z', marketOpen: true })).toEqual({
      users: 4,
      tasks: 0,
      duplicateTasks: 2,
      skipped: null,
    });
    expect(tasks.size).toBe(2);
    await sync.syncAll({ asOf: '2026-01-05T15:02:00.000Z', marketOpen: true });
    expect(tasks.size).toBe(4);
  });

  it('task ids differ by minute, page and users and use only letters, digits and dashes', () => {
    const users = ['a', 'b'];
    expect(syncTaskId(asOf, 0, users)).toBe(syncTaskId(asOf, 0, ['a', 'b']));
    const ids = new Set([
      syncTaskId(asOf, 0, users),
      syncTaskId(asOf, 1, users),
      syncTaskId('2026-01-05T15:02:00Z', 0, users),
      syncTaskId(asOf, 0, ['a', 'c']),
    ]);
    expect(ids.size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9-]{1,100}$/);
  });

  it('while the market is closed, syncs only on closed-cadence minutes', async () => {
    expect(
      isAccountSyncDue({ asOf: '2026-01-05T22:15:00Z', marketOpen: false, closedCadenceMinutes: 15 }),
    ).toBe(true);
    expect(
      isAccountSyncDue({ asOf: '2026-01-05T22:16:00Z', marketOpen: false, closedCadenceMinutes: 15 }),
    ).toBe(false);
    expect(
      isAccountSyncDue({ asOf: '2026-01-05T22:16:00Z', marketOpen: true, closedCadenceMinutes: 15 }),
    ).toBe(true);
    const { deps, tasks, pageReads } = fakeQueue(3);
    const report = await createTaskAccountSync(deps).syncAll({
      asOf: '2026-01-05T22:16:00Z',
      marketOpen: false,
    });
    expect(report.skipped).toBe('market_closed_cadence');
    expect(tasks.size + pageReads.length).toBe(0);
  });
});
