import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';

/**
 * The admin Firestore of this process (initializes the default app once). In the emulator suite
 * `FIRESTORE_EMULATOR_HOST` routes it to the emulator.
 */
export function getDb(): Firestore {
  if (getApps().length === 0) initializeApp();
  return getFirestore();
}
