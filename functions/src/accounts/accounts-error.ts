/** Codes a callable answers with (a subset of Firebase's `HttpsError` codes). */
export type AccountsErrorCode =
  | 'unauthenticated'
  | 'invalid-argument'
  | 'permission-denied'
  | 'resource-exhausted'
  | 'unavailable'
  | 'failed-precondition'
  | 'internal';

/**
 * A refusal the caller may see: a code and a plain message. The message never holds credentials,
 * payloads or stack traces; app/ maps it onto `HttpsError`.
 */
export class AccountsError extends Error {
  override readonly name = 'AccountsError';
  constructor(
    readonly code: AccountsErrorCode,
    message: string,
  ) {
    super(message);
  }
}
