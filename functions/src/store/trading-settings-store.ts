import type { Firestore } from 'firebase-admin/firestore';
import { tradingSettingsPath } from './strategy-store';

/** Sets the user's kill switch on `users/{uid}/settings/trading` (merged; other fields kept). */
export async function saveKillSwitch(db: Firestore, uid: string, on: boolean, at: Date): Promise<void> {
  await db
    .doc(tradingSettingsPath(uid))
    .set({ kill_switch: on, updated_at: at.toISOString() }, { merge: true });
}
