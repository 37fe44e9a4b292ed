import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { EncryptedCredentialRecord } from '../store/credential-record';
import type { MasterKeyring } from './master-keyring';
import type { TradingCredentials } from '../trading/trading-client';

/**
 * Envelope encryption of a user's Alpaca credentials (AES-256-GCM throughout):
 * a fresh random 256-bit data key per record encrypts the credentials; a master key (by id)
 * wraps the data key. Both ciphertexts carry additional authenticated data naming their purpose
 * and the uid, so a record copied to another user, or a wrapped key moved to another record's
 * purpose, fails to decrypt. Plaintext never leaves this module except as the decrypted value.
 */

/** A record that cannot be opened: wrong uid, tampered, unknown key id. Carries no detail of why. */
export class CredentialDecryptError extends Error {
  override readonly name = 'CredentialDecryptError';
  constructor(readonly reason: 'unknown_key' | 'unreadable') {
    super(
      reason === 'unknown_key'
        ? 'credential record uses an unknown master key'
        : 'credential record does not decrypt',
    );
  }
}

const Plain = z.union([
  z.object({ keyId: z.string().min(1), secretKey: z.string().min(1) }).strict(),
  z.object({ accessToken: z.string().min(1) }).strict(),
]);

const aad = (purpose: 'data-key' | 'credentials', uid: string) =>
  Buffer.from(`gex-pulse/alpaca-${purpose}/v1/${uid}`, 'utf8');

function seal(key: Buffer, plaintext: Buffer, additional: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(additional);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

function open(key: Buffer, sealed: string, additional: Buffer): Buffer {
  const bytes = Buffer.from(sealed, 'base64');
  if (bytes.length < 29) throw new CredentialDecryptError('unreadable');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAAD(additional);
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
  } catch {
    throw new CredentialDecryptError('unreadable');
  }
}

function masterKey(keyring: MasterKeyring, id: string): Buffer {
  const key = keyring.keys.get(id);
  if (!key) throw new CredentialDecryptError('unknown_key');
  return key;
}

/** Encrypts credentials for `uid` under the keyring's current master key. */
export function encryptCredentials(input: {
  uid: string;
  credentials: TradingCredentials;
  paper: boolean;
  keyring: MasterKeyring;
  now: Date;
}): EncryptedCredentialRecord {
  const dataKey = randomBytes(32);
  try {
    const plaintext = Buffer.from(JSON.stringify(input.credentials), 'utf8');
    return {
      version: 1,
      purpose: 'alpaca-credentials',
      key_id: input.keyring.currentId,
      wrapped_key: seal(
        masterKey(input.keyring, input.keyring.currentId),
        dataKey,
        aad('data-key', input.uid),
      ),
      ciphertext: seal(dataKey, plaintext, aad('credentials', input.uid)),
      paper: input.paper,
      created_at: input.now.toISOString(),
      rewrapped_at: null,
    };
  } finally {
    dataKey.fill(0);
  }
}

/** Opens a record for `uid`. @throws CredentialDecryptError (never says what the plaintext was). */
export function decryptCredentials(input: {
  uid: string;
  record: EncryptedCredentialRecord;
  keyring: MasterKeyring;
}): TradingCredentials {
  const { uid, record, keyring } = input;
  const dataKey = open(masterKey(keyring, record.key_id), record.wrapped_key, aad('data-key', uid));
  try {
    const parsed = Plain.safeParse(
      JSON.parse(open(dataKey, record.ciphertext, aad('credentials', uid)).toString('utf8')),
    );
    if (!parsed.success) throw new CredentialDecryptError('unreadable');
    return parsed.data;
  } finally {
    dataKey.fill(0);
  }
}

/**
 * Re-wraps a record's data key under the keyring's current master key; the credentials'
 * ciphertext is untouched (they are never decrypted). A record already under it is returned as is.
 * @throws CredentialDecryptError when the old wrap does not open for `uid`.
 */
export function rewrapRecord(input: {
  uid: string;
  record: EncryptedCredentialRecord;
  keyring: MasterKeyring;
  now: Date;
}): EncryptedCredentialRecord {
  const { uid, record, keyring } = input;
  if (record.key_id === keyring.currentId) return record;
  const dataKey = open(masterKey(keyring, record.key_id), record.wrapped_key, aad('data-key', uid));
  try {
    const wrapped = seal(masterKey(keyring, keyring.currentId), dataKey, aad('data-key', uid));
    return {
      ...record,
      key_id: keyring.currentId,
      wrapped_key: wrapped,
      rewrapped_at: input.now.toISOString(),
    };
  } finally {
    dataKey.fill(0);
  }
}
