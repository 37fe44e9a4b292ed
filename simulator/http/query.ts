import { ApiError } from './api-error';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** RFC 3339 date-time (what the SDK's `toISOString()` sends). */
const DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function isCalendarDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** Reads and validates one request's query string the way Alpaca does (422 on a bad value). */
export class Query {
  constructor(private readonly params: URLSearchParams) {}

  /** 400 `unexpected query parameter(s)` when a parameter is not in `allowed` (market-data endpoints). */
  rejectUnknown(allowed: readonly string[]): void {
    const unknown = [...new Set(this.params.keys())].filter((key) => !allowed.includes(key));
    if (unknown.length > 0) throw ApiError.badRequest(`unexpected query parameter(s): ${unknown.join(', ')}`);
  }

  /** The value, or undefined when absent or empty. */
  string(name: string): string | undefined {
    const value = this.params.get(name);
    return value === null || value === '' ? undefined : value;
  }

  /** A comma-separated list, upper-cased; undefined when absent. */
  symbols(name: string): string[] | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const list = value.split(',').map((s) => s.trim().toUpperCase());
    for (const symbol of list) {
      if (!/^[A-Z][A-Z0-9.]{0,9}$/.test(symbol)) throw ApiError.unprocessable(`invalid symbol: "${symbol}"`);
    }
    return list;
  }

  /** An integer in 1..max (Alpaca: `invalid limit`), `fallback` when absent. */
  limit(max: number, fallback: number): number {
    const text = this.string('limit');
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!/^-?\d+$/.test(text) || value < 1 || value > max) {
      throw ApiError.unprocessable(`invalid limit: must be between 1 and ${max}, got "${text}"`);
    }
    return value;
  }

  /** A `YYYY-MM-DD` date. */
  date(name: string): string | undefined {
    const text = this.string(name);
    if (text !== undefined && !isCalendarDate(text)) {
      throw ApiError.unprocessable(`invalid ${name}: expected YYYY-MM-DD, got "${text}"`);
    }
    return text;
  }

  /** A `YYYY-MM-DD` date or an RFC 3339 time; returns its date part. */
  dateOrTime(name: string): string | undefined {
    const text = this.string(name);
    if (text === undefined) return undefined;
    const ok = isCalendarDate(text) || (DATE_TIME_RE.test(text) && Number.isFinite(Date.parse(text)));
    if (!ok || !isCalendarDate(text.slice(0, 10))) {
      throw ApiError.unprocessable(`invalid ${name}: expected YYYY-MM-DD or RFC 3339, got "${text}"`);
    }
    return text.slice(0, 10);
  }

  /** An RFC 3339 time (only validated). */
  time(name: string): string | undefined {
    const text = this.string(name);
    if (text !== undefined && !(DATE_TIME_RE.test(text) && Number.isFinite(Date.parse(text)))) {
      throw ApiError.unprocessable(`invalid ${name}: expected RFC 3339, got "${text}"`);
    }
    return text;
  }

  /** A finite decimal number. */
  number(name: string): number | undefined {
    const text = this.string(name);
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!/^-?\d+(\.\d+)?$/.test(text) || !Number.isFinite(value)) {
      throw ApiError.unprocessable(`invalid ${name}: not a number: "${text}"`);
    }
    return value;
  }

  /** One of `values` (case-sensitive, as Alpaca). */
  oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const text = this.string(name);
    if (text !== undefined && !values.includes(text as T)) {
      throw ApiError.unprocessable(`invalid ${name}: "${text}" (expected one of ${values.join(', ')})`);
    }
    return text as T | undefined;
  }

  /** `true`/`false`. */
  boolean(name: string): boolean | undefined {
    const value = this.oneOf(name, ['true', 'false']);
    return value === undefined ? undefined : value === 'true';
  }

  /** The OCC symbol a page token continues after (tokens are base64 of the last symbol sent). */
  pageToken(): string | undefined {
    const text = this.string('page_token');
    if (text === undefined) return undefined;
    const decoded = Buffer.from(text, 'base64').toString('utf8');
    if (!/^[A-Z]+\d{6}[CP]\d{8}$/.test(decoded)) throw ApiError.unprocessable('invalid page_token');
    return decoded;
  }
}

/** One page of rows ordered by `symbol`, continuing after `after`. */
export function pageOf<T extends { symbol: string }>(
  rows: readonly T[],
  limit: number,
  after: string | undefined,
): { items: T[]; nextPageToken: string | null } {
  const start = after === undefined ? 0 : rows.findIndex((row) => row.symbol > after);
  const items = start < 0 ? [] : rows.slice(start, start + limit);
  const last = items[items.length - 1];
  const more = start >= 0 && start + limit < rows.length;
  return { items, nextPageToken: more && last ? Buffer.from(last.symbol).toString('base64') : null };
}
