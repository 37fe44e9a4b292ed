import { trading } from '@alpacahq/alpaca-trade-api/rest';
import { readWire } from '../market/read-wire';
import { tradingConfiguration, type TradingCredentials } from './trading-client';
import { RawOrder, RawOrders, type OrderSubmission } from './order-wire';

/** Settings of one user's order client. */
export interface OrderClientConfig {
  /** Trading API host (no `/v2`). */
  baseUrl: string;
  credentials: TradingCredentials;
  /** Per-request deadline, ms. Default 5000. */
  timeoutMs?: number;
  fetchApi?: typeof fetch;
}

/** One user's order calls. Each throws `AlpacaApiError` (a 422 duplicate is `http` with status 422). */
export interface OrderClient {
  /** `POST /v2/orders`; never retried (a POST is not idempotent): on an ambiguous failure, look it up. */
  submitOrder(order: OrderSubmission, signal?: AbortSignal): Promise<RawOrder>;
  /** `GET /v2/orders:by_client_order_id`; 404 (`http`, status 404) when Alpaca has no such order. */
  orderByClientOrderId(clientOrderId: string, signal?: AbortSignal): Promise<RawOrder>;
  /** `GET /v2/orders?status=all` newest first (at most `limit`, ≤ 500). */
  listOrders(limit: number, signal?: AbortSignal): Promise<RawOrder[]>;
}

/**
 * One user's order client: the SDK's raw `trading.OrdersApi` on a `Configuration` with an explicit
 * `basePath`. GETs are retried once by the SDK; `POST /v2/orders` never is. Credentials go to the
 * SDK only and are never logged.
 */
export function createOrderClient(config: OrderClientConfig): OrderClient {
  const sdk = tradingConfiguration(config);
  const orders = new trading.OrdersApi(sdk);
  const init = (signal?: AbortSignal) => (signal ? { signal } : undefined);
  return {
    submitOrder: (order, signal) =>
      readWire(
        '/v2/orders',
        () =>
          orders.postOrderRaw(
            {
              postOrderRequest: {
                symbol: order.symbol,
                side: order.side,
                qty: order.qty,
                type: order.type,
                timeInForce: order.time_in_force,
                clientOrderId: order.client_order_id,
              },
            },
            init(signal),
          ),
        RawOrder,
      ),
    orderByClientOrderId: (clientOrderId, signal) =>
      readWire(
        '/v2/orders:by_client_order_id',
        () => orders.getOrderByClientOrderIdRaw({ clientOrderId }, init(signal)),
        RawOrder,
      ),
    listOrders: (limit, signal) =>
      readWire(
        '/v2/orders',
        () => orders.getAllOrdersRaw({ status: 'all', limit, direction: 'desc' }, init(signal)),
        RawOrders,
      ),
  };
}
