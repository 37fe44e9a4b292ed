/**
 * `npm run simulator -- [--port 4010] [--host 127.0.0.1] [--seed 7] [--now ISO] [--replay FILE]…
 *                       [--latency-ms N] [--rate-limit N] [--key-id ID] [--secret-key SECRET]`
 * Runs the Alpaca simulator until SIGINT/SIGTERM. See simulator/README.md.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_PORT, startSimulator } from './server';

function integer(name: string, text: string | undefined, fallback: number, min = 0): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    const what = min > 0 ? 'a positive' : 'a non-negative';
    throw new RangeError(`--${name} must be ${what} integer, got "${text}"`);
  }
  return value;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      now: { type: 'string' },
      replay: { type: 'string', multiple: true },
      'latency-ms': { type: 'string' },
      'rate-limit': { type: 'string' },
      'key-id': { type: 'string' },
      'secret-key': { type: 'string' },
    },
    strict: true,
  });
  const sim = await startSimulator({
    port: integer('port', values.port, DEFAULT_PORT),
    host: values.host,
    seed: integer('seed', values.seed, 1),
    ...(values.now === undefined ? {} : { now: values.now }),
    latencyMs: integer('latency-ms', values['latency-ms'], 0),
    ...(values['rate-limit'] === undefined
      ? {}
      : { rateLimitPerMinute: integer('rate-limit', values['rate-limit'], 0, 1) }),
    ...(values['key-id'] === undefined ? {} : { keyId: values['key-id'] }),
    ...(values['secret-key'] === undefined ? {} : { secretKey: values['secret-key'] }),
    replay: values.replay ?? [],
  });
  const health = sim.control.health();
  console.log(`Alpaca simulator listening on ${sim.url}`);
  console.log(`  APCA_API_BASE_URL=${sim.url} APCA_API_DATA_URL=${sim.url}`);
  console.log(`  APCA_API_KEY_ID=${sim.keyId} APCA_API_SECRET_KEY=${sim.secretKey}`);
  console.log(
    `  clock ${health.clock} at ${health.now} (${health.isOpen ? 'open' : 'closed'}), seed ${health.seed}` +
      (health.replays.length > 0 ? `, replaying ${health.replays.join(', ')}` : ''),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await sim.close();
  console.log('Alpaca simulator stopped.');
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`simulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
