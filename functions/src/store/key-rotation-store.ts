import type { Firestore } from 'firebase-admin/firestore';
import { toFirestoreData } from './firestore-safe';
import { KEY_ROTATION_DOC } from './paths';

/** Writes the last rotation's report to `serverState/key_rotation` (server-only; the command polls it). */
export async function saveRotationReport(db: Firestore, report: object): Promise<void> {
  await db.doc(KEY_ROTATION_DOC).set(toFirestoreData({ ...report }));
}
