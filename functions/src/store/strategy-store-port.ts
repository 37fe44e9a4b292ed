import type { AccountSnapshotDocument } from '../contract/account-snapshot';
import type { LastGoodRegimes } from '../contract/last-good-regime';
import type { Execution, OrderOutcome, StrategyConfigFields } from '../contract/strategy-document';
import type { Decision } from '../../../strategies';

/** A user's stored strategy: its id and parsed configuration, or why it could not be parsed. */
export type StoredStrategy =
  { id: string; config: StrategyConfigFields } | { id: string; config: null; problem: string };

/** What the runner reads about one user in one go. */
export interface UserInputs {
  /** Enabled strategies (configuration parsed with the contract's schema). */
  strategies: StoredStrategy[];
  /** The synced snapshot, null when there is none yet. */
  snapshot: AccountSnapshotDocument | null;
  /** The user's kill switch. */
  killSwitch: boolean;
}

/** One decision as the runner records it (the decision log entry and the strategy's state). */
export interface DecisionRecord {
  uid: string;
  strategyId: string;
  /** `as_of` of the regime write that caused it (the log entry's id derives from it). */
  regimeEventAsOf: string;
  decision: Decision;
  execution: Execution;
  /** ISO time of the evaluation. */
  evaluatedAt: string;
}

/** The order log entry of one submission. */
export interface OrderLogEntry {
  uid: string;
  strategyId: string;
  /** New York trading date the order counts against (the daily cap). */
  day: string;
  regimeAsOf: string;
  outcome: OrderOutcome;
}

/** Firestore as the runner sees it. */
export interface RunnerStore {
  /** Creates the event marker; false when it already existed (a re-delivered event). */
  claimEvent(eventId: string, asOf: string): Promise<boolean>;
  readLastGood(): Promise<LastGoodRegimes>;
  /** Merges fresh symbols into the kept last good regimes. */
  saveLastGood(symbols: LastGoodRegimes): Promise<void>;
  /** A page of connected users' uids, ordered by uid. */
  listConnectedUids(afterUid: string | null, limit: number): Promise<string[]>;
  /** The raw regime document (null when absent). */
  readRegime(): Promise<unknown>;
  readUserInputs(uid: string): Promise<UserInputs>;
  /** Whether the decision for this strategy and regime `as_of` is already recorded. */
  hasDecision(uid: string, strategyId: string, regimeEventAsOf: string): Promise<boolean>;
  /** Orders in the order log for that New York date (every strategy). */
  countOrders(uid: string, day: string): Promise<number>;
  /** The order log entry for a client order id, null when none. */
  readOrder(uid: string, clientOrderId: string): Promise<OrderOutcome | null>;
  /** Creates the order log entry before submitting; false when it already exists. */
  reserveOrder(entry: OrderLogEntry): Promise<boolean>;
  /** Records the outcome on the order log entry. */
  finishOrder(entry: OrderLogEntry): Promise<void>;
  /** Appends the decision log entry and updates the strategy's state, in one batch. */
  recordDecision(record: DecisionRecord): Promise<void>;
  /** Marks the strategy's state when it could not be evaluated (no snapshot, bad configuration). */
  recordProblem(uid: string, strategyId: string, problem: string, at: string): Promise<void>;
}
