import { FieldValue, Timestamp, type Firestore } from 'firebase-admin/firestore';
import {
  GexProfileDocument,
  HistoryRow,
  MarketRegimeDocument,
  MarketRegimeHeader,
  StoredSymbolRegime,
} from '../contract/regime';
import type { Lease, PulseStore } from './pulse-store';
import type { PulseWrites } from './pulse-writes';
import { toFirestoreData } from './firestore-safe';
import { HISTORY_COLLECTION, PROFILES_COLLECTION, REGIME_DOC } from './paths';
import { acquireLease, freeLease, isLeaseHeld, releaseLease } from './pulse-lease';
import {
  claimPendingEvents,
  markEventDelivery,
  prepareEventWrites,
  readRecentHistory,
} from './regime-events-store';

/** Reads `systemStatus/market_regime` through the contract; null when absent. @throws ZodError */
export async function readRegime(db: Firestore): Promise<MarketRegimeDocument | null> {
  const snap = await db.doc(REGIME_DOC).get();
  return snap.exists ? MarketRegimeDocument.parse(snap.data()) : null;
}

/** The Firestore-backed {@link PulseStore}. */
export function createPulseStore(db: Firestore): PulseStore {
  return {
    acquireLease: (input) => acquireLease(db, input),
    releaseLease: (lease) => releaseLease(db, lease),
    readRegime: () => readRegime(db),
    commitPulse: (lease, writes) => commitPulse(db, lease, writes),
    readRecentHistory: (sinceIso) => readRecentHistory(db, sinceIso),
    claimPendingEvents: (limit) => claimPendingEvents(db, limit),
    markEventDelivery: (id, outcome) => markEventDelivery(db, id, outcome),
  };
}

/**
 * One transaction: checks the lease is still ours and that the stored `as_of` is not newer, then
 * writes the regime, the fresh profiles, the history row and the new regime events, and frees the lease.
 * Every document is validated by the contract before it is written.
 * @returns documents written (lease included), or the reason nothing was written.
 */
export async function commitPulse(
  db: Firestore,
  lease: Lease,
  writes: PulseWrites,
): Promise<{ written: number; reason?: 'lease_lost' | 'as_of_regression' }> {
  const docs = prepareDocs(writes);
  const regimeRef = db.doc(REGIME_DOC);
  return db.runTransaction(async (tx) => {
    if (!(await isLeaseHeld(tx, db, lease))) return { written: 0, reason: 'lease_lost' as const };
    const storedAsOf = (await tx.get(regimeRef)).get('as_of') as unknown;
    if (typeof storedAsOf === 'string' && Date.parse(storedAsOf) > Date.parse(docs.asOf)) {
      freeLease(tx, db, lease, false);
      return { written: 0, reason: 'as_of_regression' as const };
    }
    const events = await prepareEventWrites(tx, db, writes.events);
    const timestamp = FieldValue.serverTimestamp();
    tx.set(regimeRef, { ...docs.regime, timestamp });
    for (const profile of docs.profiles) {
      tx.set(db.collection(PROFILES_COLLECTION).doc(profile.symbol), { ...profile, timestamp });
    }
    tx.set(db.collection(HISTORY_COLLECTION).doc(writes.history.id), { ...docs.history, timestamp });
    const eventsWritten = events.write();
    freeLease(tx, db, lease, true);
    return { written: docs.profiles.length + 3 + eventsWritten };
  });
}

/** Validates every document against the contract and strips what Firestore must not see. */
function prepareDocs(writes: PulseWrites) {
  const header = MarketRegimeHeader.omit({ timestamp: true }).parse(writes.regime.header);
  const maps: Record<string, StoredSymbolRegime> = {};
  for (const [key, map] of Object.entries(writes.regime.symbolMaps)) {
    if (key in header) throw new Error(`symbol key "${key}" collides with a header field`);
    maps[key] = StoredSymbolRegime.parse(map);
  }
  const profiles = writes.profiles.map((p) =>
    toFirestoreData(GexProfileDocument.omit({ timestamp: true }).parse(p)),
  );
  const history = {
    ...toFirestoreData(HistoryRow.omit({ timestamp: true, expire_at: true }).parse(writes.history.row)),
    expire_at: Timestamp.fromDate(writes.history.expireAt),
  };
  return { asOf: header.as_of, regime: toFirestoreData({ ...header, ...maps }), profiles, history };
}
