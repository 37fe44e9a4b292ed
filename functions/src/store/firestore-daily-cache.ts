import { FieldValue, Timestamp, type Firestore } from 'firebase-admin/firestore';
import type { z } from 'zod';
import type { DailyCache } from '../market/daily-cache';
import { MARKET_CACHE_COLLECTION } from './paths';

const DAY_MS = 86_400_000;

/**
 * A Firestore-backed {@link DailyCache} (`marketCache/{key}`), so a cold instance reuses the
 * open interest and calendar fetched earlier in the day instead of calling Alpaca again.
 * Each entry is one document holding the JSON text in `payload` (unindexed, see
 * firestore.indexes.json) and a TTL field `expire_at`. A corrupt or invalid entry reads as a miss.
 * @param options.schema validates entries on read (recommended).
 * @param options.ttlDays days before Firestore TTL deletes an entry (default 3).
 */
export function createFirestoreDailyCache<T>(
  db: Firestore,
  options: { schema?: z.ZodType<T>; ttlDays?: number; collection?: string } = {},
): DailyCache<T> {
  const collection = db.collection(options.collection ?? MARKET_CACHE_COLLECTION);
  const ttlMs = (options.ttlDays ?? 3) * DAY_MS;
  const ref = (key: string) => collection.doc(encodeURIComponent(key));
  return {
    async get(key) {
      const payload = (await ref(key).get()).get('payload') as unknown;
      if (typeof payload !== 'string') return undefined;
      let parsed: unknown;
      try {
        parsed = JSON.parse(payload);
      } catch {
        return undefined;
      }
      if (!options.schema) return parsed as T;
      const checked = options.schema.safeParse(parsed);
      return checked.success ? checked.data : undefined;
    },
    async set(key, entry) {
      await ref(key).set({
        key,
        payload: JSON.stringify(entry),
        updated_at: FieldValue.serverTimestamp(),
        expire_at: Timestamp.fromMillis(Date.now() + ttlMs),
      });
    },
  };
}

/**
 * Reads `fast` first (an in-process cache of a warm instance), then `slow` (Firestore), filling
 * `fast` on a slow hit; writes go to both. Keeps a warm instance from reading Firestore each minute.
 */
export function layerDailyCaches<T>(fast: DailyCache<T>, slow: DailyCache<T>): DailyCache<T> {
  return {
    async get(key) {
      const hit = await fast.get(key);
      if (hit !== undefined) return hit;
      const stored = await slow.get(key);
      if (stored !== undefined) await fast.set(key, stored);
      return stored;
    },
    async set(key, entry) {
      await Promise.all([fast.set(key, entry), slow.set(key, entry)]);
    },
  };
}
