import { ApiError } from '../http/api-error';
import { stableUuid } from '../random';
import type { SimAccount } from './sim-account';

/** One order as the simulator keeps it (Alpaca's wire fields, numbers as strings). */
export interface SimOrder {
  id: string;
  client_order_id: string;
  created_at: string;
  updated_at: string;
  submitted_at: string;
  filled_at: string | null;
  symbol: string;
  asset_class: 'us_equity';
  qty: string | null;
  notional: string | null;
  filled_qty: string;
  filled_avg_price: string | null;
  order_class: '';
  order_type: string;
  type: string;
  side: 'buy' | 'sell';
  time_in_force: string;
  limit_price: string | null;
  stop_price: string | null;
  status: 'new' | 'accepted' | 'filled';
  extended_hours: boolean;
  legs: null;
}

const TYPES = ['market', 'limit', 'stop', 'stop_limit', 'trailing_stop'] as const;
const TIME_IN_FORCE = ['day', 'gtc', 'opg', 'cls', 'ioc', 'fok'] as const;
const POSITIVE_DECIMAL = /^(?:\d+(?:\.\d+)?|\.\d+)$/;

function field(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') throw ApiError.unprocessable(`invalid ${name}`);
  return value;
}

function positive(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!POSITIVE_DECIMAL.test(text) || !(n > 0)) throw ApiError.unprocessable(`invalid ${name}: ${text}`);
  return n;
}

/** A validated order request (see {@link validateOrderRequest}). */
export interface OrderRequest {
  symbol: string;
  side: 'buy' | 'sell';
  type: (typeof TYPES)[number];
  timeInForce: (typeof TIME_IN_FORCE)[number];
  qty?: number;
  notional?: number;
  limitPrice?: number;
  stopPrice?: number;
  clientOrderId?: string;
}

/**
 * Validates a `POST /v2/orders` body like Alpaca (422 with Alpaca's messages): symbol, side, type
 * and time_in_force; `qty` or `notional`, never both; fractional `qty` and `notional` only for
 * market day orders; limit/stop prices where the type needs them; `client_order_id` ≤ 128.
 * @throws ApiError 422 (400 when the body is not an object).
 */
export function validateOrderRequest(raw: unknown): OrderRequest {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw ApiError.badRequest('request body must be a JSON object');
  const body = raw as Record<string, unknown>;
  const symbol = field(body, 'symbol')?.toUpperCase();
  if (!symbol || !/^[A-Z][A-Z0-9.]{0,9}$/.test(symbol)) throw ApiError.unprocessable('invalid symbol');
  const side = field(body, 'side');
  if (side !== 'buy' && side !== 'sell') throw ApiError.unprocessable('invalid side');
  const type = field(body, 'type') as OrderRequest['type'] | undefined;
  if (!type || !TYPES.includes(type)) throw ApiError.unprocessable('invalid order type');
  const tif = field(body, 'time_in_force') as OrderRequest['timeInForce'] | undefined;
  if (!tif || !TIME_IN_FORCE.includes(tif)) throw ApiError.unprocessable('invalid time_in_force');
  const qty = positive('qty', field(body, 'qty'));
  const notional = positive('notional', field(body, 'notional'));
  if (qty === undefined && notional === undefined)
    throw ApiError.unprocessable('qty or notional is required');
  if (qty !== undefined && notional !== undefined)
    throw ApiError.unprocessable('only one of qty or notional may be specified');
  const fractional = notional !== undefined || (qty !== undefined && !Number.isInteger(qty));
  if (fractional && type !== 'market')
    throw ApiError.unprocessable('fractional orders must be market orders');
  if (fractional && tif !== 'day') throw ApiError.unprocessable('fractional orders must be DAY orders');
  const limitPrice = positive('limit_price', field(body, 'limit_price'));
  const stopPrice = positive('stop_price', field(body, 'stop_price'));
  if ((type === 'limit' || type === 'stop_limit') && limitPrice === undefined)
    throw ApiError.unprocessable('limit_price is required');
  if ((type === 'stop' || type === 'stop_limit') && stopPrice === undefined)
    throw ApiError.unprocessable('stop_price is required');
  const clientOrderId = field(body, 'client_order_id');
  if (clientOrderId !== undefined && (clientOrderId.length === 0 || clientOrderId.length > 128))
    throw ApiError.unprocessable('client_order_id must be at most 128 characters');
  return {
    symbol,
    side,
    type,
    timeInForce: tif,
    ...(qty === undefined ? {} : { qty }),
    ...(notional === undefined ? {} : { notional }),
    ...(limitPrice === undefined ? {} : { limitPrice }),
    ...(stopPrice === undefined ? {} : { stopPrice }),
    ...(clientOrderId === undefined ? {} : { clientOrderId }),
  };
}

