import { Decimal, parseDecimal, ZERO } from '../num/decimal';
import { decimalToNumber } from '../num/decimal-parts';
import { readVolume, resolveExposureGreeks, type VolumeReading } from './exposure-inputs';
import { parseModelNumber, resolveGamma, type GammaSource } from './resolve-gamma';
import { expiryCloseMs, yearsToExpiry } from './time-to-expiry';
import type { ChainInput, ContractInput, OptionSide, RawNumber } from './types';

/** Default continuously compounded risk-free rate for local Black-Scholes. */
export const DEFAULT_RISK_FREE_RATE = 0.045;
/** Default continuously compounded dividend yield for local Black-Scholes (roughly SPY's). */
export const DEFAULT_DIVIDEND_YIELD = 0.013;

/**
 * Largest open interest taken as data (contracts). Real listings stay below ~10 million; a bigger or
 * fractional figure is a broken feed, and an absurd one would overflow the float64 sweep.
 */
export const MAX_OPEN_INTEREST = 1_000_000_000;

/** The expiry bucket a contract's GEX is reported under. */
export type ExpiryBucketName = 'zero_dte' | 'one_dte' | 'other';

/** A contract that passed validation, with Decimal values and its gamma resolved. */
export interface NormalizedContract {
  symbol: string;
  side: OptionSide;
  /** Strike, USD. */
  strike: Decimal;
  /** Canonical strike text, the key of the strike profile (`590`, `4505.5`). */
  strikeKey: string;
  /** The strike as a float64 (orders strikes fast: see {@link compareStrikes}). */
  strikeNumber: number;
  expiry: string;
  bucket: ExpiryBucketName;
  /** Open interest in contracts, > 0. */
  openInterest: Decimal;
  /** The same as a float64 (exact: open interest is an integer far below 2^53). */
  openInterestNumber: number;
  /** Gamma per $1 move per share, ≥ 0. */
  gamma: Decimal;
  gammaSource: GammaSource;
  /** Time to expiry in years (floored at one minute). */
  years: number;
  /** Annualized volatility for the zero-gamma sweep; null when none is known. */
  volatility: number | null;
  /** Contracts traded in the session so far, ≥ 0 (0 when the source had no bar). */
  volume: Decimal;
  /** Per-share delta, vanna (per 1.00 vol) and charm (per year), holder's view, float64; null when unknown. */
  delta: number | null;
  vanna: number | null;
  charm: number | null;
}

/** The validated chain and what validation saw. */
export interface NormalizedChain {
  contracts: NormalizedContract[];
  seen: number;
  /** Skipped contracts by reason. */
  skipped: Record<string, number>;
  /** Contracts whose gamma was computed locally (includes `ivSolved`). */
  localGreeks: number;
  ivSolved: number;
  /** Used contracts with no volatility, which the zero-gamma sweep cannot re-price. */
  zeroGammaExcluded: number;
  /** Used contracts with no volume figure (no bar: zero volume), and with a broken one (also zero). */
  volumeMissing: number;
  volumeInvalid: number;
  /** Used contracts missing a delta, vanna or charm (it counts as zero in those exposures). */
  exposureExcluded: number;
  /**
   * Contracts with zero open interest that traded today (volume > 0, gamma known): they enter the
   * volume GEX only, and stay counted as skipped `zero_open_interest` for the OI figures.
   */
  volumeOnly: NormalizedContract[];
}

interface ChainContext {
  spot: Decimal;
  spotNumber: number;
  asOfMs: number;
  input: ChainInput;
  rate: number;
  dividendYield: number;
  closes: Map<string, number>;
  exposures: boolean;
  settlements: Map<string, number>;
  /**
   * Parsed values by raw text: a chain repeats the same printed gammas and open interests many
   * times, and Decimals are immutable, so one instance serves every repeat.
   */
  gammas: Map<RawNumber, Decimal | null>;
  openInterests: Map<RawNumber, OpenInterest | string>;
  /** Strikes by their raw text: a chain repeats each strike once per expiry and side. */
  strikes: Map<RawNumber, ParsedStrike | null>;
  /** Volume readings by raw text (most are a handful of small integers). */
  volumes: Map<RawNumber, VolumeReading>;
  /** {@link resolveGamma}'s parser, through `gammas`. */
  parseGamma: (raw: RawNumber) => Decimal | null;
}

/** A valid open interest, exact and as a float64. */
interface OpenInterest {
  value: Decimal;
  number: number;
}

const NO_OPEN_INTEREST: OpenInterest = { value: ZERO, number: 0 };

interface ParsedStrike {
  strike: Decimal;
  strikeKey: string;
  /** The strike as a float64 model input. */
  strikeNumber: number;
}

/**
 * Orders rows by strike: by the float64 strikes, which never invert the order of the exact ones
 * (rounding to float64 is monotonic), and by the exact strikes when the floats tie.
 */
