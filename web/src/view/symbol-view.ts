import type { ExpiryTotals, GexRegime } from '../../../functions/src/contract/regime';
import type { SymbolState } from '../model/parse-documents';
import {
  formatCount,
  formatDateTimeEt,
  formatDistancePct,
  formatMoneyCompact,
  formatPrice,
  formatTimeEt,
} from './format';

/** The regime badge: text and a shape, so it never relies on colour alone. */
export interface RegimeBadge {
  regime: GexRegime;
  /** `▲` positive, `▼` negative, `●` neutral. */
  shape: string;
  label: string;
  /** What the regime means for price action, one line. */
  meaning: string;
}

/** One labelled figure of a symbol card. */
export interface Figure {
  /** Stable key for tests and DOM ids, e.g. `net_gex`. */
  key: string;
  label: string;
  value: string;
  /** Secondary text, e.g. distance from spot. */
  note: string;
}

/** One expiry bucket's line in the 0DTE / 1DTE split. */
export interface ExpiryLine {
  label: string;
  expiry: string;
  netGex: string;
  netGexPerPct: string;
  count: string;
  /** Share of the bucket's gross GEX in the symbol's gross GEX, 0–100, rounded. */
  sharePct: number;
  note: string;
}

/** Everything a symbol card shows, formatted. */
export interface SymbolView {
  key: string;
  ticker: string;
  badge: RegimeBadge;
  stale: boolean;
  figures: Figure[];
  expiries: ExpiryLine[];
  quality: string;
  skipped: string;
  asOf: string;
  lastUpdate: string;
}

/** The badge of a regime. */
export function regimeBadge(regime: GexRegime): RegimeBadge {
  switch (regime) {
    case 'POSITIVE':
      return {
        regime,
        shape: '▲',
        label: 'POSITIVE GEX',
        meaning: 'Dealers long gamma: moves tend to be damped.',
      };
    case 'NEGATIVE':
      return {
        regime,
        shape: '▼',
        label: 'NEGATIVE GEX',
        meaning: 'Dealers short gamma: moves tend to be amplified.',
      };
    default:
      return { regime, shape: '●', label: 'NEUTRAL GEX', meaning: 'Net GEX is zero.' };
  }
}

function gross(totals: ExpiryTotals): number {
  return Number(totals.total_call_gex) + Math.abs(Number(totals.total_put_gex));
}

function expiryLine(label: string, totals: ExpiryTotals, grossAll: number): ExpiryLine {
  return {
    label,
    expiry: totals.expiry ?? 'none listed',
    netGex: formatMoneyCompact(totals.net_gex),
    netGexPerPct: formatMoneyCompact(totals.net_gex_per_pct),
    count: formatCount(totals.option_count),
    sharePct: grossAll > 0 ? Math.round((gross(totals) / grossAll) * 100) : 0,
    note: totals.note ?? '',
  };
}

/** Builds a symbol card's view from its parsed map. */
export function buildSymbolView(symbol: SymbolState): SymbolView {
  const r = symbol.regime;
  const spot = r.spot_price;
  const level = (key: string, label: string, value: string | null, why = ''): Figure => ({
    key,
    label,
    value: formatPrice(value),
    note: value === null ? why : formatDistancePct(value, spot),
  });
  const buckets = [
    r.by_expiry.zero_dte,
    r.by_expiry.one_dte,
    ...(r.by_expiry.other ? [r.by_expiry.other] : []),
  ];
  const grossAll = buckets.reduce((sum, b) => sum + gross(b), 0);
  const q = r.quality;
  const skipped = Object.entries(q.skipped)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${reason.replaceAll('_', ' ')} ${formatCount(n)}`)
    .join(', ');
  return {
    key: symbol.key,
    ticker: symbol.ticker,
    badge: regimeBadge(r.gex_regime),
    stale: r.stale,
    figures: [
      { key: 'net_gex', label: 'Net GEX per $1', value: formatMoneyCompact(r.net_gex), note: '' },
      {
        key: 'net_gex_per_pct',
        label: 'Net GEX per 1%',
        value: formatMoneyCompact(r.net_gex_per_pct),
        note: '',
      },
      { key: 'spot', label: 'Spot', value: formatPrice(spot), note: '' },
      level('zero_gamma', 'Zero gamma', r.zero_gamma, r.zero_gamma_reason ?? 'none in range'),
      level('call_wall', 'Call wall', r.call_wall),
      level('put_wall', 'Put wall', r.put_wall),
      level('abs_gamma_strike', 'Abs-gamma strike', r.abs_gamma_strike),
      {
        key: 'calls_puts',
        label: 'Calls / puts per $1',
        value: `${formatMoneyCompact(r.total_call_gex, { signed: false })} / ${formatMoneyCompact(r.total_put_gex)}`,
        note: '',
      },
    ],
    expiries: [
      expiryLine('0DTE', r.by_expiry.zero_dte, grossAll),
      expiryLine('1DTE', r.by_expiry.one_dte, grossAll),
      ...(r.by_expiry.other ? [expiryLine('Later', r.by_expiry.other, grossAll)] : []),
    ],
    quality:
      `${formatCount(r.option_count)} options used of ${formatCount(q.contracts_seen)} seen; ` +
      `${formatCount(q.local_greeks)} gammas computed locally (${formatCount(q.iv_solved)} from a solved IV)`,
    skipped: skipped === '' ? 'none skipped' : `skipped: ${skipped}`,
    asOf: formatTimeEt(r.as_of),
    lastUpdate: formatDateTimeEt(r.last_attempt_at),
  };
}
