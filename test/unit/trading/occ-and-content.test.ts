import { describe, expect, it } from 'vitest';
import { parseOccSymbol } from '../../../functions/src/contract/occ-symbol';
import {
  maskAccountNumber,
  MalformedPositionError,
  toAccountContent,
} from '../../../functions/src/trading/to-account-content';
import { RawAccount, RawPosition } from '../../../functions/src/trading/trading-wire';

describe('parseOccSymbol', () => {
  it('splits root, expiry, type and strike', () => {
    expect(parseOccSymbol('SPY260608C00759000')).toEqual({
      underlying: 'SPY',
      expiry: '2026-06-08',
      type: 'call',
      strike: '759',
    });
    expect(parseOccSymbol('SPXW251219P05912500')).toMatchObject({
      underlying: 'SPXW',
      type: 'put',
      strike: '5912.5',
    });
    expect(parseOccSymbol('QQQ   251219P00000500')).toMatchObject({ underlying: 'QQQ', strike: '0.5' });
  });

  it('refuses what is not OCC or names an impossible date', () => {
    for (const bad of [
      'SPY',
      'SPY260608X00759000',
      'SPY261332C00759000',
      'SPY260230C00759000',
      'spy260608C00759000',
    ]) {
      expect(parseOccSymbol(bad)).toBeNull();
    }
  });
});

const account = RawAccount.parse({
  id: 'a',
  account_number: 'PA0123456789',
  status: 'ACTIVE',
  equity: '1000.50',
  cash: '500.25',
  buying_power: '1000.50',
  long_market_value: '500.25',
  short_market_value: '0',
  trading_blocked: false,
  account_blocked: false,
  options_approved_level: 2,
  pattern_day_trader: true,
});
const position = (symbol: string, asset_class: 'us_equity' | 'us_option') =>
  RawPosition.parse({
    symbol,
    asset_class,
    qty: '1',
    side: 'long',
    avg_entry_price: '1.00',
    market_value: '1.00',
    cost_basis: '1.00',
    unrealized_pl: '0.00',
    current_price: '1.00',
  });

describe('toAccountContent', () => {
  it('keeps the decimal strings, orders positions by symbol, reads no PDT field', () => {
    const content = toAccountContent(account, [
      position('SPY260608C00759000', 'us_option'),
      position('AAPL', 'us_equity'),
    ]);
    expect(content.positions.map((p) => p.symbol)).toEqual(['AAPL', 'SPY260608C00759000']);
    expect(content.positions[1]?.option).toEqual({
      underlying: 'SPY',
      expiry: '2026-06-08',
      type: 'call',
      strike: '759',
    });
    expect(content.account).toMatchObject({
      equity: '1000.50',
      options_buying_power: null,
      options_trading_level: 2,
    });
    expect(JSON.stringify(content)).not.toContain('pattern_day_trader');
  });

  it('refuses the whole payload when an option symbol is not OCC', () => {
    expect(() => toAccountContent(account, [position('NOTOCC', 'us_option')])).toThrow(
      MalformedPositionError,
    );
  });

  it('rejects money that is not a decimal string at the edge', () => {
    expect(RawAccount.safeParse({ ...account, equity: 1000.5 }).success).toBe(false);
    expect(RawAccount.safeParse({ ...account, cash: 'NaN' }).success).toBe(false);
  });

  it('masks the account number to its last four', () => {
    expect(maskAccountNumber('PA0123456789')).toBe('••••6789');
  });
});
