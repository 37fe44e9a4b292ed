import { createHash } from 'node:crypto';
import type { SyncTaskPayload } from './sync-account-page';

/**
 * The pulse's account sync: it starts the minute's sync (one task per page of users) and returns
 * without waiting for any account. The regime never waits on it.
 */
export interface AccountSync {
  /**
   * Enqueues this minute's sync tasks.
   * @param input.asOf ISO-8601 pulse (schedule) time, the sync's identity.
   * @param input.marketOpen whether the market is open (while closed, only every closed-cadence minute syncs).
   */
  syncAll(input: { asOf: string; marketOpen: boolean }): Promise<AccountSyncReport>;
}

/** What starting one minute's sync did, logged by the pulse. */
export interface AccountSyncReport {
  /** Active users found. */
  users: number;
  /** Tasks enqueued now. */
  tasks: number;
  /** Tasks that already existed (a re-delivered or duplicated pulse): those users are not synced twice. */
  duplicateTasks: number;
  /** Why nothing was enqueued, if so. */
  skipped: 'market_closed_cadence' | null;
}

/** The sync used where no task queue exists (offline tools, some unit tests): nothing is read or written. */
export const noAccountSync: AccountSync = {
  syncAll: () => Promise.resolve({ users: 0, tasks: 0, duplicateTasks: 0, skipped: null }),
};

/** Where the enqueuer reads pages and puts tasks. */
export interface AccountSyncQueueDeps {
  listActivePage(afterUid: string | null, limit: number): Promise<string[]>;
  /** Enqueues `payload` under `id`; 'exists' when a task with that id was already enqueued. */
  enqueue(id: string, payload: SyncTaskPayload): Promise<'enqueued' | 'exists'>;
  pageSize: number;
  /** Page cap (pageSize × maxPages users at most per minute). */
  maxPages: number;
  closedCadenceMinutes: number;
}

/**
 * Task id of a page: a hash of the pulse minute, the page index and the page's users (letters and
 * digits only). A duplicated pulse reads the same pages, so it derives the same ids and the queue
 * refuses them; another set of users in the same minute (users reset between runs, as in tests on
 * one emulator) gets ids of its own.
 */
export function syncTaskId(asOf: string, page: number, uids: readonly string[]): string {
  const minute = Math.floor(Date.parse(asOf) / 60_000);
  const key = `${minute}|${page}|${uids.join(',')}`;
  return `accounts-${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
}

/** Whether accounts sync this minute: always while open; while closed, on minutes divisible by the cadence. */
export function isAccountSyncDue(input: {
  asOf: string;
  marketOpen: boolean;
  closedCadenceMinutes: number;
}): boolean {
  if (input.marketOpen) return true;
  const minute = Math.floor(Date.parse(input.asOf) / 60_000);
  return Number.isNaN(minute) || minute % Math.max(1, input.closedCadenceMinutes) === 0;
}

/**
 * The task-queue account sync: reads active users a page at a time (never all at once) and
 * enqueues one task per page with an id derived from the pulse minute, the page and its users, so a
 * duplicated pulse enqueues nothing new and each user is synced once a minute.
 */
export function createTaskAccountSync(deps: AccountSyncQueueDeps): AccountSync {
  return {
    async syncAll({ asOf, marketOpen }) {
      const report: AccountSyncReport = { users: 0, tasks: 0, duplicateTasks: 0, skipped: null };
      if (!isAccountSyncDue({ asOf, marketOpen, closedCadenceMinutes: deps.closedCadenceMinutes })) {
        return { ...report, skipped: 'market_closed_cadence' };
      }
      // Each page's task is enqueued while the next page is read; all are awaited at the end.
      const enqueued: Promise<'enqueued' | 'exists'>[] = [];
      let after: string | null = null;
      for (let page = 0; page < deps.maxPages; page += 1) {
        const uids = await deps.listActivePage(after, deps.pageSize);
        if (uids.length === 0) break;
        report.users += uids.length;
        enqueued.push(deps.enqueue(syncTaskId(asOf, page, uids), { pulseTime: asOf, uids }));
        if (uids.length < deps.pageSize) break;
        after = uids[uids.length - 1] ?? null;
      }
      for (const result of await Promise.all(enqueued)) {
        if (result === 'enqueued') report.tasks += 1;
        else report.duplicateTasks += 1;
      }
      return report;
    },
  };
}
