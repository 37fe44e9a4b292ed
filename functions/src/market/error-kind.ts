import type { ErrorKind } from '../contract/regime';
import { AlpacaApiError } from './alpaca-api-error';
import { AlpacaConfigError } from './alpaca-config';
import { ChainLoadError, type ChainFailureKind } from './market-cycle';

/** The document's {@link ErrorKind} of each adapter failure kind (a total map: a new kind must be placed). */
const KIND_OF_FAILURE: Readonly<Record<ChainFailureKind, ErrorKind>> = {
  auth: 'auth',
  rate_limited: 'rate_limit',
  timeout: 'timeout',
  http: 'upstream',
  network: 'upstream',
  malformed: 'malformed',
  missing_spot: 'malformed',
  no_expiries: 'empty_chain',
  empty_chain: 'empty_chain',
  no_open_interest: 'no_usable_contracts',
  page_cap: 'config',
};

/** The {@link ErrorKind} of an adapter failure kind (an Alpaca call's or a chain's). */
export const errorKindOfFailure = (kind: ChainFailureKind): ErrorKind => KIND_OF_FAILURE[kind];

/**
 * The {@link ErrorKind} of anything the adapter threw, by its type: `AlpacaApiError` and
 * `ChainLoadError` by their kind, `AlpacaConfigError` as `config`; anything else (an unexpected
 * failure on the way to Alpaca) as `upstream`.
 */
export function errorKindOf(error: unknown): ErrorKind {
  if (error instanceof AlpacaApiError || error instanceof ChainLoadError) return KIND_OF_FAILURE[error.kind];
  if (error instanceof AlpacaConfigError) return 'config';
  return 'upstream';
}

/** Alpaca's `X-Request-ID` carried by a failed call's error, for the log line; null otherwise. */
export const requestIdOf = (error: unknown): string | null =>
  error instanceof AlpacaApiError ? error.requestId : null;
