import { getFunctions } from 'firebase-admin/functions';
import * as logger from 'firebase-functions/logger';
import { createTaskAccountSync, type AccountSync } from '../accounts/account-sync';
import { syncAccountPage, SyncTaskPayload, type SyncPageReport } from '../accounts/sync-account-page';
import { createAccountSyncStore } from '../store/account-sync-store';
import { getDb } from '../store/firestore-db';
import { keyringFromParams, tradingClientFromParams } from './accounts-deps';
import { GLOBAL_OPTIONS } from './global-options';
import { closedCadenceMinutes } from './params';

/** The sync task queue's function name (index.ts exports it under this name). */
export const SYNC_ACCOUNTS_FUNCTION = 'syncAccounts';
/** Users per task. */
export const SYNC_PAGE_SIZE = 100;
/** Users synced at once inside one task. */
export const SYNC_CONCURRENCY = 32;
/** A page's work ends this long after its pulse minute began, ms (inside the minute). */
export const SYNC_DEADLINE_AFTER_PULSE_MS = 50_000;
/** A 429 keeps the user from being synced for this long, ms. */
export const SYNC_BACKOFF_MS = 120_000;

/** The pulse's account sync: pages of active users, one task each on the `syncAccounts` queue. */
export function buildTaskAccountSync(): AccountSync {
  const db = getDb();
  const store = createAccountSyncStore(db);
  const queue = getFunctions().taskQueue(
    `locations/${GLOBAL_OPTIONS.region}/functions/${SYNC_ACCOUNTS_FUNCTION}`,
  );
  return createTaskAccountSync({
    listActivePage: (after, limit) => store.listActivePage(after, limit),
    enqueue: async (id, payload) => {
      try {
        await queue.enqueue(payload, { id, dispatchDeadlineSeconds: 60 });
        return 'enqueued';
      } catch (error) {
        if ((error as { code?: string }).code === 'functions/task-already-exists') return 'exists';
        throw error;
      }
    },
    pageSize: SYNC_PAGE_SIZE,
    maxPages: 1_000,
    closedCadenceMinutes: closedCadenceMinutes.value(),
  });
}

/**
 * The `syncAccounts` task's body: validates the payload and syncs its page.
 * @throws ZodError on a payload that is not a sync task (the queue does not retry it: maxAttempts 1).
 */
export async function runSyncTask(data: unknown): Promise<SyncPageReport> {
  const payload = SyncTaskPayload.parse(data);
  return syncAccountPage(
    {
      store: createAccountSyncStore(getDb()),
      keyring: keyringFromParams(),
      tradingClient: tradingClientFromParams,
      now: () => new Date(),
      backoffMs: SYNC_BACKOFF_MS,
      log: logger,
      concurrency: SYNC_CONCURRENCY,
      deadlineAfterPulseMs: SYNC_DEADLINE_AFTER_PULSE_MS,
    },
    payload,
  );
}
