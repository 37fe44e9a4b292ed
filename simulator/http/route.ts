import type { SimAccount } from '../accounts/sim-account';
import type { SimulatorCore } from '../core';
import type { ApiHost } from '../stats';
import type { Query } from './query';

export interface RouteContext {
  query: Query;
  /** Captured path segments (decoded). */
  params: string[];
  core: SimulatorCore;
  /** The account whose credentials authenticated the request. */
  account: SimAccount;
  /** The JSON body of a POST (undefined for a GET). */
  body?: unknown;
}

/** One Alpaca endpoint: its host, path pattern and handler (returns the JSON body or throws ApiError). */
export interface Route {
  host: ApiHost;
  /** HTTP method; GET when absent. */
  method?: 'GET' | 'POST';
  pattern: RegExp;
  handle(context: RouteContext): unknown;
}
