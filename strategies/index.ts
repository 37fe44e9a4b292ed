/**
 * GEX Pulse strategies: a pure library (plain data in, plain data out; no clock, no network, no
 * firebase). See strategies/README.md for units, the fallback chain and a worked example.
 */
export { evaluate, type EvaluateInput } from './evaluate';
export type { Decision, DecisionParams, ShareOrder } from './decision';
export type {
  AccountSnapshot,
  FallbackRegime,
  GexRegime,
  OptionPosition,
  Position,
  RegimeView,
  StockPosition,
  SymbolRegimeView,
} from './inputs';
export {
  DEFAULT_GAMMA_SCALPER_CONFIG,
  resolveGammaScalperConfig,
  StrategyConfigError,
  type GammaScalperConfig,
  type GammaScalperConfigInput,
} from './config';
export {
  gexConfidenceModifier,
  SEED_CONFIDENCE_TIERS,
  type ConfidenceModifier,
  type ConfidenceModifierInput,
  type ConfidenceTier,
} from './confidence-modifier';
export { resolveRegime, findSymbolRegime, type RegimeSource, type ResolvedRegime } from './resolve-regime';
export { parametersInForce, type ParametersInForce } from './parameters-in-force';
export { computeNetDelta, type NetDelta, type NetDeltaInput, type OptionDelta } from './net-delta';
export { hedgeNeed, THRESHOLD_UNIT_SHARES, type HedgeNeed } from './hedge-need';
export { sizeOrder, type OrderCaps, type SizedOrder } from './size-order';
export { Decimal, ZERO, toDecimal, type DecimalInput } from './num';
