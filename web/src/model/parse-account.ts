import {
  AccountSnapshotDocument,
  UserConnectionDocument,
} from '../../../functions/src/contract/account-snapshot';
import type { ParseFailure } from './parse-documents';

/** A document parsed through its contract schema, or why it could not be. */
export type Parsed<T> = { ok: true; value: T } | ParseFailure;

function failure(error: { issues: { path: PropertyKey[]; message: string }[] }): ParseFailure {
  const message = error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(document)'}: ${issue.message}`)
    .join('; ');
  return { ok: false, message };
}

/** Parses `users/{uid}` (the owner-visible connection) with the contract; no throw. */
export function parseConnection(data: unknown): Parsed<UserConnectionDocument> {
  const parsed = UserConnectionDocument.safeParse(data);
  return parsed.success ? { ok: true, value: parsed.data } : failure(parsed.error);
}

/** Parses `users/{uid}/data/snapshot` (balances and positions) with the contract; no throw. */
export function parseAccountSnapshot(data: unknown): Parsed<AccountSnapshotDocument> {
  const parsed = AccountSnapshotDocument.safeParse(data);
  return parsed.success ? { ok: true, value: parsed.data } : failure(parsed.error);
}
