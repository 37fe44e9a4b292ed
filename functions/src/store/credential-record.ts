import { z } from 'zod';

/**
 * `users/{uid}/private/alpaca` as stored (see accounts/credential-cipher.ts): every field is
 * ciphertext or metadata, never a key, token or secret in the clear.
 */
export const EncryptedCredentialRecord = z.object({
  version: z.literal(1),
  purpose: z.literal('alpaca-credentials'),
  /** Master key id that wrapped `wrapped_key`. */
  key_id: z.string().min(1),
  /** base64(iv 12 ‖ tag 16 ‖ AES-256-GCM(master key, data key)). */
  wrapped_key: z.string().min(1),
  /** base64(iv 12 ‖ tag 16 ‖ AES-256-GCM(data key, credentials JSON)). */
  ciphertext: z.string().min(1),
  paper: z.boolean(),
  created_at: z.string(),
  rewrapped_at: z.string().nullable(),
});
export type EncryptedCredentialRecord = z.infer<typeof EncryptedCredentialRecord>;
