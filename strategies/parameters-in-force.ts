import type { GammaScalperConfig } from './config';
import type { GexRegime } from './inputs';
import { Decimal } from './num';

/** The GammaScalper's parameters for one regime. */
export interface ParametersInForce {
  /** Net delta tolerated per option contract held, in units of 100 shares (see the README). */
  hedgeThreshold: Decimal;
  /** Fraction of equity a hedge order may use as notional (0–1). */
  allocation: Decimal;
  /** Seconds until the next evaluation. */
  evaluationIntervalSeconds: number;
  /** Largest |stock position| an order may leave, whole shares (after any strong-negative cut). */
  maxPositionShares: Decimal;
  /** True in a negative regime with gex_strength strictly above the configured strong level. */
  strongNegative: boolean;
}

/**
 * Parameters for a regime: the negative-regime values when net GEX is negative, the positive ones
 * otherwise (a neutral regime counts as positive, the seed's default assumption). In a strong
 * negative regime the max position shrinks by `strongNegativePositionCut`, rounded down to a share.
 */
export function parametersInForce(
  config: GammaScalperConfig,
  regime: { gexRegime: GexRegime; gexStrength: Decimal },
): ParametersInForce {
  const negative = regime.gexRegime === 'NEGATIVE';
  const strongNegative = negative && regime.gexStrength.gt(config.strongNegativeStrength);
  const maxPositionShares = strongNegative
    ? config.maxPositionShares.times(new Decimal(1).minus(config.strongNegativePositionCut)).floor()
    : config.maxPositionShares;
  return {
    hedgeThreshold: negative ? config.hedgeThresholdNegative : config.hedgeThresholdPositive,
    allocation: negative ? config.allocationNegative : config.allocationPositive,
    evaluationIntervalSeconds: negative
      ? config.evaluationIntervalSecondsNegative
      : config.evaluationIntervalSecondsPositive,
    maxPositionShares,
    strongNegative,
  };
}
