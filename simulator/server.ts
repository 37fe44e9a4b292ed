import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimulatorControl } from './control';
import { SimulatorCore } from './core';
import { handleAlpaca } from './http/alpaca-handler';
import { handleControl } from './http/control-routes';
import { sendError } from './http/respond';

/** Start-up options of {@link startSimulator}. */
export interface SimulatorOptions {
  /** TCP port; 0 picks a free one. Default 4010. */
  port?: number;
  /** Interface to bind; default 127.0.0.1 (loopback only). */
  host?: string;
  /** Seed of the synthetic market; the same seed and minute give the same market. Default 1. */
  seed?: number;
  /** ISO-8601 instant to freeze the clock at; default: the live, always-open clock. */
  now?: string;
  /** Extra latency for every Alpaca request, ms. Default 0. */
  latencyMs?: number;
  /** Enforce this many requests per minute and host (429 with `Retry-After` beyond); default off. */
  rateLimitPerMinute?: number;
  /** Accepted `APCA-API-KEY-ID`; default `SIMULATOR_KEY`. */
  keyId?: string;
  /** Accepted `APCA-API-SECRET-KEY`; default `SIMULATOR_SECRET`. */
  secretKey?: string;
  /** CBOE CSV files to replay, one per underlying (the clock is fixed at the last file's stamp). */
  replay?: readonly string[];
}

/** A listening simulator. */
export interface RunningSimulator {
  /** Base URL for both `APCA_API_BASE_URL` and `APCA_API_DATA_URL`, e.g. `http://127.0.0.1:4010`. */
  url: string;
  port: number;
  keyId: string;
  secretKey: string;
  /** In-process twin of the HTTP control API. */
  control: SimulatorControl;
  /** Stops listening and drops every connection, hung ones included. */
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4010;
export const DEFAULT_KEY_ID = 'SIMULATOR_KEY';
export const DEFAULT_SECRET_KEY = 'SIMULATOR_SECRET';

/**
 * Starts the Alpaca simulator: Alpaca's trading and market-data endpoints on one HTTP server,
 * plus the `/_sim` control API (see simulator/README.md).
 * @throws RangeError on a bad `now`; the listen error (e.g. EADDRINUSE); a replay file's error.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const core = new SimulatorCore({
    seed: options.seed ?? 1,
    now: options.now ?? null,
    latencyMs: options.latencyMs ?? 0,
    rateLimitPerMinute: options.rateLimitPerMinute ?? null,
    keyId: options.keyId ?? DEFAULT_KEY_ID,
    secretKey: options.secretKey ?? DEFAULT_SECRET_KEY,
  });
  const control = new SimulatorControl(core);
  for (const file of options.replay ?? []) await control.replayFile(file);
  const shutdown = new AbortController();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const handled = url.pathname.startsWith('/_sim/')
      ? handleControl(control, req, res, url.pathname)
      : handleAlpaca(core, req, res, url, shutdown.signal);
    handled.catch((error: unknown) => sendError(res, error));
  });
  const host = options.host ?? '127.0.0.1';
  await listen(server, options.port ?? DEFAULT_PORT, host);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    keyId: core.keyId,
    secretKey: core.secretKey,
    control,
    close: () =>
      new Promise<void>((resolve, reject) => {
        shutdown.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
