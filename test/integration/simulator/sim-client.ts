/**
 * Test helpers for the Alpaca simulator: start it in-process on a free port and talk to it over
 * real HTTP, as Alpaca's clients would.
 */
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../../simulator/server';

export const KEYS = { 'APCA-API-KEY-ID': 'SIMULATOR_KEY', 'APCA-API-SECRET-KEY': 'SIMULATOR_SECRET' };

/** A Friday mid-session instant: 10:30 New York on 2025-05-16. */
export const FRIDAY_1030 = '2025-05-16T14:30:00Z';

export interface ApiAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export function start(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ port: 0, seed: 7, now: FRIDAY_1030, ...options });
}

/** GET an Alpaca endpoint with the simulator's keys (or `headers`); parses JSON when it can. */
export async function alpaca<T = unknown>(
  sim: RunningSimulator,
  path: string,
  headers: Record<string, string> = KEYS,
): Promise<ApiAnswer<T>> {
  const res = await fetch(`${sim.url}${path}`, { headers });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body: body as T, text };
}

/** POST to the control API; returns status and JSON. */
export async function control<T = unknown>(
  sim: RunningSimulator,
  path: string,
  body: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${sim.url}/_sim/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

export interface WireContract {
  symbol: string;
  underlying_symbol: string;
  root_symbol: string;
  type: string;
  style: string;
  status: string;
  tradable: boolean;
  expiration_date: string;
  strike_price: string;
  open_interest?: string;
  open_interest_date?: string;
  multiplier: string;
  size: string;
}
export interface ContractsPage {
  option_contracts: WireContract[];
  next_page_token: string | null;
}
export interface WireSnapshot {
  latestQuote?: {
    ap: number;
    as: number;
    ax: string;
    bp: number;
    bs: number;
    bx: string;
    c: string;
    t: string;
  };
  latestTrade?: { p: number; s: number; t: string; x: string; c: string };
  greeks?: { delta: number; gamma: number; theta: number; vega: number; rho: number };
  impliedVolatility?: number;
}
export interface SnapshotsPage {
  snapshots: Record<string, WireSnapshot>;
  next_page_token: string | null;
}

/** Follows `next_page_token` until the end; returns every page. */
export async function allPages<P extends { next_page_token: string | null }>(
  sim: RunningSimulator,
  path: string,
): Promise<P[]> {
  const pages: P[] = [];
  let token: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const answer: ApiAnswer<P> = await alpaca<P>(sim, token ? `${path}${sep}page_token=${token}` : path);
    if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${answer.text}`);
    pages.push(answer.body);
    token = answer.body.next_page_token;
  } while (token && pages.length < 100);
  return pages;
}
