/**
 * Cloud Functions of GEX Pulse. Triggers only: each handler imports its own wiring from the
 * composition root (`app/`) when it first runs, so an instance loads only what its trigger needs
 * (a `health` instance never loads the Alpaca SDK or the engine), and calls one function
 * (see design.md's flow). Top-level imports are limited to options and params.
 *
 * An instance also defines only its own trigger: the Functions runtime (and each emulator worker)
 * sets FUNCTION_TARGET to the export it serves, while deploys and the emulator's discovery leave it
 * unset and see every trigger. Each firebase-functions provider module is loaded where one of its
 * triggers is defined, so a `pulse` instance loads the scheduler alone (~15 ms), not every
 * provider (~350 ms: Firestore events bring protobufjs, v1 every v1 provider); in another
 * trigger's instance an export is `undefined`.
 */
import type * as FirestoreProvider from 'firebase-functions/v2/firestore';
import type * as HttpsProvider from 'firebase-functions/v2/https';
import { setGlobalOptions } from 'firebase-functions/v2/options';
import type * as SchedulerProvider from 'firebase-functions/v2/scheduler';
import type * as TasksProvider from 'firebase-functions/v2/tasks';
import type * as V1 from 'firebase-functions/v1';
import { GLOBAL_OPTIONS, PULSE_TIMEOUT_SECONDS, ROTATE_TIMEOUT_SECONDS } from './app/global-options';
import {
  accountsMasterKeys,
  accountsSyncConcurrentTasks,
  alpacaKeyId,
  alpacaSecretKey,
  regimeWebhookUrl,
} from './app/params';

/** True when this process defines the trigger `name` (see the module comment). */
function serves(name: string): boolean {
  const target = process.env.FUNCTION_TARGET;
  return target === undefined || target === '' || target === name;
}

/* eslint-disable @typescript-eslint/no-require-imports -- loaded only where one of their triggers is defined (see the module comment) */
const https = () => require('firebase-functions/v2/https') as typeof HttpsProvider;
const firestore = () => require('firebase-functions/v2/firestore') as typeof FirestoreProvider;
const scheduler = () => require('firebase-functions/v2/scheduler') as typeof SchedulerProvider;
const tasks = () => require('firebase-functions/v2/tasks') as typeof TasksProvider;
const v1 = () => require('firebase-functions/v1') as typeof V1;
/* eslint-enable @typescript-eslint/no-require-imports */

setGlobalOptions(GLOBAL_OPTIONS);

/**
 * Every minute (New York time): lease → account sync tasks enqueued (not awaited) and at once
 * Alpaca chains → GEX → one write of `systemStatus/market_regime`, `gexProfiles/{SYMBOL}`, a
 * `history` row and any `regimeEvents`, then the events are posted to the webhook when one is set.
 * `retryCount: 0`: a retry would land in or after the next minute, whose own pulse computes fresher
 * numbers; partial failures are already recorded as stale data, and the lease fences late runs.
 * `maxInstances: 1`: one pulse at a time is the design (the lease enforces it even so).
 */
export const pulse = serves('pulse')
  ? scheduler().onSchedule(
      {
        schedule: 'every 1 minutes',
        timeZone: 'America/New_York',
        timeoutSeconds: PULSE_TIMEOUT_SECONDS,
        memory: '256MiB',
        maxInstances: 1,
        retryCount: 0,
        secrets: [alpacaKeyId, alpacaSecretKey, regimeWebhookUrl],
      },
      async (event) => {
        const { runScheduledPulse } = await import('./app/pulse');
        await runScheduledPulse(event.scheduleTime);
      },
    )
  : undefined;

/** Uptime probe: JSON with the last pulse, the document's age and each symbol's state; 503 when stale in market hours. */
export const health = serves('health')
  ? https().onRequest({ memory: '256MiB', timeoutSeconds: 10, cors: true }, async (_req, res) => {
      const { serveHealth } = await import('./app/health');
      const { status, body } = await serveHealth();
      res.status(status).json(body);
    })
  : undefined;

/**
 * `connectAlpaca({ keyId, secretKey, paper } | { accessToken, paper })` (signed-in users): checks
 * the credentials with Alpaca (`GET /v2/account`), then stores them encrypted under
 * `users/{uid}/private/alpaca` and the owner-visible connection on `users/{uid}`. Answers the
 * masked connection; `HttpsError` `unauthenticated`, `invalid-argument`, `permission-denied`,
 * `unavailable` or `resource-exhausted` otherwise, with nothing stored.
 */
export const connectAlpaca = serves('connectAlpaca')
  ? https().onCall(
      { memory: '256MiB', timeoutSeconds: 30, secrets: [accountsMasterKeys] },
      async (request) => {
        const { handleConnect } = await import('./app/connect');
        return handleConnect(request);
      },
    )
  : undefined;

