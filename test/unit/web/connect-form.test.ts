import { describe, expect, it } from 'vitest';
import { describeCallableError, readConnectForm } from '../../../web/src/view/connect-form';

describe('readConnectForm', () => {
  it('trims the fields into the callable input', () => {
    expect(readConnectForm({ keyId: ' PK1 ', secretKey: ' s3cret\n', paper: true })).toEqual({
      ok: true,
      input: { keyId: 'PK1', secretKey: 's3cret', paper: true },
    });
  });

  it('names the missing or oversized field without echoing the secret', () => {
    expect(readConnectForm({ keyId: '', secretKey: 'x', paper: true })).toEqual({
      ok: false,
      message: 'Enter your Alpaca API key ID.',
    });
    expect(readConnectForm({ keyId: 'PK', secretKey: '  ', paper: false })).toEqual({
      ok: false,
      message: 'Enter your Alpaca secret key.',
    });
    expect(readConnectForm({ keyId: 'K'.repeat(129), secretKey: 'x', paper: true })).toMatchObject({
      ok: false,
    });
    const long = 'S'.repeat(257);
    const refused = readConnectForm({ keyId: 'PK', secretKey: long, paper: true });
    expect(refused).toMatchObject({ ok: false });
    expect(JSON.stringify(refused)).not.toContain(long);
    expect(readConnectForm({ keyId: 'K'.repeat(128), secretKey: 'S'.repeat(256), paper: true }).ok).toBe(
      true,
    );
  });
});

describe('describeCallableError', () => {
  it('has one plain sentence per callable error code, with or without the functions/ prefix', () => {
    const codes = [
      'unauthenticated',
      'invalid-argument',
      'permission-denied',
      'unavailable',
      'resource-exhausted',
    ];
    const messages = codes.map((code) => describeCallableError(`functions/${code}`, 'connect'));
    expect(new Set(messages).size).toBe(codes.length);
    expect(describeCallableError('permission-denied', 'connect')).toBe(messages[2]);
    expect(messages[2]).toContain('Alpaca refused these keys');
    expect(messages[4]).toContain('Too many attempts');
  });

  it('falls back per action for anything else', () => {
    expect(describeCallableError('functions/internal', 'connect')).toContain('Nothing was stored');
    expect(describeCallableError(undefined, 'disconnect')).toContain('Disconnecting failed');
  });
});
