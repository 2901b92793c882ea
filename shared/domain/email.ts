// E-mail addresses: a practical validity check and the one normal form we store.
import { z } from 'zod';
import { err, ok, type Result } from '../result';

export const EMAIL_ERRORS = ['email-invalid'] as const;
export type EmailError = (typeof EMAIL_ERRORS)[number];

// zod's default is a practical rule (no quoted local parts, no IP literals, a dotted domain).
const emailSchema = z.email();
// RFC 5321 path limit; anything longer cannot be delivered anyway.
const MAX_LENGTH = 254;

/** '' is allowed (no e-mail). Full-width characters become ASCII; the domain is lower-cased. */
export function validateEmail(raw: string): Result<string, EmailError> {
  const text = raw.normalize('NFKC').trim();
  if (text === '') return ok('');
  if (text.length > MAX_LENGTH || !emailSchema.safeParse(text).success) return err('email-invalid');
  const at = text.lastIndexOf('@');
  // The local part is case-sensitive by the standard, so only the domain is lower-cased.
  return ok(text.slice(0, at) + text.slice(at).toLowerCase());
}
