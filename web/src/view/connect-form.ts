/**
 * The connect form's pure side: what the user typed becomes the `connectAlpaca` input (or a
 * message saying what is missing), and a callable's refusal becomes a sentence per error code.
 * Nothing here keeps or returns the secret beyond the input object handed to the callable.
 */

/** What `connectAlpaca` takes with API keys (see functions/src/accounts/connect-input.ts). */
export interface ConnectInput {
  keyId: string;
  secretKey: string;
  paper: boolean;
}

/** Limits the callable enforces (`invalid-argument` beyond them). */
export const KEY_ID_MAX = 128;
export const SECRET_MAX = 256;

/**
 * The callable input from the form's fields (trimmed), or a message naming the problem.
 * Checks what the callable would refuse anyway, so the user hears it without a round trip.
 */
export function readConnectForm(fields: {
  keyId: string;
  secretKey: string;
  paper: boolean;
}): { ok: true; input: ConnectInput } | { ok: false; message: string } {
  const keyId = fields.keyId.trim();
  const secretKey = fields.secretKey.trim();
  if (keyId === '') return { ok: false, message: 'Enter your Alpaca API key ID.' };
  if (secretKey === '') return { ok: false, message: 'Enter your Alpaca secret key.' };
  if (keyId.length > KEY_ID_MAX)
    return { ok: false, message: `The key ID is longer than ${KEY_ID_MAX} characters.` };
  if (secretKey.length > SECRET_MAX)
    return { ok: false, message: `The secret key is longer than ${SECRET_MAX} characters.` };
  return { ok: true, input: { keyId, secretKey, paper: fields.paper } };
}

const MESSAGES: Record<string, string> = {
  unauthenticated: 'You are not signed in. Reload the page to sign in again, then retry.',
  'invalid-argument':
    'Those fields are not a valid key pair (empty, too long or malformed). Check and retry.',
  'permission-denied':
    'Alpaca refused these keys. Check the key ID and secret, and that paper/live matches the keys.',
  unavailable: 'Alpaca could not be reached or answered oddly. Nothing was stored; try again shortly.',
  'resource-exhausted': 'Too many attempts this minute. Wait a minute, then try again.',
};

/**
 * A callable's refusal in words, by Firebase error code (`functions/permission-denied` or bare
 * `permission-denied`). Unknown codes get a generic sentence; the server's message is never
 * shown raw for the codes above (it may not be written for end users).
 */
export function describeCallableError(code: string | undefined, action: 'connect' | 'disconnect'): string {
  const bare = (code ?? '').replace(/^functions\//, '');
  const known = MESSAGES[bare];
  if (known) return known;
  return action === 'connect'
    ? 'Connecting failed unexpectedly. Nothing was stored; try again later.'
    : 'Disconnecting failed unexpectedly; try again later.';
}
