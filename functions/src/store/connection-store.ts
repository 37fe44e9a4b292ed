import { FieldPath, type Firestore } from 'firebase-admin/firestore';
import type { UserConnectionDocument } from '../contract/account-snapshot';
import { EncryptedCredentialRecord } from './credential-record';
import { toFirestoreData } from './firestore-safe';
import { connectAttemptsPath, credentialPath, snapshotPath, USERS_COLLECTION } from './paths';

/** The connect/disconnect side of a user's Alpaca connection in Firestore. */
export interface ConnectionStore {
  /**
   * Counts one connect attempt in a transaction; false when `limit` attempts were already made in
   * this clock minute (the attempt is then not counted).
   */
  takeConnectAttempt(uid: string, now: Date, limit: number): Promise<boolean>;
  /** Stores the record and the owner-visible connection in one batch. */
  saveConnection(uid: string, record: EncryptedCredentialRecord, user: UserConnectionDocument): Promise<void>;
  /**
   * Deletes the credential record and the snapshot; sets `users/{uid}` to `user`, or deletes it
   * (and the attempt counter) when `user` is null (the Auth user is gone).
   */
  removeConnection(uid: string, user: UserConnectionDocument | null): Promise<void>;
  /** The stored record, null when none; a record that fails its schema is null too. */
  readCredentialRecord(uid: string): Promise<EncryptedCredentialRecord | null>;
  /** A page of uids holding a credential record (connected, active or invalid), ordered by uid. */
  listConnectedUids(afterUid: string | null, limit: number): Promise<string[]>;
  /** Replaces a record (rotation), only if it still has `expectedKeyId` (a transaction). */
  replaceRecord(uid: string, expectedKeyId: string, record: EncryptedCredentialRecord): Promise<boolean>;
}

/** {@link ConnectionStore} on the admin Firestore. */
/**
 * One page of the uids of connected users (`users/{uid}.connected`), in uid order, after
 * `afterUid` (null: from the start); only the ids are read.
 */
export async function listConnectedUids(
  db: Firestore,
  afterUid: string | null,
  limit: number,
): Promise<string[]> {
  let query = db.collection(USERS_COLLECTION).where('connected', '==', true).orderBy(FieldPath.documentId());
  if (afterUid !== null) query = query.startAfter(afterUid);
  return (await query.limit(limit).select().get()).docs.map((d) => d.id);
}

export function createConnectionStore(db: Firestore): ConnectionStore {
  return {
    takeConnectAttempt: (uid, now, limit) =>
      db.runTransaction(async (tx) => {
        const ref = db.doc(connectAttemptsPath(uid));
        const minute = Math.floor(now.getTime() / 60_000);
        const data = (await tx.get(ref)).data() as { minute?: number; count?: number } | undefined;
        const count = data?.minute === minute ? (data.count ?? 0) : 0;
        if (count >= limit) return false;
        tx.set(ref, { minute, count: count + 1 });
        return true;
      }),
    saveConnection: async (uid, record, user) => {
      const batch = db.batch();
      batch.set(db.doc(credentialPath(uid)), toFirestoreData(record));
      batch.set(db.collection(USERS_COLLECTION).doc(uid), toFirestoreData(user), { merge: true });
      await batch.commit();
    },
    removeConnection: async (uid, user) => {
      const batch = db.batch();
      batch.delete(db.doc(credentialPath(uid)));
      batch.delete(db.doc(snapshotPath(uid)));
      const userRef = db.collection(USERS_COLLECTION).doc(uid);
      if (user) batch.set(userRef, toFirestoreData(user), { merge: true });
      else {
        batch.delete(userRef);
        batch.delete(db.doc(connectAttemptsPath(uid)));
      }
      await batch.commit();
    },
    readCredentialRecord: async (uid) => {
      const parsed = EncryptedCredentialRecord.safeParse((await db.doc(credentialPath(uid)).get()).data());
      return parsed.success ? parsed.data : null;
    },
    listConnectedUids: (afterUid, limit) => listConnectedUids(db, afterUid, limit),
    replaceRecord: (uid, expectedKeyId, record) =>
      db.runTransaction(async (tx) => {
        const ref = db.doc(credentialPath(uid));
        const current = (await tx.get(ref)).data() as { key_id?: string } | undefined;
        if (current?.key_id !== expectedKeyId) return false;
        tx.set(ref, toFirestoreData(record));
        return true;
      }),
  };
}