/** Every account's orders, keyed by account id; client order ids are unique per account. */
export class OrderBook {
  private byAccount = new Map<string, SimOrder[]>();
  private counter = 0;

  clear(): void {
    this.byAccount.clear();
    this.counter = 0;
  }

  /** The account's orders, oldest first. */
  of(account: SimAccount): readonly SimOrder[] {
    return this.byAccount.get(account.id) ?? [];
  }

  /** Every order with its account id (for the control API). */
  all(): { account_id: string; order: SimOrder }[] {
    return [...this.byAccount.entries()].flatMap(([id, orders]) =>
      orders.map((order) => ({ account_id: id, order })),
    );
  }

  /** The account's order with that client order id. @throws ApiError 404 `order not found`. */
  byClientOrderId(account: SimAccount, clientOrderId: string): SimOrder {
    const found = this.of(account).find((o) => o.client_order_id === clientOrderId);
    if (!found) throw new ApiError(404, 40410000, 'order not found');
    return found;
  }

  /**
   * Accepts a validated order for the account; a market order fills at once at `price` while the
   * market is open (changing the account's stock holding and cash), anything else rests as `new`.
   * @throws ApiError 422 `client_order_id must be unique` on a repeated client order id.
   */
  submit(input: {
    account: SimAccount;
    request: OrderRequest;
    nowMs: number;
    price: number;
    open: boolean;
  }): SimOrder {
    const { account, request, nowMs, price, open } = input;
    const orders = this.byAccount.get(account.id) ?? [];
    this.counter += 1;
    const clientOrderId = request.clientOrderId ?? stableUuid('client-order', account.id, this.counter);
    if (orders.some((o) => o.client_order_id === clientOrderId))
      throw new ApiError(422, 40010001, 'client_order_id must be unique');
    const at = new Date(nowMs).toISOString();
    const fills = request.type === 'market' && open;
    const qty = request.qty ?? (request.notional ?? 0) / price;
    const order: SimOrder = {
      id: stableUuid('order', account.id, this.counter),
      client_order_id: clientOrderId,
      created_at: at,
      updated_at: at,
      submitted_at: at,
      filled_at: fills ? at : null,
      symbol: request.symbol,
      asset_class: 'us_equity',
      qty: request.qty === undefined ? null : String(request.qty),
      notional: request.notional === undefined ? null : String(request.notional),
      filled_qty: fills ? String(Number(qty.toFixed(9))) : '0',
      filled_avg_price: fills ? price.toFixed(2) : null,
      order_class: '',
      order_type: request.type,
      type: request.type,
      side: request.side,
      time_in_force: request.timeInForce,
      limit_price: request.limitPrice === undefined ? null : String(request.limitPrice),
      stop_price: request.stopPrice === undefined ? null : String(request.stopPrice),
      status: fills ? 'filled' : open ? 'new' : 'accepted',
      extended_hours: false,
      legs: null,
    };
    if (fills) applyFill(account, request, qty, Number(price.toFixed(2)));
    orders.push(order);
    this.byAccount.set(account.id, orders);
    return order;
  }
}

/** A fill moves the stock holding (weighted entry price) and the cash. */
function applyFill(account: SimAccount, request: OrderRequest, qty: number, price: number): void {
  const signed = request.side === 'buy' ? qty : -qty;
  account.cash -= signed * price;
  const index = account.holdings.findIndex((h) => h.kind === 'stock' && h.symbol === request.symbol);
  const held = index >= 0 ? account.holdings[index] : undefined;
  if (!held || held.kind !== 'stock') {
    account.holdings.push({ kind: 'stock', symbol: request.symbol, qty: signed, avgEntryPrice: price });
    return;
  }
  const after = held.qty + signed;
  if (after === 0) {
    account.holdings.splice(index, 1);
    return;
  }
  const sameWay = Math.sign(held.qty) === Math.sign(signed);
  const crossed = Math.sign(after) !== Math.sign(held.qty);
  const avg = sameWay
    ? (held.avgEntryPrice * held.qty + price * signed) / after
    : crossed
      ? price
      : held.avgEntryPrice;
  account.holdings[index] = { ...held, qty: after, avgEntryPrice: avg };
}
