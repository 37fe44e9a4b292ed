import type { AccountCallables } from '../firebase/account';
import type { ConnectionView, PositionRow, SnapshotView } from '../view/account-view';
import { ConnectControls } from './connect-form';
import { h } from './h';

const POSITION_COLUMNS: [keyof PositionRow, string][] = [
  ['symbol', 'Symbol'],
  ['instrument', 'Instrument'],
  ['qty', 'Qty'],
  ['side', 'Side'],
  ['avgEntry', 'Avg entry'],
  ['current', 'Price'],
  ['marketValue', 'Market value'],
  ['unrealizedPl', 'Unrealized P/L'],
];

function positionsTable(rows: PositionRow[]): HTMLElement {
  if (rows.length === 0)
    return h('p', { class: 'empty', 'data-testid': 'no-positions' }, 'No open positions.');
  return h(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Positions' },
    h(
      'table',
      { class: 'positions', 'data-testid': 'positions' },
      h('thead', {}, h('tr', {}, ...POSITION_COLUMNS.map(([, label]) => h('th', { scope: 'col' }, label)))),
      h(
        'tbody',
        {},
        ...rows.map((row) =>
          h(
            'tr',
            { 'data-position': row.symbol },
            ...POSITION_COLUMNS.map(([key]) => h('td', { 'data-col': key }, row[key])),
          ),
        ),
      ),
    ),
  );
}

/**
 * The signed-in account area in `#account`: who is signed in, the Alpaca connection with its
 * connect / disconnect controls, and the synced balances and positions. Renders view models
 * only (view/account-view.ts); the callables come in from the I/O edge.
 */
export class AccountPanel {
  private readonly user = h('p', { class: 'account-user', 'data-testid': 'account-user' });
  private readonly connection = h('div', { class: 'connection', 'data-testid': 'connection' });
  private readonly snapshot = h('div', { class: 'snapshot', 'data-testid': 'snapshot' });
  private readonly controls: ConnectControls;

  constructor(
    private readonly root: HTMLElement,
    callables: AccountCallables,
  ) {
    this.controls = new ConnectControls(callables);
    root.replaceChildren(
      h('h2', { id: 'account-title' }, 'Your account'),
      this.user,
      this.connection,
      this.controls.element,
      this.snapshot,
    );
    root.setAttribute('aria-labelledby', 'account-title');
    root.hidden = false;
  }

  /** Who is signed in: anonymous users are real users that keep their connection on this browser. */
  showUser(user: { uid: string; isAnonymous: boolean; email: string | null }): void {
    this.root.dataset.uid = user.uid;
    this.user.textContent = user.isAnonymous
      ? `Signed in anonymously (user ${user.uid.slice(0, 8)}…): your connection stays with this browser.`
      : `Signed in as ${user.email ?? user.uid}.`;
  }

  /** The connection state and which control it calls for. */
  showConnection(view: ConnectionView): void {
    this.connection.dataset.state = view.state;
    this.connection.replaceChildren(
      h('h3', { 'data-testid': 'connection-title' }, view.title),
      ...view.details.map((line) => h('p', {}, line)),
    );
    this.controls.show({
      form: view.showForm,
      disconnect: view.state === 'active' || view.state === 'invalid',
    });
  }

  /** Balances, flags, the sync error and positions; or the waiting / empty text. */
  showSnapshot(view: SnapshotView, visible: boolean): void {
    this.snapshot.hidden = !visible;
    this.snapshot.dataset.state = view.state;
    const banner = view.syncError
      ? h(
          'div',
          {
            class: 'banner banner-warning',
            role: 'status',
            'data-banner': `sync-error:${view.syncError.kind ?? 'unknown'}`,
          },
          h('span', { class: 'banner-icon', 'aria-hidden': 'true' }, '⚠'),
          h('div', {}, h('strong', {}, view.syncError.title), h('p', {}, view.syncError.detail)),
        )
      : null;
    if (view.state !== 'ready') {
      this.snapshot.replaceChildren(
        ...(banner ? [banner] : []),
        h('p', { class: 'empty' }, view.message ?? ''),
      );
      return;
    }
    this.snapshot.replaceChildren(
      ...(banner ? [banner] : []),
      ...view.flags.map((flag) =>
        h('p', { class: 'account-flag', 'data-testid': 'account-flag' }, `⚠ ${flag}`),
      ),
      h(
        'dl',
        { class: 'account-figures' },
        ...view.figures.map((f) =>
          h(
            'div',
            { 'data-account-figure': f.key },
            h('dt', {}, f.label),
            h('dd', { class: 'value' }, f.value),
          ),
        ),
      ),
      h('h3', {}, 'Positions'),
      positionsTable(view.positions),
      h('p', { class: 'updated', 'data-testid': 'synced-at' }, view.synced ?? ''),
    );
  }
}
