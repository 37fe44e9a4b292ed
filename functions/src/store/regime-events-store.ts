import { FieldValue, type Firestore, type Transaction } from 'firebase-admin/firestore';
import { RegimeEvent } from '../contract/regime-event';
import { HistoryRow } from '../contract/regime';
import type { RecentRow } from './pulse-store';
import { toFirestoreData } from './firestore-safe';
import { HISTORY_COLLECTION, REGIME_EVENTS_COLLECTION } from './paths';

/**
 * Inside the pulse's commit transaction: reads which of `events` already exist (Firestore wants
 * every read before the first write) and returns a writer that creates only the new ones, so a
 * retried pulse, deriving the same ids, neither duplicates an event nor resets its delivery state.
 */
export async function prepareEventWrites(
  tx: Transaction,
  db: Firestore,
  events: readonly RegimeEvent[],
): Promise<{ write: () => number }> {
  const refs = events.map((e) => db.collection(REGIME_EVENTS_COLLECTION).doc(e.id));
  const snaps = refs.length === 0 ? [] : await tx.getAll(...refs);
  const docs = events.map((e) => toFirestoreData(RegimeEvent.parse(e)));
  return {
    write() {
      let written = 0;
      snaps.forEach((snap, i) => {
        const ref = refs[i];
        if (snap.exists || !ref) return;
        tx.set(ref, { ...docs[i], timestamp: FieldValue.serverTimestamp() });
        written++;
      });
      return written;
    },
  };
}

/** History rows with `pulse_time ≥ sinceIso`; rows that do not parse are left out. */
export async function readRecentHistory(db: Firestore, sinceIso: string): Promise<RecentRow[]> {
  const snap = await db.collection(HISTORY_COLLECTION).where('pulse_time', '>=', sinceIso).get();
  const rows: RecentRow[] = [];
  const Row = HistoryRow.pick({ pulse_time: true, symbols: true });
  for (const doc of snap.docs) {
    const parsed = Row.safeParse(doc.data());
    if (parsed.success) rows.push(parsed.data);
  }
  return rows;
}

/** Moves up to `limit` `pending` events to `sending`, one transaction each; returns those it moved. */
export async function claimPendingEvents(db: Firestore, limit: number): Promise<RegimeEvent[]> {
  const events = db.collection(REGIME_EVENTS_COLLECTION);
  const pending = await events.where('notify', '==', 'pending').limit(limit).get();
  const claimed: RegimeEvent[] = [];
  for (const doc of pending.docs) {
    const event = await db.runTransaction(async (tx) => {
      const parsed = RegimeEvent.safeParse((await tx.get(doc.ref)).data());
      if (!parsed.success || parsed.data.notify !== 'pending') return null;
      tx.update(doc.ref, { notify: 'sending', notify_claimed_at: FieldValue.serverTimestamp() });
      return parsed.data;
    });
    if (event) claimed.push(event);
  }
  return claimed;
}

/** Records the end of a claimed event's delivery. */
export async function markEventDelivery(
  db: Firestore,
  id: string,
  outcome: { state: 'sent' | 'failed'; error: string | null },
): Promise<void> {
  await db.collection(REGIME_EVENTS_COLLECTION).doc(id).update({
    notify: outcome.state,
    notify_error: outcome.error,
    notified_at: FieldValue.serverTimestamp(),
  });
}
