import type {
  AccountPosition,
  AccountSnapshotDocument,
  SyncErrorKind,
  UserConnectionDocument,
} from '../../../functions/src/contract/account-snapshot';
import type { Parsed } from '../model/parse-account';
import { formatDateTimeEt, formatPrice, formatUsd } from './format';

/** The connection as the account panel shows it. */
export interface ConnectionView {
  /** `none`: never connected (no `users/{uid}` yet); `loading`: the listener has not answered. */
  state: 'loading' | 'none' | 'active' | 'invalid' | 'disconnected';
  /** Short headline, e.g. "Connected · paper". */
  title: string;
  /** Lines under it: account, since when, why invalid. */
  details: string[];
  /** Whether the connect form is offered (not connected, or the connection needs new keys). */
  showForm: boolean;
}

/** One labelled figure (`key` is stable, for tests and styling). */
export interface AccountFigure {
  key: string;
  label: string;
  value: string;
}

/** One position's row: options spelt out from their OCC parts. */
export interface PositionRow {
  symbol: string;
  /** "Stock", or e.g. "SPY call 450.00 exp 2025-05-16". */
  instrument: string;
  qty: string;
  side: string;
  avgEntry: string;
  current: string;
  marketValue: string;
  unrealizedPl: string;
}

/** The snapshot part: figures, flags, positions and the sync banner. */
export interface SnapshotView {
  state: 'waiting' | 'ready' | 'unreadable';
  /** Loading / empty / unreadable text when `state` is not `ready`. */
  message: string | null;
  figures: AccountFigure[];
  /** Warnings about the account itself (trading or account blocked). */
  flags: string[];
  positions: PositionRow[];
  /** "Synced Fri, May 16, 10:30 ET". */
  synced: string | null;
  /** The last sync's failure, with the last good numbers kept below it. */
  syncError: { kind: SyncErrorKind | null; title: string; detail: string } | null;
}

const SYNC_ERROR_TITLES: Record<SyncErrorKind, string> = {
  auth: 'Alpaca refused the stored keys: reconnect with valid keys',
  credentials: 'The stored credentials cannot be read: reconnect',
  rate_limited: 'Alpaca rate-limited the sync: it backs off and retries',
  unavailable: 'Alpaca was unavailable: the sync retries next minute',
  malformed: 'Alpaca answered something unreadable: the sync retries next minute',
  timeout: 'The sync timed out: it retries next minute',
};

/**
 * The connection panel's view of `users/{uid}`: `undefined` while the listener has not answered,
 * `null` when the document does not exist (never connected).
 */
export function buildConnectionView(
  connection: Parsed<UserConnectionDocument> | null | undefined,
): ConnectionView {
  if (connection === undefined)
    return { state: 'loading', title: 'Loading your connection…', details: [], showForm: false };
  if (connection === null)
    return {
      state: 'none',
      title: 'Not connected',
      details: ['Connect an Alpaca account to see it here.'],
      showForm: true,
    };
  if (!connection.ok)
    return { state: 'none', title: 'Connection unreadable', details: [connection.message], showForm: true };
  const c = connection.value;
  const mode = c.paper === null ? '' : c.paper ? ' · paper' : ' · live';
  const account = c.account_number_masked ? [`Account ${c.account_number_masked}`] : [];
  const since = c.connected_at ? [`Connected ${formatDateTimeEt(c.connected_at)}`] : [];
  if (c.status === 'active' && c.connected)
    return { state: 'active', title: `Connected${mode}`, details: [...account, ...since], showForm: false };
  if (c.status === 'invalid')
    return {
      state: 'invalid',
      title: `Connection invalid${mode}`,
      details: [
        ...account,
        c.invalid_reason ?? 'Alpaca refused the stored keys.',
        'Connect again with valid keys.',
      ],
      showForm: true,
    };
  return {
    state: 'disconnected',
    title: 'Disconnected',
    details: ['Connect an Alpaca account to see it here.'],
    showForm: true,
  };
}

