import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CredentialDecryptError,
  decryptCredentials,
  encryptCredentials,
  rewrapRecord,
} from '../../../functions/src/accounts/credential-cipher';
import { MasterKeyError, parseMasterKeyring } from '../../../functions/src/accounts/master-keyring';

const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');
const ring1 = parseMasterKeyring(`k1:${k1}`, 'k1');
const ring12 = parseMasterKeyring(`k1:${k1}, k2:${k2}`, 'k2');
const now = new Date('2026-01-05T15:00:00Z');
const keys = { keyId: 'AKTESTKEYID', secretKey: 'very-secret-value-123' };

describe('credential envelope encryption', () => {
  it('round-trips key pairs and tokens; the record holds no plaintext', () => {
    const record = encryptCredentials({ uid: 'alice', credentials: keys, paper: true, keyring: ring1, now });
    expect(record.key_id).toBe('k1');
    const stored = JSON.stringify(record);
    for (const secret of [keys.keyId, keys.secretKey, k1]) expect(stored).not.toContain(secret);
    expect(decryptCredentials({ uid: 'alice', record, keyring: ring1 })).toEqual(keys);
    const token = encryptCredentials({
      uid: 'bob',
      credentials: { accessToken: 'tok' },
      paper: false,
      keyring: ring1,
      now,
    });
    expect(decryptCredentials({ uid: 'bob', record: token, keyring: ring1 })).toEqual({ accessToken: 'tok' });
  });

  it('uses a fresh data key and IV per record', () => {
    const a = encryptCredentials({ uid: 'alice', credentials: keys, paper: true, keyring: ring1, now });
    const b = encryptCredentials({ uid: 'alice', credentials: keys, paper: true, keyring: ring1, now });
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(a.wrapped_key).not.toBe(b.wrapped_key);
  });

  it('a record copied to another uid, or tampered with, does not decrypt', () => {
    const record = encryptCredentials({ uid: 'alice', credentials: keys, paper: true, keyring: ring1, now });
    expect(() => decryptCredentials({ uid: 'mallory', record, keyring: ring1 })).toThrow(
      CredentialDecryptError,
    );
    const bytes = Buffer.from(record.ciphertext, 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    const tampered = { ...record, ciphertext: bytes.toString('base64') };
    expect(() => decryptCredentials({ uid: 'alice', record: tampered, keyring: ring1 })).toThrow(
      CredentialDecryptError,
    );
    const other = encryptCredentials({
      uid: 'alice',
      credentials: { accessToken: 'x' },
      paper: true,
      keyring: ring1,
      now,
    });
    // The data key of one record does not open another record's ciphertext.
    const spliced = { ...record, wrapped_key: other.wrapped_key };
    expect(() => decryptCredentials({ uid: 'alice', record: spliced, keyring: ring1 })).toThrow(
      CredentialDecryptError,
    );
  });

  it('an unknown master key id is its own reason; errors carry no secret', () => {
    const record = encryptCredentials({ uid: 'alice', credentials: keys, paper: true, keyring: ring12, now });
    const error = (() => {
      try {
        decryptCredentials({ uid: 'alice', record, keyring: ring1 });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CredentialDecryptError);
    expect((error as CredentialDecryptError).reason).toBe('unknown_key');
    expect(String(error)).not.toContain(keys.secretKey);
  });

  it('rotation re-wraps only the data key: same ciphertext, new key id, still decrypts', () => {
    const record = encryptCredentials({ uid: 'alice', credentials: keys, paper: true, keyring: ring1, now });
    const rotated = rewrapRecord({ uid: 'alice', record, keyring: ring12, now });
    expect(rotated.key_id).toBe('k2');
    expect(rotated.ciphertext).toBe(record.ciphertext);
    expect(rotated.wrapped_key).not.toBe(record.wrapped_key);
    expect(rotated.rewrapped_at).toBe(now.toISOString());
    const only2 = parseMasterKeyring(`k2:${k2}`, 'k2');
    expect(decryptCredentials({ uid: 'alice', record: rotated, keyring: only2 })).toEqual(keys);
    expect(rewrapRecord({ uid: 'alice', record: rotated, keyring: ring12, now })).toBe(rotated);
  });

  it('refuses malformed master-key secrets without echoing them', () => {
    expect(() => parseMasterKeyring('k1', 'k1')).toThrow(MasterKeyError);
    expect(() => parseMasterKeyring(`k1:${randomBytes(16).toString('base64')}`, 'k1')).toThrow(/32 bytes/);
    expect(() => parseMasterKeyring(`k1:${k1},k1:${k2}`, 'k1')).toThrow(/twice/);
    expect(() => parseMasterKeyring(`k1:${k1}`, 'k9')).toThrow(/not in the secret/);
    try {
      parseMasterKeyring(`k1:${k1},bad entry`, 'k1');
    } catch (e) {
      expect(String(e)).not.toContain(k1);
    }
  });
});
