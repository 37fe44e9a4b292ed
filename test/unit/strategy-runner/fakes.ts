import type { AccountSnapshotDocument } from '../../../functions/src/contract/account-snapshot';
import type { LastGoodRegimes } from '../../../functions/src/contract/last-good-regime';
import type { OrderOutcome, StrategyConfigFields } from '../../../functions/src/contract/strategy-document';
import { AlpacaApiError } from '../../../functions/src/market/alpaca-api-error';
import { decisionId } from '../../../functions/src/store/strategy-ids';
import type {
  DecisionRecord,
  OrderLogEntry,
  PageTask,
  RunnerDeps,
  RunnerStore,
  UserInputs,
} from '../../../functions/src/strategy-runner/ports';
import type { OrderClient } from '../../../functions/src/trading/order-client';
import type { OrderSubmission, RawOrder } from '../../../functions/src/trading/order-wire';

/** In-memory runner store (unit tests only). */
export class MemoryRunnerStore implements RunnerStore {
  events = new Set<string>();
  lastGood: LastGoodRegimes = {};
  users = new Map<string, UserInputs>();
  regime: unknown = null;
  decisions = new Map<string, DecisionRecord>();
  orders = new Map<string, OrderLogEntry>();
  problems: { uid: string; strategyId: string; problem: string }[] = [];

  addUser(uid: string, input: Partial<UserInputs> & { config?: Partial<StrategyConfigFields> }): void {
    const config: StrategyConfigFields = {
      enabled: true,
      mode: 'off',
      kind: 'gamma_scalper',
      ...input.config,
    };
    this.users.set(uid, {
      strategies: input.strategies ?? [{ id: 'hedge', config }],
      snapshot: input.snapshot === undefined ? snapshot() : input.snapshot,
      killSwitch: input.killSwitch ?? false,
    });
  }

  claimEvent(eventId: string): Promise<boolean> {
    if (this.events.has(eventId)) return Promise.resolve(false);
    this.events.add(eventId);
    return Promise.resolve(true);
  }
  readLastGood = () => Promise.resolve(this.lastGood);
  saveLastGood(symbols: LastGoodRegimes): Promise<void> {
    this.lastGood = { ...this.lastGood, ...symbols };
    return Promise.resolve();
  }
  listConnectedUids(after: string | null, limit: number): Promise<string[]> {
    const all = [...this.users.keys()].sort();
    return Promise.resolve(all.filter((u) => after === null || u > after).slice(0, limit));
  }
  readRegime = () => Promise.resolve(this.regime);
  readUserInputs(uid: string): Promise<UserInputs> {
    const user = this.users.get(uid);
    if (!user) throw new Error(`no user ${uid}`);
    return Promise.resolve(user);
  }
  hasDecision = (uid: string, id: string, asOf: string) =>
    Promise.resolve(this.decisions.has(`${uid}/${decisionId(id, asOf)}`));
  countOrders = (uid: string, day: string) =>
    Promise.resolve([...this.orders.values()].filter((o) => o.uid === uid && o.day === day).length);
  readOrder = (uid: string, id: string) => Promise.resolve(this.orders.get(`${uid}/${id}`)?.outcome ?? null);
  reserveOrder(entry: OrderLogEntry): Promise<boolean> {
    const key = `${entry.uid}/${entry.outcome.client_order_id}`;
    if (this.orders.has(key)) return Promise.resolve(false);
    this.orders.set(key, entry);
    return Promise.resolve(true);
  }
  finishOrder(entry: OrderLogEntry): Promise<void> {
    this.orders.set(`${entry.uid}/${entry.outcome.client_order_id}`, entry);
    return Promise.resolve();
  }
  recordDecision(record: DecisionRecord): Promise<void> {
    this.decisions.set(`${record.uid}/${decisionId(record.strategyId, record.regimeEventAsOf)}`, record);
    return Promise.resolve();
  }
  recordProblem(uid: string, strategyId: string, problem: string): Promise<void> {
    this.problems.push({ uid, strategyId, problem });
    return Promise.resolve();
  }
}

