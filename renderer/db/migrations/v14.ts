// Database version 14: care reminders. Who is due a call-back is read per tier from an index, birthdays from an
// index of the day they fall on, and the clerk's marks on reminders have a table.
import Dexie, { type Table, type Transaction } from 'dexie';
import { SCHEMA_V13 } from './v13';

/**
 * Version 14 tables, written out in full by extension: this file is what shipped, whatever later versions do.
 * - `customers`: `birthdayKey` ('S-MM-DD' solar, 'L-MM-DD' lunar, 'L-MM-DD-leap' a leap month; absent without a
 *   birthday), so the birthdays of the coming days are one index read, not a pass over every customer.
 * - `customerState`: `[isDeleted+tierId+lastTouchSort]`: per tier, the customers whose last visit or contact is
 *   older than its cadence. The rows gain `lastContactAt` and `lastTouchSort` (derivation/care.ts).
 * - `reminderMarks`: done, snoozed and dismissed reminders by their key; `customerId` for erasure and merge.
 */
export const SCHEMA_V14 = {
  ...SCHEMA_V13,
  customers: `${SCHEMA_V13.customers}, birthdayKey`,
  customerState: `${SCHEMA_V13.customerState}, [isDeleted+tierId+lastTouchSort]`,
  reminderMarks: 'key, customerId',
} as const;

/** Rows per bulk write. */
const CHUNK_V14 = 2_000;

type Row = { id: string } & Record<string, unknown>;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** This migration's own copy of the birthday's index key (reminderSources/birthday.ts has the live one; a test holds them together). */
export function v14BirthdayKey(birthday: unknown): string | undefined {
  if (typeof birthday !== 'object' || birthday === null) return undefined;
  const b = birthday as { calendar?: unknown; month?: unknown; day?: unknown; leapMonth?: unknown };
  if (typeof b.month !== 'number' || typeof b.day !== 'number') return undefined;
  if (b.calendar === 'solar') return `S-${pad2(b.month)}-${pad2(b.day)}`;
  if (b.calendar === 'lunar') return `L-${pad2(b.month)}-${pad2(b.day)}${b.leapMonth === true ? '-leap' : ''}`;
  return undefined;
}

/** The later of two ISO times, '' for neither (this migration's copy of careTouch.lastTouchSort). */
function touchSortV14(lastPurchaseAt: unknown, lastContactAt: string | null): string {
  const purchase = typeof lastPurchaseAt === 'string' ? lastPurchaseAt : '';
  const contact = lastContactAt ?? '';
  return contact > purchase ? contact : purchase;
}

async function eachChunk(table: Table<Row, string>, fn: (rows: Row[]) => Promise<void>): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const rows: Row[] = await (after === null ? table.orderBy(':id') : table.where(':id').above(after)).limit(CHUNK_V14).toArray();
    if (rows.length === 0) return;
    await fn(rows);
    after = rows[rows.length - 1]!.id;
  }
}

/** Every state row gains its latest contact and touch key; every customer with a birthday its birthday key. */
export async function upgradeToV14(tx: Transaction): Promise<void> {
  const states: Table<Row, string> = tx.table('customerState');
  const interactions: Table<{ customerId: string; at: string }, string> = tx.table('interactions');
  await eachChunk(states, async (rows) => {
    const latest = new Map<string, string>();
    await interactions
      .where('[customerId+at]')
      .between([rows[0]!.id, Dexie.minKey], [rows[rows.length - 1]!.id, Dexie.maxKey], true, true)
      .each((i) => {
        const seen = latest.get(i.customerId);
        if (seen === undefined || i.at > seen) latest.set(i.customerId, i.at);
      });
    await states.bulkPut(
      rows.map((r) => {
        const lastContactAt = latest.get(r.id) ?? null;
        return { ...r, lastContactAt, lastTouchSort: touchSortV14(r.lastPurchaseAt, lastContactAt) };
      }),
    );
  });
  const customers: Table<Row, string> = tx.table('customers');
  await eachChunk(customers, async (rows) => {
    const keyed: Row[] = [];
    for (const r of rows) {
      const key = v14BirthdayKey(r.birthday);
      if (key !== undefined && r.birthdayKey !== key) keyed.push({ ...r, birthdayKey: key });
    }
    if (keyed.length) await customers.bulkPut(keyed);
  });
}
