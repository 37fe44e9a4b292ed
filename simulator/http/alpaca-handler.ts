import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SimulatorCore } from '../core';
import { ApiError } from './api-error';
import { optionRoutes } from './option-routes';
import { Query } from './query';
import { readJsonBody, sendError, sendJson, sendText } from './respond';
import type { Route } from './route';
import { stockRoutes } from './stock-routes';
import { tradingRoutes } from './trading-routes';
import { accountRoutes } from './account-routes';
import { orderRoutes } from './order-routes';
import type { SimAccount } from '../accounts/sim-account';

const routes: readonly Route[] = [
  ...accountRoutes,
  ...orderRoutes,
  ...tradingRoutes,
  ...optionRoutes,
  ...stockRoutes,
];

function findRoute(method: string, path: string): { route: Route; params: string[] } | undefined {
  for (const route of routes) {
    if ((route.method ?? 'GET') !== method) continue;
    const match = route.pattern.exec(path);
    if (match) return { route, params: match.slice(1).map((p) => decodeURIComponent(p)) };
  }
  return undefined;
}

/** Alpaca's auth: key-pair headers or an OAuth bearer token, resolved to an account (see AccountBook). */
function authenticate(core: SimulatorCore, req: IncomingMessage): SimAccount {
  const header = (name: string) => {
    const value = req.headers[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const bearer = /^Bearer (.+)$/.exec(header('authorization') ?? '')?.[1];
  return core.accounts.authenticate({
    keyId: header('apca-api-key-id'),
    secretKey: header('apca-api-secret-key'),
    bearer,
  });
}

/**
 * One Alpaca request: count it, apply latency, then the fault/auth/validation pipeline:
 * hang → auth (which account) → that account's latency and hang → rate limit → injected status
 * (the account's, then global) → route → dropped response (the route's effect stays) →
 * malformed JSON → answer.
 */
export async function handleAlpaca(
  core: SimulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  shutdown: AbortSignal,
): Promise<void> {
  const path = url.pathname;
  const found = findRoute(req.method ?? 'GET', path);
  core.stats.record(req.method ?? 'GET', path, found?.route.host);
  const rate = core.rateLimiter.hit(found?.route.host, Date.now());
  const headers = rate.headers;
  const delay = core.latencyMs + core.faults.latencyFor(path);
  if (delay > 0) {
    // A closing server must not wait out long injected latencies.
    const slept = await sleep(delay, true, { signal: shutdown }).catch(() => false);
    if (!slept) return;
  }
  if (core.faults.take('hang', path)) return; // never answered; the socket closes with the server
  try {
    const account = authenticate(core, req);
    account.requests += 1;
    if (!(await accountDelay(account, path, shutdown))) return;
    if (account.faults.take('hang', path)) return;
    if (rate.limited) {
      throw new ApiError(429, 42910000, 'too many requests', {
        'Retry-After': String(rate.retryAfterSeconds),
      });
    }
    const status = account.faults.take('status', path) ?? core.faults.take('status', path);
    if (status) throw ApiError.injected(status.status, status.retryAfterSeconds);
    if (!found) throw ApiError.notFound();
    const body = found.route.handle({
      core,
      account,
      query: new Query(url.searchParams),
      params: found.params,
      body: req.method === 'POST' ? await readJsonBody(req) : undefined,
    });
    // The ambiguous case: the request took effect, and its answer never arrives.
    if (account.faults.take('drop_response', path) ?? core.faults.take('drop_response', path)) {
      res.destroy();
      return;
    }
    if (account.faults.take('malformed_json', path) ?? core.faults.take('malformed_json', path)) {
      const text = JSON.stringify(body);
      sendText(res, 200, text.slice(0, Math.max(1, Math.floor(text.length / 2))), headers);
      return;
    }
    sendJson(res, 200, body, headers);
  } catch (error) {
    sendError(res, error, headers);
  }
}

/** Sleeps for the account's own latency faults; false when the server closed meanwhile. */
async function accountDelay(account: SimAccount, path: string, shutdown: AbortSignal): Promise<boolean> {
  const ms = account.faults.latencyFor(path);
  if (ms <= 0) return true;
  return sleep(ms, true, { signal: shutdown }).catch(() => false);
}
