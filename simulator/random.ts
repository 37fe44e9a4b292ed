/**
 * Stateless, seeded pseudo-randomness: every draw is a pure function of its key, so the same
 * seed, symbol and minute always give the same market no matter in which order it is asked for.
 */

/** 32-bit FNV-1a over a string, then a murmur3 finaliser for avalanche. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform draw in [0, 1) determined by `parts`. */
export function uniform(...parts: readonly (string | number)[]): number {
  const key = parts.join('|');
  // Two independent 32-bit hashes give 53 usable bits.
  const high = hash32(key) >>> 5;
  const low = hash32(`${key}#`) >>> 6;
  return (high * 67_108_864 + low) / 9_007_199_254_740_992;
}

/** A standard normal draw determined by `parts` (Box-Muller on two keyed uniforms). */
export function normal(...parts: readonly (string | number)[]): number {
  const u1 = Math.max(uniform(...parts, 'u1'), 1e-12);
  const u2 = uniform(...parts, 'u2');
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** A stable UUID-shaped id (not RFC 4122 random; it only has to look and compare like one). */
export function stableUuid(...parts: readonly (string | number)[]): string {
  const hex = [0, 1, 2, 3]
    .map((i) =>
      hash32(`${parts.join('|')}~${i}`)
        .toString(16)
        .padStart(8, '0'),
    )
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** One element of `items`, chosen by `parts`. */
export function pick<T>(items: readonly [T, ...T[]], ...parts: readonly (string | number)[]): T {
  return items[Math.floor(uniform(...parts) * items.length)] ?? items[0];
}
