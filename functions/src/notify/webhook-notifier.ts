import type { RegimeEvent } from '../contract/regime-event';

/** A webhook post that failed for good; `status` is the last HTTP status (null: network/timeout). */
export class WebhookError extends Error {
  override readonly name = 'WebhookError';
  constructor(
    message: string,
    readonly status: number | null,
    readonly attempts: number,
  ) {
    super(message);
  }
}

/** Options of {@link createWebhookNotifier}. */
export interface WebhookOptions {
  /** Discord or Slack incoming-webhook URL (https). Never logged. */
  url: string;
  /** Per-attempt deadline, ms (default 5,000). */
  deadlineMs?: number;
  /** Attempts in all, first included (default 3). */
  attempts?: number;
  /** Wait before retry n (1-based), ms (default 500 × 2^(n−1)). */
  backoffMs?: (retry: number) => number;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/** Posts regime events to a webhook. */
export interface EventNotifier {
  /** @throws WebhookError once every attempt failed or the endpoint refused the payload (4xx). */
  post(event: RegimeEvent): Promise<void>;
}

const WHAT: Record<RegimeEvent['kind'], string> = {
  gex_sign: 'net GEX turned',
  zero_gamma_cross: 'spot crossed zero gamma, now',
};

/** One line a person reads in a chat channel. */
export function eventText(event: RegimeEvent): string {
  const zeroGamma = event.zero_gamma ?? 'n/a';
  return (
    `GEX Pulse: ${event.symbol.toUpperCase()} ${WHAT[event.kind]} ${event.after} (was ${event.before}); ` +
    `net GEX ${event.net_gex} USD per $1, spot ${event.spot_price}, zero gamma ${zeroGamma}, as of ${event.as_of}`
  );
}

/**
 * The JSON both chat services accept: Discord reads `content`, Slack reads `text` (each ignores the
 * other's field); `username` names the sender on Discord.
 */
export function webhookPayload(event: RegimeEvent): Record<string, string> {
  const text = eventText(event);
  return { content: text, text, username: 'GEX Pulse' };
}

const retryable = (status: number): boolean => status === 429 || status >= 500;

/**
 * A webhook poster with a deadline per attempt and retries on network errors, timeouts, 429 and
 * 5xx (with backoff); any other 4xx fails at once (a wrong URL does not get better).
 */
export function createWebhookNotifier(options: WebhookOptions): EventNotifier {
  const {
    url,
    deadlineMs = 5000,
    attempts = 3,
    backoffMs = (retry: number) => 500 * 2 ** (retry - 1),
    fetch: send = fetch,
    sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  } = options;
  return {
    async post(event) {
      const body = JSON.stringify(webhookPayload(event));
      let last: WebhookError | null = null;
      for (let attempt = 1; attempt <= attempts; attempt++) {
        if (attempt > 1) await sleep(backoffMs(attempt - 1));
        try {
          const response = await send(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
            signal: AbortSignal.timeout(deadlineMs),
          });
          if (response.ok) return;
          last = new WebhookError(`webhook answered ${response.status}`, response.status, attempt);
          if (!retryable(response.status)) throw last;
        } catch (err) {
          if (err instanceof WebhookError) throw err;
          const reason = err instanceof Error ? err.name : 'error';
          last = new WebhookError(`webhook unreachable (${reason})`, null, attempt);
        }
      }
      throw last ?? new WebhookError('webhook not attempted', null, 0);
    },
  };
}
