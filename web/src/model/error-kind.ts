import { z } from 'zod';

/**
 * Why a symbol (or the whole pulse) failed, as the pulse classifies it. The contract gains an
 * optional `error_kind` on each symbol map and on the document; until every stored document
 * carries it, it is read defensively here: absent, null or an unknown value never breaks a render.
 */
export const ERROR_KINDS = [
  'auth',
  'rate_limit',
  'timeout',
  'upstream',
  'malformed',
  'empty_chain',
  'no_usable_contracts',
  'config',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** Short human explanation of each kind, shown beside the raw message. */
export const ERROR_KIND_TEXT: Record<ErrorKind, string> = {
  auth: 'Alpaca rejected the API keys',
  rate_limit: 'Alpaca rate limit reached',
  timeout: 'Alpaca did not answer in time',
  upstream: 'Alpaca returned a server error',
  malformed: 'Alpaca sent data that did not parse',
  empty_chain: 'the option chain was empty',
  no_usable_contracts: 'no contract in the chain was usable',
  config: 'configuration problem',
};

const WithErrorKind = z.object({ error_kind: z.unknown().optional() });

/**
 * The `error_kind` field of a map or document: a known kind, `'unknown'` for an unrecognised
 * string (a newer pulse than this page), or null when absent or not a string.
 */
export function readErrorKind(value: unknown): ErrorKind | 'unknown' | null {
  const parsed = WithErrorKind.safeParse(value);
  if (!parsed.success) return null;
  const kind = parsed.data.error_kind;
  if (typeof kind !== 'string' || kind === '') return null;
  return (ERROR_KINDS as readonly string[]).includes(kind) ? (kind as ErrorKind) : 'unknown';
}

/** `"timeout — Alpaca did not answer in time"`, or just the kind when it is unknown. */
export function describeErrorKind(kind: ErrorKind | 'unknown'): string {
  return kind === 'unknown' ? 'unknown error kind' : `${kind} — ${ERROR_KIND_TEXT[kind]}`;
}
