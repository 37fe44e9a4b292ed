import type { RegimeState } from '../model/parse-documents';
import { formatTimeEt } from '../view/format';
import { regimeBadge } from '../view/symbol-view';
import { h } from './h';

/** The market line and the jump links to each symbol (keyboard-reachable, one per symbol). */
export function renderHeader(nav: HTMLElement, state: RegimeState | null): void {
  if (!state) {
    nav.replaceChildren();
    return;
  }
  const { doc } = state;
  const market = h(
    'p',
    { class: 'market-line', 'data-testid': 'market-line' },
    h('span', {}, `Market ${doc.market_open ? 'open' : 'closed'}`),
    h('span', {}, `Bias ${doc.market_volatility_bias}`),
    h('span', {}, `Updated ${formatTimeEt(doc.last_updated)}`),
  );
  const links = h(
    'ul',
    { class: 'symbol-links' },
    ...state.symbols.map((s) => {
      const badge = regimeBadge(s.regime.gex_regime);
      return h(
        'li',
        {},
        h('a', { href: `#symbol-${s.key}` }, `${s.ticker} ${badge.shape}${s.regime.stale ? ' ⚠' : ''}`),
      );
    }),
  );
  nav.replaceChildren(market, links);
}
