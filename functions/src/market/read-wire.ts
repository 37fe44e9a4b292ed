import { z } from 'zod';
import { AlpacaApiError, toAlpacaApiError } from './alpaca-api-error';

/** What the SDK's generated `*Raw` methods resolve to: the HTTP response, body unread. */
export interface RawApiResponse {
  raw: Response;
}

/**
 * Runs one SDK `*Raw` call (transport, retry, timeout, rate limit are the SDK's) and validates the
 * wire JSON against `schema`. The body is read within the SDK's per-attempt deadline.
 * @throws AlpacaApiError — `http`/`auth`/`rate_limited`/`timeout`/`network` from the call,
 *   `malformed` when the body is not JSON or not the expected envelope.
 */
export async function readWire<S extends z.ZodType>(
  endpoint: string,
  call: () => Promise<RawApiResponse>,
  schema: S,
): Promise<z.infer<S>> {
  let text: string;
  let status: number;
  let requestId: string | null;
  try {
    const response = await call();
    status = response.raw.status;
    requestId = response.raw.headers.get('x-request-id');
    text = await response.raw.text();
  } catch (error) {
    throw toAlpacaApiError(endpoint, error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AlpacaApiError(endpoint, 'malformed', status, `${endpoint}: response is not JSON`, {
      cause: error,
      requestId,
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    // Up to three issues, so one line still names every broken field of a typical envelope.
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
    throw new AlpacaApiError(
      endpoint,
      'malformed',
      status,
      `${endpoint}: unexpected payload at ${issues.join('; ')}`,
      { cause: parsed.error, requestId },
    );
  }
  return parsed.data;
}

/** Splits items into those `schema` accepts and a count of the rest (skipped, never guessed). */
export function parseItems<S extends z.ZodType>(
  items: readonly unknown[],
  schema: S,
): { valid: z.infer<S>[]; invalid: number } {
  const valid: z.infer<S>[] = [];
  let invalid = 0;
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (parsed.success) valid.push(parsed.data);
    else invalid += 1;
  }
  return { valid, invalid };
}
