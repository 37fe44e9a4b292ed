import { runPulse } from '../pulse/run-pulse';
import { buildPulseDeps } from './pulse-deps';

/**
 * The `pulse` trigger's body: production dependencies (kept warm across invocations) and one run.
 * @param scheduleTime the scheduler's ISO-8601 time for this minute.
 */
export async function runScheduledPulse(scheduleTime: string): Promise<void> {
  await runPulse(buildPulseDeps(), { scheduleTime });
}
