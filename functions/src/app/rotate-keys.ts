import * as logger from 'firebase-functions/logger';
import { rotateCredentialKeys, RotateKeysPayload, type RotationReport } from '../accounts/rotate-keys';
import { createConnectionStore } from '../store/connection-store';
import { getDb } from '../store/firestore-db';
import { saveRotationReport } from '../store/key-rotation-store';
import { keyringFromParams } from './accounts-deps';
import { ROTATE_TIMEOUT_SECONDS } from './global-options';

/**
 * The `rotateAccountKeys` task's body (pages stop starting 30 s before its timeout): re-wraps every record under the current master key and
 * stores the report in `serverState/key_rotation` (which `npm run rotate-keys` waits for).
 * @throws ZodError on a payload that is not a rotation request.
 */
export async function runRotateTask(data: unknown): Promise<RotationReport> {
  const payload = RotateKeysPayload.parse(data);
  const db = getDb();
  const report = await rotateCredentialKeys(
    {
      store: createConnectionStore(db),
      keyring: keyringFromParams(),
      now: () => new Date(),
      pageSize: 200,
      deadlineMs: Date.now() + (ROTATE_TIMEOUT_SECONDS - 30) * 1000,
    },
    payload,
  );
  await saveRotationReport(db, report);
  logger.info('credential key rotation', { ...report });
  return report;
}
