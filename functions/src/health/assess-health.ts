import { symbolRegimeOf, type MarketRegimeDocument } from '../contract/regime';

/** What `health` answers: HTTP status and a JSON body for an uptime monitor. */
export interface HealthReport {
  status: 200 | 503;
  body: {
    ok: boolean;
    /** Whether the stored clock places `now` inside a trading session (true once it is out of date). */
    market_hours: boolean;
    market_open: boolean | null;
    /** Schedule time of the pulse that last wrote the regime (ISO-8601). */
    last_pulse_time: string | null;
    last_updated: string | null;
    /** Age of the regime document at `now`, seconds; null when absent or unreadable. */
    age_seconds: number | null;
    as_of: string | null;
    stale: boolean;
    problems: string[];
    symbols: Record<
      string,
      { stale: boolean; error: string | null; last_success_at: string | null; as_of: string }
    >;
    missing_symbols: Record<string, string>;
  };
}

/** How {@link assessHealth} judges a document. */
export interface HealthOptions {
  /** The instant judged. */
  now: Date;
  /** Seconds a document may go without a rewrite (from the open, once a session has begun). */
  maxAgeSeconds: number;
  /** The pulse's closed-market cadence, minutes: a closed document may be this much older. */
  closedCadenceMinutes?: number;
}

/**
 * Judges the regime document at `now`. Problems: no document, a stale document or symbol, a
 * symbol that never succeeded, or a document not rewritten in time (see {@link isOverdue}).
 * 503 only when there is a problem during market hours (per the stored clock, see
 * {@link isMarketHours}); outside them a quiet pulse is expected. Pure.
 */
export function assessHealth(doc: MarketRegimeDocument | null, options: HealthOptions): HealthReport {
  if (doc === null) return missingReport();
  const { now } = options;
  const writtenMs = Date.parse(doc.last_updated);
  const ageSeconds = Number.isNaN(writtenMs)
    ? null
    : Math.max(0, Math.round((now.getTime() - writtenMs) / 1000));
  const { symbols, problems } = listProblems(doc);
  if (isOverdue(doc, options)) {
    problems.push(ageSeconds === null ? 'last_updated is not a time' : `regime is ${ageSeconds}s old`);
  }
  const marketHours = isMarketHours(doc, now);
  const ok = problems.length === 0;
  return {
    status: !ok && marketHours ? 503 : 200,
    body: {
      ok,
      market_hours: marketHours,
      market_open: doc.market_open,
      last_pulse_time: doc.pulse_time,
      last_updated: doc.last_updated,
      age_seconds: ageSeconds,
      as_of: doc.as_of,
      stale: doc.stale,
      problems,
      symbols,
      missing_symbols: doc.missing_symbols,
    },
  };
}

/** Each symbol's state, and the document's problems other than its age. */
function listProblems(doc: MarketRegimeDocument) {
  const symbols: HealthReport['body']['symbols'] = {};
  const problems: string[] = [];
  if (doc.stale) problems.push(`regime is stale${doc.error ? `: ${doc.error}` : ''}`);
  for (const key of doc.symbols) {
    const map = symbolRegimeOf(doc, key);
    if (!map) continue;
    symbols[key] = pickSymbol(map);
    if (map.stale) problems.push(`${key} is stale: ${map.error ?? 'unknown error'}`);
  }
  for (const [key, error] of Object.entries(doc.missing_symbols)) {
    problems.push(`${key} has no numbers: ${error}`);
  }
  return { symbols, problems };
}

/**
 * Whether the document is older than allowed: `maxAgeSeconds` from the open of a session that
 * began after the write (the session's first pulse has that long to land), else from the write,
 * plus the closed-market cadence for a closed document. An unreadable `last_updated` is overdue.
 */
function isOverdue(doc: MarketRegimeDocument, options: HealthOptions): boolean {
  const writtenMs = Date.parse(doc.last_updated);
  if (Number.isNaN(writtenMs)) return true;
  const openMs = doc.next_open ? Date.parse(doc.next_open) : Number.NaN;
  const t = options.now.getTime();
  const sessionSinceWrite = openMs > writtenMs && openMs <= t;
  const cadenceMs = (options.closedCadenceMinutes ?? 0) * 60_000;
  const allowedMs = options.maxAgeSeconds * 1000 + (doc.market_open || sessionSinceWrite ? 0 : cadenceMs);
  return t - (sessionSinceWrite ? openMs : writtenMs) > allowedMs;
}

function pickSymbol(map: NonNullable<ReturnType<typeof symbolRegimeOf>>) {
  const { stale, error, last_success_at, as_of } = map;
  return { stale, error, last_success_at, as_of };
}

/**
 * Whether `now` is (or may be) in a trading session, per the clock stored with the document.
 * Open: until `next_close`, and again from `next_open` (Alpaca's next session) on. Closed: from
 * `next_open` on, including past `next_close`: a document that has missed a whole session is out
 * of date, so pulses that stopped are judged as in market hours instead of quietly passing.
 */
function isMarketHours(doc: MarketRegimeDocument, now: Date): boolean {
  const t = now.getTime();
  const nextClose = doc.next_close ? Date.parse(doc.next_close) : Number.NaN;
  const nextOpen = doc.next_open ? Date.parse(doc.next_open) : Number.NaN;
  const sessionBegun = !Number.isNaN(nextOpen) && t >= nextOpen;
  if (doc.market_open) return Number.isNaN(nextClose) || t < nextClose || sessionBegun;
  return sessionBegun;
}

function missingReport(): HealthReport {
  return {
    status: 503,
    body: {
      ok: false,
      market_hours: true,
      market_open: null,
      last_pulse_time: null,
      last_updated: null,
      age_seconds: null,
      as_of: null,
      stale: true,
      problems: ['no regime document'],
      symbols: {},
      missing_symbols: {},
    },
  };
}
