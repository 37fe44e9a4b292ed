/**
 * Firestore's storage size of a document, bytes, by its published rules
 * (https://firebase.google.com/docs/firestore/storage-size): the name (each path segment's UTF-8
 * length + 1, plus 16), each field name (UTF-8 + 1) and value (string: UTF-8 + 1; number, Timestamp:
 * 8; boolean, null: 1; map/array: the sum of its parts), plus 32. Firestore caps a document at
 * 1 MiB; the pulse keeps the regime document far smaller (see README).
 */
export function firestoreDocumentSize(path: string, data: Record<string, unknown>): number {
  const name = path.split('/').reduce((sum, segment) => sum + utf8(segment) + 1, 16);
  return name + mapSize(data) + 32;
}

const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

function mapSize(map: Record<string, unknown>): number {
  let size = 0;
  for (const [key, value] of Object.entries(map)) {
    if (value !== undefined) size += utf8(key) + 1 + valueSize(value);
  }
  return size;
}

function valueSize(value: unknown): number {
  if (typeof value === 'string') return utf8(value) + 1;
  if (typeof value === 'number') return 8;
  if (typeof value === 'boolean' || value === null) return 1;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + valueSize(item), 0);
  if (value instanceof Date) return 8;
  if (typeof value === 'object' && typeof (value as { toDate?: unknown }).toDate === 'function') return 8;
  if (typeof value === 'object') return mapSize(value as Record<string, unknown>);
  return 0;
}
