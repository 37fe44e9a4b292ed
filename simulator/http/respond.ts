import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './api-error';

let requestCounter = 0;

/** Writes a JSON answer unless the client has gone. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  sendText(res, status, JSON.stringify(body), headers);
}

/** Writes a body with the JSON content type (also used for deliberately broken JSON). */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (res.destroyed || res.writableEnded) return;
  requestCounter += 1;
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=UTF-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Request-ID': `sim-${requestCounter.toString(16).padStart(8, '0')}`,
    ...headers,
  });
  res.end(text);
}

/** Writes an error as Alpaca does: `{code, message}`; anything not an ApiError is a 500. */
export function sendError(
  res: ServerResponse,
  error: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const apiError =
    error instanceof ApiError
      ? error
      : new ApiError(
          500,
          50010000,
          `internal error: ${error instanceof Error ? error.message : String(error)}`,
        );
  sendJson(
    res,
    apiError.status,
    { code: apiError.code, message: apiError.message },
    { ...headers, ...apiError.headers },
  );
}

/** Reads a JSON request body (empty → `{}`). @throws ApiError 400 on invalid JSON or a body over 50 MB. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > 50 * 1024 * 1024) throw ApiError.badRequest('request body too large');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw ApiError.badRequest('request body is not JSON');
  }
}
