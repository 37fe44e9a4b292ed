import type { RunnerStore } from '../store/strategy-store-port';
import type { OrderClient } from '../trading/order-client';

export type {
  DecisionRecord,
  OrderLogEntry,
  RunnerStore,
  StoredStrategy,
  UserInputs,
} from '../store/strategy-store-port';

/** A user's credentials turned into an order client, with whether the account is paper. */
export type OrderAccess = { client: OrderClient; paper: boolean } | null;

/** Log lines of the runner (firebase-functions' logger in production). */
export interface RunnerLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Settings of the runner, from params. */
export interface RunnerConfig {
  /** Users per page (one task each when more than one page). */
  pageSize: number;
  /** Users evaluated at once inside one page. */
  concurrency: number;
  /** The global kill switch (STRATEGIES_KILL_SWITCH). */
  globalKillSwitch: boolean;
  /** The operator's override regime (STRATEGIES_OVERRIDE_REGIME), unparsed. */
  overrideRegime: string;
}

/** The page task a fan-out enqueues. */
export interface PageTask {
  /** The regime `as_of` the page evaluates. */
  as_of: string;
  uids: string[];
}

/** Everything the runner needs, handed in by app/. */
export interface RunnerDeps {
  store: RunnerStore;
  /** The user's order client from their decrypted credentials; null when they cannot be read. */
  orderAccess(uid: string): Promise<OrderAccess>;
  /** Enqueues a page task under `id`; 'exists' when that id was already enqueued. */
  enqueuePage(id: string, task: PageTask): Promise<'enqueued' | 'exists'>;
  now(): Date;
  log: RunnerLog;
  config: RunnerConfig;
}
