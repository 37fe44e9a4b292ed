import { Decimal, exceeds, parseDecimal, ZERO } from '../num/decimal';
import { decimalToNumber } from '../num/decimal-parts';
import { readVolume, resolveExposureGreeks, type VolumeReading } from './exposure-inputs';
import { parseModelNumber, resolveGamma, type GammaSource } from './resolve-gamma';
import { expiryCloseMs, yearsToExpiry } from './time-to-expiry';
import type { ChainHead, ChainInput, ContractInput, OptionSide, RawNumber } from './types';

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

/**
 * A strike as the sums key it: one instance per distinct strike value of a chain, shared by every
 * contract at that strike.
 */
export interface StrikeRef {
  strike: Decimal;
  /** Canonical strike text (`590`, `4505.5`). */
  strikeKey: string;
  strikeNumber: number;
  /** Dense index of the strike within its chain: the slot of its per-strike sums. */
  index: number;
}

/**
 * Normalized contracts as columns: entry i of every array describes contract i. The engine's sums
 * and sweep read these directly, so a chain keeps a few large arrays alive rather than an object
 * (and its boxed numbers) per contract; {@link ContractColumns.toContracts} builds the
 * {@link NormalizedContract} objects on request. A missing volatility or greek is NaN here.
 */
export class ContractColumns {
  length = 0;
  readonly symbol: string[] = [];
  readonly side: OptionSide[] = [];
  readonly strike: StrikeRef[] = [];
  readonly expiry: string[] = [];
  readonly bucket: ExpiryBucketName[] = [];
  readonly openInterest: Decimal[] = [];
  readonly gamma: Decimal[] = [];
  readonly gammaSource: GammaSource[] = [];
  readonly volume: Decimal[] = [];
  // The numbers in typed arrays: float64 from the first entry on (a plain array that starts with
  // small integers changes its element kind later, and code optimized for the first kind deopts).
  // Replaced by larger copies when full (see `push`): read them after the columns are filled.
  openInterestNumber: Float64Array;
  years: Float64Array;
  /** Annualized volatility; NaN when none is known. */
  volatility: Float64Array;
  /** Per-share greeks of delta; NaN when unknown. */
  delta: Float64Array;
  vanna: Float64Array;
  charm: Float64Array;

  /** Room for `capacity` contracts to begin with; more makes room for itself. */
  constructor(private capacity: number) {
    this.openInterestNumber = new Float64Array(capacity);
    this.years = new Float64Array(capacity);
    this.volatility = new Float64Array(capacity);
    this.delta = new Float64Array(capacity);
    this.vanna = new Float64Array(capacity);
    this.charm = new Float64Array(capacity);
  }

  /**
   * Columns of existing contract objects; strikes with the same key share one {@link StrikeRef}
   * (the first contract's strike).
   */
  static of(contracts: readonly NormalizedContract[]): ContractColumns {
    const columns = new ContractColumns(contracts.length);
    const strikes = new Map<string, StrikeRef>();
    for (const c of contracts) {
      let ref = strikes.get(c.strikeKey);
      if (!ref) {
        ref = { strike: c.strike, strikeKey: c.strikeKey, strikeNumber: c.strikeNumber, index: strikes.size };
        strikes.set(c.strikeKey, ref);
      }
      columns.push(c, ref);
    }
    return columns;
  }

  /** Appends a contract at the strike `ref` (which must carry the contract's strike value). */
  push(c: NormalizedContract, ref: StrikeRef): void {
    const i = this.length;
    if (i >= this.capacity) this.grow();
    this.symbol.push(c.symbol);
    this.side.push(c.side);
    this.strike.push(ref);
    this.expiry.push(c.expiry);
    this.bucket.push(c.bucket);
    this.openInterest.push(c.openInterest);
    this.gamma.push(c.gamma);
    this.gammaSource.push(c.gammaSource);
    this.volume.push(c.volume);
    this.openInterestNumber[i] = c.openInterestNumber;
    this.years[i] = c.years;
    this.volatility[i] = c.volatility ?? Number.NaN;
    this.delta[i] = c.delta ?? Number.NaN;
    this.vanna[i] = c.vanna ?? Number.NaN;
    this.charm[i] = c.charm ?? Number.NaN;
    this.length = i + 1;
  }

