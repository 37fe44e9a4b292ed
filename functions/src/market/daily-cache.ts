/**
 * A small async key-value cache for data Alpaca publishes once a day (open interest, the trading
 * calendar). Keys carry the day, so an entry never needs to expire by itself. Entries must be
 * plain JSON (numbers as decimal strings) so any store can hold them: the in-memory one below,
 * or a Firestore-backed one so a cold instance does not refetch.
 */
export interface DailyCache<T> {
  /** The entry stored under `key`, or undefined. Implementations may validate and drop bad entries. */
  get(key: string): Promise<T | undefined>;
  set(key: string, entry: T): Promise<void>;
}

/**
 * An in-process {@link DailyCache} keeping the `maxEntries` most recently written keys (default 32),
 * enough for a few underlyings over a day boundary. Entries are cloned in and out so callers
 * cannot mutate what is stored, as with a remote store.
 */
export function createMemoryDailyCache<T>(maxEntries = 32): DailyCache<T> {
  const entries = new Map<string, T>();
  return {
    get: (key) => Promise.resolve(entries.has(key) ? structuredClone(entries.get(key)) : undefined),
    set: (key, entry) => {
      entries.delete(key);
      entries.set(key, structuredClone(entry));
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      return Promise.resolve();
    },
  };
}

/**
 * Reads a cache entry, treating a failing store (e.g. Firestore unavailable) as a miss: the data
 * is then fetched from Alpaca again, which shows in the cycle's call counts, instead of failing it.
 */
export async function readCacheOrMiss<T>(cache: DailyCache<T>, key: string): Promise<unknown> {
  try {
    return await cache.get(key);
  } catch {
    return undefined;
  }
}

/** Writes a cache entry; a failing store only costs a refetch next cycle, so the error is dropped. */
export async function writeCacheBestEffort<T>(cache: DailyCache<T>, key: string, entry: T): Promise<void> {
  try {
    await cache.set(key, entry);
  } catch {
    // Next cycle misses and refetches; nothing else depends on the write.
  }
}
