/**
 * Shared set-up for the adapter's integration tests: the bundled simulator on a free loopback
 * port, driven through its HTTP control API (`/_sim/*`), and the real adapter pointed at it.
 */
import { createAlpacaClient } from '../../../functions/src/market/alpaca-client';
import type { AlpacaConfig } from '../../../functions/src/market/alpaca-config';
import { createMarketData, type MarketDataDeps } from '../../../functions/src/market/market-data';
import { type RunningSimulator, startSimulator } from '../../../simulator/server';

export interface SimStats {
  requests: Record<string, number>;
  total: number;
  marketData: number;
  trading: number;
}

export async function startSim(now?: string, replay?: string[]): Promise<RunningSimulator> {
  return startSimulator({ port: 0, seed: 7, ...(now ? { now } : {}), ...(replay ? { replay } : {}) });
}

/** POST to the simulator's control API. */
export async function simPost(sim: RunningSimulator, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${sim.url}/_sim/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`/_sim/${path}: ${res.status} ${await res.text()}`);
}

export async function simStats(sim: RunningSimulator): Promise<SimStats> {
  return (await (await fetch(`${sim.url}/_sim/stats`)).json()) as SimStats;
}

/** Resets the market (clock, faults, counters) between tests. */
export const simReset = (sim: RunningSimulator, now?: string) =>
  simPost(sim, 'reset', { seed: 7, now: now ?? null });

export const simFaults = (sim: RunningSimulator, faults: unknown[]) => simPost(sim, 'faults', { faults });

/** Adapter config for the simulator; fast retries so fault tests stay short. */
export function simConfig(sim: RunningSimulator, overrides: Partial<AlpacaConfig> = {}): AlpacaConfig {
  return {
    keyId: sim.keyId,
    secretKey: sim.secretKey,
    tradingBaseUrl: sim.url,
    dataBaseUrl: sim.url,
    optionFeed: 'indicative',
    retryDelayMs: 20,
    maxRetryDelayMs: 1_500,
    ...overrides,
  };
}

export function simMarketData(
  sim: RunningSimulator,
  deps: Omit<MarketDataDeps, 'client'> = {},
  config: Partial<AlpacaConfig> = {},
) {
  const client = createAlpacaClient(simConfig(sim, config));
  return { client, marketData: createMarketData({ client, ...deps }) };
}

/** Friday 10:30 New York: an open session whose 1DTE is Monday. */
export const FRIDAY_OPEN = '2025-05-16T14:30:00Z';