  /** Doubles the room of the float64 columns. */
  private grow(): void {
    const capacity = Math.max(64, 2 * this.capacity);
    const wider = (column: Float64Array) => {
      const copy = new Float64Array(capacity);
      copy.set(column);
      return copy;
    };
    this.openInterestNumber = wider(this.openInterestNumber);
    this.years = wider(this.years);
    this.volatility = wider(this.volatility);
    this.delta = wider(this.delta);
    this.vanna = wider(this.vanna);
    this.charm = wider(this.charm);
    this.capacity = capacity;
  }

  /** The contracts as objects, in order. */
  toContracts(): NormalizedContract[] {
    const orNull = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? null : value);
    return Array.from({ length: this.length }, (_, i): NormalizedContract => {
      const ref = this.strike[i] as StrikeRef;
      return {
        symbol: this.symbol[i] as string,
        side: this.side[i] as OptionSide,
        strike: ref.strike,
        strikeKey: ref.strikeKey,
        strikeNumber: ref.strikeNumber,
        expiry: this.expiry[i] as string,
        bucket: this.bucket[i] as ExpiryBucketName,
        openInterest: this.openInterest[i] as Decimal,
        openInterestNumber: this.openInterestNumber[i] as number,
        gamma: this.gamma[i] as Decimal,
        gammaSource: this.gammaSource[i] as GammaSource,
        years: this.years[i] as number,
        volatility: orNull(this.volatility[i]),
        volume: this.volume[i] as Decimal,
        delta: orNull(this.delta[i]),
        vanna: orNull(this.vanna[i]),
        charm: orNull(this.charm[i]),
      };
    });
  }
}

/** The validated chain and what validation saw. */
export interface NormalizedChain {
  /** The used contracts as columns (the engine reads these). */
  used: ContractColumns;
  /** The used contracts as objects, built from {@link NormalizedChain.used} on first read. */
  readonly contracts: NormalizedContract[];
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
  tradedOnly: ContractColumns;
  /** {@link NormalizedChain.tradedOnly} as objects, built on first read. */
  readonly volumeOnly: NormalizedContract[];
}

/** A {@link NormalizedChain} whose contract objects are built only when read. */
class Chain implements NormalizedChain {
  readonly used: ContractColumns;
  readonly tradedOnly: ContractColumns;
  seen = 0;
  skipped: Record<string, number> = {};
  localGreeks = 0;
  ivSolved = 0;
  zeroGammaExcluded = 0;
  volumeMissing = 0;
  volumeInvalid = 0;
  exposureExcluded = 0;
  private usedObjects: NormalizedContract[] | undefined;
  private tradedOnlyObjects: NormalizedContract[] | undefined;

  /** Room for `capacity` used contracts (every contract of the input); traded-only ones make room as they come. */
  constructor(capacity: number) {
    this.used = new ContractColumns(capacity);
    this.tradedOnly = new ContractColumns(0);
  }

  get contracts(): NormalizedContract[] {
    return (this.usedObjects ??= this.used.toContracts());
  }

  get volumeOnly(): NormalizedContract[] {
    return (this.tradedOnlyObjects ??= this.tradedOnly.toContracts());
  }
}

interface ChainContext {
  spot: Decimal;
  spotNumber: number;
  asOfMs: number;
  /** The chain's input; its contracts are not read. */
  head: ChainHead;
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
  strikes: Map<RawNumber, StrikeRef | null>;
  /** The one {@link StrikeRef} of each strike value, by its canonical text. */
  strikeKeys: Map<string, StrikeRef>;
  /** Volume readings by raw text (most are a handful of small integers). */
  volumes: Map<RawNumber, VolumeReading>;
  /** {@link resolveGamma}'s parser, through `gammas`. */
  parseGamma: (raw: RawNumber) => Decimal | null;
  /**
   * The previous contract's expiry, settlement and years left, and its raw strike and strike:
   * contracts come grouped by expiry and in call/put pairs, so most repeat them (no hash lookup).
   */
  last: {
    expiry: unknown;
    settlesAt: unknown;
    years: number | YearsSkip;
    strikeRaw: unknown;
    strike: StrikeRef | null;
  };
}

type YearsSkip = 'invalid_expiry' | 'expired';
/** Matches no value a contract holds: the `last` fields before the first contract. */
const NOTHING_YET: unknown = Symbol('nothing yet');

/** A valid open interest, exact and as a float64. */
interface OpenInterest {
  value: Decimal;
  number: number;
}

