// Database version 9: marketing consent leaves the customer record for a history of its own and a narrow current-consent table.
import type { Table, Transaction } from 'dexie';

/**
 * Version 9 tables, written out in full: this file is what shipped, whatever later versions do.
 * - `consentEvents`: every answer a customer gave (channel, yes or no, source, time), never edited;
 *   read per customer in time order through `[customerId+at]`.
 * - `consentState` (id = the customer's): each channel's standing derived from the history, written
 *   with every answer in the same transaction, and `*granted`, the channels granted, so a marketing
 *   list or the list's consent filter reads who may be contacted from the index alone. Narrow on
 *   purpose: the customer record, with its eleven indexes, is not rewritten by a consent answer, and
 *   gains no index.
 */
export const SCHEMA_V9 = {
  customers:
    'id, *tags, *phoneKeys, emailKey, [isDeleted+nameSort], [isDeleted+phoneSort], [isDeleted+tagsSort], [isDeleted+createdAt], [isDeleted+updatedAt], [isDeleted+deletedAt], externalKey',
  customerState:
    'id, [isDeleted+totalSpentFen], [isDeleted+purchaseCount], [isDeleted+lastPurchaseSort], [isDeleted+tierId], [isDeleted+lifecycleStage], [isDeleted+churnLevel], [isDeleted+valueAtRiskFen], [isDeleted+pendingTierId]',
  settings: 'key',
  purchases: 'id, [customerId+purchasedAt], purchasedAt, returnOf, externalRef',
  interactions: 'id, [customerId+at], followUpDate',
  catalog: 'key',
  auditLog: 'id, at, kind',
  imports: 'id, at',
  tierHistory: 'id, [customerId+at]',
  customerSearch: 'id, *tokens',
  bookkeeping: 'key',
  pins: 'role',
  consentEvents: 'id, [customerId+at]',
  consentState: 'id, *granted',
} as const;

// This migration's own copy of what it reads and writes (the live types may change; what v9 did may not).
const CHANNELS_V9 = ['sms', 'phone', 'wechat', 'email'] as const;
type ChannelV9 = (typeof CHANNELS_V9)[number];
const CHUNK_V9 = 2_000;

type V8Row = { id: string; consents?: Record<string, { granted?: unknown; date?: unknown } | undefined> } & Record<string, unknown>;

interface V9Event {
  id: string;
  customerId: string;
  channel: ChannelV9;
  granted: boolean;
  source: 'unrecorded';
  at: string;
}

interface V9State {
  id: string;
  channels: Partial<Record<ChannelV9, { state: 'granted' | 'declined'; at: string; source: 'unrecorded' }>>;
  granted: ChannelV9[];
}

/** A yyyy-MM-dd as the instant its day starts in local time (the day the clerk typed), or null when it is no such date. */
function startOfLocalDay(date: unknown): string | null {
  if (typeof date !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getFullYear() === Number(m[1]) && d.getMonth() === Number(m[2]) - 1 && d.getDate() === Number(m[3]) ? d.toISOString() : null;
}

/**
 * A version-8 record's answers as history entries (source 'unrecorded': the form asked none; the time,
 * the start of the day typed) and its current-consent row; null when it has none. A 'no' is 'declined':
 * nothing says there was a yes before it. 'visit' was never a channel one markets on and is not carried.
 */
export function consentOfV8Record(row: V8Row, newId: () => string): { events: V9Event[]; state: V9State } | null {
  const events: V9Event[] = [];
  const state: V9State = { id: row.id, channels: {}, granted: [] };
  for (const channel of CHANNELS_V9) {
    const answer = row.consents?.[channel];
    const at = answer ? startOfLocalDay(answer.date) : null;
    if (!answer || at === null) continue;
    const granted = answer.granted === true;
    events.push({ id: newId(), customerId: row.id, channel, granted, source: 'unrecorded', at });
    state.channels[channel] = { state: granted ? 'granted' : 'declined', at, source: 'unrecorded' };
    if (granted) state.granted.push(channel);
  }
  return events.length ? { events, state } : null;
}

/**
 * Every customer, trash included, in id order, a chunk per request: a record with answers gets its
 * history and current-consent row, and loses the field. A record whose field is empty keeps it (it
 * says nothing; rewriting every record would cost the upgrade a put of each, with all its index
 * entries); the record's next write leaves it off.
 */
export async function upgradeToV9(tx: Transaction, newId: () => string = () => crypto.randomUUID()): Promise<void> {
  const customers: Table<V8Row, string> = tx.table('customers');
  const consentEvents: Table<V9Event, string> = tx.table('consentEvents');
  const consentState: Table<V9State, string> = tx.table('consentState');
  let after: string | null = null;
  for (;;) {
    const rows: V8Row[] = await (after === null ? customers.orderBy(':id') : customers.where(':id').above(after)).limit(CHUNK_V9).toArray();
    if (rows.length === 0) return;
    const records: V8Row[] = [];
    const events: V9Event[] = [];
    const states: V9State[] = [];
    for (const row of rows) {
      if (!row.consents || Object.keys(row.consents).length === 0) continue;
      const moved = consentOfV8Record(row, newId);
      if (moved) {
        events.push(...moved.events);
        states.push(moved.state);
      }
      const { consents: _gone, ...record } = row;
      records.push(record as V8Row);
    }
    if (events.length) await consentEvents.bulkAdd(events);
    if (states.length) await consentState.bulkAdd(states);
    if (records.length) await customers.bulkPut(records);
    after = rows[rows.length - 1]!.id;
  }
}
