import type { StrikeProfileRow } from '../functions/src/contract/regime';

/** Options of {@link formatStrikeChart}. */
export interface StrikeChartOptions {
  /** How many strikes nearest to spot to show (default 25). */
  rows?: number;
  /** Width of each half of the bar area in characters (default 30). */
  halfWidth?: number;
}

/**
 * Compact signed money: `+45.67M`, `-1.20B`, `+950.00K`, `0.00` (display only; the exact figures
 * are the decimal strings).
 */
export function formatCompactAmount(value: string | number): string {
  const n = Number(value);
  const abs = Math.abs(n);
  const [divisor, unit] =
    abs >= 1e9 ? [1e9, 'B'] : abs >= 1e6 ? [1e6, 'M'] : abs >= 1e3 ? [1e3, 'K'] : [1, ''];
  const text = `${(abs / divisor).toFixed(2)}${unit}`;
  if (text === '0.00') return text;
  return `${n < 0 ? '-' : '+'}${text}`;
}

/**
 * An ASCII bar chart of net GEX by strike around spot: one line per strike, negative bars (`-`) grow
 * left of the axis and positive bars (`+`) right of it, scaled to the largest |net| shown; the strike
 * nearest to spot is marked `<- spot`.
 */
export function formatStrikeChart(
  profile: readonly StrikeProfileRow[],
  spot: number,
  options: StrikeChartOptions = {},
): string {
  const { rows = 25, halfWidth = 30 } = options;
  if (profile.length === 0) return '  (no strikes)';
  const byDistance = [...profile].sort(
    (a, b) => Math.abs(Number(a.strike) - spot) - Math.abs(Number(b.strike) - spot),
  );
  const nearest = byDistance[0]?.strike;
  const shown = byDistance.slice(0, rows).sort((a, b) => Number(a.strike) - Number(b.strike));
  const peak = Math.max(...shown.map((row) => Math.abs(Number(row.net_gex))));
  const strikeWidth = Math.max(...shown.map((row) => row.strike.length));
  return shown
    .map((row) => {
      const net = Number(row.net_gex);
      const length = peak > 0 ? Math.round((Math.abs(net) / peak) * halfWidth) : 0;
      const left = net < 0 ? '-'.repeat(length).padStart(halfWidth) : ' '.repeat(halfWidth);
      const right = net > 0 ? '+'.repeat(length).padEnd(halfWidth) : ' '.repeat(halfWidth);
      const mark = row.strike === nearest ? '  <- spot' : '';
      const amount = formatCompactAmount(row.net_gex).padStart(9);
      return `  ${row.strike.padStart(strikeWidth)} ${amount} ${left}|${right}${mark}`.trimEnd();
    })
    .join('\n');
}
