import type { Firestore } from 'firebase-admin/firestore';
import { getFunctions } from 'firebase-admin/functions';
import * as logger from 'firebase-functions/logger';
import { decryptCredentials } from '../accounts/credential-cipher';
import type { MasterKeyring } from '../accounts/master-keyring';
import { normalizeHost } from '../market/alpaca-config';
import { createConnectionStore } from '../store/connection-store';
import { getDb } from '../store/firestore-db';
import { createStrategyStore } from '../store/strategy-store';
import {
  handleRegimeWrite,
  type RegimeWriteEvent,
  type RegimeWriteReport,
} from '../strategy-runner/on-regime-write';
import type { OrderAccess, PageTask, RunnerConfig, RunnerDeps, RunnerLog } from '../strategy-runner/ports';
import { PageTaskPayload, runPageTask, type PageReport } from '../strategy-runner/run-page';
import { createOrderClient } from '../trading/order-client';
import { keyringFromParams } from './accounts-deps';
import { GLOBAL_OPTIONS } from './global-options';
import {
  alpacaLiveTradingUrl,
  alpacaPaperTradingUrl,
  strategiesDecisionRetentionDays,
  strategiesKillSwitch,
  strategiesOverrideRegime,
  strategiesPageSize,
} from './params';

/** The page task queue's function name (index.ts exports it under this name). */
export const STRATEGY_PAGE_FUNCTION = 'runStrategyPage';
/** Users evaluated at once inside one page. */
export const STRATEGY_CONCURRENCY = 16;

/** Trading hosts of users' paper and live accounts. */
export interface TradingHosts {
  paper: string;
  live: string;
}

/**
 * A user's order client from their stored credentials (decrypted with the accounts module's
 * cipher): null when there is no record or it does not open (logged, never the payload).
 */
export function orderAccessFrom(input: {
  db: Firestore;
  keyring: () => MasterKeyring;
  hosts: TradingHosts;
  log: RunnerLog;
}): (uid: string) => Promise<OrderAccess> {
  const connections = createConnectionStore(input.db);
  return async (uid) => {
    const record = await connections.readCredentialRecord(uid);
    if (!record) return null;
    try {
      const credentials = decryptCredentials({ uid, record, keyring: input.keyring() });
      const baseUrl = record.paper ? input.hosts.paper : input.hosts.live;
      return { client: createOrderClient({ baseUrl, credentials }), paper: record.paper };
    } catch (error) {
      input.log.warn('strategies: credentials unreadable', {
        uid,
        error: error instanceof Error ? error.name : 'unknown',
      });
      return null;
    }
  };
}

/** Runner dependencies from plain values (the triggers pass params; tests and the bench their own). */
export function createRunnerDeps(input: {
  db: Firestore;
  config: RunnerConfig;
  retentionDays: number;
  keyring: () => MasterKeyring;
  hosts: TradingHosts;
  enqueuePage: RunnerDeps['enqueuePage'];
  log?: RunnerLog;
}): RunnerDeps {
  const log = input.log ?? logger;
  const now = () => new Date();
  return {
    store: createStrategyStore(input.db, { retentionDays: input.retentionDays, now }),
    orderAccess: orderAccessFrom({ db: input.db, keyring: input.keyring, hosts: input.hosts, log }),
    enqueuePage: input.enqueuePage,
    now,
    log,
    config: input.config,
  };
}

/** Enqueues page tasks on the `runStrategyPage` queue; a repeated id is reported as 'exists'. */
async function enqueueOnQueue(id: string, task: PageTask): Promise<'enqueued' | 'exists'> {
  const queue = getFunctions().taskQueue(
    `locations/${GLOBAL_OPTIONS.region}/functions/${STRATEGY_PAGE_FUNCTION}`,
  );
  try {
    await queue.enqueue(task, { id, dispatchDeadlineSeconds: 60 });
    return 'enqueued';
  } catch (error) {
    if ((error as { code?: string }).code === 'functions/task-already-exists') return 'exists';
    throw error;
  }
}

/** Production dependencies from params and secrets. */
export function buildRunnerDeps(): RunnerDeps {
  return createRunnerDeps({
    db: getDb(),
    config: {
      pageSize: strategiesPageSize.value(),
      concurrency: STRATEGY_CONCURRENCY,
      globalKillSwitch: strategiesKillSwitch.value(),
      overrideRegime: strategiesOverrideRegime.value(),
    },
    retentionDays: strategiesDecisionRetentionDays.value(),
    keyring: keyringFromParams,
    hosts: {
      paper: normalizeHost('ALPACA_PAPER_TRADING_URL', alpacaPaperTradingUrl.value()),
      live: normalizeHost('ALPACA_LIVE_TRADING_URL', alpacaLiveTradingUrl.value()),
    },
    enqueuePage: enqueueOnQueue,
  });
}

/** The regime trigger's body. */
export function runStrategiesOnRegimeWrite(event: RegimeWriteEvent): Promise<RegimeWriteReport> {
  return handleRegimeWrite(buildRunnerDeps(), event);
}

/**
 * The page task's body.
 * @throws ZodError on a payload that is not a page task.
 */
export function runStrategyPageTask(data: unknown): Promise<PageReport> {
  return runPageTask(buildRunnerDeps(), PageTaskPayload.parse(data));
}
