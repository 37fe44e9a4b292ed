import * as logger from 'firebase-functions/logger';
import { readHealth } from '../health/read-health';
import { getDb } from '../store/firestore-db';
import { closedCadenceMinutes, healthMaxAgeSeconds } from './params';

/** What the `health` trigger answers: an HTTP status and a JSON body. */
export interface HealthResponse {
  status: number;
  body: unknown;
}

/**
 * The `health` probe's wiring: Firestore, params and the wall clock. A failed read answers 503
 * with a problem line (and an error log), never a stack trace.
 */
export async function serveHealth(): Promise<HealthResponse> {
  try {
    const report = await readHealth({
      db: getDb(),
      now: new Date(),
      maxAgeSeconds: healthMaxAgeSeconds.value(),
      closedCadenceMinutes: closedCadenceMinutes.value(),
    });
    return { status: report.status, body: report.body };
  } catch (err) {
    logger.error('health check failed', { error: err instanceof Error ? err.message : String(err) });
    return { status: 503, body: { ok: false, problems: ['regime document could not be read'] } };
  }
}
