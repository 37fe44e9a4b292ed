import type { GexProfileDocument, HistoryRow } from '../../../functions/src/contract/regime';
import type { SymbolState } from '../model/parse-documents';
import { curveSeries, historySeries, strikeSeries } from '../view/chart-series';
import { buildSymbolView, type SymbolView } from '../view/symbol-view';
import { LiveChart } from './charts';
import { h } from './h';

/** A symbol's section: the figures re-render on every snapshot, the charts update in place. */
export class SymbolSection {
  readonly element: HTMLElement;
  private readonly info: HTMLElement;
  private readonly charts: Record<'strikes' | 'curve' | 'history', LiveChart>;

  constructor(readonly key: string) {
    const ticker = key.toUpperCase();
    this.info = h('div', { class: 'symbol-info' });
    const figure = (kind: string, title: string, description: string) => {
      const plot = h('div', {
        class: 'chart',
        role: 'img',
        'aria-label': `${title}, ${ticker}: ${description}`,
      });
      plot.append('Loading…');
      plot.classList.add('chart-empty');
      const key = h('p', { class: 'chart-key' });
      const el = h('figure', { class: `chart-figure chart-${kind}` }, h('figcaption', {}, title), plot, key);
      return { el, plot, key };
    };
    const strikes = figure('strikes', 'GEX by strike (per $1)', 'call, put and net GEX around spot');
    const curve = figure('curve', 'Re-priced GEX across spot (per 1%)', 'net GEX if spot moved');
    const history = figure('history', "Today's net GEX and spot", 'one point per pulse');
    this.charts = {
      strikes: new LiveChart('strikes', strikes.plot, strikes.key),
      curve: new LiveChart('curve', curve.plot, curve.key),
      history: new LiveChart('history', history.plot),
    };
    this.element = h(
      'section',
      { class: 'symbol', id: `symbol-${key}`, 'data-symbol': key, 'aria-labelledby': `symbol-${key}-title` },
      this.info,
      h('div', { class: 'charts' }, strikes.el, curve.el, history.el),
    );
  }

  /** Re-renders the figures from the symbol's map. */
  showRegime(symbol: SymbolState): void {
    const view = buildSymbolView(symbol);
    this.element.classList.toggle('is-stale', view.stale);
    this.info.replaceChildren(...renderInfo(view));
  }

  /** Updates the strike and curve charts; `null` while the profile does not exist yet. */
  showProfile(profile: GexProfileDocument | null): void {
    if (!profile) {
      this.charts.strikes.update({ data: [[]], markers: [] }, 'No strike profile yet.');
      this.charts.curve.update({ data: [[]], markers: [] }, 'No GEX curve yet.');
      return;
    }
    this.charts.strikes.update(strikeSeries(profile), 'No strikes near spot.');
    this.charts.curve.update(curveSeries(profile), 'No re-priced curve (no usable volatility).');
  }

  /** Updates the day's history chart. */
  showHistory(rows: HistoryRow[]): void {
    this.charts.history.update(historySeries(rows, this.key), 'No pulses yet today.');
  }
}

function renderInfo(view: SymbolView): Node[] {
  const badgeClass = `badge badge-${view.badge.regime.toLowerCase()}`;
  const header = h(
    'header',
    { class: 'symbol-header' },
    h('h2', { id: `symbol-${view.key}-title` }, view.ticker),
    h(
      'span',
      { class: badgeClass, 'data-testid': 'regime-badge' },
      `${view.badge.shape} ${view.badge.label}`,
    ),
    view.stale ? h('span', { class: 'badge badge-stale', 'data-testid': 'stale-tag' }, '⚠ STALE') : null,
  );
  const figures = h(
    'dl',
    { class: 'figures' },
    ...view.figures.map((f) =>
      h(
        'div',
        { class: 'figure', 'data-figure': f.key },
        h('dt', {}, f.label),
        h('dd', {}, h('span', { class: 'value' }, f.value), f.note ? h('small', {}, f.note) : null),
      ),
    ),
  );
  const rows = view.expiries.map((e) =>
    h(
      'tr',
      { 'data-expiry': e.label },
      h('th', { scope: 'row' }, e.label),
      h('td', {}, e.expiry),
      h('td', {}, e.netGex),
      h('td', {}, e.netGexPerPct),
      h('td', {}, e.count),
      h('td', {}, `${e.sharePct}%`),
    ),
  );
  const head = ['Bucket', 'Expiry', 'Net /$1', 'Net /1%', 'Options', 'Share'];
  const split = h(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': `${view.ticker} 0DTE vs 1DTE` },
    h(
      'table',
      { class: 'expiries' },
      h('caption', {}, '0DTE vs 1DTE (share of gross GEX)'),
      h('thead', {}, h('tr', {}, ...head.map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, ...rows),
    ),
  );
  const notes = view.expiries.filter((e) => e.note).map((e) => `${e.label}: ${e.note}`);
  return [
    header,
    h('p', { class: 'meaning' }, view.badge.meaning),
    figures,
    split,
    notes.length > 0 ? h('p', { class: 'note' }, notes.join(' · ')) : null,
    h('p', { class: 'quality', 'data-testid': 'quality' }, `${view.quality}; ${view.skipped}.`),
    h('p', { class: 'updated' }, `Market data ${view.asOf} · last update ${view.lastUpdate}`),
  ].filter((node): node is HTMLElement => node !== null);
}
