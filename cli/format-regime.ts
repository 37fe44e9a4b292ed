import type { MajorStrike } from '../functions/src/contract/exposure-fields';
import type { ExpiryTotals, GexResult, SymbolRegime } from '../functions/src/contract/regime';
import { formatCompactAmount, formatStrikeChart, type StrikeChartOptions } from './format-strike-chart';

/** Signed money with thousands separators: `+7,650,000.00`, `-16,200,000.00`. */
export function formatMoney(value: string): string {
  const negative = value.startsWith('-');
  const [whole = '0', fraction] = value.replace(/^[-+]/, '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  if (/^[0.,]*$/.test(text)) return text;
  return `${negative ? '-' : '+'}${text}`;
}

function formatBucket(label: string, bucket: ExpiryTotals | undefined): string | null {
  if (!bucket) return null;
  const date = bucket.expiry ?? bucket.session ?? 'later';
  const head = `  ${label.padEnd(5)} ${date.padEnd(10)}`;
  if (bucket.note) return `${head}  ${bucket.note}`;
  return `${head}  net ${formatMoney(bucket.net_gex)}  calls ${formatCompactAmount(bucket.total_call_gex)}  puts ${formatCompactAmount(bucket.total_put_gex)}  (${bucket.option_count} contracts)${bucket.net_gex_vol === undefined ? '' : `  volume net ${formatCompactAmount(bucket.net_gex_vol)}`}`;
}

function formatMajor(major: MajorStrike | null): string {
  return major === null ? 'none' : `${major.strike} (${formatCompactAmount(major.net_gex)})`;
}

/** Volume GEX, majors and delta/vanna/charm exposure; nothing for a map that predates them. */
function formatBeyondOi(r: SymbolRegime): string[] {
  const lines: string[] = [];
  if (r.net_gex_vol !== undefined) {
    lines.push(
      `  volume   net ${formatMoney(r.net_gex_vol)} per $1  (${formatMoney(r.net_gex_vol_per_pct ?? '0')} per 1%)   calls ${formatCompactAmount(r.total_call_gex_vol ?? '0')}   puts ${formatCompactAmount(r.total_put_gex_vol ?? '0')}`,
    );
  }
  if (r.majors) {
    const { oi, volume } = r.majors;
    lines.push(
      `  majors   OI + ${formatMajor(oi.positive)}  - ${formatMajor(oi.negative)}   volume + ${formatMajor(volume.positive)}  - ${formatMajor(volume.negative)}`,
    );
  }
  if (r.delta_exposure !== undefined) {
    lines.push(
      `  dealer   delta ${formatCompactAmount(r.delta_exposure)} USD   vanna ${formatCompactAmount(r.vanna_exposure ?? '0')} per vol point   charm ${formatCompactAmount(r.charm_exposure ?? '0')} per day`,
    );
  }
  return lines;
}

function formatQuality({ quality }: SymbolRegime): string {
  const skipped = Object.entries(quality.skipped)
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ');
  return (
    `  quality  ${quality.contracts_seen} seen, ${quality.contracts_used} used` +
    (skipped ? `; skipped: ${skipped}` : '') +
    `; local greeks ${quality.local_greeks} (IV solved ${quality.iv_solved})` +
    (quality.zero_gamma_excluded
      ? `; ${quality.zero_gamma_excluded} without IV left out of zero gamma`
      : '') +
    (quality.volume_missing ? `; ${quality.volume_missing} without a volume bar (zero volume)` : '') +
    (quality.volume_only ? `; ${quality.volume_only} traded with no OI (volume GEX only)` : '')
  );
}

/**
 * A readable multi-line summary of one symbol's GEX: totals in both units, regime, levels, the
 * 0DTE/1DTE split, data quality and an ASCII chart of net GEX by strike around spot.
 * Money is USD per $1 move of the underlying unless marked "per 1%".
 */
export function formatRegimeSummary(
  symbol: string,
  result: GexResult,
  chart: StrikeChartOptions = {},
): string {
  const r = result.regime;
  const level = (value: string | null) => value ?? 'n/a';
  const lines = [
    `${symbol.toUpperCase()}  spot ${r.spot_price}  as of ${r.as_of}`,
    `  net GEX  ${formatMoney(r.net_gex)} per $1  (${formatMoney(r.net_gex_per_pct)} per 1%)  ${r.volatility_bias}, ${r.gex_regime}, strength ${r.gex_strength} bn`,
    `  calls    ${formatMoney(r.total_call_gex)}   puts ${formatMoney(r.total_put_gex)}   gross ${formatMoney(r.total_gex_dollar)}`,
    `  levels   zero gamma ${level(r.zero_gamma)}${r.zero_gamma_reason ? ` (${r.zero_gamma_reason})` : ''}   call wall ${level(r.call_wall)}   put wall ${level(r.put_wall)}   abs gamma ${level(r.abs_gamma_strike)}`,
    ...formatBeyondOi(r),
    formatBucket('0DTE', r.by_expiry.zero_dte),
    formatBucket('1DTE', r.by_expiry.one_dte),
    formatBucket('other', r.by_expiry.other),
    formatQuality(r),
    '',
    `  net GEX by strike (USD per $1 move), ${r.option_count} contracts:`,
    formatStrikeChart(result.profile, Number(r.spot_price), chart),
  ];
  return lines.filter((line) => line !== null).join('\n');
}
