import type { ErrorKind } from '../../../functions/src/contract/regime';

/** Short human explanation of each contract {@link ErrorKind}, shown beside the raw message. */
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

/** `"timeout — Alpaca did not answer in time"`. */
export function describeErrorKind(kind: ErrorKind): string {
  return `${kind} — ${ERROR_KIND_TEXT[kind]}`;
}
