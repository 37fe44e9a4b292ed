import pLimit from 'p-limit';
import { z } from 'zod';
import { syncUser, type SyncUserDeps, type UserSyncOutcome } from './sync-user';

/** A sync task's payload: the pulse minute and one page of uids. */
export const SyncTaskPayload = z
  .object({
    pulseTime: z.string().refine((t) => Number.isFinite(Date.parse(t)), 'expected an ISO instant'),
    uids: z.array(z.string().min(1).max(128)).max(500),
  })
  .strict();
export type SyncTaskPayload = z.infer<typeof SyncTaskPayload>;

/** What a page sync needs beyond one user's. */
export interface SyncPageDeps extends SyncUserDeps {
  log: {
    info(message: string, fields?: Record<string, unknown>): void;
    error(message: string, fields?: Record<string, unknown>): void;
  };
  /** Users synced at once. */
  concurrency: number;
  /** Latest end of a page's work, ms after the pulse minute (inside the minute). */
  deadlineAfterPulseMs: number;
}

/** Counts of one page sync, by outcome, plus users the deadline left for the next minute. */
export type SyncPageReport = Record<UserSyncOutcome | 'deadline' | 'error', number> & {
  users: number;
  durationMs: number;
};

/**
 * Syncs one page of users with bounded concurrency and a deadline inside the pulse's minute:
 * Alpaca calls still open at the deadline are aborted (recorded as `timeout` for that user), and
 * users not started by then are left for the next minute. One user's failure (even a Firestore
 * one) never stops the others.
 */
export async function syncAccountPage(deps: SyncPageDeps, payload: SyncTaskPayload): Promise<SyncPageReport> {
  const started = deps.now().getTime();
  const deadline = Date.parse(payload.pulseTime) + deps.deadlineAfterPulseMs;
  const report: SyncPageReport = {
    users: payload.uids.length,
    written: 0,
    unchanged: 0,
    failed: 0,
    invalid: 0,
    backed_off: 0,
    skipped: 0,
    deadline: 0,
    error: 0,
    durationMs: 0,
  };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), Math.max(0, deadline - started));
  try {
    const states = await deps.store.loadUsers(payload.uids);
    const limit = pLimit(deps.concurrency);
    await Promise.all(
      states.map((state) =>
        limit(async () => {
          if (controller.signal.aborted || deps.now().getTime() >= deadline) {
            report.deadline += 1;
            return;
          }
          try {
            report[await syncUser(deps, state, { asOf: payload.pulseTime, signal: controller.signal })] += 1;
          } catch (error) {
            report.error += 1;
            deps.log.error('account sync failed for a user', {
              uid: state.uid,
              error: error instanceof Error ? error.name : 'unknown',
            });
          }
        }),
      ),
    );
  } finally {
    clearTimeout(timer);
  }
  report.durationMs = deps.now().getTime() - started;
  deps.log.info('account sync page done', { pulse_time: payload.pulseTime, ...report });
  return report;
}
