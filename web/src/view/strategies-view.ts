import type { ExecutionMode, ExecutionStatus } from '../../../functions/src/contract/strategy-document';
import type {
  DecisionLogEntry,
  ProposedOrder,
  RegimeSourceName,
  StrategyDocument,
} from '../../../functions/src/contract/strategy-state';
import type { Parsed } from '../model/parse-account';
import { formatTimeEt, formatUsd } from './format';

/** One past decision, as a line of the strategy's log. */
export interface DecisionLine {
  /** "10:31:02 ET". */
  time: string;
  /** "POSITIVE GEX (regime document)". */
  regime: string;
  /** "Buy 65 SPY" or "No orders". */
  orders: string;
  /** "Decisions only: mode off" etc. */
  execution: string;
}

/** One strategy's card. */
export interface StrategyView {
  id: string;
  title: string;
  enabled: boolean;
  mode: string;
  /** "Evaluated 10:31:02 ET", "Not run yet", or the runner's problem. */
  status: string;
  isProblem: boolean;
  figures: { key: string; label: string; value: string }[];
  decisions: DecisionLine[];
}

const MODES: Record<ExecutionMode, string> = {
  off: 'Off: decisions only, no orders',
  paper: 'Paper: orders on a paper account',
  live: 'Live: orders on a live account',
};

const SOURCES: Record<RegimeSourceName, string> = {
  document: 'regime document',
  override: 'override regime',
  last_good: 'last good regime',
  default: 'fallback: positive GEX',
};

const EXECUTIONS: Record<ExecutionStatus, string> = {
  decisions_only: 'Decision only (mode off)',
  killed: 'Stopped by a kill switch',
  no_orders: 'No orders needed',
  mode_mismatch: 'Not placed: mode does not match the account (paper/live)',
  no_credentials: 'Not placed: the credentials could not be read',
  placed: 'Orders placed',
  failed: 'An order failed',
};

/** `"Buy 65 SPY, Sell 3 QQQ"`, or `"No orders"`. */
export function describeOrders(orders: ProposedOrder[]): string {
  if (orders.length === 0) return 'No orders';
  return orders.map((o) => `${o.side === 'buy' ? 'Buy' : 'Sell'} ${o.qty} ${o.symbol}`).join(', ');
}

/** A stored decimal fraction as a percentage: `"0.50"` → `"50%"`, `"0.125"` → `"12.5%"`. */
export function formatFraction(value: string | undefined): string {
  if (value === undefined) return '—';
  const n = Number(value);
  return Number.isFinite(n) ? `${Number((n * 100).toFixed(2))}%` : '—';
}

function decisionLine(entry: DecisionLogEntry): DecisionLine {
  return {
    time: formatTimeEt(entry.evaluated_at),
    regime: `${entry.decision.gex_regime} GEX (${SOURCES[entry.decision.regime_source]})`,
    orders: describeOrders(entry.decision.orders),
    execution: `${EXECUTIONS[entry.execution.status]}${entry.execution.reason ? `: ${entry.execution.reason}` : ''}`,
  };
}

/**
 * Each strategy's card: configuration and the parameters in force (threshold, sizing,
 * multiplier, regime and its source), then its latest `perStrategy` decisions from the log
 * (newest first). Strategies sort by id; unreadable ones say why.
 */
export function buildStrategyViews(
  strategies: { id: string; doc: Parsed<StrategyDocument> }[],
  decisions: DecisionLogEntry[],
  perStrategy = 3,
): StrategyView[] {
  const newestFirst = [...decisions].sort((a, b) => b.evaluated_at.localeCompare(a.evaluated_at));
  return [...strategies]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(({ id, doc }) => {
      const lines = newestFirst
        .filter((d) => d.strategy_id === id)
        .slice(0, perStrategy)
        .map(decisionLine);
      if (!doc.ok)
        return {
          id,
          title: id,
          enabled: false,
          mode: '—',
          status: `Unreadable: ${doc.message}`,
          isProblem: true,
          figures: [],
          decisions: lines,
        };
      const s = doc.value;
      const state = s.state;
      const status =
        state === undefined
          ? 'Not run yet: it runs on the next regime change'
          : state.status === 'problem'
            ? `Problem: ${state.problem ?? 'unknown'}`
            : `Evaluated ${formatTimeEt(state.updated_at)}`;
      const regime = state?.gex_regime
        ? `${state.gex_regime} GEX (${state.regime_source ? SOURCES[state.regime_source] : '—'}${
            state.regime_as_of ? `, as of ${formatTimeEt(state.regime_as_of)}` : ''
          })`
        : '—';
      return {
        id,
        title: `${id} · GammaScalper ${s.symbol ?? 'SPY'}`,
        enabled: s.enabled,
        mode: s.enabled ? MODES[s.mode] : `Disabled (${s.mode})`,
        status,
        isProblem: state?.status === 'problem',
        figures: [
          { key: 'hedge_threshold', label: 'Hedge threshold in force', value: state?.hedge_threshold ?? '—' },
          {
            key: 'allocation',
            label: 'Sizing (allocation of equity)',
            value: formatFraction(state?.allocation),
          },
          {
            key: 'multiplier',
            label: 'Confidence multiplier',
            value: state?.multiplier ? `× ${state.multiplier}` : '—',
          },
          { key: 'regime', label: 'Regime used', value: regime },
          { key: 'net_delta', label: 'Net delta (shares)', value: state?.net_delta_shares ?? '—' },
          {
            key: 'max_order_notional',
            label: 'Max order notional',
            value: formatUsd(state?.max_order_notional),
          },
        ],
        decisions: lines,
      };
    });
}

/** The kill switch as the panel shows it (`undefined`: not loaded yet; no document: off). */
export function killSwitchView(on: boolean | undefined): { on: boolean; state: string; action: string } {
  if (on === undefined) return { on: false, state: 'Loading…', action: 'Turn kill switch on' };
  return on
    ? { on: true, state: 'ON: none of your strategies places orders', action: 'Turn kill switch off' }
    : {
        on: false,
        state: 'Off: strategies may place orders in paper or live mode',
        action: 'Turn kill switch on',
      };
}
