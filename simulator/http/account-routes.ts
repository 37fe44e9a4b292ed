import { accountBody, positionsBody } from '../accounts/account-view';
import type { Route } from './route';

/** `GET /v2/account` and `GET /v2/positions` of the authenticated account. */
export const accountRoutes: readonly Route[] = [
  { host: 'trading', pattern: /^\/v2\/account$/, handle: ({ core, account }) => accountBody(core, account) },
  {
    host: 'trading',
    pattern: /^\/v2\/positions$/,
    handle: ({ core, account }) => positionsBody(core, account),
  },
];
