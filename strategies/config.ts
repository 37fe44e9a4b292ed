import { Decimal, toDecimal, type DecimalInput } from './num';

/**
 * GammaScalper configuration. Seed values are the defaults ({@link DEFAULT_GAMMA_SCALPER_CONFIG});
 * every field can be set per user and strategy.
 */
export interface GammaScalperConfig {
  /** Upper-case ticker hedged with shares, e.g. "SPY"; the regime symbol read. */
  symbol: string;
  /**
   * Hedging threshold in a positive (or neutral) regime: the net delta tolerated per option contract
   * held, in units of 100 shares. Hedge when |net delta| > threshold × 100 × max(1, contracts held).
   */
  hedgeThresholdPositive: Decimal;
  /** Hedging threshold in a negative regime, same unit as {@link hedgeThresholdPositive}. */
  hedgeThresholdNegative: Decimal;
  /** Fraction of equity a hedge order may use as notional in a positive (or neutral) regime (0–1). */
  allocationPositive: Decimal;
  /** Fraction of equity a hedge order may use as notional in a negative regime (0–1). */
  allocationNegative: Decimal;
  /** Seconds between evaluations in a positive (or neutral) regime. */
  evaluationIntervalSecondsPositive: number;
  /** Seconds between evaluations in a negative regime (more often: the book's delta moves faster). */
  evaluationIntervalSecondsNegative: number;
  /** Largest |stock position| in the symbol an order may leave, whole shares. */
  maxPositionShares: Decimal;
  /** A negative regime is strong when its gex_strength is strictly above this, billions. */
  strongNegativeStrength: Decimal;
  /** Fraction cut from {@link maxPositionShares} in a strong negative regime (0.20 = 20%). */
  strongNegativePositionCut: Decimal;
  /** Largest notional of one order, USD. */
  maxOrderNotional: Decimal;
  /** Most orders a user may place per day (all strategies' orders the runner counted). */
  maxOrdersPerDay: number;
  /** During market hours, a regime document older than this (asOf − last_updated) is not used, seconds. */
  maxRegimeAgeSeconds: number;
  /** Continuously compounded risk-free rate for Black-Scholes (0.045 = 4.5%). */
  riskFreeRate: number;
  /** Continuously compounded dividend yield of the underlying for Black-Scholes. */
  dividendYield: number;
}

/** Seed values (threshold, allocation) and the project's defaults for the rest. */
export const DEFAULT_GAMMA_SCALPER_CONFIG: Readonly<GammaScalperConfig> = Object.freeze({
  symbol: 'SPY',
  hedgeThresholdPositive: new Decimal('0.15'),
  hedgeThresholdNegative: new Decimal('0.10'),
  allocationPositive: new Decimal('0.50'),
  allocationNegative: new Decimal('0.25'),
  evaluationIntervalSecondsPositive: 300,
  evaluationIntervalSecondsNegative: 60,
  maxPositionShares: new Decimal(1000),
  strongNegativeStrength: new Decimal('1.5'),
  strongNegativePositionCut: new Decimal('0.20'),
  maxOrderNotional: new Decimal(50_000),
  maxOrdersPerDay: 20,
  maxRegimeAgeSeconds: 180,
  riskFreeRate: 0.045,
  dividendYield: 0.013,
});

/** Overrides as a user or the runtime may hand them: decimals as strings, numbers or Decimals. */
export type GammaScalperConfigInput = {
  [K in keyof GammaScalperConfig]?: GammaScalperConfig[K] extends Decimal
    ? DecimalInput
    : GammaScalperConfig[K];
};

/** A configuration value out of its allowed range. */
export class StrategyConfigError extends Error {
  constructor(
    readonly field: keyof GammaScalperConfig,
    readonly reason: string,
  ) {
    super(`${field} ${reason}`);
    this.name = 'StrategyConfigError';
  }
}

type Range = { min: number; max: number; integer?: boolean };
const RANGES: Partial<Record<keyof GammaScalperConfig, Range>> = {
  hedgeThresholdPositive: { min: 0, max: 100 },
  hedgeThresholdNegative: { min: 0, max: 100 },
  allocationPositive: { min: 0, max: 1 },
  allocationNegative: { min: 0, max: 1 },
  evaluationIntervalSecondsPositive: { min: 1, max: 86_400, integer: true },
  evaluationIntervalSecondsNegative: { min: 1, max: 86_400, integer: true },
  maxPositionShares: { min: 0, max: 1e9, integer: true },
  strongNegativeStrength: { min: 0, max: 1e6 },
  strongNegativePositionCut: { min: 0, max: 1 },
  maxOrderNotional: { min: 0, max: 1e12 },
  maxOrdersPerDay: { min: 0, max: 10_000, integer: true },
  maxRegimeAgeSeconds: { min: 1, max: 86_400 },
  riskFreeRate: { min: -0.1, max: 1 },
  dividendYield: { min: -0.1, max: 1 },
};

function checkRange(field: keyof GammaScalperConfig, value: unknown): void {
  const range = RANGES[field];
  if (!range) return;
  if (typeof value !== 'number' && !(value instanceof Decimal))
    throw new StrategyConfigError(field, 'is not a number');
  const n = typeof value === 'number' ? new Decimal(Number.isFinite(value) ? value : NaN) : value;
  if (!n.isFinite()) throw new StrategyConfigError(field, 'is not a finite number');
  if (n.lt(range.min) || n.gt(range.max)) {
    throw new StrategyConfigError(field, `must be within [${range.min}, ${range.max}], got ${n.toString()}`);
  }
  if (range.integer && !n.isInteger()) throw new StrategyConfigError(field, 'must be a whole number');
}

/**
 * The seed defaults with `overrides` applied, every field range-checked; keys that are not
 * configuration fields are ignored.
 * @throws StrategyConfigError naming the first field out of range or not a number.
 */
export function resolveGammaScalperConfig(overrides: GammaScalperConfigInput = {}): GammaScalperConfig {
  const config: Record<string, unknown> = { ...DEFAULT_GAMMA_SCALPER_CONFIG };
  for (const [key, raw] of Object.entries(overrides)) {
    // Unknown keys (a stored document's other fields) are not configuration: leave them out.
    if (raw === undefined || !Object.hasOwn(DEFAULT_GAMMA_SCALPER_CONFIG, key)) continue;
    const field = key as keyof GammaScalperConfig;
    const isDecimal = DEFAULT_GAMMA_SCALPER_CONFIG[field] instanceof Decimal;
    config[field] = isDecimal ? parseField(field, raw) : raw;
  }
  const resolved = config as unknown as GammaScalperConfig;
  resolved.symbol = resolved.symbol.trim().toUpperCase();
  if (!/^[A-Z][A-Z0-9.]{0,9}$/.test(resolved.symbol))
    throw new StrategyConfigError('symbol', 'is not a ticker');
  for (const field of Object.keys(RANGES) as (keyof GammaScalperConfig)[]) checkRange(field, resolved[field]);
  return resolved;
}

function parseField(field: keyof GammaScalperConfig, raw: DecimalInput): Decimal {
  try {
    return toDecimal(raw, field);
  } catch {
    throw new StrategyConfigError(field, 'is not a finite number');
  }
}
