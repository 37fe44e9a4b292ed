import {
  collection,
  deleteField,
  doc,
  limit,
  onSnapshot,
  orderBy,
  query,
  setDoc,
  type Firestore,
  type Unsubscribe,
} from 'firebase/firestore';
import { httpsCallable, type Functions } from 'firebase/functions';
import { decisionsPath, strategiesPath, tradingSettingsPath } from '../../../functions/src/store/paths';
import type { StrategyConfigFields } from '../../../functions/src/contract/strategy-document';
import type { Listener } from './subscribe';

/** How many of the newest decision log entries the page keeps (across strategies). */
export const DECISIONS_SHOWN = 30;

/** Live `users/{uid}/strategies`: each document's id and raw data. */
export function watchStrategies(
  db: Firestore,
  uid: string,
  listener: Listener<{ id: string; data: unknown }[]>,
): Unsubscribe {
  return onSnapshot(
    collection(db, strategiesPath(uid)),
    (snap) => listener.next(snap.docs.map((d) => ({ id: d.id, data: d.data() }))),
    listener.error,
  );
}

/** Live newest entries of `users/{uid}/decisions` (by `evaluated_at`, one field: no composite index). */
export function watchDecisions(db: Firestore, uid: string, listener: Listener<unknown[]>): Unsubscribe {
  const newest = query(
    collection(db, decisionsPath(uid)),
    orderBy('evaluated_at', 'desc'),
    limit(DECISIONS_SHOWN),
  );
  return onSnapshot(newest, (snap) => listener.next(snap.docs.map((d) => d.data())), listener.error);
}

/** Live `users/{uid}/settings/trading`; `null` while it does not exist. */
export function watchTradingSettings(db: Firestore, uid: string, listener: Listener<unknown>): Unsubscribe {
  return onSnapshot(
    doc(db, tradingSettingsPath(uid)),
    (snap) => listener.next(snap.exists() ? snap.data() : null),
    listener.error,
  );
}

/**
 * Binds the `setKillSwitch({ on })` callable.
 * @throws FirebaseError `functions/unauthenticated` or `functions/invalid-argument`.
 */
export function killSwitchCallable(functions: Functions): (on: boolean) => Promise<void> {
  const call = httpsCallable<{ on: boolean }, unknown>(functions, 'setKillSwitch');
  return async (on) => {
    await call({ on });
  };
}

/**
 * Writes the owner's configuration of `users/{uid}/strategies/{id}` (created if missing), removing
 * the `cleared` fields so their defaults apply; the server's `state` is left as it is. The rules
 * check the same bounds as the form.
 * @throws FirebaseError `permission-denied` when the rules refuse it.
 */
export async function saveStrategy(
  db: Firestore,
  uid: string,
  id: string,
  config: StrategyConfigFields,
  cleared: readonly string[],
): Promise<void> {
  const removals = Object.fromEntries(cleared.map((field) => [field, deleteField()]));
  await setDoc(doc(db, strategiesPath(uid), id), { ...config, ...removals }, { merge: true });
}
