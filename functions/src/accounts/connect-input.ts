import { z } from 'zod';

const token = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

/**
 * What `connectAlpaca` accepts: an API key pair or an OAuth access token, plus whether the account
 * is paper. Strict: unknown fields, empty or oversized values and wrong types are refused.
 */
export const ConnectInput = z.union([
  z.object({ keyId: token(128), secretKey: token(256), paper: z.boolean() }).strict(),
  z.object({ accessToken: token(4096), paper: z.boolean() }).strict(),
]);
export type ConnectInput = z.infer<typeof ConnectInput>;
