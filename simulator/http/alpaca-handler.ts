import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SimulatorCore } from '../core';
import { ApiError } from './api-error';
import { optionRoutes } from './option-routes';
import { Query } from './query';
import { sendError, sendJson, sendText } from './respond';
import type { Route } from './route';
import { stockRoutes } from './stock-routes';
import { tradingRoutes } from './trading-routes';

const routes: readonly Route[] = [...tradingRoutes, ...optionRoutes, ...stockRoutes];

function findRoute(path: string): { route: Route; params: string[] } | undefined {
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (match) return { route, params: match.slice(1).map((p) => decodeURIComponent(p)) };
  }
  return undefined;
}

/** Alpaca's key-pair auth: missing headers → 401, wrong keys → 403. */
function authenticate(core: SimulatorCore, req: IncomingMessage): void {
  const keyId = req.headers['apca-api-key-id'];
  const secret = req.headers['apca-api-secret-key'];
  if (typeof keyId !== 'string' || typeof secret !== 'string' || keyId === '' || secret === '') {
    throw new ApiError(401, 40110000, 'request is not authorized');
  }
  if (keyId !== core.keyId || secret !== core.secretKey) throw new ApiError(403, 40310000, 'forbidden');
}

/**
 * One Alpaca request: count it, apply latency, then the fault/auth/validation pipeline:
 * hang → auth → rate limit → injected status → route → malformed JSON → answer.
 */
export async function handleAlpaca(
  core: SimulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  shutdown: AbortSignal,
): Promise<void> {
  const path = url.pathname;
  const found = req.method === 'GET' ? findRoute(path) : undefined;
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
    authenticate(core, req);
    if (rate.limited) {
      throw new ApiError(429, 42910000, 'too many requests', {
        'Retry-After': String(rate.retryAfterSeconds),
      });
    }
    const status = core.faults.take('status', path);
    if (status) throw ApiError.injected(status.status, status.retryAfterSeconds);
    if (!found) throw ApiError.notFound();
    const body = found.route.handle({ core, query: new Query(url.searchParams), params: found.params });
    if (core.faults.take('malformed_json', path)) {
      const text = JSON.stringify(body);
      sendText(res, 200, text.slice(0, Math.max(1, Math.floor(text.length / 2))), headers);
      return;
    }
    sendJson(res, 200, body, headers);
  } catch (error) {
    sendError(res, error, headers);
  }
}
