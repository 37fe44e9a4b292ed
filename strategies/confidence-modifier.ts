import type { GexRegime } from './inputs';
import { Decimal, toFixedString } from './num';

/** A strength tier: strictly above `aboveBillions`, confidence is multiplied by `multiplier`. */
export interface ConfidenceTier {
  /** gex_strength threshold, billions of USD per $1 move (exclusive). */
  aboveBillions: Decimal;
  multiplier: Decimal;
}

/**
 * The seed's OptionsAgent tiers, strongest first. Positive GEX pins prices (dealers long gamma damp
 * moves): confidence shrinks. Negative GEX (dealers short gamma amplify moves): confidence grows.
 */
export const SEED_CONFIDENCE_TIERS: Readonly<Record<'POSITIVE' | 'NEGATIVE', readonly ConfidenceTier[]>> = {
  POSITIVE: [
    { aboveBillions: new Decimal('1.5'), multiplier: new Decimal('0.75') },
    { aboveBillions: new Decimal('0.5'), multiplier: new Decimal('0.90') },
  ],
  NEGATIVE: [
    { aboveBillions: new Decimal('1.5'), multiplier: new Decimal('1.20') },
    { aboveBillions: new Decimal('0.5'), multiplier: new Decimal('1.10') },
  ],
};

/** Input of {@link gexConfidenceModifier}. */
export interface ConfidenceModifierInput {
  /** Upper-case ticker, for the log line. */
  symbol: string;
  gexRegime: GexRegime;
  /** |net GEX| in billions of USD per $1 move (>= 0). */
  gexStrength: Decimal;
  /** Tiers to use instead of {@link SEED_CONFIDENCE_TIERS}. */
  tiers?: Readonly<Record<'POSITIVE' | 'NEGATIVE', readonly ConfidenceTier[]>>;
}

/** The soft modifier's result: a factor on a signal's confidence (never a rejection) and its log line. */
export interface ConfidenceModifier {
  /** Factor on confidence (> 0); 1 when no tier applies. */
  multiplier: Decimal;
  /** E.g. `[GEX PINNING] SPY gex_strength 1.80B: confidence × 0.75`. */
  logLine: string;
}

const TAGS = { POSITIVE: 'GEX PINNING', NEGATIVE: 'GEX SHORT-GAMMA BOOST' } as const;

/**
 * OptionsAgent's soft GEX modifier: the first tier whose threshold the strength is strictly above
 * (1.5 exactly falls to the next tier). A neutral regime, a strength at or below every tier or a
 * non-finite strength leaves confidence × 1.00, logged as `[GEX NO ADJUSTMENT] SPY POSITIVE …`.
 */
export function gexConfidenceModifier(input: ConfidenceModifierInput): ConfidenceModifier {
  const { symbol, gexRegime, gexStrength } = input;
  const strength = gexStrength.isFinite() ? gexStrength : new Decimal(0);
  const shown = `gex_strength ${toFixedString(strength, 2)}B`;
  if (gexRegime !== 'NEUTRAL') {
    const tier = (input.tiers ?? SEED_CONFIDENCE_TIERS)[gexRegime].find((t) => strength.gt(t.aboveBillions));
    if (tier) {
      const logLine = `[${TAGS[gexRegime]}] ${symbol} ${shown}: confidence × ${toFixedString(tier.multiplier, 2)}`;
      return { multiplier: tier.multiplier, logLine };
    }
  }
  return {
    multiplier: new Decimal(1),
    logLine: `[GEX NO ADJUSTMENT] ${symbol} ${gexRegime} ${shown}: confidence × 1.00`,
  };
}
