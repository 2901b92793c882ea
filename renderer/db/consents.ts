// The consent repository: the only code that writes marketing-consent answers (consentEvents, append-only)
// and each customer's current consent derived from them (consentState), always in the same transaction.
import Dexie from 'dexie';
import {
  consentStateRow,
  grantedChannels,
  recordConsentAnswers,
  type ConsentAnswer,
  type ConsentChannel,
  type ConsentEvent,
  type ConsentSource,
  type ConsentStateRow,
} from '../../shared/domain/consent';
import type { RegularsDatabase } from './database';
import { CustomerNotFoundError, type RepositoryDeps } from './customerList';
import { writeTransaction } from './derivation/scopes';
import { recordAudit } from './audit';

/** One customer's answers of one write. */
export interface ConsentAnswers {
  customerId: string;
  answers: readonly ConsentAnswer[];
}

const historyRange = (db: RegularsDatabase, customerId: string) =>
  db.consentEvents.where('[customerId+at]').between([customerId, Dexie.minKey], [customerId, Dexie.maxKey], true, true);

/**
 * Records answers for several customers inside the caller's transaction (which must hold the 'consent'
 * scope): each customer's answers that change their consent become history entries timed after their
 * latest, and their current-consent row is written. Returns the entries written.
 */
export async function writeConsentAnswers(
  db: RegularsDatabase,
  items: readonly ConsentAnswers[],
  source: ConsentSource,
  now: Date,
  newId: () => string,
): Promise<ConsentEvent[]> {
  const wanted = items.filter((i) => i.answers.length > 0);
  if (wanted.length === 0) return [];
  const stored = await db.consentState.bulkGet(wanted.map((i) => i.customerId));
  const events: ConsentEvent[] = [];
  const rows: ConsentStateRow[] = [];
  wanted.forEach((item, i) => {
    const r = recordConsentAnswers(item.customerId, stored[i]?.channels ?? {}, item.answers, source, now, newId);
    if (r.events.length === 0) return;
    events.push(...r.events);
    rows.push({ id: item.customerId, channels: r.consent, granted: grantedChannels(r.consent) });
  });
  if (events.length) await db.consentEvents.bulkAdd(events);
  if (rows.length) await db.consentState.bulkPut(rows);
  return events;
}

/**
 * The current-consent rows of these customers derived again from their whole history (after history
 * moved between customers or entries were taken back by an import's undo); a customer without any
 * answer has no row. Inside a transaction holding the 'consent' scope.
 */
export async function rederiveConsent(db: RegularsDatabase, customerIds: readonly string[]): Promise<void> {
  const ids = [...new Set(customerIds)];
  if (ids.length === 0) return;
  const histories = await Dexie.Promise.all(ids.map((id) => historyRange(db, id).toArray()));
  const put: ConsentStateRow[] = [];
  const drop: string[] = [];
  ids.forEach((id, i) => {
    if (histories[i]!.length === 0) drop.push(id);
    else put.push(consentStateRow(id, histories[i]!));
  });
  if (put.length) await db.consentState.bulkPut(put);
  if (drop.length) await db.consentState.bulkDelete(drop);
}

/** Gives the survivor of a merge every answer of the merged-away customers (their history is kept, now theirs); returns what moved. */
export async function moveConsentHistory(db: RegularsDatabase, fromIds: readonly string[], toId: string): Promise<{ id: string; from: string }[]> {
  if (fromIds.length === 0) return [];
  const moved = await db.consentEvents.where('customerId').anyOf([...fromIds]).toArray();
  if (moved.length) await db.consentEvents.bulkPut(moved.map((e) => ({ ...e, customerId: toId })));
  await db.consentState.bulkDelete([...fromIds]);
  await rederiveConsent(db, [toId]);
  return moved.map((e) => ({ id: e.id, from: e.customerId }));
}

/** A customer gone for good: their answers and current consent go too. */
export async function removeConsent(db: RegularsDatabase, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length === 0) return;
  await db.consentEvents.where('customerId').anyOf([...customerIds]).delete();
  await db.consentState.bulkDelete([...customerIds]);
}

export function createConsentRepository(db: RegularsDatabase, deps: RepositoryDeps) {
  /** Records the answers of one customer (not in the trash) in one transaction; returns the entries written (none when nothing changed). */
  async function record(customerId: string, answers: readonly ConsentAnswer[], source: ConsentSource): Promise<ConsentEvent[]> {
    return writeTransaction(db, ['consent'], ['customers'], async () => {
      const customer = await db.customers.get(customerId);
      if (!customer || customer.isDeleted) throw new CustomerNotFoundError(customerId);
      const events = await writeConsentAnswers(db, [{ customerId, answers }], source, deps.now(), deps.newId);
      if (events.length) {
        const channels = (granted: boolean) => events.filter((e) => e.granted === granted).map((e) => e.channel).join(' ');
        await recordAudit(db, deps, { kind: 'consent.change', customerIds: [customerId], refs: events.map((e) => e.id), facts: { granted: channels(true), withdrawn: channels(false), source } });
      }
      return events;
    });
  }

  return {
    record,
    /** The customer agrees to marketing on a channel, where the clerk says they did. */
    grant: (customerId: string, channel: ConsentChannel, source: ConsentSource) => record(customerId, [{ channel, granted: true }], source),
    /** The customer takes a granted channel back, at the counter or on the phone: recorded as said in store. */
    withdraw: (customerId: string, channel: ConsentChannel) => record(customerId, [{ channel, granted: false }], 'in-store'),

    /** Every answer of a customer, newest first. */
    history(customerId: string): Promise<ConsentEvent[]> {
      return historyRange(db, customerId).reverse().toArray();
    },

    /** A customer's current consent; undefined when they never answered. */
    current(customerId: string): Promise<ConsentStateRow | undefined> {
      return db.consentState.get(customerId);
    },

    /** The current consent of these customers, in order (undefined where none). */
    currentOf(customerIds: readonly string[]): Promise<(ConsentStateRow | undefined)[]> {
      return db.consentState.bulkGet([...customerIds]);
    },

    /**
     * Who may receive a promotion on `channel`: the customers whose consent on it stands, read from the
     * `*granted` index (keys only), less the trash. A customer without consent is never among them.
     */
    async marketableIds(channel: ConsentChannel): Promise<string[]> {
      return db.transaction('r', [db.consentState, db.customers], async () => {
        const ids = (await db.consentState.where('granted').equals(channel).primaryKeys()) as string[];
        const trashed = new Set((await db.customers.where('[isDeleted+createdAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]).primaryKeys()) as string[]);
        return ids.filter((id) => !trashed.has(id));
      });
    },
  };
}

export type ConsentRepository = ReturnType<typeof createConsentRepository>;
