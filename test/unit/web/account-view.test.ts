import { describe, expect, it } from 'vitest';
import { parseAccountSnapshot, parseConnection } from '../../../web/src/model/parse-account';
import {
  buildConnectionView,
  buildSnapshotView,
  describeInstrument,
  hasSnapshotArea,
} from '../../../web/src/view/account-view';
import { formatUsd } from '../../../web/src/view/format';

const connection = {
  connected: true,
  paper: true,
  account_number_masked: '••••4821',
  status: 'active',
  connected_at: '2025-05-16T14:30:00Z',
  invalid_reason: null,
  sync_backoff_until: null,
};

const account = {
  status: 'ACTIVE',
  currency: 'USD',
  equity: '100250.5',
  cash: '-1200',
  buying_power: '200000.00',
  options_buying_power: null,
  long_market_value: '45000.00',
  short_market_value: '-1500.00',
  trading_blocked: false,
  account_blocked: true,
  options_trading_level: 3,
};

const option = {
  symbol: 'SPY250516C00450000',
  asset_class: 'us_option',
  qty: '-2',
  side: 'short',
  avg_entry_price: '1.25',
  market_value: '-300.00',
  cost_basis: '-250.00',
  unrealized_pl: '-50.00',
  current_price: '1.50',
  option: { underlying: 'SPY', expiry: '2025-05-16', type: 'call', strike: '450' },
};

const snapshot = (extra: Record<string, unknown> = {}) =>
  parseAccountSnapshot({
    account,
    positions: [option],
    synced_at: '2025-05-16T14:31:02Z',
    sync_error: null,
    sync_error_kind: null,
    ...extra,
  });

describe('formatUsd', () => {
  it('prints dollars and cents with separators and a real minus sign', () => {
    expect(formatUsd('100250.5')).toBe('$100,250.50');
    expect(formatUsd('-1200')).toBe('−$1,200.00');
    expect(formatUsd(null)).toBe('—');
  });
});

describe('buildConnectionView', () => {
  it('says loading, never connected, connected (paper, masked account) and disconnected', () => {
    expect(buildConnectionView(undefined)).toMatchObject({ state: 'loading', showForm: false });
    expect(buildConnectionView(null)).toMatchObject({ state: 'none', showForm: true });
    const active = buildConnectionView(parseConnection(connection));
    expect(active).toMatchObject({ state: 'active', title: 'Connected · paper', showForm: false });
    expect(active.details).toEqual(['Account ••••4821', 'Connected Fri, May 16, 10:30 ET']);
    expect(hasSnapshotArea(active)).toBe(true);
    const live = buildConnectionView(parseConnection({ ...connection, paper: false }));
    expect(live.title).toBe('Connected · live');
    const gone = buildConnectionView(
      parseConnection({
        ...connection,
        connected: false,
        paper: null,
        account_number_masked: null,
        status: 'disconnected',
      }),
    );
    expect(gone).toMatchObject({ state: 'disconnected', showForm: true });
    expect(hasSnapshotArea(gone)).toBe(false);
  });

  it('offers the form again with the reason when the connection turned invalid', () => {
    const view = buildConnectionView(
      parseConnection({ ...connection, status: 'invalid', invalid_reason: 'Alpaca refused the keys' }),
    );
    expect(view).toMatchObject({ state: 'invalid', showForm: true });
    expect(view.details).toContain('Alpaca refused the keys');
  });

  it('reports a document that breaks the contract instead of guessing', () => {
    const view = buildConnectionView(parseConnection({ connected: 'yes' }));
    expect(view.title).toBe('Connection unreadable');
    expect(view.details[0]).toContain('connected');
  });
});

describe('buildSnapshotView', () => {
  it('has loading and waiting states before the first sync', () => {
    expect(buildSnapshotView(undefined)).toMatchObject({ state: 'waiting', message: 'Loading the account…' });
    expect(buildSnapshotView(null).message).toContain('Waiting for the first sync');
  });

  it('formats balances, flags the blocked account and spells out options', () => {
    const view = buildSnapshotView(snapshot());
    expect(view.state).toBe('ready');
    const figure = (key: string) => view.figures.find((f) => f.key === key)?.value;
    expect(figure('equity')).toBe('$100,250.50');
    expect(figure('cash')).toBe('−$1,200.00');
    expect(figure('options_buying_power')).toBe('—');
    expect(figure('short_market_value')).toBe('−$1,500.00');
    expect(figure('options_level')).toBe('3');
    expect(view.flags).toEqual(['Account blocked by Alpaca']);
    expect(view.positions).toEqual([
      {
        symbol: 'SPY250516C00450000',
        instrument: 'SPY call 450.00 exp 2025-05-16',
        qty: '-2',
        side: 'short',
        avgEntry: '$1.25',
        current: '$1.50',
        marketValue: '−$300.00',
        unrealizedPl: '−$50.00',
      },
    ]);
    expect(view.synced).toBe('Synced Fri, May 16, 10:31 ET');
    expect(view.syncError).toBeNull();
  });

  it('keeps the last good numbers under a sync error banner named by its kind', () => {
    const view = buildSnapshotView(
      snapshot({
        sync_error: 'Alpaca answered 503',
        sync_error_kind: 'unavailable',
        sync_error_at: '2025-05-16T14:32:00Z',
      }),
    );
    expect(view.state).toBe('ready');
    expect(view.syncError?.title).toContain('unavailable');
    expect(view.syncError?.detail).toBe(
      'Alpaca answered 503 (Fri, May 16, 10:32 ET). These are the last good numbers.',
    );
    const first = buildSnapshotView(parseAccountSnapshot({ sync_error: 'refused', sync_error_kind: 'auth' }));
    expect(first).toMatchObject({ state: 'waiting', message: 'No account data yet.' });
    expect(first.syncError?.title).toContain('reconnect');
  });

  it('says so when there are no positions or the document is unreadable', () => {
    expect(buildSnapshotView(snapshot({ positions: [] })).positions).toEqual([]);
    const broken = buildSnapshotView(snapshot({ account: { ...account, equity: 'lots' } }));
    expect(broken.state).toBe('unreadable');
    expect(broken.message).toContain('account.equity');
  });

  it('names stock and crypto positions plainly', () => {
    expect(
      describeInstrument({ ...option, asset_class: 'us_equity', symbol: 'SPY', option: null } as never),
    ).toBe('Stock');
    expect(describeInstrument({ ...option, asset_class: 'crypto', option: null } as never)).toBe('Crypto');
  });
});
