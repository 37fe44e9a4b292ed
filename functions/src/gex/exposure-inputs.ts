import { Decimal, exceeds, parseDecimal, ZERO } from '../num/decimal';
import { blackScholesDeltaGreeks } from '../../../pricing/black-scholes';
import { parseModelNumber, type PricingContext } from './resolve-gamma';
import type { ContractInput, OptionSide, RawNumber } from './types';

/**
 * What a contract brings to the exposures beyond its gamma: today's volume (Decimal, it weighs
 * money like open interest) and the greeks of its delta (delta, vanna, charm). Resolved once per
 * contract, when the chain is normalized.
 */

/** Largest volume taken as data (contracts); a bigger or fractional figure is a broken feed. */
export const MAX_VOLUME = 1_000_000_000;

const MAX_VOLUME_DECIMAL = new Decimal(MAX_VOLUME);

/** A contract's session volume, and whether it was there: no bar and a broken figure both count as 0. */
export interface VolumeReading {
  /** Contracts traded in the session so far, ≥ 0 (0 when missing or invalid). */
  volume: Decimal;
  state: 'ok' | 'missing' | 'invalid';
}

const NO_VOLUME: VolumeReading = Object.freeze({ volume: ZERO, state: 'ok' });
const MISSING_VOLUME: VolumeReading = Object.freeze({ volume: ZERO, state: 'missing' });
const INVALID_VOLUME: VolumeReading = Object.freeze({ volume: ZERO, state: 'invalid' });

/** Reads a raw volume: missing/empty → 0 (`missing`), non-numeric, negative, fractional or absurd → 0 (`invalid`). */
export function readVolume(raw: RawNumber): VolumeReading {
  // Most listed contracts trade nothing on a given day: skip building a Decimal for them.
  if (raw === 0 || raw === '0') return NO_VOLUME;
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
    return MISSING_VOLUME;
  }
  const volume = parseDecimal(raw);
  if (!volume || volume.isNegative() || !volume.isInteger() || exceeds(volume, MAX_VOLUME_DECIMAL)) {
    return INVALID_VOLUME;
  }
  return { volume, state: 'ok' };
}

/**
 * Per-share greeks of a contract's delta (holder's view, before the dealer sign), float64 model
 * values like the zero-gamma sweep's; null when neither the provider nor the model (no volatility)
 * gives one.
 */
export interface ExposureGreeks {
  /** ∂price/∂S: calls 0…1, puts −1…0. */
  delta: number | null;
  /** ∂Δ/∂σ per 1.00 of volatility. */
  vanna: number | null;
  /** −∂Δ/∂T: change of delta per year as time passes. */
  charm: number | null;
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

/**
 * Delta, vanna and charm of one contract: the provider's where given (and finite), Black-Scholes
 * from `volatility` otherwise.
 */
export function resolveExposureGreeks(
  contract: Pick<ContractInput, 'delta' | 'vanna' | 'charm'>,
  side: OptionSide,
  pricing: PricingContext,
  volatility: number | null,
): ExposureGreeks {
  let delta = parseModelNumber(contract.delta);
  let vanna = parseModelNumber(contract.vanna);
  let charm = parseModelNumber(contract.charm);
  if (volatility !== null && (delta === null || vanna === null || charm === null)) {
    // An object literal of known shape: cheaper than a spread while the code is still cold.
    const { spot, strike, years, rate, dividendYield } = pricing;
    const model = blackScholesDeltaGreeks({ spot, strike, years, volatility, rate, dividendYield }, side);
    delta ??= finiteOrNull(model.delta);
    vanna ??= finiteOrNull(model.vanna);
    charm ??= finiteOrNull(model.charm);
  }
  return { delta, vanna, charm };
}
