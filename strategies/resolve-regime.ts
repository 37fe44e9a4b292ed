import type { FallbackRegime, GexRegime, RegimeView, SymbolRegimeView } from './inputs';
import { ZERO, type Decimal } from './num';

/** Where the regime a decision used came from. Only `document` ever allows orders. */
export type RegimeSource = 'document' | 'override' | 'last_good' | 'default';

/** The regime a decision runs on. */
export interface ResolvedRegime {
  source: RegimeSource;
  gexRegime: GexRegime;
  /** |net GEX| in billions of USD per $1 move. */
  gexStrength: Decimal;
  /** Call GEX + |put GEX|, USD per $1 move. */
  totalGexDollar: Decimal;
  /** Spot of the underlying, USD, or null when the source has none. */
  spot: Decimal | null;
  /** When the regime's numbers were true (ISO-8601), or null. */
  asOf: string | null;
  /** Why the document was not used (empty when it was) and which fallback was taken. */
  reasons: string[];
}

/** Input of {@link resolveRegime}. */
export interface ResolveRegimeInput {
  /** The regime document, or null when it does not exist. */
  regime: RegimeView | null;
  /** Upper-case ticker the strategy trades. */
  symbol: string;
  /** Whether the market is open now; the age check only applies during market hours. */
  marketOpen: boolean;
  /** Evaluation time, epoch milliseconds. */
  asOfMs: number;
  /** A document older than this during market hours is not used, seconds. */
  maxAgeSeconds: number;
  /** The operator's override regime, when set. */
  override?: FallbackRegime | null;
  /** The last good regime of this symbol the runner kept, when any. */
  lastGood?: FallbackRegime | null;
}

/** Finds a symbol's map in the document, case-insensitively. */
export function findSymbolRegime(regime: RegimeView, symbol: string): SymbolRegimeView | undefined {
  const wanted = symbol.toUpperCase();
  return regime.symbols.find((s) => s.symbol.toUpperCase() === wanted);
}

/**
 * Why the document cannot be used for `symbol`, or null when it can: missing, marked stale, older
 * than `maxAgeSeconds` during market hours (asOf − last_updated), an unreadable `last_updated`,
 * the symbol missing or marked stale.
 */
export function documentProblem(input: ResolveRegimeInput): string | null {
  const { regime, symbol } = input;
  if (!regime) return 'regime document missing';
  if (regime.stale) return 'regime document marked stale';
  if (input.marketOpen) {
    const written = Date.parse(regime.lastUpdated);
    if (!Number.isFinite(written)) return `regime document last_updated unreadable: "${regime.lastUpdated}"`;
    const ageSeconds = (input.asOfMs - written) / 1000;
    if (ageSeconds > input.maxAgeSeconds) {
      return `regime document is ${Math.round(ageSeconds)} s old (max ${input.maxAgeSeconds} s during market hours)`;
    }
  }
  const found = findSymbolRegime(regime, symbol);
  if (!found) return `${symbol} missing from the regime document`;
  if (found.stale) return `${symbol} marked stale in the regime document`;
  if (!isUsable(found)) return `${symbol} numbers in the regime document unusable`;
  return null;
}

const REGIMES: readonly string[] = ['POSITIVE', 'NEGATIVE', 'NEUTRAL'];

/** A regime's numbers are finite, strength >= 0 and spot (when present) > 0. */
function isUsable(r: FallbackRegime): boolean {
  const spotOk = r.spot === undefined || r.spot === null || (r.spot.isFinite() && r.spot.gt(0));
  return (
    REGIMES.includes(r.gexRegime) &&
    r.gexStrength.isFinite() &&
    !r.gexStrength.isNegative() &&
    r.totalGexDollar.isFinite() &&
    spotOk
  );
}

/**
 * The regime to decide on. The document when it is usable; otherwise the fallback chain:
 * the operator's override (when set) → the last good regime the runner kept → positive GEX with
 * zero strength (the seed's default). The result records its source and why.
 */
export function resolveRegime(input: ResolveRegimeInput): ResolvedRegime {
  const problem = documentProblem(input);
  if (problem === null && input.regime) {
    const s = findSymbolRegime(input.regime, input.symbol);
    if (s)
      return { source: 'document', ...pick(s), spot: s.spot, asOf: s.asOf ?? input.regime.asOf, reasons: [] };
  }
  const why = problem ?? 'regime document unusable';
  const reasons: string[] = [];
  for (const [source, r] of [
    ['override', input.override],
    ['last_good', input.lastGood],
  ] as const) {
    if (!r) continue;
    const name = source === 'override' ? 'the operator override' : 'the last good regime';
    if (isUsable(r)) return fromFallback(source, r, [...reasons, `${why}: using ${name}`]);
    reasons.push(`${name} has unusable numbers, ignored`);
  }
  return {
    source: 'default',
    gexRegime: 'POSITIVE',
    gexStrength: ZERO,
    totalGexDollar: ZERO,
    spot: null,
    asOf: null,
    reasons: [...reasons, `${why}: assuming positive GEX (default)`],
  };
}

function pick(r: FallbackRegime): Pick<ResolvedRegime, 'gexRegime' | 'gexStrength' | 'totalGexDollar'> {
  return { gexRegime: r.gexRegime, gexStrength: r.gexStrength, totalGexDollar: r.totalGexDollar };
}

function fromFallback(source: RegimeSource, r: FallbackRegime, reasons: string[]): ResolvedRegime {
  return { source, ...pick(r), spot: r.spot ?? null, asOf: r.asOf ?? null, reasons };
}
