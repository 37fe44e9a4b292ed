/**
 * One fresh process: load functions/lib/index.js as the Functions runtime does, then the first
 * invocation of a trigger up to its first I/O. `pulse` with no PULSE_SYMBOLS loads its whole
 * wiring (Alpaca SDK, engine, Firestore repositories) and stops at the params check, before any
 * network call. Prints JSON timings (ms). Bundled to .cache/bench/; the bundle is required as is.
 */
import { createRequire } from 'node:module';

interface Triggers {
  pulse: { run: (event: { scheduleTime: string }) => Promise<void> };
}

const file = process.argv[2];
if (!file) throw new Error('usage: functions-cold functions/lib/index.js');
const started = performance.now();
const triggers = createRequire(import.meta.url)(file) as Triggers;
const loadMs = performance.now() - started;
const invoked = performance.now();
const stop = await triggers.pulse.run({ scheduleTime: new Date(0).toISOString() }).then(
  () => 'ran',
  (error: unknown) => (error instanceof Error ? error.message : String(error)),
);
console.log(JSON.stringify({ loadMs, pulseFirstMs: performance.now() - invoked, stop }));
