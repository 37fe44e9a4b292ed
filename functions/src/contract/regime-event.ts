import { z } from 'zod';
import { DecimalString } from './decimal-string';
import { FirestoreTimestamp } from './regime';

/**
 * `regimeEvents/{id}`: one document per crossing, written by the pulse in the same transaction as
 * the regime it comes from. Signed-in users read them; nobody writes them from a client.
 *
 * Kinds: `gex_sign` (net GEX changed sign: `before`/`after` are `positive`/`negative`) and
 * `zero_gamma_cross` (spot crossed the zero-gamma level: `above`/`below`). Both with hysteresis
 * (see `pulse/regime-events.ts`), so noise around a level fires nothing.
 */
export const RegimeEventKind = z.enum(['gex_sign', 'zero_gamma_cross']);
export type RegimeEventKind = z.infer<typeof RegimeEventKind>;

/** Webhook delivery: `disabled` (no URL set), `pending`, `sending` (claimed), `sent`, `failed`. */
export const NotifyState = z.enum(['disabled', 'pending', 'sending', 'sent', 'failed']);
export type NotifyState = z.infer<typeof NotifyState>;

export const RegimeEvent = z.object({
  /** `{symbol}_{kind}_{pulse_time}`: a retried pulse derives the same id and writes nothing new. */
  id: z.string(),
  /** Lower-case key of the symbol map (`spy`). */
  symbol: z.string(),
  kind: RegimeEventKind,
  before: z.enum(['positive', 'negative', 'above', 'below']),
  after: z.enum(['positive', 'negative', 'above', 'below']),
  /** ISO-8601 market-data time of the numbers that crossed. */
  as_of: z.string(),
  /** ISO-8601 schedule time of the pulse that saw it. */
  pulse_time: z.string(),
  spot_price: DecimalString,
  zero_gamma: DecimalString.nullable(),
  /** USD per $1 move, as in the regime map at that pulse. */
  net_gex: DecimalString,
  net_gex_vol: DecimalString.nullable(),
  notify: NotifyState,
  /** Last delivery error (HTTP status or network failure); null otherwise. */
  notify_error: z.string().nullable(),
});
export type RegimeEvent = z.infer<typeof RegimeEvent>;

/** A stored event: the event plus the server time it was written. */
export const RegimeEventDocument = RegimeEvent.extend({ timestamp: FirestoreTimestamp });
export type RegimeEventDocument = z.infer<typeof RegimeEventDocument>;
