// The contact log's cache on each customer's state row (lastContactAt and the cadence's lastTouchSort), written
// in the same transaction as the contacts it follows from (WRITE_SCOPES.contact).
import Dexie from 'dexie';
import { contactFields } from '../../../shared/domain/careTouch';
import type { CustomerState } from '../../../shared/domain/customer';
import type { RegularsDatabase } from '../database';
import type { RecomputeProgress } from './engine';
import { passInChunks } from './chunks';

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
export function recomputeAllContacts(db: RegularsDatabase, onProgress?: (p: RecomputeProgress) => void): Promise<{ customers: number; changed: number }> {
  return passInChunks(
    db,
    db.customerState,
    ['contact'],
    CONTACTS_CHUNK,
    async (states) => {
      const latest = new Map<string, string>();
      await db.interactions
        .where('[customerId+at]')
        .between([states[0]!.id, Dexie.minKey], [states[states.length - 1]!.id, Dexie.maxKey], true, true)
        .each((i) => {
          const seen = latest.get(i.customerId);
          if (seen === undefined || i.at > seen) latest.set(i.customerId, i.at);
        });
      const rows = changedContactRows(states, (id) => latest.get(id) ?? null);
      if (rows.length) await db.customerState.bulkPut(rows);
      return rows.length;
    },
    onProgress,
  );
}
