import { createHash } from 'node:crypto';
import type { AccountContent, SyncErrorKind } from '../contract/account-snapshot';
import type { AccountSyncStore, SyncFailure, SyncUserState } from '../store/account-sync-store';
import type { TradingClient, TradingCredentials } from '../trading/trading-client';
import { MalformedPositionError, toAccountContent } from '../trading/to-account-content';
import { CredentialDecryptError, decryptCredentials } from './credential-cipher';
import type { MasterKeyring } from './master-keyring';

/** What one user's sync needs. */
export interface SyncUserDeps {
  store: AccountSyncStore;
  keyring: MasterKeyring;
  tradingClient: (credentials: TradingCredentials, paper: boolean) => TradingClient;
  now: () => Date;
  /** How long a 429 keeps the user from being synced, ms. */
  backoffMs: number;
}

/** What happened to one user this minute. */
export type UserSyncOutcome = 'written' | 'unchanged' | 'failed' | 'invalid' | 'backed_off' | 'skipped';

/** sha256 of the content's JSON (positions are already ordered), hex. */
export function contentHash(content: AccountContent): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

function classify(error: unknown): { kind: SyncErrorKind | 'auth_refused'; message: string } {
  if (error instanceof MalformedPositionError) return { kind: 'malformed', message: error.message };
  const e = error as { kind?: string; status?: number | null; endpoint?: string } | null;
  const where = e?.endpoint ?? 'alpaca';
  switch (e?.kind) {
    case 'auth':
      return {
        kind: 'auth_refused',
        message: `${where}: Alpaca refused the credentials (${e.status ?? 'auth'})`,
      };
    case 'rate_limited':
      return { kind: 'rate_limited', message: `${where}: rate limited by Alpaca (429)` };
    case 'malformed':
      return { kind: 'malformed', message: `${where}: Alpaca sent a malformed payload` };
    case 'timeout':
      return { kind: 'timeout', message: `${where}: no answer before the deadline` };
    default:
      return {
        kind: 'unavailable',
        message: `${where}: Alpaca unavailable${e?.status ? ` (${e.status})` : ''}`,
      };
  }
}

/**
 * Syncs one user: decrypts their credentials, reads account and positions (in parallel), and
 * writes the snapshot only when its content changed. A failure stays with this user: the last
 * good snapshot is kept and the error recorded beside it; 401/403 turns the connection `invalid`,
 * 429 backs the user off. Never throws for Alpaca's or the record's faults (only Firestore's).
 */
export async function syncUser(
  deps: SyncUserDeps,
  user: SyncUserState,
  input: { asOf: string; signal: AbortSignal },
): Promise<UserSyncOutcome> {
  const now = deps.now();
  if (!user.record || user.status !== 'active') return 'skipped';
  if (user.backoffUntil && Date.parse(user.backoffUntil) > now.getTime()) return 'skipped';
  let credentials: TradingCredentials;
  try {
    credentials = decryptCredentials({ uid: user.uid, record: user.record, keyring: deps.keyring });
  } catch (error) {
    if (!(error instanceof CredentialDecryptError)) throw error;
    const failure = {
      message: 'stored credentials cannot be read; reconnect',
      kind: 'credentials' as const,
      at: now.toISOString(),
    };
    await deps.store.markInvalid(user.uid, failure.message, failure);
    return 'invalid';
  }
  try {
    const client = deps.tradingClient(credentials, user.record.paper);
    const [account, positions] = await Promise.all([
      client.getAccount(input.signal),
      client.listPositions(input.signal),
    ]);
    const content = toAccountContent(account, positions);
    const hash = contentHash(content);
    if (user.snapshot?.contentHash === hash && user.snapshot.syncError === null) return 'unchanged';
    await deps.store.writeSnapshot(user.uid, {
      content,
      hash,
      syncedAt: deps.now().toISOString(),
      asOf: input.asOf,
    });
    return 'written';
  } catch (error) {
    return recordFailure(deps, user, error, now);
  }
}

async function recordFailure(
  deps: SyncUserDeps,
  user: SyncUserState,
  error: unknown,
  now: Date,
): Promise<UserSyncOutcome> {
  const { kind, message } = classify(error);
  const at = now.toISOString();
  if (kind === 'auth_refused') {
    await deps.store.markInvalid(user.uid, message, { message, kind: 'auth', at });
    return 'invalid';
  }
  const failure: SyncFailure = { message, kind, at };
  if (kind === 'rate_limited') {
    await deps.store.backOff(user.uid, new Date(now.getTime() + deps.backoffMs).toISOString(), failure);
    return 'backed_off';
  }
  // The same failure again is not rewritten every minute.
  if (user.snapshot?.syncError !== message || user.snapshot.syncErrorKind !== kind) {
    await deps.store.writeFailure(user.uid, failure);
  }
  return 'failed';
}
