/**
 * Cloud Functions of GEX Pulse. Triggers only: each handler asks the composition root (`app/`)
 * for its dependencies and calls one function (see design.md's flow).
 */
import { setGlobalOptions } from 'firebase-functions/v2';
import { onRequest } from 'firebase-functions/v2/https';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { GLOBAL_OPTIONS } from './app/global-options';
import { serveHealth } from './app/health';
import { alpacaKeyId, alpacaSecretKey } from './app/params';
import { buildPulseDeps, PULSE_TIMEOUT_SECONDS } from './app/pulse-deps';
import { runPulse } from './pulse/run-pulse';

setGlobalOptions(GLOBAL_OPTIONS);

/**
 * Every minute (New York time): lease → account sync → Alpaca chains → GEX → one write of
 * `systemStatus/market_regime`, `gexProfiles/{SYMBOL}` and a `history` row.
 * `retryCount: 0`: a retry would land in or after the next minute, whose own pulse computes fresher
 * numbers; partial failures are already recorded as stale data, and the lease fences late runs.
 * `maxInstances: 1`: one pulse at a time is the design (the lease enforces it even so).
 */
export const pulse = onSchedule(
  {
    schedule: 'every 1 minutes',
    timeZone: 'America/New_York',
    timeoutSeconds: PULSE_TIMEOUT_SECONDS,
    memory: '256MiB',
    maxInstances: 1,
    retryCount: 0,
    secrets: [alpacaKeyId, alpacaSecretKey],
  },
  async (event) => {
    await runPulse(buildPulseDeps(), { scheduleTime: event.scheduleTime });
  },
);

/** Uptime probe: JSON with the last pulse, the document's age and each symbol's state; 503 when stale in market hours. */
export const health = onRequest({ memory: '256MiB', timeoutSeconds: 10, cors: true }, async (_req, res) => {
  const { status, body } = await serveHealth();
  res.status(status).json(body);
});
