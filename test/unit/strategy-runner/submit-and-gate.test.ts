import { describe, expect, it } from 'vitest';
import { gateExecution } from '../../../functions/src/strategy-runner/execute-decision';
import { submitOrderOnce } from '../../../functions/src/strategy-runner/submit-order';
import type { Decision } from '../../../strategies';
import { FakeOrderClient } from './fakes';

const order = {
  symbol: 'SPY',
  side: 'buy' as const,
  qty: '10',
  type: 'market' as const,
  time_in_force: 'day' as const,
  client_order_id: 'gp1-abc',
};

function decision(orders: number): Decision {
  const proposed = {
    symbol: 'SPY',
    side: 'buy' as const,
    qty: '10',
    type: 'market' as const,
    time_in_force: 'day' as const,
  };
  return { orders: Array.from({ length: orders }, () => proposed) } as unknown as Decision;
}

describe('gateExecution', () => {
  const base = {
    mode: 'paper' as const,
    decision: decision(1),
    globalKillSwitch: false,
    userKillSwitch: false,
  };

  it.each([
    [{}, true, 'placed'],
    [{ globalKillSwitch: true }, false, 'killed'],
    [{ userKillSwitch: true }, false, 'killed'],
    [{ mode: 'off' as const }, false, 'decisions_only'],
    [{ decision: decision(0) }, false, 'no_orders'],
    [{ mode: 'off' as const, userKillSwitch: true }, false, 'killed'],
  ])('%j → proceed %s, %s', (over, proceed, status) => {
    const gate = gateExecution({ ...base, ...over });
    expect(gate.proceed).toBe(proceed);
    expect(gate.status).toBe(status);
  });

  it('a killed decision says which switch and what was proposed', () => {
    expect(gateExecution({ ...base, globalKillSwitch: true }).reason).toBe(
      'global kill switch (STRATEGIES_KILL_SWITCH) is on: 1 order(s) proposed, not placed',
    );
    expect(gateExecution({ ...base, userKillSwitch: true, decision: decision(0) }).reason).toBe(
      "the user's kill switch is on: no order proposed",
    );
  });
});

describe('submitOrderOnce: an order exists at Alpaca at most once', () => {
  it('places an accepted order with one call', async () => {
    const client = new FakeOrderClient(['accept']);
    const outcome = await submitOrderOnce({ client, order, lookUpFirst: false });
    expect(outcome).toMatchObject({ result: 'placed', alpaca_order_id: 'o-1', client_order_id: 'gp1-abc' });
    expect([client.submits, client.lookups]).toEqual([1, 0]);
  });

  it('a dropped response is looked up by client order id and found: no second submit', async () => {
    const client = new FakeOrderClient(['drop']);
    const outcome = await submitOrderOnce({ client, order, lookUpFirst: false });
    expect(outcome).toMatchObject({ result: 'existing', alpaca_order_id: 'o-1' });
    expect([client.submits, client.lookups, client.placed.size]).toEqual([1, 1, 1]);
  });

  it.each(['timeout', '500'] as const)(
    '%s before Alpaca took it: looked up (404), then submitted once more',
    async (step) => {
      const client = new FakeOrderClient([step, 'accept']);
      const outcome = await submitOrderOnce({ client, order, lookUpFirst: false });
      expect(outcome.result).toBe('placed');
      expect([client.submits, client.lookups, client.placed.size]).toEqual([2, 1, 1]);
    },
  );

  it('two ambiguous failures in a row end unknown, never a third submit', async () => {
    const client = new FakeOrderClient(['timeout', 'timeout']);
    const outcome = await submitOrderOnce({ client, order, lookUpFirst: false });
    expect(outcome.result).toBe('unknown');
    expect(client.submits).toBe(2);
  });

  it('a duplicate client order id means it is already there', async () => {
    const client = new FakeOrderClient();
    await client.submitOrder(order);
    const outcome = await submitOrderOnce({ client, order, lookUpFirst: false });
    expect(outcome.result).toBe('existing');
    expect(client.placed.size).toBe(1);
  });

  it('an unsettled earlier attempt is looked up before anything else', async () => {
    const client = new FakeOrderClient();
    await client.submitOrder(order);
    const outcome = await submitOrderOnce({ client, order, lookUpFirst: true });
    expect(outcome.result).toBe('existing');
    expect([client.submits, client.lookups]).toEqual([1, 1]);
  });

  it('a refusal is rejected without a lookup', async () => {
    const client = new FakeOrderClient(['403']);
    const outcome = await submitOrderOnce({ client, order, lookUpFirst: false });
    expect(outcome).toMatchObject({ result: 'rejected', alpaca_order_id: null });
    expect(outcome.error).toContain('forbidden');
    expect(client.lookups).toBe(0);
  });
});
