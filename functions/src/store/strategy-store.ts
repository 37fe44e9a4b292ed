import { Timestamp, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { AccountSnapshotDocument } from '../contract/account-snapshot';
import { OrderOutcome, StrategyConfigFields, TradingSettings } from '../contract/strategy-document';
import { LastGoodRegimes } from '../contract/last-good-regime';
import { decisionId } from './strategy-ids';
import type {
  DecisionRecord,
  EvaluationSchedule,
  OrderLogEntry,
  RunnerStore,
  StoredStrategy,
} from './strategy-store-port';
import { listConnectedUids } from './connection-store';
import { toFirestoreData } from './firestore-safe';
import {
  decisionsPath,
  ordersPath,
  REGIME_DOC,
  snapshotPath,
  strategiesPath,
  tradingSettingsPath,
} from './paths';

/** `strategyEvents/{eventId}`: markers of handled regime events (server only; TTL `expire_at`). */
export const STRATEGY_EVENTS_COLLECTION = 'strategyEvents';
/** The runner's last good regime per symbol (server only). */
export const LAST_GOOD_DOC = 'serverState/strategy_last_good';
// Shared with the dashboard, which may import only paths.ts of store/.
export { decisionsPath, ordersPath, strategiesPath, tradingSettingsPath } from './paths';

/** How long an event marker is kept, ms. */
const EVENT_MARKER_TTL_MS = 86_400_000;
const ALREADY_EXISTS = 6;
const NOT_FOUND = 5;

function code(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

function parseStrategy(doc: DocumentSnapshot): StoredStrategy {
  const parsed = StrategyConfigFields.safeParse(doc.data());
  if (parsed.success) return { id: doc.id, config: parsed.data, schedule: scheduleOf(doc.get('state')) };
  const issue = parsed.error.issues[0];
  return {
    id: doc.id,
    config: null,
    problem: `configuration: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`,
  };
}

const StoredSchedule = z.object({ next_evaluation_as_of: z.string(), gex_regime: z.string() });

/** The schedule the last decision left in `state`; null when there is none (or it is unreadable). */
function scheduleOf(state: unknown): EvaluationSchedule | null {
  const parsed = StoredSchedule.safeParse(state);
  return parsed.success
    ? { nextAsOf: parsed.data.next_evaluation_as_of, gexRegime: parsed.data.gex_regime }
    : null;
}

/** {@link RunnerStore} on the admin Firestore; decision log entries live `retentionDays`. */
export function createStrategyStore(
  db: Firestore,
  options: { retentionDays: number; now: () => Date },
): RunnerStore {
  const orderRef = (uid: string, id: string) => db.collection(ordersPath(uid)).doc(id);
  const orderData = (entry: OrderLogEntry) =>
    toFirestoreData({
      ...entry.outcome,
      strategy_id: entry.strategyId,
      day: entry.day,
      regime_as_of: entry.regimeAsOf,
      updated_at: options.now().toISOString(),
    });
  return {
    claimEvent: async (eventId, asOf) => {
      const at = options.now();
      try {
        await db
          .collection(STRATEGY_EVENTS_COLLECTION)
          .doc(eventId)
          .create({
            as_of: asOf,
            created_at: at.toISOString(),
            expire_at: Timestamp.fromMillis(at.getTime() + EVENT_MARKER_TTL_MS),
          });
        return true;
      } catch (error) {
        if (code(error) === ALREADY_EXISTS) return false;
        throw error;
      }
    },
    readLastGood: async () => {
      const parsed = LastGoodRegimes.safeParse((await db.doc(LAST_GOOD_DOC).get()).get('symbols') ?? {});
      return parsed.success ? parsed.data : {};
    },
    saveLastGood: async (symbols) => {
      await db
        .doc(LAST_GOOD_DOC)
        .set(toFirestoreData({ symbols, updated_at: options.now().toISOString() }), { merge: true });
    },
    listConnectedUids: (afterUid, limit) => listConnectedUids(db, afterUid, limit),
    readRegime: async () => (await db.doc(REGIME_DOC).get()).data() ?? null,
    readUserInputs: async (uid) => {
      const [strategies, [snapshot, settings]] = await Promise.all([
        db.collection(strategiesPath(uid)).where('enabled', '==', true).get(),
        db.getAll(db.doc(snapshotPath(uid)), db.doc(tradingSettingsPath(uid))),
      ]);
      const snap = snapshot?.exists ? AccountSnapshotDocument.safeParse(snapshot.data()) : null;
      const kill = settings?.exists ? TradingSettings.safeParse(settings.data()) : null;
      return {
        strategies: strategies.docs.map(parseStrategy),
        snapshot: snap?.success ? snap.data : null,
        // An unreadable settings document stops orders: failing safe.
        killSwitch: kill === null ? false : kill.success ? kill.data.kill_switch : true,
      };
    },
    hasDecision: async (uid, strategyId, asOf) =>
      (await db.collection(decisionsPath(uid)).doc(decisionId(strategyId, asOf)).get()).exists,
    countOrders: async (uid, day) =>
      (await db.collection(ordersPath(uid)).where('day', '==', day).count().get()).data().count,
    readOrder: async (uid, id) => {
      const parsed = OrderOutcome.safeParse((await orderRef(uid, id).get()).data());
      return parsed.success ? parsed.data : null;
    },
    reserveOrder: async (entry) => {
      try {
        await orderRef(entry.uid, entry.outcome.client_order_id).create({
          ...orderData(entry),
          created_at: options.now().toISOString(),
        });
        return true;
      } catch (error) {
        if (code(error) === ALREADY_EXISTS) return false;
        throw error;
      }
    },
    finishOrder: async (entry) => {
      await orderRef(entry.uid, entry.outcome.client_order_id).set(orderData(entry), { merge: true });
    },
    recordDecision: (record) => recordDecision(db, record, options.retentionDays),
    recordProblem: async (uid, strategyId, problem, at) => {
      try {
        await db.collection(strategiesPath(uid)).doc(strategyId).update({
          'state.status': 'problem',
          'state.problem': problem,
          'state.updated_at': at,
        });
      } catch (error) {
        if (code(error) !== NOT_FOUND) throw error;
      }
    },
  };
}

/** The decision log entry (created once) and the strategy's state, in one batch. */
async function recordDecision(db: Firestore, record: DecisionRecord, retentionDays: number): Promise<void> {
  const { decision, execution } = record;
  const id = decisionId(record.strategyId, record.regimeEventAsOf);
  const at = Date.parse(record.evaluatedAt);
  const batch = db.batch();
  batch.create(
    db.collection(decisionsPath(record.uid)).doc(id),
    toFirestoreData({
      strategy_id: record.strategyId,
      regime_event_as_of: record.regimeEventAsOf,
      evaluated_at: record.evaluatedAt,
      decision,
      execution,
      expire_at: Timestamp.fromMillis(at + retentionDays * 86_400_000),
    }),
  );
  batch.update(
    db.collection(strategiesPath(record.uid)).doc(record.strategyId),
    'state',
    toFirestoreData({
      status: 'evaluated',
      problem: null,
      updated_at: record.evaluatedAt,
      regime_as_of: decision.regime_as_of,
      regime_source: decision.regime_source,
      gex_regime: decision.gex_regime,
      gex_strength: decision.gex_strength,
      multiplier: decision.multiplier,
      hedge_threshold: decision.params.hedge_threshold,
      allocation: decision.params.allocation,
      max_position_shares: decision.params.max_position_shares,
      max_order_notional: decision.params.max_order_notional,
      max_orders_per_day: decision.params.max_orders_per_day,
      net_delta_shares: decision.net_delta_shares,
      next_evaluation_as_of: record.schedule.nextAsOf,
      last_decision_id: id,
      last_decision: { ...decision, execution },
    }),
  );
  try {
    await batch.commit();
  } catch (error) {
    // Another run recorded this decision already (or the strategy was deleted meanwhile).
    if (code(error) !== ALREADY_EXISTS && code(error) !== NOT_FOUND) throw error;
  }
}
