import type { GexChange } from '../contract/exposure-fields';
import type { StoredSymbolRegime } from '../contract/regime';
import { Decimal, toMoneyString } from '../num/decimal';

import type { RecentRow } from '../store/pulse-store';

/** Horizons of the changes, minutes, and their field names. */
const HORIZONS = [
  [1, 'm1'],
  [5, 'm5'],
  [15, 'm15'],
] as const;

/** How far before a horizon a row may be and still stand for it: a pulse that ran late. */
const TOLERANCE_MS = 59_000;

/** The newest row in `(target − tolerance, target]`, or undefined. */
function rowAt(rows: readonly RecentRow[], targetMs: number): RecentRow | undefined {
  let best: RecentRow | undefined;
  for (const row of rows) {
    const ms = Date.parse(row.pulse_time);
    if (ms <= targetMs && ms > targetMs - TOLERANCE_MS && (!best || ms > Date.parse(best.pulse_time))) {
      best = row;
    }
  }
  return best;
}

/**
 * Change of net GEX (open interest and volume, USD per $1 move) over 1, 5 and 15 minutes: this
 * pulse's figure minus the one in the history row written that many minutes before (a row up to
 * 59 s earlier stands in for a late pulse). Null when there is no such row or it lacks the figure
 * (e.g. rows from before volume GEX, or minutes the closed-market cadence skipped).
 * @param pulseTime ISO-8601 schedule time of this pulse.
 */
export function gexChanges(
  key: string,
  map: StoredSymbolRegime,
  rows: readonly RecentRow[],
  pulseTime: string,
): { net_gex_change: GexChange; net_gex_vol_change: GexChange } {
  const nowMs = Date.parse(pulseTime);
  const oi: GexChange = { m1: null, m5: null, m15: null };
  const vol: GexChange = { m1: null, m5: null, m15: null };
  for (const [minutes, field] of HORIZONS) {
    const then = rowAt(rows, nowMs - minutes * 60_000)?.symbols[key];
    if (!then) continue;
    oi[field] = toMoneyString(new Decimal(map.net_gex).minus(then.net_gex));
    if (map.net_gex_vol !== undefined && then.net_gex_vol !== undefined) {
      vol[field] = toMoneyString(new Decimal(map.net_gex_vol).minus(then.net_gex_vol));
    }
  }
  return { net_gex_change: oi, net_gex_vol_change: vol };
}

/** ISO-8601 start of the window of history rows {@link gexChanges} may use. */
export function changesWindowStart(pulseTime: string): string {
  return new Date(Date.parse(pulseTime) - 15 * 60_000 - TOLERANCE_MS).toISOString();
}
