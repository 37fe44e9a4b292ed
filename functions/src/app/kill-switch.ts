import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https';
import { getDb } from '../store/firestore-db';
import { saveKillSwitch } from '../store/trading-settings-store';
import { KillSwitchError, setKillSwitch } from '../strategy-runner/kill-switch';

/** `setKillSwitch`'s body: a KillSwitchError becomes its HttpsError. */
export async function handleSetKillSwitch(
  request: CallableRequest<unknown>,
): Promise<{ kill_switch: boolean }> {
  const db = getDb();
  try {
    return await setKillSwitch(
      { save: (uid, on, at) => saveKillSwitch(db, uid, on, at), now: () => new Date() },
      { uid: request.auth?.uid ?? null, data: request.data },
    );
  } catch (error) {
    if (error instanceof KillSwitchError) throw new HttpsError(error.code, error.message);
    throw error;
  }
}