export function compareStrikes(
  a: { strike: Decimal; strikeNumber: number },
  b: { strike: Decimal; strikeNumber: number },
): number {
  return a.strikeNumber - b.strikeNumber || a.strike.comparedTo(b.strike);
}

/** Options of {@link normalizeContracts}. */
export interface NormalizeOptions {
  /**
   * Resolve volume and delta/vanna/charm for the exposures beyond OI GEX (default true); false
   * leaves them zero/null and uncounted (the OI-only engine, e.g. to time what they cost).
   */
  exposures?: boolean;
}

const NO_GREEKS = { delta: null, vanna: null, charm: null } as const;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Validates and normalizes every contract of a chain, converting numbers to Decimal once.
 * Skip reasons: `duplicate_symbol` (later occurrences), `invalid_side`, `invalid_strike` (non-numeric
 * or ≤ 0), `invalid_expiry` (or an unparseable `settlesAt`), `expired` (its close, or `settlesAt`,
 * is before `asOf`), `missing_open_interest`,
 * `invalid_open_interest` (non-numeric, fractional or above {@link MAX_OPEN_INTEREST}), `negative_open_interest`, `zero_open_interest` (contributes nothing, so
 * it is not counted as used; one that traded today also lands in `volumeOnly`), `invalid_gamma`, `missing_gamma` (see {@link resolveGamma}).
 */
export function normalizeContracts(
  input: ChainInput,
  spot: Decimal,
  asOfMs: number,
  options: NormalizeOptions = {},
): NormalizedChain {
  const ctx: ChainContext = {
    spot,
    spotNumber: spot.toNumber(),
    asOfMs,
    input,
    rate: input.riskFreeRate ?? DEFAULT_RISK_FREE_RATE,
    dividendYield: input.dividendYield ?? DEFAULT_DIVIDEND_YIELD,
    closes: new Map(),
    exposures: options.exposures ?? true,
    settlements: new Map(),
    gammas: new Map(),
    openInterests: new Map(),
    strikes: new Map(),
    volumes: new Map(),
    parseGamma: (raw) => {
      let gamma = ctx.gammas.get(raw);
      if (gamma === undefined) ctx.gammas.set(raw, (gamma = parseDecimal(raw)));
      return gamma;
    },
  };
  const chain: NormalizedChain = {
    contracts: [],
    seen: 0,
    skipped: {},
    localGreeks: 0,
    ivSolved: 0,
    zeroGammaExcluded: 0,
    volumeMissing: 0,
    volumeInvalid: 0,
    exposureExcluded: 0,
    volumeOnly: [],
  };
  const symbols = new Set<string>();
  for (const contract of input.contracts) {
    chain.seen++;
    const result = symbols.has(contract.symbol) ? 'duplicate_symbol' : normalizeOne(contract, ctx);
    symbols.add(contract.symbol);
    if (typeof result === 'string' || result.openInterest.isZero()) {
      const reason = typeof result === 'string' ? result : 'zero_open_interest';
      chain.skipped[reason] = (chain.skipped[reason] ?? 0) + 1;
      if (typeof result !== 'string') chain.volumeOnly.push(result);
      continue;
    }
    chain.contracts.push(result);
    if (result.gammaSource !== 'provider') chain.localGreeks++;
    if (result.gammaSource === 'iv_solved') chain.ivSolved++;
    if (result.volatility === null) chain.zeroGammaExcluded++;
    if (ctx.exposures) countExposureInputs(chain, volumeOf(contract.volume, ctx), result);
  }
  return chain;
}

/** Counts a used contract's missing or broken volume and its missing exposure greeks. */
function countExposureInputs(chain: NormalizedChain, volume: VolumeReading, used: NormalizedContract): void {
  if (used.volume.isZero()) {
    const state = volume.state;
    if (state === 'missing') chain.volumeMissing++;
    if (state === 'invalid') chain.volumeInvalid++;
  }
  if (used.delta === null || used.vanna === null || used.charm === null) chain.exposureExcluded++;
}

/** `YYYY-MM-DD` naming a real day (no February 30). */
function isCalendarDate(text: string): boolean {
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(text);
}

/** Close of an expiry in epoch ms (cached per chain); NaN when the date is not a real day. */
function closeOf(expiry: string, ctx: ChainContext): number {
  let close = ctx.closes.get(expiry);
  if (close === undefined) {
    close = isCalendarDate(expiry) ? expiryCloseMs(expiry, ctx.input.expiryCloses) : Number.NaN;
    ctx.closes.set(expiry, close);
  }
  return close;
}

/** A `settlesAt` instant in epoch ms (cached per chain: it repeats per expiry); NaN when unparseable. */
function settlementOf(settlesAt: string, ctx: ChainContext): number {
  let ms = ctx.settlements.get(settlesAt);
  if (ms === undefined) ctx.settlements.set(settlesAt, (ms = Date.parse(settlesAt)));
  return ms;
}

