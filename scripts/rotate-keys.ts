/**
 * `npm run rotate-keys -- --to ID [--project PROJECT]`: asks the deployed (or emulated)
 * `rotateAccountKeys` function to re-wrap every credential record under master key ID, and waits
 * for its report in `serverState/key_rotation`. It enqueues a Cloud Tasks task with the caller's
 * own Google credentials (Application Default Credentials; a project admin), so nobody without
 * rights on the project can start it, and no key or credential passes through this process.
 * Without `--project` it targets the local emulators of `npm start` (demo project).
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { getFunctions } from 'firebase-admin/functions';
import { PROJECT_ID } from './lib/dev-env';

const { values } = parseArgs({
  options: { to: { type: 'string' }, project: { type: 'string' }, 'timeout-seconds': { type: 'string' } },
});

async function main(): Promise<number> {
  const to = values.to?.trim();
  if (!to || !/^[A-Za-z0-9_-]{1,32}$/.test(to)) {
    console.error('usage: npm run rotate-keys -- --to KEY_ID [--project PROJECT]');
    return 2;
  }
  const projectId = values.project ?? PROJECT_ID;
  if (!values.project) {
    process.env.FIRESTORE_EMULATOR_HOST ??= '127.0.0.1:8080';
    process.env.CLOUD_TASKS_EMULATOR_HOST ??= '127.0.0.1:9499';
  }
  if (getApps().length === 0) initializeApp({ projectId });
  const requestId = randomUUID();
  await getFunctions()
    .taskQueue('locations/us-central1/functions/rotateAccountKeys')
    .enqueue({ toKeyId: to, requestId }, { id: `rotate-${requestId}` });
  console.log(`rotation to ${to} requested (${requestId}); waiting for serverState/key_rotation…`);
  const doc = getFirestore().doc('serverState/key_rotation');
  const deadline = Date.now() + Number(values['timeout-seconds'] ?? 600) * 1000;
  while (Date.now() < deadline) {
    const report = (await doc.get()).data();
    if (report?.request_id === requestId) {
      console.log(JSON.stringify(report, null, 2));
      return report.state === 'done' && report.unreadable === 0 ? 0 : 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.error('no report before the timeout; see the function logs');
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`rotate-keys: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
