import type { EventState } from '../contract/exposure-fields';
import type { RegimeEvent } from '../contract/regime-event';
import type { StoredSymbolRegime } from '../contract/regime';
import { Decimal } from '../num/decimal';

/**
 * Regime events with hysteresis. A symbol's state is a side of two levels: the sign of net GEX and
 * spot against zero gamma. A state only changes once the figure is clearly on the other side — past
 * a band around the level — so numbers wobbling around a level fire nothing; one crossing is one
 * event. Pure: the state lives in the symbol map (`event_state`) and moves with the regime write.
 */

/** Widths of the hysteresis bands. */
export interface EventBands {
  /** Net GEX must pass ± this fraction of gross GEX (`total_gex_dollar`) to change sign (0.05). */
  gexFraction: number;
  /** Spot must pass zero gamma by ± this fraction of it to change side (0.001 = 0.1%). */
  spotFraction: number;
}

export const DEFAULT_EVENT_BANDS: EventBands = { gexFraction: 0.05, spotFraction: 0.001 };

/** What {@link detectRegimeEvents} returns: the new state and the crossings it saw. */
export interface EventDetection {
  state: EventState;
  events: RegimeEvent[];
}

type Side<T extends string> = T | null;

/** The side `value` is clearly on against `level` ± `band`, else the side it was on. */
function sideOf<T extends string>(
  value: Decimal,
  level: Decimal,
  band: Decimal,
  sides: [above: T, below: T],
  previous: Side<T>,
): Side<T> {
  if (value.gt(level.plus(band))) return sides[0];
  if (value.lt(level.minus(band))) return sides[1];
  return previous;
}

/**
 * Compares a fresh symbol map with its previous event state. The first time a side is known it is
 * recorded without an event (nothing was crossed). A stale map changes nothing.
 * @param key lower-case symbol key; @param pulseTime ISO-8601 schedule time (part of event ids).
 */
export function detectRegimeEvents(input: {
  key: string;
  map: StoredSymbolRegime;
  previous: EventState | undefined;
  pulseTime: string;
  webhook: boolean;
  bands?: EventBands;
}): EventDetection {
  const { key, map, pulseTime } = input;
  const bands = input.bands ?? DEFAULT_EVENT_BANDS;
  const previous: EventState = input.previous ?? { gex_sign: null, spot_side: null };
  if (map.stale) return { state: previous, events: [] };
  const net = new Decimal(map.net_gex);
  const gexBand = new Decimal(map.total_gex_dollar).abs().times(bands.gexFraction);
  const gexSign = sideOf(net, new Decimal(0), gexBand, ['positive', 'negative'], previous.gex_sign);
  let spotSide = previous.spot_side;
  if (map.zero_gamma !== null) {
    const level = new Decimal(map.zero_gamma);
    const band = level.abs().times(bands.spotFraction);
    spotSide = sideOf(new Decimal(map.spot_price), level, band, ['above', 'below'], previous.spot_side);
  }
  const events: RegimeEvent[] = [];
  const event = (kind: RegimeEvent['kind'], before: RegimeEvent['before'], after: RegimeEvent['after']) =>
    events.push({
      id: `${key}_${kind}_${pulseTime}`,
      symbol: key,
      kind,
      before,
      after,
      as_of: map.as_of,
      pulse_time: pulseTime,
      spot_price: map.spot_price,
      zero_gamma: map.zero_gamma,
      net_gex: map.net_gex,
      net_gex_vol: map.net_gex_vol ?? null,
      notify: input.webhook ? 'pending' : 'disabled',
      notify_error: null,
    });
  if (previous.gex_sign !== null && gexSign !== null && gexSign !== previous.gex_sign) {
    event('gex_sign', previous.gex_sign, gexSign);
  }
  if (previous.spot_side !== null && spotSide !== null && spotSide !== previous.spot_side) {
    event('zero_gamma_cross', previous.spot_side, spotSide);
  }
  return { state: { gex_sign: gexSign, spot_side: spotSide }, events };
}
