import { validateOrderRequest, type SimOrder } from '../accounts/order-book';
import { ApiError } from './api-error';
import type { Route, RouteContext } from './route';

/** `POST /v2/orders`: validated like Alpaca; a market order fills at the simulated price while open. */
function postOrder({ core, account, body }: RouteContext): SimOrder {
  const request = validateOrderRequest(body);
  return core.orders.submit({
    account,
    request,
    nowMs: core.nowMs(),
    price: core.stock(request.symbol).last,
    open: core.isOpen(),
  });
}

/** `GET /v2/orders?status=open|closed|all&limit=1..500&direction=asc|desc&symbols=`. */
function listOrders({ core, account, query }: RouteContext): SimOrder[] {
  const status = query.oneOf('status', ['open', 'closed', 'all'] as const) ?? 'open';
  const limit = query.limit(500, 50);
  const direction = query.oneOf('direction', ['asc', 'desc'] as const) ?? 'desc';
  const symbols = query.symbols('symbols');
  const orders = core.orders
    .of(account)
    .filter((o) => status === 'all' || (status === 'closed') === (o.status === 'filled'))
    .filter((o) => !symbols || symbols.includes(o.symbol));
  const ordered = direction === 'desc' ? [...orders].reverse() : [...orders];
  return ordered.slice(0, limit);
}

/** `GET /v2/orders:by_client_order_id?client_order_id=…`: the order, or 404 `order not found`. */
function orderByClientOrderId({ core, account, query }: RouteContext): SimOrder {
  const id = query.string('client_order_id');
  if (!id) throw ApiError.unprocessable('client_order_id is required');
  return core.orders.byClientOrderId(account, id);
}

/** Order endpoints of the authenticated account. */
export const orderRoutes: readonly Route[] = [
  { host: 'trading', method: 'POST', pattern: /^\/v2\/orders$/, handle: postOrder },
  { host: 'trading', pattern: /^\/v2\/orders$/, handle: listOrders },
  { host: 'trading', pattern: /^\/v2\/orders:by_client_order_id$/, handle: orderByClientOrderId },
];
