// The contact log's cache on each customer's state row (lastContactAt and the cadence's lastTouchSort), written
// in the same transaction as the contacts it follows from (WRITE_SCOPES.contact).
import Dexie from 'dexie';
import { contactFields } from '../../../shared/domain/careTouch';
import type { CustomerState } from '../../../shared/domain/customer';
import type { RegularsDatabase } from '../database';
import type { RecomputeProgress } from './engine';
import { writeTransaction } from './scopes';

/** Customers per transaction of the whole-store pass. */
const CONTACTS_CHUNK = 2_000;

/** The state rows whose contact fields differ from what these latest contacts give, with them put right. */
function changedContactRows(states: readonly (CustomerState | undefined)[], lastContactOf: (id: string) => string | null): CustomerState[] {
  const out: CustomerState[] = [];
  for (const s of states) {
    if (!s) continue;
    const fields = contactFields(s.lastPurchaseAt, lastContactOf(s.id));
    if (s.lastContactAt !== fields.lastContactAt || s.lastTouchSort !== fields.lastTouchSort) out.push({ ...s, ...fields });
  }
  return out;
}

/**
 * Derives these customers' contact fields again from their contact logs (each one's latest by `[customerId+at]`,
 * the requests issued together). Inside a transaction holding WRITE_SCOPES.contact; only changed rows are written.
 */
export async function refreshContacts(db: RegularsDatabase, customerIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(customerIds)];
  if (ids.length === 0) return;
  const [states, latest] = await Dexie.Promise.all([
    db.customerState.bulkGet(ids),
    Dexie.Promise.all(ids.map((id) => db.interactions.where('[customerId+at]').between([id, Dexie.minKey], [id, Dexie.maxKey], true, true).last())),
  ]);
  const lastOf = new Map(ids.map((id, i) => [id, latest[i]?.at ?? null]));
  const rows = changedContactRows(states, (id) => lastOf.get(id) ?? null);
  if (rows.length) await db.customerState.bulkPut(rows);
}

/**
 * Every customer's contact fields from the contact log, CONTACTS_CHUNK customers per transaction: the chunk's
 * state rows and their customers' contacts as two range reads in customer order. For contacts written behind
 * the app (the bench's seeding) and the repair; returns how many rows it put right.
 */
export async function recomputeAllContacts(db: RegularsDatabase, onProgress?: (p: RecomputeProgress) => void): Promise<{ customers: number; changed: number }> {
  const total = await db.customerState.count();
  let after: string | null = null;
  let done = 0;
  let changed = 0;
  onProgress?.({ done, total });
  for (;;) {
    const from: string | null = after;
    const chunk = await writeTransaction(db, ['contact'], [], async () => {
      const states: CustomerState[] = await (from === null ? db.customerState.orderBy(':id') : db.customerState.where(':id').above(from)).limit(CONTACTS_CHUNK).toArray();
      if (states.length === 0) return null;
      const last = states[states.length - 1]!.id;
      const latest = new Map<string, string>();
      await db.interactions
        .where('[customerId+at]')
        .between([states[0]!.id, Dexie.minKey], [last, Dexie.maxKey], true, true)
        .each((i) => {
          const seen = latest.get(i.customerId);
          if (seen === undefined || i.at > seen) latest.set(i.customerId, i.at);
        });
      const rows = changedContactRows(states, (id) => latest.get(id) ?? null);
      if (rows.length) await db.customerState.bulkPut(rows);
      return { count: states.length, last, changed: rows.length };
    });
    if (chunk === null) break;
    done += chunk.count;
    changed += chunk.changed;
    after = chunk.last;
    onProgress?.({ done, total: Math.max(total, done) });
  }
  return { customers: done, changed };
}
