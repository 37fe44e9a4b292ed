import { doc, onSnapshot, type Firestore, type Unsubscribe } from 'firebase/firestore';
import { httpsCallable, type Functions } from 'firebase/functions';
import { snapshotPath, USERS_COLLECTION } from '../../../functions/src/store/paths';
import type { ConnectInput } from '../view/connect-form';
import type { Listener } from './subscribe';

/** Live `users/{uid}` (the owner-visible connection); `null` while it does not exist. */
export function watchConnection(db: Firestore, uid: string, listener: Listener<unknown>): Unsubscribe {
  return onSnapshot(
    doc(db, USERS_COLLECTION, uid),
    (snap) => listener.next(snap.exists() ? snap.data() : null),
    listener.error,
  );
}

/** Live `users/{uid}/data/snapshot` (balances and positions); `null` while it does not exist. */
export function watchAccountSnapshot(db: Firestore, uid: string, listener: Listener<unknown>): Unsubscribe {
  return onSnapshot(
    doc(db, snapshotPath(uid)),
    (snap) => listener.next(snap.exists() ? snap.data() : null),
    listener.error,
  );
}

/** The account callables, bound to one Functions instance. */
export interface AccountCallables {
  /**
   * `connectAlpaca`: Alpaca checks the keys, then the server stores them encrypted.
   * @throws FirebaseError `functions/permission-denied`, `…/unavailable`, … (see the README).
   */
  connect: (input: ConnectInput) => Promise<void>;
  /** `disconnectAlpaca`: deletes the stored credentials and the snapshot. */
  disconnect: () => Promise<void>;
}

/** Binds `connectAlpaca` and `disconnectAlpaca` to `functions`. */
export function accountCallables(functions: Functions): AccountCallables {
  const connect = httpsCallable<ConnectInput, unknown>(functions, 'connectAlpaca');
  const disconnect = httpsCallable<undefined, unknown>(functions, 'disconnectAlpaca');
  return {
    connect: async (input) => {
      await connect(input);
    },
    disconnect: async () => {
      await disconnect();
    },
  };
}
