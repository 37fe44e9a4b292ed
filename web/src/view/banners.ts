import { describeErrorKind } from '../model/error-kind';
import type { ParseFailure, RegimeState } from '../model/parse-documents';
import { formatDateTimeEt, formatDuration, formatTimeEt } from './format';

/** A banner above the symbols. `error` and `warning` say the numbers cannot be trusted as live. */
export interface Banner {
  /** Stable identity, e.g. `symbol-failed:spy` (for tests and DOM reuse). */
  id: string;
  level: 'error' | 'warning' | 'info';
  title: string;
  detail: string;
}

/** How old a document may get before the page calls it stale, by market state. */
export interface AgeLimits {
  /** While the market is open (the pulse writes every minute); the health probe's 180 s. */
  openMs: number;
  /** While closed (the pulse computes every 15 minutes), plus the same slack. */
  closedMs: number;
}

export const DEFAULT_AGE_LIMITS: AgeLimits = { openMs: 180_000, closedMs: 18 * 60_000 };

/**
 * Every banner the regime document calls for at `nowMs`: a document that does not parse, a
 * pulse-level error, a stale document (flagged by the pulse, or older than the age limit), each
 * failed or missing symbol with its error and `error_kind`, and a closed market. Most severe first.
 */
export function buildBanners(
  state: RegimeState | ParseFailure,
  nowMs: number,
  limits: AgeLimits = DEFAULT_AGE_LIMITS,
): Banner[] {
  if (!state.ok) {
    return [
      {
        id: 'unreadable',
        level: 'error',
        title: 'The regime document does not match the contract',
        detail: state.message,
      },
    ];
  }
  const { doc } = state;
  const banners: Banner[] = [];
  if (doc.error !== null) {
    const kind = state.errorKind ? ` (${describeErrorKind(state.errorKind)})` : '';
    banners.push({
      id: 'pulse-error',
      level: 'error',
      title: 'The last pulse failed',
      detail: doc.error + kind,
    });
  }
  if (doc.stale) {
    banners.push({
      id: 'stale',
      level: 'error',
      title: 'Stale: no symbol could be refreshed',
      detail: `These are the last good numbers (as of ${formatTimeEt(doc.as_of)}).`,
    });
  }
  const ageMs = nowMs - Date.parse(doc.last_updated);
  const limit = doc.market_open ? limits.openMs : limits.closedMs;
  if (ageMs > limit) {
    banners.push({
      id: 'old',
      level: 'warning',
      title: `Not updated for ${formatDuration(ageMs)}`,
      detail: `Last write ${formatDateTimeEt(doc.last_updated)}; the pulse may not be running.`,
    });
  }
  for (const symbol of state.symbols) {
    const { regime } = symbol;
    if (!regime.stale && regime.error === null) continue;
    const kind = symbol.errorKind ? ` [${describeErrorKind(symbol.errorKind)}]` : '';
    const since = regime.last_success_at ? formatDateTimeEt(regime.last_success_at) : 'never';
    banners.push({
      id: `symbol-failed:${symbol.key}`,
      level: 'error',
      title: `${symbol.ticker} failed to refresh`,
      detail: `${regime.error ?? 'no fresh numbers'}${kind}. Showing numbers from ${since}.`,
    });
  }
  for (const [key, error] of Object.entries(doc.missing_symbols)) {
    banners.push({
      id: `symbol-missing:${key}`,
      level: 'error',
      title: `${key.toUpperCase()} has no numbers yet`,
      detail: error,
    });
  }
  if (!doc.market_open) {
    const next = doc.next_open ? ` Next open ${formatDateTimeEt(doc.next_open)}.` : '';
    banners.push({
      id: 'market-closed',
      level: 'info',
      title: 'Market closed',
      detail: `Numbers are from the last pulse; the pulse recomputes every 15 minutes until the open.${next}`,
    });
  }
  return banners;
}
