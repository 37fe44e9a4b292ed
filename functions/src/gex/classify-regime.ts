import type { GexRegime, VolatilityBias } from '../contract/regime';
import { Decimal } from '../num/decimal';

const BILLION = new Decimal(1_000_000_000);

/** How the net GEX reads. */
export interface RegimeClass {
  /** "Bullish" when net > 0, "Bearish" when < 0, "Neutral" at 0. */
  volatilityBias: VolatilityBias;
  /** "POSITIVE" / "NEGATIVE" / "NEUTRAL" by the same sign. */
  gexRegime: GexRegime;
  /** |net| in billions of USD per $1 move, six decimals. */
  gexStrength: string;
}

/**
 * Classifies net GEX (USD per $1 move). The sign is read on the value rounded to cents, so a
 * net that prints as "0.00" is Neutral rather than a sub-cent Bullish.
 */
export function classifyRegime(netGexPerDollar: Decimal): RegimeClass {
  const cents = netGexPerDollar.toDecimalPlaces(2);
  const strength = cents.abs().dividedBy(BILLION).toFixed(6);
  if (cents.isZero()) return { volatilityBias: 'Neutral', gexRegime: 'NEUTRAL', gexStrength: strength };
  return cents.isPositive()
    ? { volatilityBias: 'Bullish', gexRegime: 'POSITIVE', gexStrength: strength }
    : { volatilityBias: 'Bearish', gexRegime: 'NEGATIVE', gexStrength: strength };
}
