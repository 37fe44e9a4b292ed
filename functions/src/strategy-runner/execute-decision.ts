import type { Execution, ExecutionMode, ExecutionStatus, OrderOutcome } from '../contract/strategy-document';
import type { Decision } from '../../../strategies';
import { deriveClientOrderId } from './client-order-id';
import type { OrderAccess, RunnerStore } from './ports';
import { submitOrderOnce } from './submit-order';

/** Whether a decision's orders may go out, and if not, why (pure). */
export interface ExecutionGate {
  proceed: boolean;
  status: ExecutionStatus;
  reason: string;
}

/**
 * The runtime's gates in front of Alpaca, after the library's own (market open, document regime,
 * account state, caps): the global kill switch, the user's kill switch, the mode, and whether
 * anything was proposed at all.
 */
export function gateExecution(input: {
  mode: ExecutionMode;
  decision: Decision;
  globalKillSwitch: boolean;
  userKillSwitch: boolean;
}): ExecutionGate {
  const proposed = input.decision.orders.length;
  const what = proposed === 0 ? 'no order proposed' : `${proposed} order(s) proposed, not placed`;
  if (input.globalKillSwitch)
    return {
      proceed: false,
      status: 'killed',
      reason: `global kill switch (STRATEGIES_KILL_SWITCH) is on: ${what}`,
    };
  if (input.userKillSwitch)
    return { proceed: false, status: 'killed', reason: `the user's kill switch is on: ${what}` };
  if (input.mode === 'off') return { proceed: false, status: 'decisions_only', reason: `mode off: ${what}` };
  if (proposed === 0) return { proceed: false, status: 'no_orders', reason: 'no order proposed' };
  return { proceed: true, status: 'placed', reason: `${proposed} order(s) for the ${input.mode} account` };
}

/**
 * Places a decision's orders when the gate allows, each under its deterministic client order id:
 * the order log entry is reserved first (so a concurrent or repeated run finds it), an entry
 * already settled is not submitted again, and one left unsettled is looked up at Alpaca first.
 */
export async function executeDecision(input: {
  store: RunnerStore;
  access: () => Promise<OrderAccess>;
  uid: string;
  strategyId: string;
  mode: ExecutionMode;
  decision: Decision;
  gate: ExecutionGate;
  killSwitches: { user: boolean; global: boolean };
  day: string;
}): Promise<Execution> {
  const { store, uid, strategyId, mode, decision, gate } = input;
  const base = {
    mode,
    kill_switch_user: input.killSwitches.user,
    kill_switch_global: input.killSwitches.global,
  };
  if (!gate.proceed) return { ...base, status: gate.status, reason: gate.reason, orders: [] };
  const access = await input.access();
  if (!access)
    return { ...base, status: 'no_credentials', reason: 'the credentials could not be read', orders: [] };
  if (access.paper !== (mode === 'paper')) {
    const account = access.paper ? 'paper' : 'live';
    return {
      ...base,
      status: 'mode_mismatch',
      reason: `mode ${mode} on a ${account} account: no order`,
      orders: [],
    };
  }
  const regimeAsOf = decision.regime_as_of ?? decision.as_of;
  const outcomes: OrderOutcome[] = [];
  for (const [index, proposed] of decision.orders.entries()) {
    const clientOrderId = deriveClientOrderId({ uid, strategyId, regimeAsOf, index });
    const order = { ...proposed, client_order_id: clientOrderId };
    const pending: OrderOutcome = {
      client_order_id: clientOrderId,
      symbol: order.symbol,
      side: order.side,
      qty: order.qty,
      result: 'unknown',
      alpaca_order_id: null,
      alpaca_status: null,
      error: 'submitting',
    };
    const entry = { uid, strategyId, day: input.day, regimeAsOf, outcome: pending };
    const fresh = await store.reserveOrder(entry);
    const logged = fresh ? null : await store.readOrder(uid, clientOrderId);
    if (logged && (logged.result === 'placed' || logged.result === 'existing')) {
      outcomes.push({ ...logged, result: 'existing' });
      continue;
    }
    const result = await submitOrderOnce({ client: access.client, order, lookUpFirst: !fresh });
    await store.finishOrder({ ...entry, outcome: result });
    outcomes.push(result);
  }
  const ok = outcomes.every((o) => o.result === 'placed' || o.result === 'existing');
  const reason = ok
    ? gate.reason
    : outcomes.map((o) => `${o.client_order_id}: ${o.error ?? o.result}`).join('; ');
  return { ...base, status: ok ? 'placed' : 'failed', reason, orders: outcomes };
}
