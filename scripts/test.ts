/**
 * `npm test [-- vitest args]`: the whole suite on real parts.
 * Builds functions/lib, starts the bundled Alpaca simulator, then runs vitest (unit, integration
 * and rules projects) inside `firebase emulators:exec` with the Auth, Firestore, Functions and Cloud Tasks
 * emulators. Exits with vitest's code.
 */
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

const WAIT_FOR_PORTS_MS = 5 * 60_000;
const REPORT = join(ROOT, '.cache', 'vitest-report.json');

/** One plain closing line, `tests: N passed, N failed`, from vitest's JSON report. */
function printTally(): void {
  if (!existsSync(REPORT)) return;
  const report = JSON.parse(readFileSync(REPORT, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
  };
  console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
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

async function main(): Promise<number> {
  const toolchain = emulatorToolchainEnv();
  // Wait first: rebuilding functions/lib under another run's emulator would make it reload.
  await waitForFreePorts();
  const simulator = await prepareLocalRun({ quiet: true });
  rmSync(REPORT, { force: true });
  try {
    const vitest = [
      process.execPath,
      join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${REPORT}`,
      ...process.argv.slice(2),
    ];
    const exec = spawnFirebase(['emulators:exec', '--only', EMULATORS, vitest.map(shellQuote).join(' ')], {
      toolchain,
      stdio: 'inherit',
      env: { SIMULATOR_URL: simulator.url, FUNCTIONS_EMULATOR_ORIGIN: 'http://127.0.0.1:5001' },
    });
    const code = await new Promise<number>((resolve) =>
      exec.on('exit', (exitCode) => resolve(exitCode ?? 1)),
    );
    printTally();
    return code;
  } finally {
    simulator.child.kill('SIGTERM');
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`npm test: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
