import {
  collection,
  doc,
  onSnapshot,
  orderBy,
  query,
  where,
  type Firestore,
  type Unsubscribe,
} from 'firebase/firestore';
import { HISTORY_COLLECTION, PROFILES_COLLECTION, REGIME_DOC } from '../../../functions/src/store/paths';

/** Listener callbacks: raw document data (parsed by the caller), or the listener's error. */
export interface Listener<T> {
  next: (value: T) => void;
  error: (error: Error) => void;
}

/** Live `systemStatus/market_regime`; `null` while it does not exist (before the first pulse). */
export function watchRegime(db: Firestore, listener: Listener<unknown>): Unsubscribe {
  return onSnapshot(
    doc(db, REGIME_DOC),
    (snap) => listener.next(snap.exists() ? snap.data() : null),
    listener.error,
  );
}

/** Live `gexProfiles/{TICKER}`; `null` while it does not exist. */
export function watchProfile(db: Firestore, ticker: string, listener: Listener<unknown>): Unsubscribe {
  return onSnapshot(
    doc(db, PROFILES_COLLECTION, ticker),
    (snap) => listener.next(snap.exists() ? snap.data() : null),
    listener.error,
  );
}

/**
 * Live history rows with `pulse_time >= sinceIso`, oldest first (ISO-8601 UTC strings sort as
 * times; one field, so no composite index is needed).
 */
export function watchHistory(db: Firestore, sinceIso: string, listener: Listener<unknown[]>): Unsubscribe {
  const rows = query(
    collection(db, HISTORY_COLLECTION),
    where('pulse_time', '>=', sinceIso),
    orderBy('pulse_time'),
  );
  return onSnapshot(rows, (snap) => listener.next(snap.docs.map((d) => d.data())), listener.error);
}
