/**
 * Cloud Functions cold start: in fresh processes, the time to load functions/lib/index.js (what
 * every instance pays before its first request) and the `pulse` trigger's first invocation up to
 * its first I/O (its lazily imported wiring: Alpaca SDK, engine, Firestore repositories), against
 * `node -e 0` measured in the same run. `health` loads a smaller wiring the same way; its first
 * Firestore read needs the emulator (section 3-pulse).
 */
import { join } from 'node:path';
import { buildFunctions } from '../../scripts/build-functions';
import { buildProbe, median, ROOT, runProcess, timeProcess } from '../lib/processes';

/** Section heading printed by `npm run bench`. */
export const title = 'Cloud Functions cold start (functions/lib, fresh processes)';

const RUNS = 7;

/** Measures and prints the figures. */
export async function run(): Promise<void> {
  const lib = await buildFunctions({ quiet: true });
  const probe = await buildProbe('functions-cold');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GCLOUD_PROJECT: 'demo-gex-pulse',
    METADATA_SERVER_DETECTION: 'none',
  };
  // Keys present (never used), symbols absent: the first invocation stops at the params check.
  Object.assign(env, { APCA_API_KEY_ID: 'unused', APCA_API_SECRET_KEY: 'unused' });
  delete env.PULSE_SYMBOLS;
  const runs = Array.from({ length: RUNS }, () => {
    const out = runProcess([probe, lib], { cwd: join(ROOT, 'functions'), env, quiet: true });
    return JSON.parse(out.trim().split('\n').pop() ?? '{}') as {
      loadMs: number;
      pulseFirstMs: number;
      stop: string;
    };
  });
  const nodeMs = median(Array.from({ length: RUNS }, () => timeProcess(['-e', '0'])));
  const loadMs = median(runs.map((r) => r.loadMs));
  const pulseMs = median(runs.map((r) => r.pulseFirstMs));
  const row = (label: string, ms: number, note = '') =>
    console.log(`  ${label.padEnd(52)}${ms.toFixed(1).padStart(7)} ms  ${note}`);
  console.log(`(medians of ${RUNS} fresh processes; the probe stopped at: ${runs[0]?.stop ?? '?'})`);
  row('node -e 0 (process start-up)', nodeMs, 'baseline');
  row('load functions/lib/index.js (every trigger)', loadMs, `${(loadMs / nodeMs).toFixed(2)}× start-up`);
  row(
    'pulse: first invocation, wiring up to its first I/O',
    pulseMs,
    `${(pulseMs / nodeMs).toFixed(2)}× start-up`,
  );
}
