import type { IncomingMessage, ServerResponse } from 'node:http';
import { ZodError, prettifyError } from 'zod';
import {
  ClockBodySchema,
  FaultsBodySchema,
  LatencyBodySchema,
  RateLimitBodySchema,
  ReplayBodySchema,
  ResetBodySchema,
  type SimulatorControl,
} from '../control';
import { ApiError } from './api-error';
import { readJsonBody, sendError, sendJson } from './respond';

type ControlHandler = (control: SimulatorControl, body: unknown) => unknown;

const handlers: Record<string, ControlHandler> = {
  'GET /_sim/health': (control) => control.health(),
  'GET /_sim/stats': (control) => control.stats(),
  'GET /_sim/faults': (control) => ({ faults: control.health().faults }),
  'POST /_sim/reset': (control, body) => {
    control.reset(ResetBodySchema.parse(body));
    return control.health();
  },
  'POST /_sim/clock': (control, body) => {
    control.setClock(ClockBodySchema.parse(body).now);
    return control.health();
  },
  'POST /_sim/faults': (control, body) => {
    control.setFaults(FaultsBodySchema.parse(body).faults);
    return { faults: control.health().faults };
  },
  'POST /_sim/latency': (control, body) => {
    control.setLatency(LatencyBodySchema.parse(body).ms);
    return control.health();
  },
  'POST /_sim/rate-limit': (control, body) => {
    control.setRateLimit(RateLimitBodySchema.parse(body).perMinute);
    return control.health();
  },
  'GET /_sim/accounts': (control) => ({ accounts: control.accounts() }),
  'POST /_sim/accounts': (control, body) => ({ accounts: control.createAccounts(body) }),
  'POST /_sim/accounts/faults': (control, body) => {
    control.setAccountFaults(body);
    return { ok: true };
  },
  'GET /_sim/orders': (control) => ({ orders: control.orders() }),
  'POST /_sim/replay': (control, body) => {
    const parsed = ReplayBodySchema.parse(body);
    return 'csv' in parsed ? control.replayCsv(parsed.csv) : control.replayFile(parsed.file);
  },
};

/** Serves `/_sim/*`: no auth, not counted; bad input → 400 `{code, message}`. */
export async function handleControl(
  control: SimulatorControl,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const handler = handlers[`${req.method ?? 'GET'} ${path}`];
  try {
    if (!handler) throw ApiError.notFound(`no control endpoint ${req.method ?? ''} ${path}`);
    const body = req.method === 'POST' ? await readJsonBody(req) : undefined;
    sendJson(res, 200, await handler(control, body));
  } catch (error) {
    sendError(res, asBadRequest(error) ?? error);
  }
}

/** Bad control input (schema, instant, CSV, missing file) as a 400; anything else stays a 500. */
function asBadRequest(error: unknown): ApiError | undefined {
  if (error instanceof ZodError) return ApiError.badRequest(prettifyError(error));
  if (!(error instanceof Error)) return undefined;
  const isInput =
    error instanceof RangeError ||
    error.name === 'CboeParseError' ||
    ('code' in error && error.code === 'ENOENT');
  return isInput ? ApiError.badRequest(error.message) : undefined;
}