/** `"SPY call 450.00 exp 2025-05-16"` for an option, `"Stock"` / `"Crypto"` otherwise. */
export function describeInstrument(position: AccountPosition): string {
  if (position.option) {
    const o = position.option;
    return `${o.underlying} ${o.type} ${formatPrice(o.strike)} exp ${o.expiry}`;
  }
  return position.asset_class === 'crypto' ? 'Crypto' : 'Stock';
}

function positionRow(p: AccountPosition): PositionRow {
  return {
    symbol: p.symbol,
    instrument: describeInstrument(p),
    qty: p.qty,
    side: p.side,
    avgEntry: formatUsd(p.avg_entry_price),
    current: formatUsd(p.current_price),
    marketValue: formatUsd(p.market_value),
    unrealizedPl: `${Number(p.unrealized_pl) > 0 ? '+' : ''}${formatUsd(p.unrealized_pl)}`,
  };
}

const EMPTY: Omit<SnapshotView, 'state' | 'message'> = {
  figures: [],
  flags: [],
  positions: [],
  synced: null,
  syncError: null,
};

/** Whether the snapshot area is worth showing: a connection exists that syncs or did. */
export function hasSnapshotArea(view: ConnectionView): boolean {
  return view.state === 'active' || view.state === 'invalid';
}

/**
 * The snapshot panel's view: `undefined` while the listener has not answered, `null` when
 * `users/{uid}/data/snapshot` does not exist yet (the first sync has not run).
 */
export function buildSnapshotView(
  snapshot: Parsed<AccountSnapshotDocument> | null | undefined,
): SnapshotView {
  if (snapshot === undefined) return { state: 'waiting', message: 'Loading the account…', ...EMPTY };
  if (snapshot === null)
    return {
      state: 'waiting',
      message: 'Waiting for the first sync (it runs with the next pulse).',
      ...EMPTY,
    };
  if (!snapshot.ok)
    return { state: 'unreadable', message: `The snapshot could not be read: ${snapshot.message}`, ...EMPTY };
  const s = snapshot.value;
  const syncError =
    s.sync_error === null
      ? null
      : {
          kind: s.sync_error_kind,
          title: s.sync_error_kind ? SYNC_ERROR_TITLES[s.sync_error_kind] : 'The last sync failed',
          detail: `${s.sync_error}${s.sync_error_at ? ` (${formatDateTimeEt(s.sync_error_at)})` : ''}${
            s.account ? '. These are the last good numbers.' : ''
          }`,
        };
  const synced = s.synced_at ? `Synced ${formatDateTimeEt(s.synced_at)}` : null;
  if (!s.account) return { state: 'waiting', message: 'No account data yet.', ...EMPTY, synced, syncError };
  const a = s.account;
  const figures: AccountFigure[] = [
    { key: 'equity', label: 'Equity', value: formatUsd(a.equity) },
    { key: 'cash', label: 'Cash', value: formatUsd(a.cash) },
    { key: 'buying_power', label: 'Buying power', value: formatUsd(a.buying_power) },
    { key: 'options_buying_power', label: 'Options buying power', value: formatUsd(a.options_buying_power) },
    { key: 'long_market_value', label: 'Long market value', value: formatUsd(a.long_market_value) },
    { key: 'short_market_value', label: 'Short market value', value: formatUsd(a.short_market_value) },
    {
      key: 'options_level',
      label: 'Options level',
      value: a.options_trading_level === null ? '—' : String(a.options_trading_level),
    },
    { key: 'status', label: 'Account status', value: `${a.status} (${a.currency})` },
  ];
  const flags = [
    ...(a.account_blocked ? ['Account blocked by Alpaca'] : []),
    ...(a.trading_blocked ? ['Trading blocked by Alpaca'] : []),
  ];
  return {
    state: 'ready',
    message: null,
    figures,
    flags,
    positions: (s.positions ?? []).map(positionRow),
    synced,
    syncError,
  };
}