const NO_OPEN_INTEREST: OpenInterest = { value: ZERO, number: 0 };

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
/** The volume of the OI-only engine, which reads none. */
const NO_VOLUME_READ: VolumeReading = { volume: ZERO, state: 'ok' };
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
  const normalizer = new ChainNormalizer(input, spot, asOfMs, {
    ...options,
    capacity: input.contracts.length,
    // Only a chain that repeats a symbol needs them checked one by one (most repeat none).
    symbols: repeatsASymbol(input.contracts) ? 'check' : 'trust',
  });
  const { contracts } = input;
  for (let i = 0; i < contracts.length; i++) normalizer.add(contracts[i] as ContractInput);
  return normalizer.chain;
}

/** Options of a {@link ChainNormalizer}. */
export interface ChainNormalizerOptions extends NormalizeOptions {
  /** Used contracts to make room for at first (default 0: room grows as contracts come). */
  capacity?: number;
  /**
   * `check` (default): a symbol seen before is skipped as `duplicate_symbol`. `trust`: no symbol is
   * checked, for a caller that knows they are distinct.
   */
  symbols?: 'check' | 'trust';
}

/**
 * {@link normalizeContracts} one contract at a time: contracts can be validated as a source reads
 * them (a file being parsed), so none has to outlive its reading. The chain (`chain`) holds the
 * contracts added so far; `head` is the chain's input, whose `contracts` are not read.
 */
export class ChainNormalizer {
  readonly chain: NormalizedChain;
  private readonly ctx: ChainContext;
  private readonly symbols: Set<string> | undefined;

  constructor(head: ChainHead, spot: Decimal, asOfMs: number, options: ChainNormalizerOptions = {}) {
    const ctx: ChainContext = {
      spot,
      spotNumber: spot.toNumber(),
      asOfMs,
      head,
      rate: head.riskFreeRate ?? DEFAULT_RISK_FREE_RATE,
      dividendYield: head.dividendYield ?? DEFAULT_DIVIDEND_YIELD,
      closes: new Map(),
      exposures: options.exposures ?? true,
      settlements: new Map(),
      gammas: new Map(),
      openInterests: new Map(),
      strikes: new Map(),
      strikeKeys: new Map(),
      volumes: new Map(),
      parseGamma: (raw) => {
        let gamma = ctx.gammas.get(raw);
        if (gamma === undefined) ctx.gammas.set(raw, (gamma = parseDecimal(raw)));
        return gamma;
      },
      last: { expiry: NOTHING_YET, settlesAt: NOTHING_YET, years: 0, strikeRaw: NOTHING_YET, strike: null },
    };
    this.ctx = ctx;
    this.chain = new Chain(options.capacity ?? 0);
    this.symbols = options.symbols === 'trust' ? undefined : new Set();
  }

  /** Validates one contract and adds it to {@link ChainNormalizer.chain} (used, traded-only or skipped). */
  add(contract: ContractInput): void {
    const { chain, ctx, symbols } = this;
    chain.seen++;
    // One hash lookup: the set grows unless the symbol was there already.
    const known = symbols !== undefined && symbols.size === symbols.add(contract.symbol).size;
    const result = known ? 'duplicate_symbol' : normalizeOne(contract, ctx);
    if (typeof result === 'string' || result.contract.openInterestNumber === 0) {
      const reason = typeof result === 'string' ? result : 'zero_open_interest';
      chain.skipped[reason] = (chain.skipped[reason] ?? 0) + 1;
      if (typeof result !== 'string') chain.tradedOnly.push(result.contract, result.strike);
      return;
    }
    const used = result.contract;
    chain.used.push(used, result.strike);
    if (used.gammaSource !== 'provider') chain.localGreeks++;
    if (used.gammaSource === 'iv_solved') chain.ivSolved++;
    if (used.volatility === null) chain.zeroGammaExcluded++;
    if (ctx.exposures) countExposureInputs(chain, result.volume, used);
  }
}

/**
 * Whether two contracts have the same symbol (SameValueZero, as a Set compares), by the size of a
 * Set built in one native call: cheaper cold than adding the symbols one at a time.
 */
function repeatsASymbol(contracts: readonly ContractInput[]): boolean {
  const symbols = new Array<string>(contracts.length);
  for (let i = 0; i < contracts.length; i++) symbols[i] = (contracts[i] as ContractInput).symbol;
  return repeatsAString(symbols);
}

