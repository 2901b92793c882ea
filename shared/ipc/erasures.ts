// The erasure register as main keeps a copy of it (electron/services/backup/erasureRegister.ts): the page hands
// main each erasure, main answers its copy at a restore. Ids (UUIDs), dates and a code: nothing about a person.
import { z } from 'zod';
import { utcTimeSchema } from '../backup/format';
import { ERASURE_PURCHASE_CHOICES, type ErasureEntry } from '../domain/erasure';

/** A customer id: the UUID shape only, so no name or phone number can ever pass for one. */
export const ERASED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const erasureEntrySchema = z
  .object({
    id: z.string().regex(ERASED_ID),
    erasedAt: utcTimeSchema,
    purchases: z.enum(ERASURE_PURCHASE_CHOICES),
  })
  .strict();

/** Entries per request: well inside the IPC handler's payload budget (shared by every transport). */
export const MAX_ERASURES_PER_RECORD = 500;

export const erasureRecordRequestSchema = z.object({ entries: z.array(erasureEntrySchema).min(1).max(MAX_ERASURES_PER_RECORD) }).strict();
/** How many entries main's copy holds now. */
export const erasureRecordResponseSchema = z.object({ known: z.number().int().nonnegative() }).strict();
export const erasureListSchema = z.object({ entries: z.array(erasureEntrySchema) }).strict();
export type ErasureList = z.infer<typeof erasureListSchema>;

/** Whether an entry of the store's register can go to main (a test's made-up id cannot). */
export function isSendableErasure(entry: ErasureEntry): boolean {
  return erasureEntrySchema.safeParse(entry).success;
}
