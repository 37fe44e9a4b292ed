import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https';
import * as logger from 'firebase-functions/logger';
import { AccountsError } from '../accounts/accounts-error';
import {
  connectAccount,
  disconnectAccount,
  forgetAccount,
  type ConnectResult,
} from '../accounts/connect-account';
import { buildConnectDeps } from './accounts-deps';

/** Runs a callable's body; an AccountsError becomes its HttpsError, anything else `internal` (logged without payload). */
async function answer(name: string, run: () => Promise<ConnectResult>): Promise<ConnectResult> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AccountsError) throw new HttpsError(error.code, error.message);
    logger.error(`${name} failed`, { error: error instanceof Error ? error.name : 'unknown' });
    throw new HttpsError('internal', 'Something went wrong; try again later.');
  }
}

/** `connectAlpaca`'s body. */
export function handleConnect(request: CallableRequest<unknown>): Promise<ConnectResult> {
  return answer('connectAlpaca', () =>
    connectAccount(buildConnectDeps(), { uid: request.auth?.uid ?? null, data: request.data }),
  );
}

/** `disconnectAlpaca`'s body. */
export function handleDisconnect(request: CallableRequest<unknown>): Promise<ConnectResult> {
  return answer('disconnectAlpaca', () =>
    disconnectAccount(buildConnectDeps(), { uid: request.auth?.uid ?? null }),
  );
}

/** The Auth user-deletion trigger's body. */
export async function handleUserDeleted(uid: string): Promise<void> {
  await forgetAccount(buildConnectDeps(), uid);
}
