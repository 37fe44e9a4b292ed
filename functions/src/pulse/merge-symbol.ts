import type { ErrorKind, GexResult, StoredSymbolRegime } from '../contract/regime';

/** What happened to one symbol in this pulse. */
export type SymbolOutcome =
  { ok: true; result: GexResult } | { ok: false; error: string; errorKind: ErrorKind };

/** A symbol's map after this pulse, whether it is fresh, and the error when there is no map. */
export interface MergedSymbol {
  map: StoredSymbolRegime | null;
  fresh: boolean;
  error: string | null;
  errorKind: ErrorKind | null;
}

/**
 * Merges this pulse's outcome for one symbol into its previous stored map. A failure keeps the
 * previous numbers and marks them stale (never zeros); a success older than the stored numbers
 * (`as_of` going backwards) keeps the stored ones untouched.
 * @param pulseTime ISO-8601 schedule time of this pulse.
 */
export function mergeSymbol(
  previous: StoredSymbolRegime | null,
  outcome: SymbolOutcome,
  pulseTime: string,
): MergedSymbol {
  if (!outcome.ok) {
    const { error, errorKind } = outcome;
    if (previous === null) return { map: null, fresh: false, error, errorKind };
    return {
      map: { ...previous, stale: true, error, error_kind: errorKind, last_attempt_at: pulseTime },
      fresh: false,
      error,
      errorKind,
    };
  }
  const regime = outcome.result.regime;
  if (previous !== null && Date.parse(regime.as_of) < Date.parse(previous.as_of)) {
    return { map: previous, fresh: false, error: null, errorKind: null };
  }
  return {
    map: {
      ...regime,
      stale: false,
      error: null,
      error_kind: null,
      last_success_at: pulseTime,
      last_attempt_at: pulseTime,
    },
    fresh: true,
    error: null,
    errorKind: null,
  };
}

/** The later of ISO-8601 instants (null when none). */
export function latestIso(values: readonly (string | null | undefined)[]): string | null {
  let best: string | null = null;
  for (const value of values) {
    if (value == null || Number.isNaN(Date.parse(value))) continue;
    if (best === null || Date.parse(value) > Date.parse(best)) best = value;
  }
  return best;
}
