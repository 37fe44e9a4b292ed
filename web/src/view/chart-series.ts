import type { GexProfileDocument, HistoryRow } from '../../../functions/src/contract/regime';
import { newYorkInstant, newYorkWallClock } from '../../../functions/src/calendar/new-york-time';

/** A vertical marker on a chart's x axis (spot, zero gamma, a wall). */
export interface Marker {
  key: 'spot' | 'zero_gamma' | 'call_wall' | 'put_wall';
  label: string;
  x: number;
}

/** uPlot's aligned data: x values first, then one array per series (null = gap). */
export type SeriesData = [number[], ...(number | null)[][]];

/** A chart's data and markers, ready for uPlot. */
export interface ChartSeries {
  data: SeriesData;
  markers: Marker[];
}

function markersOf(profile: GexProfileDocument, keys: Marker['key'][]): Marker[] {
  const levels: Record<Marker['key'], [string, string | null]> = {
    spot: ['Spot', profile.spot_price],
    zero_gamma: ['Zero γ', profile.zero_gamma],
    call_wall: ['Call wall', profile.call_wall],
    put_wall: ['Put wall', profile.put_wall],
  };
  const out: Marker[] = [];
  for (const key of keys) {
    const [label, value] = levels[key];
    if (value !== null) out.push({ key, label, x: Number(value) });
  }
  return out;
}

/**
 * GEX by strike (per $1 move): x = strike, series call (≥ 0), put (≤ 0), net, limited to strikes
 * within `bandPct` percent of spot (all strikes when fewer than three fall inside), with markers
 * for spot, zero gamma and the walls.
 */
export function strikeSeries(profile: GexProfileDocument, bandPct = 3): ChartSeries {
  const spot = Number(profile.spot_price);
  const lo = spot * (1 - bandPct / 100);
  const hi = spot * (1 + bandPct / 100);
  const inBand = profile.profile.filter((row) => Number(row.strike) >= lo && Number(row.strike) <= hi);
  const rows = inBand.length >= 3 ? inBand : profile.profile;
  return {
    data: [
      rows.map((row) => Number(row.strike)),
      rows.map((row) => Number(row.call_gex)),
      rows.map((row) => Number(row.put_gex)),
      rows.map((row) => Number(row.net_gex)),
    ],
    markers: markersOf(profile, ['spot', 'zero_gamma', 'call_wall', 'put_wall']),
  };
}

/** The re-priced total GEX (per 1% move) across hypothetical spot levels, with spot and zero gamma. */
export function curveSeries(profile: GexProfileDocument): ChartSeries {
  return {
    data: [profile.curve.map((p) => p.spot), profile.curve.map((p) => p.net_gex_per_pct)],
    markers: markersOf(profile, ['spot', 'zero_gamma']),
  };
}

/**
 * The day's net GEX (per $1) and spot of one symbol from history rows: x = pulse time in epoch
 * seconds, ascending, one point per pulse time; rows without that symbol are left out.
 */
export function historySeries(rows: HistoryRow[], key: string): ChartSeries {
  const byTime = new Map<number, HistoryRow>();
  for (const row of rows) {
    const t = Date.parse(row.pulse_time) / 1000;
    if (Number.isFinite(t) && row.symbols[key]) byTime.set(t, row);
  }
  const times = [...byTime.keys()].sort((a, b) => a - b);
  return {
    data: [
      times,
      times.map((t) => Number(byTime.get(t)?.symbols[key]?.net_gex ?? Number.NaN)),
      times.map((t) => Number(byTime.get(t)?.symbols[key]?.spot_price ?? Number.NaN)),
    ],
    markers: [],
  };
}

/** Start of the New York calendar day containing `nowMs`, as ISO-8601 UTC (the history query's bound). */
export function startOfNewYorkDayIso(nowMs: number): string {
  return newYorkInstant(newYorkWallClock(nowMs).date, '00:00');
}

/**
 * An axis range: `[min, max]` as is, or `pad` either side when the data is a single value (uPlot
 * would otherwise span years of time or an arbitrary 0…1000).
 */
export function padRange(min: number | null, max: number | null, pad: number): [number, number] {
  const lo = min ?? 0;
  const hi = max ?? lo;
  return lo === hi ? [lo - pad, hi + pad] : [lo, hi];
}
