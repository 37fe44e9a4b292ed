/**
 * Cloud Functions of GEX Pulse. Triggers only: each handler imports its own wiring from the
 * composition root (`app/`) when it first runs, so an instance loads only what its trigger needs
 * (a `health` instance never loads the Alpaca SDK or the engine), and calls one function
 * (see design.md's flow). Top-level imports are limited to options and params.
 */
import { setGlobalOptions } from 'firebase-functions/v2';
import { onRequest } from 'firebase-functions/v2/https';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { GLOBAL_OPTIONS, PULSE_TIMEOUT_SECONDS } from './app/global-options';
import { alpacaKeyId, alpacaSecretKey, regimeWebhookUrl } from './app/params';

setGlobalOptions(GLOBAL_OPTIONS);

/**
 * Every minute (New York time): lease → account sync → Alpaca chains → GEX → one write of
 * `systemStatus/market_regime`, `gexProfiles/{SYMBOL}`, a `history` row and any `regimeEvents`,
 * then the events are posted to the webhook when one is set.
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
    secrets: [alpacaKeyId, alpacaSecretKey, regimeWebhookUrl],
  },
  async (event) => {
    const { runScheduledPulse } = await import('./app/pulse');
    await runScheduledPulse(event.scheduleTime);
  },
);

/** Uptime probe: JSON with the last pulse, the document's age and each symbol's state; 503 when stale in market hours. */
export const health = onRequest({ memory: '256MiB', timeoutSeconds: 10, cors: true }, async (_req, res) => {
  const { serveHealth } = await import('./app/health');
  const { status, body } = await serveHealth();
  res.status(status).json(body);
});
