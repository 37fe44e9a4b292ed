import { gexConfidenceModifier } from './confidence-modifier';
import { resolveGammaScalperConfig, type GammaScalperConfig, type GammaScalperConfigInput } from './config';
import type { Decision } from './decision';
import type { AccountSnapshot, FallbackRegime, Position, RegimeView } from './inputs';
import { computeNetDelta, type NetDelta } from './net-delta';
import { toFixedString, type Decimal } from './num';
import { parametersInForce, type ParametersInForce } from './parameters-in-force';
import { planHedge, type HedgePlan } from './plan-hedge';
import { resolveRegime, type ResolvedRegime } from './resolve-regime';

/** Input of {@link evaluate}. */
export interface EvaluateInput {
  /** The regime document, or null when it does not exist. */
  regime: RegimeView | null;
  account: AccountSnapshot;
  positions: readonly Position[];
  /** Overrides of the seed defaults; `{}` runs the seed. */
  config: GammaScalperConfigInput;
  /** Evaluation time, ISO-8601 (e.g. the trigger's event time); the library never reads a clock. */
  asOf: string;
  /** Orders the user placed today (all strategies), for the daily cap. */
  ordersToday: number;
  /** Whether the market is open now; defaults to the document's `market_open` (false without one). */
  marketOpen?: boolean;
  /** The operator's override regime, when set: the first fallback. */
  override?: FallbackRegime | null;
  /** The last good regime of the symbol the runner kept: the second fallback. */
  lastGood?: FallbackRegime | null;
}

/**
 * Evaluates the GammaScalper for one user: resolves the regime (document or fallback chain), the
 * parameters in force and the OptionsAgent multiplier, computes the book's net delta and, when it
 * exceeds the threshold, proposes the whole-share market order that brings it back to neutral,
 * trimmed to every cap. Deterministic: the same input gives the same decision.
 * @throws RangeError when `asOf` is not a readable time.
 * @throws StrategyConfigError when a configuration value is out of range.
 */
export function evaluate(input: EvaluateInput): Decision {
  const config = resolveGammaScalperConfig(input.config);
  const asOfMs = Date.parse(input.asOf);
  if (!Number.isFinite(asOfMs)) throw new RangeError(`asOf is not a time: "${input.asOf}"`);
  const marketOpen = input.marketOpen ?? input.regime?.marketOpen ?? false;
  const regime = resolveRegime({
    regime: input.regime,
    symbol: config.symbol,
    marketOpen,
    asOfMs,
    maxAgeSeconds: config.maxRegimeAgeSeconds,
    override: input.override ?? null,
    lastGood: input.lastGood ?? null,
  });
  const params = parametersInForce(config, regime);
  const reasons = [...regime.reasons];
  const spot = regime.spot ?? stockPrice(input.positions, config.symbol);
  if (!regime.spot && spot) reasons.push(`no spot in the ${regime.source} regime: using the stock's price`);
  let plan: HedgePlan | null = null;
  let delta: NetDelta | null = null;
  if (spot) {
    const { riskFreeRate, dividendYield, symbol } = config;
    delta = computeNetDelta({ positions: input.positions, symbol, spot, riskFreeRate, dividendYield });
    const { account, ordersToday } = input;
    plan = planHedge({
      config,
      params,
      delta,
      regimeSource: regime.source,
      spot,
      account,
      marketOpen,
      ordersToday,
    });
    reasons.push(...plan.reasons);
  } else reasons.push(`net delta not computed: no spot in the ${regime.source} regime, no stock price`);
  return toDecision({ input, config, regime, params, delta, plan, reasons });
}

/** The current price of the stock position in `symbol`, when held and usable. */
function stockPrice(positions: readonly Position[], symbol: string): Decimal | null {
  const held = positions.find((p) => p.kind === 'stock' && p.symbol.toUpperCase() === symbol);
  const price = held?.currentPrice;
  return price && price.isFinite() && price.gt(0) ? price : null;
}

interface DecisionParts {
  input: EvaluateInput;
  config: GammaScalperConfig;
  regime: ResolvedRegime;
  params: ParametersInForce;
  delta: NetDelta | null;
  plan: HedgePlan | null;
  reasons: string[];
}

/** The stored form: decimals as fixed strings. */
function toDecision({ input, config, regime, params, delta, plan, reasons }: DecisionParts): Decision {
  const modifier = gexConfidenceModifier({ symbol: config.symbol, ...regime });
  return {
    strategy: 'gamma_scalper',
    symbol: config.symbol,
    as_of: input.asOf,
    regime_source: regime.source,
    regime_as_of: regime.asOf,
    gex_regime: regime.gexRegime,
    gex_strength: toFixedString(regime.gexStrength, 6),
    total_gex_dollar: toFixedString(regime.totalGexDollar, 2),
    multiplier: toFixedString(modifier.multiplier, 2),
    log_line: modifier.logLine,
    params: {
      hedge_threshold: params.hedgeThreshold.toString(),
      allocation: params.allocation.toString(),
      evaluation_interval_seconds: params.evaluationIntervalSeconds,
      max_position_shares: params.maxPositionShares.toString(),
      max_order_notional: toFixedString(config.maxOrderNotional, 2),
      max_orders_per_day: config.maxOrdersPerDay,
    },
    net_delta_shares: delta ? toFixedString(delta.netDeltaShares, 4) : null,
    hedge_limit_shares: plan ? toFixedString(plan.limitShares, 4) : null,
    orders: plan?.orders ?? [],
    reasons,
  };
}
