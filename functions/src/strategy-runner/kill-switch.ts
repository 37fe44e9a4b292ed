import { z } from 'zod';

/** What `setKillSwitch` accepts: `{ on: boolean }` and nothing else. */
export const KillSwitchInput = z.object({ on: z.boolean() }).strict();

/** A refusal of `setKillSwitch`: a callable error code and a plain message. */
export class KillSwitchError extends Error {
  override readonly name = 'KillSwitchError';
  constructor(
    readonly code: 'unauthenticated' | 'invalid-argument',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Turns the caller's kill switch on or off: while on, none of their strategies places an order
 * (decisions are still recorded, saying so).
 * @throws KillSwitchError `unauthenticated` without a signed-in user, `invalid-argument` on a bad input.
 */
export async function setKillSwitch(
  deps: { save(uid: string, on: boolean, at: Date): Promise<void>; now(): Date },
  input: { uid: string | null; data: unknown },
): Promise<{ kill_switch: boolean }> {
  if (!input.uid) throw new KillSwitchError('unauthenticated', 'Sign in to set your kill switch.');
  const parsed = KillSwitchInput.safeParse(input.data);
  if (!parsed.success) throw new KillSwitchError('invalid-argument', 'Expected { on: boolean }.');
  await deps.save(input.uid, parsed.data.on, deps.now());
  return { kill_switch: parsed.data.on };
}
