import * as logger from 'firebase-functions/logger';
import type { ConnectDeps } from '../accounts/connect-account';
import { parseMasterKeyring, type MasterKeyring } from '../accounts/master-keyring';
import { normalizeHost } from '../market/alpaca-config';
import { createConnectionStore } from '../store/connection-store';
import { getDb } from '../store/firestore-db';
import { createTradingClient, type TradingClient, type TradingCredentials } from '../trading/trading-client';
import {
  accountsMasterKeyId,
  accountsMasterKeys,
  alpacaLiveTradingUrl,
  alpacaPaperTradingUrl,
} from './params';

let warmKeyring: { source: string; keyring: MasterKeyring } | undefined;

/** The master keyring from the secret and the current-id param (parsed once per value). @throws MasterKeyError. */
export function keyringFromParams(): MasterKeyring {
  const secret = accountsMasterKeys.value();
  const id = accountsMasterKeyId.value();
  const source = `${id}\n${secret}`;
  if (warmKeyring?.source !== source) warmKeyring = { source, keyring: parseMasterKeyring(secret, id) };
  return warmKeyring.keyring;
}

/** A user's trading client on the paper or live host from params. */
export function tradingClientFromParams(credentials: TradingCredentials, paper: boolean): TradingClient {
  const baseUrl = paper
    ? normalizeHost('ALPACA_PAPER_TRADING_URL', alpacaPaperTradingUrl.value())
    : normalizeHost('ALPACA_LIVE_TRADING_URL', alpacaLiveTradingUrl.value());
  return createTradingClient({ baseUrl, credentials });
}

/** Dependencies of connect, disconnect and user deletion. */
export function buildConnectDeps(): ConnectDeps {
  return {
    store: createConnectionStore(getDb()),
    keyring: keyringFromParams,
    tradingClient: tradingClientFromParams,
    now: () => new Date(),
    log: logger,
  };
}
