/**
 * Cloud Functions cold start: in fresh processes, the time to load functions/lib/index.js (what
 * an instance pays before its first request) as a deploy sees it (every trigger) and as each
 * trigger's own instance loads it (FUNCTION_TARGET set: that trigger and its firebase-functions
 * provider alone), and the `pulse` trigger's first invocation up to its first I/O (its lazily
 * imported wiring: Alpaca SDK, engine, Firestore repositories), against `node -e 0` measured in the
 * same run. `health` loads a smaller wiring the same way; its first Firestore read needs the
 * emulator (section 3-pulse).
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
  const probeRuns = (target: string) =>
    Array.from({ length: RUNS }, () => {
      const out = runProcess([probe, lib, target], {
        cwd: join(ROOT, 'functions'),
        env: { ...env, FUNCTION_TARGET: target },
        quiet: true,
      });
      return JSON.parse(out.trim().split('\n').pop() ?? '{}') as ProbeResult;
    });
  const nodeMs = median(Array.from({ length: RUNS }, () => timeProcess(['-e', '0'])));
  const row = (label: string, ms: number, note = '') =>
    console.log(`  ${label.padEnd(56)}${ms.toFixed(1).padStart(7)} ms  ${note}`);
  const pulseRuns = probeRuns('pulse');
  console.log(
    `(medians of ${RUNS} fresh processes; the pulse probe stopped at: ${pulseRuns[0]?.stop ?? '?'})`,
  );
  row('node -e 0 (process start-up)', nodeMs, 'baseline');
  const everyMs = median(probeRuns('').map((r) => r.loadMs));
  row(
    'load functions/lib/index.js, every trigger (a deploy)',
    everyMs,
    `${(everyMs / nodeMs).toFixed(2)}× start-up`,
  );
  for (const target of TARGETS) {
    const loadMs = median((target === 'pulse' ? pulseRuns : probeRuns(target)).map((r) => r.loadMs));
    row(`  as a ${target} instance`, loadMs, `${(loadMs / nodeMs).toFixed(2)}× start-up`);
  }
  const pulseMs = median(pulseRuns.map((r) => r.pulseFirstMs ?? Number.NaN));
  row(
    'pulse: first invocation, wiring up to its first I/O',
    pulseMs,
    `${(pulseMs / nodeMs).toFixed(2)}× start-up`,
  );
}

interface ProbeResult {
  loadMs: number;
  pulseFirstMs?: number;
  stop?: string;
}

/** One trigger of each firebase-functions provider the project uses. */
const TARGETS = [
  'pulse',
  'health',
  'connectAlpaca',
  'syncAccounts',
  'runStrategies',
  'deleteUserAccountData',
];
