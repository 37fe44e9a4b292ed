/**
 * Returns a copy of `value` that Firestore accepts as-is: keys holding `undefined` are dropped,
 * and a non-finite number anywhere is an error (it would be stored as NaN/Infinity).
 * Non-plain objects (Timestamps, FieldValue sentinels, Dates) are passed through untouched.
 * @throws TypeError naming the path of a NaN/Infinity, or of an `undefined` array element.
 */
export function toFirestoreData<T>(value: T, path = '$'): T {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`non-finite number at ${path}`);
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown, i) => {
      if (item === undefined) throw new TypeError(`undefined array element at ${path}[${i}]`);
      return toFirestoreData(item, `${path}[${i}]`);
    }) as T;
  }
  if (value !== null && typeof value === 'object' && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) out[key] = toFirestoreData(item, `${path}.${key}`);
    }
    return out as T;
  }
  return value;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