/** A synced snapshot: $100k paper account holding `shares` SPY at 450. */
export function snapshot(shares = -1000): AccountSnapshotDocument {
  return {
    account: {
      status: 'ACTIVE',
      currency: 'USD',
      equity: '100000.00',
      cash: '100000.00',
      buying_power: '200000.00',
      options_buying_power: '100000.00',
      long_market_value: '0.00',
      short_market_value: '0.00',
      trading_blocked: false,
      account_blocked: false,
      options_trading_level: 3,
    },
    positions: [
      {
        symbol: 'SPY',
        asset_class: 'us_equity',
        qty: String(shares),
        side: shares < 0 ? 'short' : 'long',
        avg_entry_price: '450.00',
        market_value: String(shares * 450),
        cost_basis: String(shares * 450),
        unrealized_pl: '0.00',
        current_price: '450.00',
        option: null,
      },
    ],
    sync_error: null,
    sync_error_kind: null,
  };
}

/** A scripted Alpaca order client: each submit runs the next step (default: accept). */
export class FakeOrderClient implements OrderClient {
  placed = new Map<string, RawOrder>();
  submits = 0;
  lookups = 0;
  constructor(public steps: ('accept' | 'drop' | 'timeout' | '500' | '403')[] = []) {}

  submitOrder(order: OrderSubmission): Promise<RawOrder> {
    this.submits += 1;
    const step = this.steps.shift() ?? 'accept';
    if (this.placed.has(order.client_order_id))
      return Promise.reject(http(422, 'client_order_id must be unique'));
    if (step === 'timeout')
      return Promise.reject(new AlpacaApiError('/v2/orders', 'timeout', null, 'timed out'));
    if (step === '500') return Promise.reject(http(500, 'internal'));
    if (step === '403') return Promise.reject(new AlpacaApiError('/v2/orders', 'auth', 403, 'forbidden'));
    const raw: RawOrder = {
      id: `o-${this.placed.size + 1}`,
      client_order_id: order.client_order_id,
      symbol: order.symbol,
      side: order.side,
      type: 'market',
      time_in_force: 'day',
      qty: order.qty,
      filled_qty: order.qty,
      filled_avg_price: '450.00',
      status: 'filled',
      created_at: '2025-05-16T14:00:00Z',
    };
    this.placed.set(order.client_order_id, raw);
    if (step === 'drop')
      return Promise.reject(new AlpacaApiError('/v2/orders', 'network', null, 'socket hang up'));
    return Promise.resolve(raw);
  }
  orderByClientOrderId(id: string): Promise<RawOrder> {
    this.lookups += 1;
    const found = this.placed.get(id);
    return found ? Promise.resolve(found) : Promise.reject(http(404, 'order not found'));
  }
  listOrders = () => Promise.resolve([...this.placed.values()]);
}

function http(status: number, message: string): AlpacaApiError {
  return new AlpacaApiError('/v2/orders', 'http', status, `/v2/orders: failed (${status}): ${message}`);
}

/** Runner deps around a memory store; every user's account is paper with `client`. */
export function memoryDeps(
  store: MemoryRunnerStore,
  options: {
    client?: FakeOrderClient;
    now?: string;
    pageSize?: number;
    globalKill?: boolean;
    override?: string;
  } = {},
): RunnerDeps & { enqueued: { id: string; task: PageTask }[]; lines: string[] } {
  const enqueued: { id: string; task: PageTask }[] = [];
  const seen = new Set<string>();
  const lines: string[] = [];
  const client = options.client ?? new FakeOrderClient();
  const line = (message: string) => void lines.push(message);
  return {
    store,
    orderAccess: () => Promise.resolve({ client, paper: true }),
    enqueuePage: (id, task) => {
      if (seen.has(id)) return Promise.resolve('exists');
      seen.add(id);
      enqueued.push({ id, task });
      return Promise.resolve('enqueued');
    },
    now: () => new Date(options.now ?? '2025-05-16T14:00:10.000Z'),
    log: { info: line, warn: line, error: line },
    config: {
      pageSize: options.pageSize ?? 100,
      concurrency: 4,
      globalKillSwitch: options.globalKill ?? false,
      overrideRegime: options.override ?? 'none',
    },
    enqueued,
    lines,
  };
}

export type { OrderOutcome };
