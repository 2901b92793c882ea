// Database version 15: open follow-ups indexed on their own (care reminders), and the tables of satisfaction
// surveys and complaints.
import type { Table, Transaction } from 'dexie';
import { SCHEMA_V14 } from './v14';

/**
 * Version 15 tables, written out in full by extension: this file is what shipped, whatever later versions do.
 * - `interactions`: `followUpOpen` (the follow-up's day, present only while it is open) replaces `followUpDate`:
 *   what is due reads the open follow-ups alone, not every follow-up ever promised.
 * - `surveys`: the owner's survey, one row per version. `surveyAnswers`: each answer, by customer and time, by
 *   time for the figures, and `followUpOpen` (the due time while an unhappy answer's follow-up is open).
 *   `surveyState`: each customer's latest answer, `[isDeleted+lastBand]` for the list's filter.
 * - `complaints`: by customer, by when received (figures), and `openDue` (the due time while not closed).
 */
export const SCHEMA_V15 = {
  ...SCHEMA_V14,
  interactions: 'id, [customerId+at], followUpOpen',
  surveys: 'id, version',
  surveyAnswers: 'id, [customerId+answeredAt], answeredAt, followUpOpen',
  surveyState: 'id, [isDeleted+lastBand]',
  complaints: 'id, customerId, receivedAt, openDue',
} as const;

/** Rows per bulk write. */
const CHUNK_V15 = 2_000;

type ContactRow = { id: string; followUpDate?: unknown; followUpDone?: unknown; followUpOpen?: unknown } & Record<string, unknown>;

/** This migration's own copy of the open follow-up's index value (interaction.ts has the live one; a test holds them together). */
export function v15FollowUpOpen(row: ContactRow): string | undefined {
  return typeof row.followUpDate === 'string' && row.followUpDone !== true ? row.followUpDate : undefined;
}

/** Every contact with an open follow-up gains its index value. */
export async function upgradeToV15(tx: Transaction): Promise<void> {
  const interactions: Table<ContactRow, string> = tx.table('interactions');
  let after: string | null = null;
  for (;;) {
    const rows: ContactRow[] = await (after === null ? interactions.orderBy(':id') : interactions.where(':id').above(after)).limit(CHUNK_V15).toArray();
    if (rows.length === 0) return;
    const open = rows.flatMap((r) => {
      const followUpOpen = v15FollowUpOpen(r);
      return followUpOpen === undefined ? [] : [{ ...r, followUpOpen }];
    });
    if (open.length) await interactions.bulkPut(open);
    after = rows[rows.length - 1]!.id;
  }
}
