import { z } from 'zod';

/**
 * The documents a user's account sync writes, read by the owner's frontend and by strategies:
 * `users/{uid}` (the connection, nothing secret) and `users/{uid}/data/snapshot` (balances and
 * positions). Decimals are strings as Alpaca sends them (read them with `Decimal`).
 */

const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string');

/** The account's balances and flags (Alpaca's `GET /v2/account`, without the removed PDT fields). */
export const AccountBalances = z.object({
  status: z.string(),
  currency: z.string(),
  equity: DecimalString,
  cash: DecimalString,
  buying_power: DecimalString,
  /** Null when Alpaca does not send it. */
  options_buying_power: DecimalString.nullable(),
  long_market_value: DecimalString,
  /** Negative or zero. */
  short_market_value: DecimalString,
  trading_blocked: z.boolean(),
  account_blocked: z.boolean(),
  /** 0–3; null when Alpaca does not say. */
  options_trading_level: z.number().int().min(0).max(3).nullable(),
});
export type AccountBalances = z.infer<typeof AccountBalances>;

/** One open position (Alpaca's `GET /v2/positions`); options carry their OCC parts. */
export const AccountPosition = z.object({
  symbol: z.string(),
  asset_class: z.enum(['us_equity', 'us_option', 'crypto']),
  /** Shares or contracts; negative for shorts, as Alpaca prints it. */
  qty: DecimalString,
  side: z.enum(['long', 'short']),
  avg_entry_price: DecimalString,
  market_value: DecimalString,
  cost_basis: DecimalString,
  unrealized_pl: DecimalString,
  current_price: DecimalString,
  option: z
    .object({
      underlying: z.string(),
      expiry: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      type: z.enum(['call', 'put']),
      strike: DecimalString,
    })
    .nullable(),
});
export type AccountPosition = z.infer<typeof AccountPosition>;

/** What one successful sync read: balances and positions ordered by symbol. */
export const AccountContent = z.object({
  account: AccountBalances,
  positions: z.array(AccountPosition),
});
export type AccountContent = z.infer<typeof AccountContent>;

/** Why a user's last sync failed (the last good snapshot is kept beside it). */
export const SyncErrorKind = z.enum([
  'auth',
  'credentials',
  'rate_limited',
  'unavailable',
  'malformed',
  'timeout',
]);
export type SyncErrorKind = z.infer<typeof SyncErrorKind>;

/**
 * `users/{uid}/data/snapshot`. `account`/`positions` are absent until the first good sync;
 * `synced_at` is when they were last read and changed or confirmed, `as_of` the pulse minute
 * they belong to, `content_hash` lets a sync skip rewriting unchanged content.
 */
export const AccountSnapshotDocument = AccountContent.partial().extend({
  content_hash: z.string().optional(),
  synced_at: z.string().optional(),
  as_of: z.string().optional(),
  sync_error: z.string().nullable(),
  sync_error_kind: SyncErrorKind.nullable(),
  sync_error_at: z.string().nullable().optional(),
});
export type AccountSnapshotDocument = z.infer<typeof AccountSnapshotDocument>;

/** A connection's state: `active` syncs; `invalid` (Alpaca refused the keys) waits for a reconnect. */
export const ConnectionStatus = z.enum(['active', 'invalid', 'disconnected']);
export type ConnectionStatus = z.infer<typeof ConnectionStatus>;

/** `users/{uid}`: what the owner may see of their connection. Never a key, token or full account number. */
export const UserConnectionDocument = z.object({
  connected: z.boolean(),
  paper: z.boolean().nullable(),
  /** e.g. "••••4821". */
  account_number_masked: z.string().nullable(),
  status: ConnectionStatus,
  connected_at: z.string().nullable(),
  invalid_reason: z.string().nullable(),
  /** Not synced again before this instant (a 429 backs the user off). */
  sync_backoff_until: z.string().nullable().optional(),
});
export type UserConnectionDocument = z.infer<typeof UserConnectionDocument>;
