import { asOfKey } from '../store/strategy-ids';
import { MarketRegimeDocument } from '../contract/regime';
import { freshSymbols } from './fallback-regime';
import type { RunnerDeps } from './ports';
import { regimeAsOf, regimeContext, runUsers, type PageReport } from './run-page';

/** A Firestore write event as the runner needs it. */
export interface RegimeWriteEvent {
  /** The event's id (the same on a re-delivery). */
  id: string;
  /** The document before and after the write (null when absent). */
  before: unknown;
  after: unknown;
}

/** What handling one regime write did. */
export type RegimeWriteReport =
  | { outcome: 'ignored'; why: 'deleted' | 'no_as_of' | 'as_of_unchanged' | 'duplicate_event' }
  | { outcome: 'inline'; report: PageReport }
  | { outcome: 'fanned_out'; users: number; pages: number; enqueued: number };

/** Most pages one regime write fans out to (pageSize × this users). */
export const MAX_PAGES = 1_000;

/** The task id of one page: stable per regime `as_of` and page, so a repeat is rejected by the queue. */
export function pageTaskId(asOf: string, page: number): string {
  return `strategies-${asOfKey(asOf)}-${page}`;
}

/**
 * A write of `systemStatus/market_regime`: ignored when it is a deletion or does not change
 * `as_of` (the pulse's own rewrites, and never a loop: the runner does not write the regime);
 * deduplicated by event id (a create-if-absent marker); then keeps the fresh symbols as the last
 * good regimes and evaluates every connected user: inline when they fit one page, else one task
 * per page (ids from `as_of` and page number).
 */
export async function handleRegimeWrite(
  deps: RunnerDeps,
  event: RegimeWriteEvent,
): Promise<RegimeWriteReport> {
  if (event.after === null || event.after === undefined) return { outcome: 'ignored', why: 'deleted' };
  const asOf = regimeAsOf(event.after);
  if (asOf === null) return { outcome: 'ignored', why: 'no_as_of' };
  if (regimeAsOf(event.before) === asOf) return { outcome: 'ignored', why: 'as_of_unchanged' };
  if (!(await deps.store.claimEvent(event.id, asOf))) {
    deps.log.info('strategies: event already handled', { event_id: event.id, as_of: asOf });
    return { outcome: 'ignored', why: 'duplicate_event' };
  }
  const parsed = MarketRegimeDocument.safeParse(event.after);
  if (parsed.success) {
    const fresh = freshSymbols(parsed.data);
    if (Object.keys(fresh).length > 0) await deps.store.saveLastGood(fresh);
  }
  const { pageSize } = deps.config;
  const pages: string[][] = [];
  let after: string | null = null;
  while (pages.length < MAX_PAGES) {
    const uids = await deps.store.listConnectedUids(after, pageSize);
    if (uids.length > 0) pages.push(uids);
    if (uids.length < pageSize) break;
    after = uids[uids.length - 1] ?? null;
  }
  const users = pages.reduce((n, page) => n + page.length, 0);
  if (pages.length <= 1) {
    const report = await runUsers(deps, pages[0] ?? [], await regimeContext(deps, event.after, asOf));
    deps.log.info('strategies: regime evaluated', { as_of: asOf, ...report });
    return { outcome: 'inline', report };
  }
  const results = await Promise.all(
    pages.map((uids, page) => deps.enqueuePage(pageTaskId(asOf, page), { as_of: asOf, uids })),
  );
  const enqueued = results.filter((r) => r === 'enqueued').length;
  deps.log.info('strategies: regime fanned out', { as_of: asOf, users, pages: pages.length, enqueued });
  return { outcome: 'fanned_out', users, pages: pages.length, enqueued };
}
