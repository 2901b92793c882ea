// Item 4: opening a customer's page. The app: every read the page's hooks start when it mounts
// (useCustomer, useSettings, useBookkeeping, useTierHistory, useTimelinePage with the first 50 entries), at once, as
// React starts them; the page is complete when the last one answers. Raw: the customer and the
// newest 51 purchases and contacts (one more than shown, as the page asks) from the same indexes.
import Dexie from 'dexie';
import { bookkeeping, customers, interactions, purchases, settings } from '../../../renderer/db';
import { pointsTimeline } from '../../../renderer/db/appRepositories';
import { database } from '../../../renderer/db/database';
import { readTimelinePage, TIMELINE_PAGE } from '../../../renderer/db/timelinePage';
import type { PairedSample } from '../protocol';
import { appDatabase, done, rangeRead } from './idb';
import { paired, spread } from './timing';

/** Customers opened per pass: spread over the store, plus those with the most purchases (the slowest pages). */
const SPREAD_CUSTOMERS = 100;
const HEAVIEST_CUSTOMERS = 10;

/** Customer ids spread over the whole store (ids are random, so over every kind of customer) and the heaviest buyers. */
export async function probeCustomers(spreadCount: number, heaviestCount: number): Promise<string[]> {
  const db = database();
  const ids = (await db.customers.toCollection().primaryKeys()) as string[];
  // The purchase count is derived, so its index is on customerState (version 7).
  const heaviest = (await db.customerState
    .where('[isDeleted+purchaseCount]')
    .between([0, Dexie.minKey], [0, Dexie.maxKey])
    .reverse()
    .limit(heaviestCount)
    .primaryKeys()) as string[];
  return [...new Set([...spread(ids, spreadCount), ...heaviest])];
}

async function appCustomerPage(id: string): Promise<number> {
  const [customer, , , , page] = await Promise.all([
    customers.get(id),
    settings.read(),
    bookkeeping.read(),
    customers.tierHistory(id),
    readTimelinePage({ purchases, interactions, points: pointsTimeline }, id, 'all', TIMELINE_PAGE),
  ]);
  if (!customer) throw new Error(`customer ${id} is gone`);
  return page.entries.length;
}

async function rawCustomerPage(id: string): Promise<number> {
  const tx = (await appDatabase()).transaction(['customers', 'purchases', 'interactions'], 'readonly');
  const range = IDBKeyRange.bound([id, -Infinity], [id, []]);
  const [, bought, contacts] = await Promise.all([
    done(tx.objectStore('customers').get(id)),
    rangeRead(tx.objectStore('purchases').index('[customerId+purchasedAt]'), 'getAll', range, 'prev', TIMELINE_PAGE + 1),
    rangeRead(tx.objectStore('interactions').index('[customerId+at]'), 'getAll', range, 'prev', TIMELINE_PAGE + 1),
  ]);
  return Math.min(TIMELINE_PAGE, bought.length + contacts.length);
}

export async function customerPages(passes: number): Promise<PairedSample[]> {
  const ids = await probeCustomers(SPREAD_CUSTOMERS, HEAVIEST_CUSTOMERS);
  const out: PairedSample[] = [];
  let order = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (const id of ids) {
      out.push(await paired(order++, 'customer page', id, async () => ({ hits: await appCustomerPage(id) }), () => rawCustomerPage(id)));
    }
  }
  return out;
}
