import type { OrderOutcome } from '../contract/strategy-document';
import type { AlpacaApiError } from '../market/alpaca-api-error';
import type { OrderClient } from '../trading/order-client';
import type { OrderSubmission, RawOrder } from '../trading/order-wire';

/** A failure after which the order may or may not exist at Alpaca: look it up before anything else. */
export function isAmbiguous(error: unknown): boolean {
  const e = error as Partial<AlpacaApiError> | null;
  if (e?.kind === 'timeout' || e?.kind === 'network' || e?.kind === 'malformed') return true;
  return e?.kind === 'http' && (e.status ?? 0) >= 500;
}

/** Alpaca's answer to a repeated client order id (422 "client_order_id must be unique"). */
export function isDuplicateClientOrderId(error: unknown): boolean {
  const e = error as Partial<AlpacaApiError> | null;
  return e?.kind === 'http' && e.status === 422 && /client_order_id must be unique/i.test(e.message ?? '');
}

function isNotFound(error: unknown): boolean {
  const e = error as Partial<AlpacaApiError> | null;
  return e?.kind === 'http' && e.status === 404;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 300) : String(error).slice(0, 300);
}

function outcome(
  order: OrderSubmission,
  result: OrderOutcome['result'],
  found: RawOrder | null,
  error: string | null,
): OrderOutcome {
  return {
    client_order_id: order.client_order_id,
    symbol: order.symbol,
    side: order.side,
    qty: order.qty,
    result,
    alpaca_order_id: found?.id ?? null,
    alpaca_status: found?.status ?? null,
    error,
  };
}

/**
 * Looks the order up by its client order id: the order when Alpaca has it, null on 404.
 * @throws AlpacaApiError when the lookup itself fails.
 */
async function lookUp(client: OrderClient, clientOrderId: string): Promise<RawOrder | null> {
  try {
    return await client.orderByClientOrderId(clientOrderId);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/**
 * Submits one order so that it exists at Alpaca at most once. With `lookUpFirst` (a previous
 * attempt may have reached Alpaca) it looks the id up before submitting. A duplicate rejection
 * means it is already there (`existing`); after an ambiguous failure (timeout, dropped response,
 * 5xx) the id is looked up: found → `existing`, absent → submitted once more (the id keeps that
 * safe), still unclear → `unknown`. Any other refusal is `rejected`. Never throws.
 */
export async function submitOrderOnce(input: {
  client: OrderClient;
  order: OrderSubmission;
  lookUpFirst: boolean;
}): Promise<OrderOutcome> {
  const { client, order } = input;
  try {
    if (input.lookUpFirst) {
      const found = await lookUp(client, order.client_order_id);
      if (found) return outcome(order, 'existing', found, null);
    }
  } catch (error) {
    return outcome(order, 'unknown', null, describe(error));
  }
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      return outcome(order, 'placed', await client.submitOrder(order), null);
    } catch (error) {
      if (!isDuplicateClientOrderId(error) && !isAmbiguous(error))
        return outcome(order, 'rejected', null, describe(error));
      let found: RawOrder | null;
      try {
        found = await lookUp(client, order.client_order_id);
      } catch (lookupError) {
        return outcome(order, 'unknown', null, `${describe(error)}; lookup: ${describe(lookupError)}`);
      }
      if (found) return outcome(order, 'existing', found, null);
      if (isDuplicateClientOrderId(error) || attempt === 1)
        return outcome(order, 'unknown', null, describe(error));
    }
  }
  return outcome(order, 'unknown', null, 'not confirmed');
}
