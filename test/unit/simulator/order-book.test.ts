import { describe, expect, it } from 'vitest';
import { OrderBook, validateOrderRequest } from '../../../simulator/accounts/order-book';
import { newSimAccount } from '../../../simulator/accounts/sim-account';
import { ApiError } from '../../../simulator/http/api-error';

const base = { symbol: 'SPY', side: 'buy', type: 'market', time_in_force: 'day' };

function rejection(body: unknown): { status: number; message: string } {
  try {
    validateOrderRequest(body);
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error('accepted');
}

describe('simulator order validation (like Alpaca)', () => {
  it('accepts a whole-share market day order and a notional market day order', () => {
    expect(validateOrderRequest({ ...base, qty: '10' })).toMatchObject({ symbol: 'SPY', qty: 10 });
    expect(validateOrderRequest({ ...base, notional: '250.5' })).toMatchObject({ notional: 250.5 });
  });

  it.each([
    [{ ...base }, 'qty or notional is required'],
    [{ ...base, qty: '1', notional: '5' }, 'only one of qty or notional may be specified'],
    [{ ...base, qty: '1.5', type: 'limit', limit_price: '1' }, 'fractional orders must be market orders'],
    [{ ...base, qty: '1.5', time_in_force: 'gtc' }, 'fractional orders must be DAY orders'],
    [{ ...base, notional: '10', time_in_force: 'gtc' }, 'fractional orders must be DAY orders'],
    [{ ...base, qty: '1', side: 'hold' }, 'invalid side'],
    [{ ...base, qty: '1', type: 'moo' }, 'invalid order type'],
    [{ ...base, qty: '1', time_in_force: 'week' }, 'invalid time_in_force'],
    [{ ...base, qty: '-1' }, 'invalid qty: -1'],
    [{ ...base, qty: '1', type: 'limit' }, 'limit_price is required'],
    [{ ...base, qty: '1', type: 'stop' }, 'stop_price is required'],
    [
      { ...base, qty: '1', client_order_id: 'x'.repeat(129) },
      'client_order_id must be at most 128 characters',
    ],
  ])('%j → 422 %s', (body, message) => {
    expect(rejection(body)).toEqual({ status: 422, message });
  });
});

describe('simulator order book', () => {
  const nowMs = Date.parse('2025-05-16T14:30:00Z');

  it('fills a market order while open, moving the stock holding and cash; a repeated client order id is a 422', () => {
    const book = new OrderBook();
    const account = newSimAccount({
      index: 1,
      credentials: { keyId: 'k', secretKey: 's' },
      cash: 10_000,
      holdings: [],
    });
    const request = validateOrderRequest({ ...base, qty: '10', client_order_id: 'abc' });
    const order = book.submit({ account, request, nowMs, price: 500.004, open: true });
    expect(order).toMatchObject({
      status: 'filled',
      filled_qty: '10',
      filled_avg_price: '500.00',
      client_order_id: 'abc',
    });
    expect(account.cash).toBe(5_000);
    expect(account.holdings).toEqual([{ kind: 'stock', symbol: 'SPY', qty: 10, avgEntryPrice: 500 }]);
    expect(() => book.submit({ account, request, nowMs, price: 500, open: true })).toThrow(
      'client_order_id must be unique',
    );
    expect(book.of(account)).toHaveLength(1);
    const sell = validateOrderRequest({ ...base, side: 'sell', qty: '10' });
    book.submit({ account, request: sell, nowMs, price: 510, open: true });
    expect(account.holdings).toEqual([]);
    expect(account.cash).toBe(10_100);
  });

  it('rests a market order while closed and finds orders by client order id per account', () => {
    const book = new OrderBook();
    const a = newSimAccount({ index: 1, credentials: { keyId: 'a', secretKey: 's' }, holdings: [] });
    const b = newSimAccount({ index: 2, credentials: { keyId: 'b', secretKey: 's' }, holdings: [] });
    const request = validateOrderRequest({ ...base, qty: '1', client_order_id: 'same' });
    expect(book.submit({ account: a, request, nowMs, price: 500, open: false }).status).toBe('accepted');
    expect(a.holdings).toEqual([]);
    expect(book.submit({ account: b, request, nowMs, price: 500, open: true }).status).toBe('filled');
    expect(book.byClientOrderId(a, 'same').status).toBe('accepted');
    expect(() => book.byClientOrderId(a, 'other')).toThrow('order not found');
  });
});
