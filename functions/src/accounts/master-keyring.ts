/**
 * Master keys that wrap each credential record's data key. The secret holds
 * `id:base64key` entries separated by commas or whitespace (each key 32 bytes); a param names the
 * current id. Old ids stay in the secret until every record is re-wrapped (see rotate-keys).
 */
export interface MasterKeyring {
  /** Id new records are wrapped under. */
  readonly currentId: string;
  /** Key bytes by id (32 bytes each). */
  readonly keys: ReadonlyMap<string, Buffer>;
}

/** The secret or the current id is unusable; the message names the id, never key material. */
export class MasterKeyError extends Error {
  override readonly name = 'MasterKeyError';
}

const ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Parses the master-key secret.
 * @param secret `id:base64key[,id:base64key…]`.
 * @param currentId the id new records use; it must be in the secret.
 * @throws MasterKeyError on a malformed entry, a key that is not 32 bytes, a repeated id or an
 *   unknown current id.
 */
export function parseMasterKeyring(secret: string, currentId: string): MasterKeyring {
  const keys = new Map<string, Buffer>();
  for (const entry of secret.split(/[\s,]+/).filter(Boolean)) {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    if (!ID.test(id))
      throw new MasterKeyError('master key entry must be id:base64key (id: letters, digits, _ or -)');
    const key = Buffer.from(entry.slice(colon + 1), 'base64');
    if (key.length !== 32) throw new MasterKeyError(`master key ${id} is not 32 bytes of base64`);
    if (keys.has(id)) throw new MasterKeyError(`master key ${id} appears twice`);
    keys.set(id, key);
  }
  if (!keys.has(currentId))
    throw new MasterKeyError(`current master key id ${JSON.stringify(currentId)} is not in the secret`);
  return { currentId, keys };
}
