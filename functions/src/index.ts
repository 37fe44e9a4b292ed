/**
 * Cloud Functions of GEX Pulse. Triggers only: each handler builds its dependencies and calls one
 * function (see design.md's flow).
 */
import * as logger from 'firebase-functions/logger';
import { onRequest } from 'firebase-functions/v2/https';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { alpacaKeyId, alpacaSecretKey, closedCadenceMinutes, healthMaxAgeSeconds } from './config/params';
import { readHealth } from './health/read-health';
import { buildPulseDeps, PULSE_TIMEOUT_SECONDS } from './pulse/production-deps';
import { runPulse } from './pulse/run-pulse';
import { getDb } from './store/firestore-db';

/**
 * Every minute (New York time): lease → account sync → Alpaca chains → GEX → one write of
 * `systemStatus/market_regime`, `gexProfiles/{SYMBOL}` and a `history` row.
 * `retryCount: 0`: a retry would land in or after the next minute, whose own pulse computes fresher
 * numbers; partial failures are already recorded as stale data, and the lease fences late runs.
 */
export const pulse = onSchedule(
  {
    schedule: 'every 1 minutes',
    timeZone: 'America/New_York',
    timeoutSeconds: PULSE_TIMEOUT_SECONDS,
    memory: '256MiB',
    retryCount: 0,
    secrets: [alpacaKeyId, alpacaSecretKey],
  },
  async (event) => {
    await runPulse(buildPulseDeps(), { scheduleTime: event.scheduleTime });
  },
);

/** Uptime probe: JSON with the last pulse, the document's age and each symbol's state; 503 when stale in market hours. */
export const health = onRequest({ memory: '256MiB', timeoutSeconds: 10, cors: true }, async (_req, res) => {
  try {
    const report = await readHealth({
      db: getDb(),
      now: new Date(),
      maxAgeSeconds: healthMaxAgeSeconds.value(),
      closedCadenceMinutes: closedCadenceMinutes.value(),
    });
    res.status(report.status).json(report.body);
  } catch (err) {
    logger.error('health check failed', { error: err instanceof Error ? err.message : String(err) });
    res.status(503).json({ ok: false, problems: ['regime document could not be read'] });
  }
});
