import { newYorkWallClock } from '../calendar/new-york-time';
import type { StrategyConfigFields } from '../contract/strategy-document';
import { evaluate, StrategyConfigError, type FallbackRegime, type RegimeView } from '../../../strategies';
import { executeDecision, gateExecution } from './execute-decision';
import type { LastGoodRegimes } from '../contract/last-good-regime';
import { toFallbackRegime } from './fallback-regime';
import type { OrderAccess, RunnerDeps, UserInputs } from './ports';
import { toAccountSnapshot, toConfigInput, toPositions } from './to-library-inputs';

/** The regime every user of one run is evaluated against. */
export interface RegimeContext {
  /** `as_of` of the regime write being handled. */
  eventAsOf: string;
  /** The document as the library's view; null when it is missing or unreadable. */
  view: RegimeView | null;
  lastGood: LastGoodRegimes;
  override: FallbackRegime | null;
}

/** What one user's run did. */
export interface UserReport {
  decisions: number;
  /** Strategies already decided for this regime (a repeated run). */
  repeated: number;
  problems: number;
  ordersPlaced: number;
}

/**
 * Evaluates one user's enabled strategies against the regime and their latest snapshot, places
 * the orders the gates allow, and records each decision (log entry and strategy state). A strategy
 * already decided for this regime `as_of` is left alone. Never throws for a problem of this user's
 * data; Firestore failures propagate (the page's task is retried).
 */
export async function runUser(deps: RunnerDeps, uid: string, regime: RegimeContext): Promise<UserReport> {
  const report: UserReport = { decisions: 0, repeated: 0, problems: 0, ordersPlaced: 0 };
  const inputs = await deps.store.readUserInputs(uid);
  let access: Promise<OrderAccess> | undefined;
  const lazyAccess = () => (access ??= deps.orderAccess(uid));
  for (const strategy of inputs.strategies) {
    const at = deps.now();
    if (strategy.config === null) {
      await deps.store.recordProblem(uid, strategy.id, strategy.problem, at.toISOString());
      report.problems += 1;
      continue;
    }
    if (await deps.store.hasDecision(uid, strategy.id, regime.eventAsOf)) {
      report.repeated += 1;
      continue;
    }
    const problem = await decideOne({
      deps,
      uid,
      strategyId: strategy.id,
      config: strategy.config,
      inputs,
      regime,
      at,
      access: lazyAccess,
      report,
    });
    if (problem) {
      await deps.store.recordProblem(uid, strategy.id, problem, at.toISOString());
      report.problems += 1;
    }
  }
  return report;
}

async function decideOne(input: {
  deps: RunnerDeps;
  uid: string;
  strategyId: string;
  config: StrategyConfigFields;
  inputs: UserInputs;
  regime: RegimeContext;
  at: Date;
  access: () => Promise<OrderAccess>;
  report: UserReport;
}): Promise<string | null> {
  const { deps, uid, strategyId, config, inputs, regime, at } = input;
  const account = inputs.snapshot?.account;
  if (!account) return 'no account snapshot yet: waiting for the first sync';
  const mapped = toPositions(inputs.snapshot?.positions ?? [], at.getTime());
  const day = newYorkWallClock(at.getTime()).date;
  const configInput = toConfigInput(config);
  const symbol = (config.symbol ?? 'SPY').toUpperCase();
  const kept = regime.lastGood[symbol];
  let decision;
  try {
    decision = evaluate({
      regime: regime.view,
      account: toAccountSnapshot(account),
      positions: mapped.positions,
      config: configInput,
      asOf: at.toISOString(),
      ordersToday: await deps.store.countOrders(uid, day),
      override: regime.override,
      lastGood: kept ? toFallbackRegime(kept) : null,
    });
  } catch (error) {
    if (error instanceof StrategyConfigError) return `configuration: ${error.message}`;
    throw error;
  }
  decision.reasons.push(...mapped.skipped);
  const killSwitches = { user: inputs.killSwitch, global: deps.config.globalKillSwitch };
  const gate = gateExecution({
    mode: config.mode,
    decision,
    globalKillSwitch: killSwitches.global,
    userKillSwitch: killSwitches.user,
  });
  const execution = await executeDecision({
    store: deps.store,
    access: input.access,
    uid,
    strategyId,
    mode: config.mode,
    decision,
    gate,
    killSwitches,
    day,
  });
  await deps.store.recordDecision({
    uid,
    strategyId,
    regimeEventAsOf: regime.eventAsOf,
    decision,
    execution,
    evaluatedAt: at.toISOString(),
  });
  input.report.decisions += 1;
  input.report.ordersPlaced += execution.orders.filter((o) => o.result === 'placed').length;
  return null;
}
