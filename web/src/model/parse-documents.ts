import {
  type ErrorKind,
  GexProfileDocument,
  HistoryRow,
  MarketRegimeDocument,
  StoredSymbolRegime,
} from '../../../functions/src/contract/regime';

/** A parse that failed: what the page says instead of rendering broken numbers. */
export interface ParseFailure {
  ok: false;
  /** First few schema issues, `path: message`. */
  message: string;
}

/** One symbol of the regime document as the page reads it. */
export interface SymbolState {
  /** Lower-case key, e.g. `spy`. */
  key: string;
  /** Upper-case ticker, e.g. `SPY` (the `gexProfiles` document id). */
  ticker: string;
  regime: StoredSymbolRegime;
  errorKind: ErrorKind | null;
}

/** The regime document parsed through the contract, its symbols split out. */
export interface RegimeState {
  ok: true;
  doc: MarketRegimeDocument;
  symbols: SymbolState[];
  /** Document-level `error_kind` (pulse-level failure), when present. */
  errorKind: ErrorKind | null;
}

function describeIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(document)'}: ${issue.message}`)
    .join('; ');
}

/** Parses `systemStatus/market_regime` data with the contract (no throw). */
export function parseRegime(data: unknown): RegimeState | ParseFailure {
  const parsed = MarketRegimeDocument.safeParse(data);
  if (!parsed.success) return { ok: false, message: describeIssues(parsed.error) };
  const doc = parsed.data;
  const symbols = doc.symbols.map((key) => {
    const regime = StoredSymbolRegime.parse(doc[key]);
    return { key, ticker: key.toUpperCase(), regime, errorKind: regime.error_kind ?? null };
  });
  return { ok: true, doc, symbols, errorKind: doc.error_kind ?? null };
}

/** Parses a `gexProfiles/{SYMBOL}` document; null on a schema mismatch. */
export function parseProfile(data: unknown): GexProfileDocument | null {
  const parsed = GexProfileDocument.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** Parses history rows, dropping any that do not match the contract (a row is never half-read). */
export function parseHistoryRows(rows: unknown[]): HistoryRow[] {
  const out: HistoryRow[] = [];
  for (const row of rows) {
    const parsed = HistoryRow.safeParse(row);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}
