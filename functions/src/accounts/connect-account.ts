import type { UserConnectionDocument } from '../contract/account-snapshot';
import type { AlpacaApiError } from '../market/alpaca-api-error';
import type { ConnectionStore } from '../store/connection-store';
import type { TradingClient, TradingCredentials } from '../trading/trading-client';
import { maskAccountNumber } from '../trading/to-account-content';
import { AccountsError } from './accounts-error';
import { ConnectInput } from './connect-input';
import { encryptCredentials } from './credential-cipher';
import type { MasterKeyring } from './master-keyring';

/** Connect attempts a user may make per clock minute. */
export const CONNECT_ATTEMPTS_PER_MINUTE = 5;

/** What connecting and disconnecting need. */
export interface ConnectDeps {
  store: ConnectionStore;
  keyring: () => MasterKeyring;
  tradingClient: (credentials: TradingCredentials, paper: boolean) => TradingClient;
  now: () => Date;
  log: {
    info(message: string, fields?: Record<string, unknown>): void;
    warn(message: string, fields?: Record<string, unknown>): void;
  };
}

/** What `connectAlpaca` answers: the owner-visible connection, nothing secret. */
export type ConnectResult = Pick<
  UserConnectionDocument,
  'connected' | 'paper' | 'account_number_masked' | 'status'
>;

function requireUid(uid: string | null): string {
  if (!uid) throw new AccountsError('unauthenticated', 'Sign in to connect an Alpaca account.');
  return uid;
}

function refusal(error: unknown): AccountsError {
  const kind = (error as Partial<AlpacaApiError> | null)?.kind;
  if (kind === 'auth') {
    return new AccountsError(
      'permission-denied',
      'Alpaca did not accept these credentials (check the keys and paper/live).',
    );
  }
  if (kind === 'rate_limited')
    return new AccountsError('unavailable', 'Alpaca is rate limiting this account; try again in a minute.');
  if (kind === 'malformed')
    return new AccountsError('unavailable', 'Alpaca answered with something unexpected; try again later.');
  return new AccountsError('unavailable', 'Alpaca could not be reached; try again later.');
}

/**
 * Connects a user's Alpaca account: validates the input, counts the attempt, checks the
 * credentials with `GET /v2/account`, and only then stores them encrypted with the owner-visible
 * connection. On every failure nothing is stored.
 * @throws AccountsError `unauthenticated`, `invalid-argument`, `resource-exhausted`,
 *   `permission-denied` (Alpaca 401/403), `unavailable` (Alpaca unreachable or odd).
 */
export async function connectAccount(
  deps: ConnectDeps,
  input: { uid: string | null; data: unknown },
): Promise<ConnectResult> {
  const uid = requireUid(input.uid);
  if (!(await deps.store.takeConnectAttempt(uid, deps.now(), CONNECT_ATTEMPTS_PER_MINUTE))) {
    throw new AccountsError('resource-exhausted', 'Too many connection attempts; wait a minute.');
  }
  const parsed = ConnectInput.safeParse(input.data);
  if (!parsed.success) {
    throw new AccountsError(
      'invalid-argument',
      'Expected { keyId, secretKey, paper } or { accessToken, paper }.',
    );
  }
  const { paper, ...rest } = parsed.data;
  const credentials: TradingCredentials = 'accessToken' in rest ? { accessToken: rest.accessToken } : rest;
  let accountNumber: string;
  try {
    accountNumber = (await deps.tradingClient(credentials, paper).getAccount()).account_number;
  } catch (error) {
    const refused = refusal(error);
    deps.log.warn('alpaca connect refused', {
      uid,
      code: refused.code,
      kind: (error as { kind?: string }).kind ?? null,
    });
    throw refused;
  }
  const now = deps.now();
  const record = encryptCredentials({ uid, credentials, paper, keyring: deps.keyring(), now });
  const user: UserConnectionDocument = {
    connected: true,
    paper,
    account_number_masked: maskAccountNumber(accountNumber),
    status: 'active',
    connected_at: now.toISOString(),
    invalid_reason: null,
    sync_backoff_until: null,
  };
  await deps.store.saveConnection(uid, record, user);
  deps.log.info('alpaca connected', { uid, paper, key_id: record.key_id });
  return { connected: true, paper, account_number_masked: user.account_number_masked, status: 'active' };
}

/** The connection as it reads after a disconnect. */
export const DISCONNECTED: UserConnectionDocument = {
  connected: false,
  paper: null,
  account_number_masked: null,
  status: 'disconnected',
  connected_at: null,
  invalid_reason: null,
  sync_backoff_until: null,
};

/** Deletes the user's credentials and snapshot; `users/{uid}` says disconnected. @throws AccountsError `unauthenticated`. */
export async function disconnectAccount(
  deps: Pick<ConnectDeps, 'store' | 'log'>,
  input: { uid: string | null },
): Promise<ConnectResult> {
  const uid = requireUid(input.uid);
  await deps.store.removeConnection(uid, DISCONNECTED);
  deps.log.info('alpaca disconnected', { uid });
  return { connected: false, paper: null, account_number_masked: null, status: 'disconnected' };
}

/** The Auth user is gone: credentials, snapshot, counter and `users/{uid}` are deleted. */
export async function forgetAccount(deps: Pick<ConnectDeps, 'store' | 'log'>, uid: string): Promise<void> {
  await deps.store.removeConnection(uid, null);
  deps.log.info('alpaca account data deleted with the user', { uid });
}
