import { changesWindowStart } from './gex-changes';
import { errorMessage } from './compute-symbols';
import type { PulseDeps } from './ports';
import type { RecentRow } from '../store/pulse-store';

/** Events posted per pulse at most; the rest wait for the next pulse (still `pending`). */
export const MAX_EVENTS_PER_PULSE = 5;

/**
 * Posts the regime events awaiting delivery (this pulse's and any a crashed pulse left `pending`)
 * when a webhook is configured. Each is claimed first (`pending` → `sending` in a transaction), so
 * a retried or overlapping pulse never posts one twice; the outcome is recorded (`sent`/`failed`).
 * Never throws: delivery must not fail the pulse that already wrote its numbers.
 */
export async function deliverEvents(deps: PulseDeps): Promise<void> {
  const notifier = deps.notifier;
  if (!notifier) return;
  try {
    const claimed = await deps.store.claimPendingEvents(MAX_EVENTS_PER_PULSE);
    for (const event of claimed) {
      try {
        await notifier.post(event);
        await deps.store.markEventDelivery(event.id, { state: 'sent', error: null });
        deps.log.info('regime event posted', { id: event.id });
      } catch (err) {
        const error = errorMessage(err);
        await deps.store.markEventDelivery(event.id, { state: 'failed', error });
        deps.log.warn('regime event not posted', { id: event.id, error });
      }
    }
  } catch (err) {
    deps.log.error('regime event delivery failed', { error: errorMessage(err) });
  }
}

/** The history rows the changes of net GEX need; unreadable history means no changes, not a failure. */
export async function readRecentHistory(deps: PulseDeps, pulseTime: string): Promise<RecentRow[]> {
  try {
    return await deps.store.readRecentHistory(changesWindowStart(pulseTime));
  } catch (err) {
    deps.log.warn('pulse history unreadable', { error: errorMessage(err) });
    return [];
  }
}