/** Whether a string occurs twice in `texts`, by the size of a Set built in one native call. */
export function repeatsAString(texts: readonly string[]): boolean {
  return new Set(texts).size !== texts.length;
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
    close = isCalendarDate(expiry) ? expiryCloseMs(expiry, ctx.head.expiryCloses) : Number.NaN;
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
  if (!oi.isInteger() || exceeds(oi, MAX_OPEN_INTEREST_DECIMAL)) return 'invalid_open_interest';
  return oi.isZero() ? 'zero_open_interest' : { value: oi, number: decimalToNumber(oi) };
}

/**
 * Years from as-of to the contract's close (its `settlesAt`, else its expiry's close), or why not;
 * the previous contract's answer when it has the same expiry and settlement.
 */
function yearsLeft(contract: ContractInput, ctx: ChainContext): number | YearsSkip {
  const { last } = ctx;
  if (contract.expiry === last.expiry && contract.settlesAt === last.settlesAt) return last.years;
  last.expiry = contract.expiry;
  last.settlesAt = contract.settlesAt;
  return (last.years = computeYearsLeft(contract, ctx));
}

function computeYearsLeft(contract: ContractInput, ctx: ChainContext): number | YearsSkip {
  if (typeof contract.expiry !== 'string') return 'invalid_expiry';
  // A cached close means the expiry text was checked already.
  if (!ctx.closes.has(contract.expiry) && !DATE_RE.test(contract.expiry)) return 'invalid_expiry';
  const closeMs =
    contract.settlesAt === undefined ? closeOf(contract.expiry, ctx) : settlementOf(contract.settlesAt, ctx);
  if (!Number.isFinite(closeMs)) return 'invalid_expiry';
  return yearsToExpiry(ctx.asOfMs, closeMs) ?? 'expired';
}

/**
 * A strike > 0 (cached per chain by its raw text; texts of the same value, `590` and `590.00`,
 * share one {@link StrikeRef}), or null when it is not one.
 */
function strikeOf(raw: RawNumber, ctx: ChainContext): StrikeRef | null {
  const { last } = ctx;
  if (raw === last.strikeRaw) return last.strike;
  last.strikeRaw = raw;
  return (last.strike = cachedStrikeOf(raw, ctx));
}

function cachedStrikeOf(raw: RawNumber, ctx: ChainContext): StrikeRef | null {
  let parsed = ctx.strikes.get(raw);
  if (parsed === undefined) {
    const strike = parseDecimal(raw);
    parsed = strike && strike.isPositive() && !strike.isZero() ? strikeRefOf(strike, raw, ctx) : null;
    ctx.strikes.set(raw, parsed);
  }
  return parsed;
}

function strikeRefOf(strike: Decimal, raw: RawNumber, ctx: ChainContext): StrikeRef {
  const strikeKey = strike.toString();
  let ref = ctx.strikeKeys.get(strikeKey);
  if (!ref) {
    const strikeNumber = parseModelNumber(raw) ?? strike.toNumber();
    ref = { strike, strikeKey, strikeNumber, index: ctx.strikeKeys.size };
    ctx.strikeKeys.set(strikeKey, ref);
  }
  return ref;
}

/** One contract → a normalized contract, its strike and volume reading, or the reason it is skipped. */
function normalizeOne(
  contract: ContractInput,
  ctx: ChainContext,
): { contract: NormalizedContract; strike: StrikeRef; volume: VolumeReading } | string {
  if (contract.side !== 'call' && contract.side !== 'put') return 'invalid_side';
  const strikeRef = strikeOf(contract.strike, ctx);
  if (!strikeRef) return 'invalid_strike';
  const { strike, strikeKey, strikeNumber } = strikeRef;
  const years = yearsLeft(contract, ctx);
  if (typeof years === 'string') return years;
  let openInterest = ctx.openInterests.get(contract.openInterest);
  if (openInterest === undefined)
    ctx.openInterests.set(contract.openInterest, (openInterest = checkOpenInterest(contract.openInterest)));
  // Traded today with no open interest yet: kept for the volume GEX alone (see `volumeOnly`).
  const reading = ctx.exposures ? volumeOf(contract.volume, ctx) : NO_VOLUME_READ;
  const volume = reading.volume;
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
  const { buckets } = ctx.head;
  const bucket =
    contract.expiry === buckets.zeroDte.expiry
      ? 'zero_dte'
      : contract.expiry === buckets.oneDte.expiry
        ? 'one_dte'
        : 'other';
  const normalized: NormalizedContract = {
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
  return { contract: normalized, strike: strikeRef, volume: reading };
}