/** A contract's volume reading (cached per chain by its raw text). */
function volumeOf(raw: RawNumber, ctx: ChainContext): VolumeReading {
  let reading = ctx.volumes.get(raw);
  if (reading === undefined) ctx.volumes.set(raw, (reading = readVolume(raw)));
  return reading;
}

const MAX_OPEN_INTEREST_DECIMAL = new Decimal(MAX_OPEN_INTEREST);

function checkOpenInterest(raw: ContractInput['openInterest']): OpenInterest | string {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
    return 'missing_open_interest';
  }
  const oi = parseDecimal(raw);
  if (!oi) return 'invalid_open_interest';
  if (oi.isNegative()) return 'negative_open_interest';
  if (!oi.isInteger() || oi.gt(MAX_OPEN_INTEREST_DECIMAL)) return 'invalid_open_interest';
  return oi.isZero() ? 'zero_open_interest' : { value: oi, number: decimalToNumber(oi) };
}

/** Years from as-of to the contract's close (its `settlesAt`, else its expiry's close), or why not. */
function yearsLeft(contract: ContractInput, ctx: ChainContext): number | 'invalid_expiry' | 'expired' {
  if (typeof contract.expiry !== 'string') return 'invalid_expiry';
  // A cached close means the expiry text was checked already.
  if (!ctx.closes.has(contract.expiry) && !DATE_RE.test(contract.expiry)) return 'invalid_expiry';
  const closeMs =
    contract.settlesAt === undefined ? closeOf(contract.expiry, ctx) : settlementOf(contract.settlesAt, ctx);
  if (!Number.isFinite(closeMs)) return 'invalid_expiry';
  return yearsToExpiry(ctx.asOfMs, closeMs) ?? 'expired';
}

/** A strike > 0 (cached per chain by its raw text), or null when it is not one. */
function strikeOf(raw: RawNumber, ctx: ChainContext): ParsedStrike | null {
  let parsed = ctx.strikes.get(raw);
  if (parsed === undefined) {
    const strike = parseDecimal(raw);
    parsed =
      strike && strike.gt(0)
        ? { strike, strikeKey: strike.toString(), strikeNumber: parseModelNumber(raw) ?? strike.toNumber() }
        : null;
    ctx.strikes.set(raw, parsed);
  }
  return parsed;
}

/** One contract → a normalized contract, or the reason it is skipped. */
function normalizeOne(contract: ContractInput, ctx: ChainContext): NormalizedContract | string {
  if (contract.side !== 'call' && contract.side !== 'put') return 'invalid_side';
  const parsedStrike = strikeOf(contract.strike, ctx);
  if (!parsedStrike) return 'invalid_strike';
  const { strike, strikeKey, strikeNumber } = parsedStrike;
  const years = yearsLeft(contract, ctx);
  if (typeof years === 'string') return years;
  let openInterest = ctx.openInterests.get(contract.openInterest);
  if (openInterest === undefined)
    ctx.openInterests.set(contract.openInterest, (openInterest = checkOpenInterest(contract.openInterest)));
  // Traded today with no open interest yet: kept for the volume GEX alone (see `volumeOnly`).
  const volume = ctx.exposures ? volumeOf(contract.volume, ctx).volume : ZERO;
  const volumeOnly = openInterest === 'zero_open_interest' && !volume.isZero();
  if (volumeOnly) openInterest = NO_OPEN_INTEREST;
  if (typeof openInterest === 'string') return openInterest;
  const pricing = {
    spot: ctx.spotNumber,
    strike: strikeNumber,
    years,
    rate: ctx.rate,
    dividendYield: ctx.dividendYield,
  };
  const resolved = resolveGamma(contract, pricing, ctx.parseGamma);
  if ('skip' in resolved) return volumeOnly ? 'zero_open_interest' : resolved.skip;
  const { delta, vanna, charm } = ctx.exposures
    ? resolveExposureGreeks(contract, contract.side, pricing, resolved.volatility)
    : NO_GREEKS;
  const { buckets } = ctx.input;
  const bucket =
    contract.expiry === buckets.zeroDte.expiry
      ? 'zero_dte'
      : contract.expiry === buckets.oneDte.expiry
        ? 'one_dte'
        : 'other';
  return {
    symbol: contract.symbol,
    side: contract.side,
    strike,
    strikeKey,
    strikeNumber,
    expiry: contract.expiry,
    bucket,
    openInterest: openInterest.value,
    openInterestNumber: openInterest.number,
    gamma: resolved.gamma,
    gammaSource: resolved.source,
    years,
    volatility: resolved.volatility,
    volume,
    delta,
    vanna,
    charm,
  };
}
