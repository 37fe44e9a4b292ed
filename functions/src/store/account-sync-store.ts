import { FieldPath, type Firestore } from 'firebase-admin/firestore';
import type { AccountContent, ConnectionStatus, SyncErrorKind } from '../contract/account-snapshot';
import { EncryptedCredentialRecord } from './credential-record';
import { toFirestoreData } from './firestore-safe';
import { credentialPath, snapshotPath, USERS_COLLECTION } from './paths';

/** What a sync needs to know about one user before calling Alpaca. */
export interface SyncUserState {
  uid: string;
  status: ConnectionStatus | null;
  /** ISO instant before which the user is not synced (a 429 backed them off). */
  backoffUntil: string | null;
  record: EncryptedCredentialRecord | null;
  /** The stored snapshot's hash and error, null when there is none. */
  snapshot: { contentHash: string | null; syncError: string | null; syncErrorKind: string | null } | null;
}

/** A failed sync as the snapshot records it. */
export interface SyncFailure {
  message: string;
  kind: SyncErrorKind;
  at: string;
}

/** Firestore side of the account sync: pages of active users, their state, and the writes. */
export interface AccountSyncStore {
  /** Uids of `status == "active"` users after `afterUid`, ordered by uid, at most `limit`. */
  listActivePage(afterUid: string | null, limit: number): Promise<string[]>;
  /** Connection, record and snapshot of each uid, in one batched read. */
  loadUsers(uids: readonly string[]): Promise<SyncUserState[]>;
  /** Replaces the snapshot with new content (clears any error). */
  writeSnapshot(
    uid: string,
    input: { content: AccountContent; hash: string; syncedAt: string; asOf: string },
  ): Promise<void>;
  /** Records a failure beside the last good snapshot (kept as it is). */
  writeFailure(uid: string, failure: SyncFailure): Promise<void>;
  /** Alpaca refused the credentials: the connection turns `invalid` (no more syncs until a reconnect). */
  markInvalid(uid: string, reason: string, failure: SyncFailure): Promise<void>;
  /** A 429: the user is not synced again before `until`. */
  backOff(uid: string, until: string, failure: SyncFailure): Promise<void>;
}

const errorFields = (f: SyncFailure) => ({
  sync_error: f.message,
  sync_error_kind: f.kind,
  sync_error_at: f.at,
});

function snapshotState(data: Record<string, unknown> | undefined): SyncUserState['snapshot'] {
  if (!data) return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    contentHash: text(data.content_hash),
    syncError: text(data.sync_error),
    syncErrorKind: text(data.sync_error_kind),
  };
}

/** {@link AccountSyncStore} on the admin Firestore. */
export function createAccountSyncStore(db: Firestore): AccountSyncStore {
  const users = db.collection(USERS_COLLECTION);
  return {
    listActivePage: async (afterUid, limit) => {
      let query = users.where('status', '==', 'active').orderBy(FieldPath.documentId());
      if (afterUid !== null) query = query.startAfter(afterUid);
      return (await query.limit(limit).select().get()).docs.map((d) => d.id);
    },
    loadUsers: async (uids) => {
      if (uids.length === 0) return [];
      const refs = uids.flatMap((uid) => [
        users.doc(uid),
        db.doc(credentialPath(uid)),
        db.doc(snapshotPath(uid)),
      ]);
      const docs = await db.getAll(...refs);
      return uids.map((uid, i) => {
        const user = docs[i * 3]?.data() as { status?: unknown; sync_backoff_until?: unknown } | undefined;
        const record = EncryptedCredentialRecord.safeParse(docs[i * 3 + 1]?.data());
        const status = user?.status;
        return {
          uid,
          status: status === 'active' || status === 'invalid' || status === 'disconnected' ? status : null,
          backoffUntil: typeof user?.sync_backoff_until === 'string' ? user.sync_backoff_until : null,
          record: record.success ? record.data : null,
          snapshot: snapshotState(docs[i * 3 + 2]?.data()),
        };
      });
    },
    writeSnapshot: async (uid, { content, hash, syncedAt, asOf }) => {
      await db.doc(snapshotPath(uid)).set(
        toFirestoreData({
          ...content,
          content_hash: hash,
          synced_at: syncedAt,
          as_of: asOf,
          sync_error: null,
          sync_error_kind: null,
          sync_error_at: null,
        }),
      );
    },
    writeFailure: async (uid, failure) => {
      await db.doc(snapshotPath(uid)).set(errorFields(failure), { merge: true });
    },
    markInvalid: async (uid, reason, failure) => {
      const batch = db.batch();
      batch.set(users.doc(uid), { status: 'invalid', invalid_reason: reason }, { merge: true });
      batch.set(db.doc(snapshotPath(uid)), errorFields(failure), { merge: true });
      await batch.commit();
    },
    backOff: async (uid, until, failure) => {
      const batch = db.batch();
      batch.set(users.doc(uid), { sync_backoff_until: until }, { merge: true });
      batch.set(db.doc(snapshotPath(uid)), errorFields(failure), { merge: true });
      await batch.commit();
    },
  };
}
