/**
 * `npm test [-- vitest args]`: the whole suite on real parts.
 * First the lifecycle project (it starts `npm start` itself, so it needs the ports free); then it
 * builds functions/lib and the dashboard, starts the bundled Alpaca simulator and runs vitest
 * (unit, integration, rules and e2e projects) inside `firebase emulators:exec` with the emulators
 * of `EMULATORS` (Auth, Firestore, Functions, Cloud Tasks, Hosting). Any signal stops every
 * process it started. Exits non-zero if either run failed, after the tally and each project's
 * wall time.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertPortsFree,
  EMULATORS,
  emulatorToolchainEnv,
  prepareLocalRun,
  ROOT,
  spawnFirebase,
} from './lib/dev-env';
import { spawnInGroup, stopOnSignalOrOrphan, stopProcessGroups } from './lib/process-groups';
import { formatTestSummary, type VitestJsonReport } from './lib/project-times';

const WAIT_FOR_PORTS_MS = 5 * 60_000;
const REPORT = join(ROOT, '.cache', 'vitest-report.json');
const LIFECYCLE_REPORT = join(ROOT, '.cache', 'vitest-lifecycle-report.json');
const REPORTS = [LIFECYCLE_REPORT, REPORT];

/** The closing lines: the tally and each vitest project's wall time, from vitest's JSON reports. */
function printSummary(startedMs: number): void {
  const reports = REPORTS.filter((file) => existsSync(file)).map(
    (file) => JSON.parse(readFileSync(file, 'utf8')) as VitestJsonReport,
  );
  const merged: VitestJsonReport = {
    numPassedTests: reports.reduce((sum, r) => sum + r.numPassedTests, 0),
    numFailedTests: reports.reduce((sum, r) => sum + r.numFailedTests, 0),
    testResults: reports.flatMap((r) => r.testResults),
  };
  console.log(formatTestSummary(merged, Date.now() - startedMs));
}

function shellQuote(arg: string): string {
  return /^[\w./:=@-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Another run holding the ports is waited for (bounded); anything else fails at once. */
async function waitForFreePorts(): Promise<void> {
  const deadline = Date.now() + WAIT_FOR_PORTS_MS;
  for (let announced = false; ; announced = true) {
    try {
      return await assertPortsFree();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      if (!announced)
        console.log(`${(error as Error).message}\nWaiting up to 5 minutes for them to free up…`);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
}

/** The vitest command line for `projects`, writing its JSON report to `report`. */
function vitestCommand(projects: string[], report: string, args: string[]): string[] {
  return [
    process.execPath,
    join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    ...projects.map((project) => `--project=${project}`),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...args,
  ];
}

function exitCodeOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

/**
 * The projects the arguments ask for: all of them without a file filter; with one, `lifecycle`
 * only if a filter names it, the others only if a filter names something else.
 */
function selectedRuns(args: string[]): { lifecycle: boolean; emulated: boolean } {
  const filters = args.filter((arg) => !arg.startsWith('-'));
  if (filters.length === 0) return { lifecycle: true, emulated: true };
  return {
    lifecycle: filters.some((f) => f.includes('lifecycle')),
    emulated: filters.some((f) => !f.includes('lifecycle')),
  };
}

async function main(): Promise<number> {
  const startedMs = Date.now();
  const args = process.argv.slice(2);
  const runs = selectedRuns(args);
  const toolchain = emulatorToolchainEnv();
  // Wait first: rebuilding functions/lib under another run's emulator would make it reload.
  await waitForFreePorts();
  for (const report of REPORTS) rmSync(report, { force: true });
  let code = 0;
  if (runs.lifecycle) {
    // `npm start` stopped by signals: it needs the ports, so it runs before the emulators start.
    const [node, ...vitest] = vitestCommand(['lifecycle'], LIFECYCLE_REPORT, args);
    code = await exitCodeOf(spawnInGroup(node ?? process.execPath, vitest, { cwd: ROOT, stdio: 'inherit' }));
  }
  if (runs.emulated) {
    const simulator = await prepareLocalRun({ quiet: true });
    const vitest = vitestCommand(['unit', 'integration', 'rules', 'e2e'], REPORT, args);
    const exec = spawnFirebase(['emulators:exec', '--only', EMULATORS, vitest.map(shellQuote).join(' ')], {
      toolchain,
      stdio: 'inherit',
      env: { SIMULATOR_URL: simulator.url, FUNCTIONS_EMULATOR_ORIGIN: 'http://127.0.0.1:5001' },
    });
    code = Math.max(code, await exitCodeOf(exec));
  }
  // The simulator, and anything emulators:exec left behind.
  await stopProcessGroups({ signal: 'SIGTERM', graceMs: 5_000 });
  printSummary(startedMs);
  return code;
}

// A signal to npm or to this process, or npm going away, stops the emulators, vitest and the simulator.
stopOnSignalOrOrphan((why) => {
  console.error(`npm test: stopping (${why})…`);
  void stopProcessGroups({ signal: 'SIGINT', graceMs: 10_000 }).then(() => process.exit(1));
});

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`npm test: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
