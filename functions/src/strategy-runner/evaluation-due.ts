import { findSymbolRegime, type RegimeView } from '../../../strategies';
import type { EvaluationSchedule } from '../store/strategy-store-port';

/**
 * Whether a strategy is evaluated on this regime write. The library's evaluation interval (every
 * 300 s in a positive regime, every 60 s in a negative one, by default) is measured in regime time
 * (`as_of`), so a run is deterministic. A strategy is due when it has no schedule yet, when its
 * interval has passed, or at once when the symbol's regime changed kind or the document cannot
 * serve the symbol (missing, stale: the fallback is decided without waiting).
 */
export function isEvaluationDue(input: {
  schedule: EvaluationSchedule | null;
  eventAsOf: string;
  view: RegimeView | null;
  symbol: string;
}): boolean {
  const { schedule, eventAsOf, view, symbol } = input;
  if (!schedule) return true;
  const next = Date.parse(schedule.nextAsOf);
  const now = Date.parse(eventAsOf);
  if (!Number.isFinite(next) || !Number.isFinite(now) || now >= next) return true;
  const current = view && !view.stale ? findSymbolRegime(view, symbol) : undefined;
  if (!current || current.stale) return true;
  return current.gexRegime !== schedule.gexRegime;
}

/** The schedule a decision sets: due again `intervalSeconds` after the regime it used. */
export function scheduleAfter(input: {
  eventAsOf: string;
  intervalSeconds: number;
  gexRegime: string;
}): EvaluationSchedule {
  const next = Date.parse(input.eventAsOf) + input.intervalSeconds * 1000;
  return { nextAsOf: new Date(next).toISOString(), gexRegime: input.gexRegime };
}
