/**
 * One fresh process: load functions/lib/index.js as the Functions runtime does (FUNCTION_TARGET
 * names the instance's trigger; empty for a deploy's view of every trigger), then, for `pulse`,
 * the first invocation up to its first I/O: with no PULSE_SYMBOLS it loads its whole wiring
 * (Alpaca SDK, engine, Firestore repositories) and stops at the params check, before any network
 * call. Prints JSON timings (ms). Bundled to .cache/bench/; the bundle is required as is.
 */
import { createRequire } from 'node:module';

interface Triggers {
  pulse?: { run: (event: { scheduleTime: string }) => Promise<void> };
}

const [file, target = ''] = process.argv.slice(2);
if (!file) throw new Error('usage: functions-cold functions/lib/index.js [TRIGGER]');
const started = performance.now();
const triggers = createRequire(import.meta.url)(file) as Triggers;
const loadMs = performance.now() - started;
if (target !== 'pulse' || !triggers.pulse) {
  console.log(JSON.stringify({ loadMs }));
} else {
  const invoked = performance.now();
  const stop = await triggers.pulse.run({ scheduleTime: new Date(0).toISOString() }).then(
    () => 'ran',
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  console.log(JSON.stringify({ loadMs, pulseFirstMs: performance.now() - invoked, stop }));
}