/** `disconnectAlpaca()` (signed-in users): deletes the credentials and the account snapshot. */
export const disconnectAlpaca = serves('disconnectAlpaca')
  ? https().onCall({ memory: '256MiB', timeoutSeconds: 30 }, async (request) => {
      const { handleDisconnect } = await import('./app/connect');
      return handleDisconnect(request);
    })
  : undefined;

/** A deleted Firebase Auth user's credentials, snapshot and connection go with it. */
export const deleteUserAccountData = serves('deleteUserAccountData')
  ? v1()
      .region(GLOBAL_OPTIONS.region)
      .auth.user()
      .onDelete(async (user) => {
        const { handleUserDeleted } = await import('./app/connect');
        await handleUserDeleted(user.uid);
      })
  : undefined;

/**
 * One page of users' account sync (enqueued by the pulse, task id = hash of minute and page):
 * account and positions per user with bounded concurrency and a deadline inside the minute, into
 * `users/{uid}/data/snapshot`. `maxAttempts: 1`: the next minute's task is the better retry.
 */
export const syncAccounts = serves('syncAccounts')
  ? tasks().onTaskDispatched(
      {
        retryConfig: { maxAttempts: 1 },
        rateLimits: { maxConcurrentDispatches: accountsSyncConcurrentTasks, maxDispatchesPerSecond: 50 },
        memory: '256MiB',
        timeoutSeconds: 60,
        secrets: [accountsMasterKeys],
      },
      async (request) => {
        const { runSyncTask } = await import('./app/account-sync');
        await runSyncTask(request.data);
      },
    )
  : undefined;

/**
 * Master-key rotation (`npm run rotate-keys -- --to ID`): re-wraps every credential record's data
 * key under the deployed current key. A task-queue function: only principals allowed to enqueue
 * (project admins; locally the emulator's owner) can start it. Report: `serverState/key_rotation`.
 */
export const rotateAccountKeys = serves('rotateAccountKeys')
  ? tasks().onTaskDispatched(
      {
        retryConfig: { maxAttempts: 1 },
        rateLimits: { maxConcurrentDispatches: 1 },
        memory: '256MiB',
        timeoutSeconds: ROTATE_TIMEOUT_SECONDS,
        secrets: [accountsMasterKeys],
      },
      async (request) => {
        const { runRotateTask } = await import('./app/rotate-keys');
        await runRotateTask(request.data);
      },
    )
  : undefined;

/**
 * Every write of `systemStatus/market_regime` that moves its `as_of`: each connected user's enabled
 * strategies are evaluated against their latest snapshot (inline for one page of users, else one
 * `runStrategyPage` task per page), decisions recorded under `users/{uid}/strategies` and
 * `users/{uid}/decisions`, orders placed where the mode, the kill switches and the caps allow.
 * Re-delivered events are dropped by event id; writes that keep `as_of` are ignored.
 */
export const runStrategies = serves('runStrategies')
  ? firestore().onDocumentWritten(
      {
        document: 'systemStatus/market_regime',
        memory: '512MiB',
        timeoutSeconds: 60,
        secrets: [accountsMasterKeys],
      },
      async (event) => {
        const { runStrategiesOnRegimeWrite } = await import('./app/strategy-runner');
        await runStrategiesOnRegimeWrite({
          id: event.id,
          before: event.data?.before.data() ?? null,
          after: event.data?.after.data() ?? null,
        });
      },
    )
  : undefined;

/**
 * One page of users for a regime (task id from the regime's `as_of` and the page): skipped when
 * the regime has moved on. Retried: a decision already recorded is not made again and an order
 * already submitted is found by its client order id, never placed twice.
 */
export const runStrategyPage = serves('runStrategyPage')
  ? tasks().onTaskDispatched(
      {
        retryConfig: { maxAttempts: 3, minBackoffSeconds: 5 },
        rateLimits: { maxConcurrentDispatches: 20, maxDispatchesPerSecond: 50 },
        memory: '512MiB',
        timeoutSeconds: 60,
        secrets: [accountsMasterKeys],
      },
      async (request) => {
        const { runStrategyPageTask } = await import('./app/strategy-runner');
        await runStrategyPageTask(request.data);
      },
    )
  : undefined;

/** `setKillSwitch({ on })` (signed-in users): while on, none of the caller's strategies places an order. */
export const setKillSwitch = serves('setKillSwitch')
  ? https().onCall({ memory: '256MiB', timeoutSeconds: 10 }, async (request) => {
      const { handleSetKillSwitch } = await import('./app/kill-switch');
      return handleSetKillSwitch(request);
    })
  : undefined;
