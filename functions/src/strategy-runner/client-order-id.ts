import { createHash } from 'node:crypto';

/** Prefix of every client order id the runner makes (`gp1-` + 40 hex = 44 characters). */
export const CLIENT_ORDER_ID_PREFIX = 'gp1-';

/**
 * The deterministic Alpaca `client_order_id` of one proposed order: `gp1-` and the first 40 hex
 * digits of SHA-256 over user, strategy, the regime's `as_of` and the order's index in the
 * decision (44 characters, within Alpaca's older 48-character limit). The same inputs always give
 * the same id, so a retried or re-delivered run submits a duplicate that Alpaca rejects.
 */
export function deriveClientOrderId(input: {
  uid: string;
  strategyId: string;
  regimeAsOf: string;
  index: number;
}): string {
  const material = ['gex-pulse/order/v1', input.uid, input.strategyId, input.regimeAsOf, String(input.index)];
  const digest = createHash('sha256').update(material.join('\n'), 'utf8').digest('hex');
  return `${CLIENT_ORDER_ID_PREFIX}${digest.slice(0, 40)}`;
}
