import { z } from 'zod';
import { FaultSchema } from '../faults';
import { ApiError } from '../http/api-error';
import { newSimAccount, type HoldingSpec, type SimAccount, type SimCredentials } from './sim-account';

const holding = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('stock'),
    symbol: z.string().min(1).max(10),
    qty: z.number(),
    avgEntryPrice: z.number().positive(),
  }),
  z.object({
    kind: z.literal('option'),
    underlying: z.string().min(1).max(10),
    dte: z.union([z.literal(0), z.literal(1)]),
    side: z.enum(['call', 'put']),
    moneyness: z.number().min(-0.5).max(0.5),
    qty: z.number().int(),
    avgEntryPrice: z.number().positive(),
  }),
]);

/** Body of `POST /_sim/accounts`: one account (given credentials) or `count` generated key pairs. */
export const CreateAccountsBodySchema = z
  .object({
    keyId: z.string().min(1).optional(),
    secretKey: z.string().min(1).optional(),
    accessToken: z.string().min(1).optional(),
    count: z.number().int().positive().max(100_000).optional(),
    paper: z.boolean().optional(),
    cash: z.number().nonnegative().optional(),
    holdings: z.array(holding).optional(),
  })
  .strict();

/** Body of `POST /_sim/accounts/faults`: faults for the account with that key id or token. */
export const AccountFaultsBodySchema = z
  .object({
    keyId: z.string().min(1).optional(),
    accessToken: z.string().min(1).optional(),
    faults: z.array(FaultSchema),
  })
  .strict();

/** What creating an account answers: its id, number and how to authenticate (demo secrets only). */
export interface CreatedAccount {
  id: string;
  accountNumber: string;
  keyId?: string;
  secretKey?: string;
  accessToken?: string;
}

/**
 * Every simulated account, found by key id or bearer token. The start-up key pair is account 0
 * with the default book; {@link reset} returns to just that one (generated keys keep counting up).
 */
export class AccountBook {
  private byKey = new Map<string, SimAccount>();
  private byToken = new Map<string, SimAccount>();
  /** Accounts ever created; never restarts, so a reset never hands an old key to a new account. */
  private created = 1;

  constructor(private readonly defaultKey: { keyId: string; secretKey: string }) {
    this.reset();
  }

  /** Only the start-up account, with no faults and no counts. */
  reset(): void {
    this.byKey.clear();
    this.byToken.clear();
    this.add({ ...this.defaultKey }, {}, 0);
  }

  /**
   * Authenticates a request like Alpaca: no credentials → 401; an unknown key id or token → 401
   * "access key verification failed"; a known key id with the wrong secret → 403.
   * @throws ApiError
   */
  authenticate(headers: { keyId?: string; secretKey?: string; bearer?: string }): SimAccount {
    if (headers.bearer) {
      const account = this.byToken.get(headers.bearer);
      if (!account) throw new ApiError(401, 40110000, 'access key verification failed');
      return account;
    }
    if (!headers.keyId || !headers.secretKey) throw new ApiError(401, 40110000, 'request is not authorized');
    const account = this.byKey.get(headers.keyId);
    if (!account) throw new ApiError(401, 40110000, 'access key verification failed');
    const credentials = account.credentials;
    if (!('secretKey' in credentials) || credentials.secretKey !== headers.secretKey) {
      throw new ApiError(403, 40310000, 'forbidden');
    }
    return account;
  }

  /** Creates accounts (see {@link CreateAccountsBodySchema}). @throws ZodError, ApiError 409 on a taken key. */
  create(body: unknown): CreatedAccount[] {
    const input = CreateAccountsBodySchema.parse(body);
    const options = {
      ...(input.paper === undefined ? {} : { paper: input.paper }),
      ...(input.cash === undefined ? {} : { cash: input.cash }),
      ...(input.holdings ? { holdings: input.holdings as HoldingSpec[] } : {}),
    };
    if (input.count !== undefined) {
      return Array.from({ length: input.count }, () => {
        const n = this.created;
        return this.add({ keyId: `SIM_KEY_${n}`, secretKey: `SIM_SECRET_${n}` }, options);
      });
    }
    if (input.accessToken) return [this.add({ accessToken: input.accessToken }, options)];
    const n = this.created;
    const keyId = input.keyId ?? `SIM_KEY_${n}`;
    return [this.add({ keyId, secretKey: input.secretKey ?? `SIM_SECRET_${n}` }, options)];
  }

  /** Replaces the faults of one account. @throws ZodError, ApiError 404 for an unknown account. */
  setFaults(body: unknown): void {
    const input = AccountFaultsBodySchema.parse(body);
    const account = input.accessToken
      ? this.byToken.get(input.accessToken)
      : this.byKey.get(input.keyId ?? '');
    if (!account) throw ApiError.notFound('no such account');
    account.faults.replace(input.faults);
  }

  /** Every account's id, number and request count (no secrets). */
  list(): { id: string; accountNumber: string; keyId: string | null; requests: number }[] {
    return [...new Set([...this.byKey.values(), ...this.byToken.values()])].map((a) => ({
      id: a.id,
      accountNumber: a.accountNumber,
      keyId: 'keyId' in a.credentials ? a.credentials.keyId : null,
      requests: a.requests,
    }));
  }

  /** Registers an account; `index` (default: the next serial) fixes its id and number. */
  private add(
    credentials: SimCredentials,
    options: { paper?: boolean; cash?: number; holdings?: HoldingSpec[] } = {},
    index?: number,
  ): CreatedAccount {
    const taken =
      'keyId' in credentials ? this.byKey.has(credentials.keyId) : this.byToken.has(credentials.accessToken);
    if (taken) throw new ApiError(409, 40910000, 'credentials already in use');
    const account = newSimAccount({ index: index ?? this.created, credentials, ...options });
    if (index === undefined) this.created += 1;
    if ('keyId' in credentials) this.byKey.set(credentials.keyId, account);
    else this.byToken.set(credentials.accessToken, account);
    return { id: account.id, accountNumber: account.accountNumber, ...credentials };
  }
}
