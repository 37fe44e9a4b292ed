import pLimit from 'p-limit';
import { z } from 'zod';
import { MarketRegimeDocument } from '../contract/regime';
import type { FallbackRegime } from '../../../strategies';
import { parseOverrideRegime } from './fallback-regime';
import type { RunnerDeps } from './ports';
import { runUser, type RegimeContext, type UserReport } from './run-user';
import { toRegimeView } from './to-library-inputs';

/** A page task's payload as the queue delivers it. */
export const PageTaskPayload = z.object({
  as_of: z.string().min(1),
  uids: z.array(z.string().min(1).max(128)).max(1_000),
});

/** What one page did (sums of its users' reports). */
export interface PageReport extends UserReport {
  users: number;
  /** Users whose run failed (logged; the rest of the page went on). */
  failed: number;
  /** True when the regime had moved on to a newer `as_of`: nothing was evaluated. */
  superseded: boolean;
}

/** The raw `as_of` of a regime document, or null. */
export function regimeAsOf(raw: unknown): string | null {
  const asOf = (raw as { as_of?: unknown } | null)?.as_of;
  return typeof asOf === 'string' && asOf !== '' ? asOf : null;
}

/**
 * The regime context of a run: the document parsed with the contract (an unreadable one is null,
 * so the library falls back and says so), the kept last good regimes and the operator's override.
 * @throws OverrideRegimeError when the override param is malformed.
 */
export async function regimeContext(
  deps: RunnerDeps,
  raw: unknown,
  eventAsOf: string,
): Promise<RegimeContext> {
  const parsed = MarketRegimeDocument.safeParse(raw);
  if (!parsed.success)
    deps.log.warn('strategies: regime document unreadable, falling back', { as_of: eventAsOf });
  const override: FallbackRegime | null = parseOverrideRegime(deps.config.overrideRegime);
  return {
    eventAsOf,
    view: parsed.success ? toRegimeView(parsed.data) : null,
    lastGood: await deps.store.readLastGood(),
    override,
  };
}

/**
 * Evaluates a page of users against a regime context, `concurrency` users at a time. One user's
 * failure is logged and counted; the others go on.
 */
export async function runUsers(
  deps: RunnerDeps,
  uids: readonly string[],
  regime: RegimeContext,
): Promise<PageReport> {
  const limit = pLimit(deps.config.concurrency);
  const report: PageReport = {
    users: uids.length,
    decisions: 0,
    repeated: 0,
    problems: 0,
    ordersPlaced: 0,
    failed: 0,
    superseded: false,
  };
  await Promise.all(
    uids.map((uid) =>
      limit(async () => {
        try {
          const r = await runUser(deps, uid, regime);
          report.decisions += r.decisions;
          report.repeated += r.repeated;
          report.problems += r.problems;
          report.ordersPlaced += r.ordersPlaced;
        } catch (error) {
          report.failed += 1;
          deps.log.error('strategies: user run failed', {
            uid,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }),
    ),
  );
  return report;
}

/**
 * A page task: re-reads the regime and evaluates the page's users, unless the regime has moved on
 * to a newer `as_of` (the newer write's run covers everyone).
 */
export async function runPageTask(
  deps: RunnerDeps,
  payload: z.infer<typeof PageTaskPayload>,
): Promise<PageReport> {
  const raw = await deps.store.readRegime();
  const current = regimeAsOf(raw);
  if (current !== payload.as_of) {
    deps.log.info('strategies: page superseded by a newer regime', { as_of: payload.as_of, current });
    return {
      users: payload.uids.length,
      decisions: 0,
      repeated: 0,
      problems: 0,
      ordersPlaced: 0,
      failed: 0,
      superseded: true,
    };
  }
  const report = await runUsers(deps, payload.uids, await regimeContext(deps, raw, payload.as_of));
  deps.log.info('strategies: page done', { as_of: payload.as_of, ...report });
  return report;
}
