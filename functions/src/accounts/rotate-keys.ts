import { z } from 'zod';
import type { ConnectionStore } from '../store/connection-store';
import { CredentialDecryptError, rewrapRecord } from './credential-cipher';
import type { MasterKeyring } from './master-keyring';

/** The rotation task's payload: the master key id every record should end up under. */
export const RotateKeysPayload = z
  .object({ toKeyId: z.string().min(1).max(32), requestId: z.string().min(1).max(64) })
  .strict();
export type RotateKeysPayload = z.infer<typeof RotateKeysPayload>;

/** What a rotation did (stored in `serverState/key_rotation` and logged). */
export interface RotationReport {
  request_id: string;
  to_key_id: string;
  state: 'done' | 'refused' | 'deadline';
  /** Why it was refused (e.g. the deployed current id is another one). */
  reason: string | null;
  records: number;
  rewrapped: number;
  already_current: number;
  /** Records that did not open (unknown key, or not this uid's): left as they are. */
  unreadable: number;
  started_at: string;
  finished_at: string;
}

/** What rotating needs. */
export interface RotateDeps {
  store: Pick<ConnectionStore, 'listConnectedUids' | 'readCredentialRecord' | 'replaceRecord'>;
  keyring: MasterKeyring;
  now: () => Date;
  pageSize: number;
  /** Stop starting new pages after this instant (epoch ms); the report then says `deadline`. */
  deadlineMs: number;
}

/**
 * Re-wraps every credential record's data key under the current master key, a page of users at a
 * time. Only data keys are unwrapped and re-wrapped, inside this function; the credentials'
 * ciphertext is never decrypted. Each record is replaced in a transaction only if it still has the
 * key id it was read with (a concurrent reconnect wins). Refuses when `toKeyId` is not the
 * deployed current id, so a rotation never runs against a half-finished deploy.
 */
export async function rotateCredentialKeys(
  deps: RotateDeps,
  payload: RotateKeysPayload,
): Promise<RotationReport> {
  const report: RotationReport = {
    request_id: payload.requestId,
    to_key_id: payload.toKeyId,
    state: 'done',
    reason: null,
    records: 0,
    rewrapped: 0,
    already_current: 0,
    unreadable: 0,
    started_at: deps.now().toISOString(),
    finished_at: '',
  };
  if (deps.keyring.currentId !== payload.toKeyId) {
    const reason = `the deployed current key id is ${deps.keyring.currentId}, not ${payload.toKeyId}`;
    return { ...report, state: 'refused', reason, finished_at: deps.now().toISOString() };
  }
  let after: string | null = null;
  for (;;) {
    if (deps.now().getTime() > deps.deadlineMs) {
      report.state = 'deadline';
      break;
    }
    const uids = await deps.store.listConnectedUids(after, deps.pageSize);
    for (const uid of uids) await rotateOne(deps, uid, report);
    if (uids.length < deps.pageSize) break;
    after = uids[uids.length - 1] ?? null;
  }
  report.finished_at = deps.now().toISOString();
  return report;
}

async function rotateOne(deps: RotateDeps, uid: string, report: RotationReport): Promise<void> {
  const record = await deps.store.readCredentialRecord(uid);
  if (!record) return;
  report.records += 1;
  if (record.key_id === deps.keyring.currentId) {
    report.already_current += 1;
    return;
  }
  try {
    const rotated = rewrapRecord({ uid, record, keyring: deps.keyring, now: deps.now() });
    if (await deps.store.replaceRecord(uid, record.key_id, rotated)) report.rewrapped += 1;
  } catch (error) {
    if (!(error instanceof CredentialDecryptError)) throw error;
    report.unreadable += 1;
  }
}
