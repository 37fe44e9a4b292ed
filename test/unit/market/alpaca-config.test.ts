import { describe, expect, it } from 'vitest';
import { AlpacaConfigError, alpacaConfigFromEnv } from '../../../functions/src/market/alpaca-config';

const keys = { APCA_API_KEY_ID: 'id', APCA_API_SECRET_KEY: 'secret' };

describe('alpacaConfigFromEnv', () => {
  it('defaults to Alpaca paper trading, the public data host and the indicative feed', () => {
    expect(alpacaConfigFromEnv(keys)).toEqual({
      keyId: 'id',
      secretKey: 'secret',
      tradingBaseUrl: 'https://paper-api.alpaca.markets',
      dataBaseUrl: 'https://data.alpaca.markets',
      optionFeed: 'indicative',
    });
  });

  it('takes host overrides, trimming a trailing slash and a trailing /v2', () => {
    const config = alpacaConfigFromEnv({
      ...keys,
      APCA_API_BASE_URL: 'https://api.alpaca.markets/v2/',
      APCA_API_DATA_URL: 'http://127.0.0.1:4010/',
      APCA_OPTIONS_FEED: 'opra',
    });
    expect(config.tradingBaseUrl).toBe('https://api.alpaca.markets');
    expect(config.dataBaseUrl).toBe('http://127.0.0.1:4010');
    expect(config.optionFeed).toBe('opra');
  });

  it('trims a trailing API version from the data host too', () => {
    const config = alpacaConfigFromEnv({ ...keys, APCA_API_DATA_URL: 'https://data.alpaca.markets/v2' });
    expect(config.dataBaseUrl).toBe('https://data.alpaca.markets');
  });

  it.each([
    [{ APCA_API_SECRET_KEY: 'secret' }, 'APCA_API_KEY_ID'],
    [{ ...keys, APCA_API_BASE_URL: 'localhost:4010' }, 'APCA_API_BASE_URL'],
    [{ ...keys, APCA_API_DATA_URL: 'not a url' }, 'APCA_API_DATA_URL'],
    [{ APCA_API_KEY_ID: 'id', APCA_API_SECRET_KEY: '  ' }, 'APCA_API_SECRET_KEY'],
    [{ ...keys, APCA_OPTIONS_FEED: 'sip' }, 'APCA_OPTIONS_FEED'],
  ])('names the missing or bad variable (%o)', (env, field) => {
    expect(() => alpacaConfigFromEnv(env)).toThrow(AlpacaConfigError);
    try {
      alpacaConfigFromEnv(env);
    } catch (error) {
      expect((error as AlpacaConfigError).field).toBe(field);
    }
  });
});
