import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';

/**
 * The admin Firestore of this process (initializes the default app once). In the emulator suite
 * `FIRESTORE_EMULATOR_HOST` routes it to the emulator. It checks for the default app by name:
 * firebase-functions creates an app of its own for Firestore trigger events, so "some app exists"
 * does not mean the default one does.
 */
export function getDb(): Firestore {
  if (!getApps().some((app) => app.name === '[DEFAULT]')) initializeApp();
  return getFirestore();
}
