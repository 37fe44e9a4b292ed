import type { UserConnectionDocument } from '../../functions/src/contract/account-snapshot';

/**
 * `users/{uid}` of a user connected at `now` (what a successful connect writes, account number
 * masked), for tests and benchmarks that seed users without going through the callable.
 */
export function connectedUserDocument(now: Date, paper = true): UserConnectionDocument {
  return {
    connected: true,
    paper,
    account_number_masked: '••••0000',
    status: 'active',
    connected_at: now.toISOString(),
    invalid_reason: null,
    sync_backoff_until: null,
  };
}
