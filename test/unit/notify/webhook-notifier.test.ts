import { describe, expect, it } from 'vitest';
import type { RegimeEvent } from '../../../functions/src/contract/regime-event';
import {
  createWebhookNotifier,
  eventText,
  webhookPayload,
  WebhookError,
} from '../../../functions/src/notify/webhook-notifier';

const EVENT: RegimeEvent = {
  id: 'spy_gex_sign_2025-05-16T14:33:00.000Z',
  symbol: 'spy',
  kind: 'gex_sign',
  before: 'positive',
  after: 'negative',
  as_of: '2025-05-16T14:33:00.000Z',
  pulse_time: '2025-05-16T14:33:00.000Z',
  spot_price: '450.00',
  zero_gamma: '448.10',
  net_gex: '-600000.00',
  net_gex_vol: null,
  notify: 'pending',
  notify_error: null,
};

/** A fetch that answers from a script (a status, or an Error to throw) and records each call. */
function scripted(answers: (number | Error)[]) {
  const calls: { url: string; body: unknown; signal: unknown }[] = [];
  const fetchFn: typeof fetch = (url, init) => {
    const target = typeof url === 'string' ? url : url instanceof URL ? url.href : url.url;
    const body = typeof init?.body === 'string' ? init.body : 'null';
    calls.push({ url: target, body: JSON.parse(body), signal: init?.signal });
    const answer = answers[calls.length - 1] ?? 200;
    if (answer instanceof Error) return Promise.reject(answer);
    return Promise.resolve(new Response(null, { status: answer }));
  };
  return { calls, fetch: fetchFn };
}

const noWait = () => Promise.resolve();

describe('webhook notifier', () => {
  it('posts Discord- and Slack-compatible JSON with a deadline', async () => {
    const { calls, fetch } = scripted([204]);
    await createWebhookNotifier({ url: 'https://hooks.example/x', fetch, sleep: noWait }).post(EVENT);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('https://hooks.example/x');
    expect(calls[0]?.body).toEqual(webhookPayload(EVENT));
    expect(calls[0]?.signal).toBeInstanceOf(AbortSignal);
    expect(webhookPayload(EVENT)).toMatchObject({ content: eventText(EVENT), text: eventText(EVENT) });
    expect(eventText(EVENT)).toBe(
      'GEX Pulse: SPY net GEX turned negative (was positive); net GEX -600000.00 USD per $1, spot 450.00, zero gamma 448.10, as of 2025-05-16T14:33:00.000Z',
    );
  });

  it('retries 5xx, 429 and network failures with backoff, then succeeds', async () => {
    const { calls, fetch } = scripted([503, 429, new TypeError('fetch failed'), 200]);
    const waits: number[] = [];
    const notifier = createWebhookNotifier({
      url: 'https://hooks.example/x',
      fetch,
      attempts: 4,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    await notifier.post(EVENT);
    expect(calls).toHaveLength(4);
    expect(waits).toEqual([500, 1000, 2000]);
  });

  it('gives up after the last attempt, and at once on a 4xx other than 429', async () => {
    const down = scripted([500, 500, 500, 200]);
    const failing = createWebhookNotifier({ url: 'https://h.example', fetch: down.fetch, sleep: noWait });
    await expect(failing.post(EVENT)).rejects.toMatchObject({
      name: 'WebhookError',
      status: 500,
      attempts: 3,
    });
    expect(down.calls).toHaveLength(3);
    const gone = scripted([404, 200]);
    const wrongUrl = createWebhookNotifier({ url: 'https://h.example', fetch: gone.fetch, sleep: noWait });
    await expect(wrongUrl.post(EVENT)).rejects.toBeInstanceOf(WebhookError);
    expect(gone.calls).toHaveLength(1);
  });
});
