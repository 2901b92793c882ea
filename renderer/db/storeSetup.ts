// First launch: start with an empty store or fill it with the seeded demo store, in one transaction.
import { generateDemoCustomers } from '../../shared/domain/demoStore';
import { generateDemoPurchases } from '../../shared/domain/demoPurchases';
import { derivedCustomerRecord, newCustomerRecord } from '../../shared/domain/customerRecord';
import { storeMedianGap } from '../../shared/domain/churn';
import { computeCustomerFigures, groupPurchasesByCustomer, localDayOf, type DayOf } from '../../shared/domain/customerFigures';
import type { TierHistoryEntry } from '../../shared/domain/customerStatus';
import { recordConsentAnswers, grantedChannels, type ConsentEvent, type ConsentStateRow } from '../../shared/domain/consent';
import { catalogFromPurchases } from '../../shared/domain/purchase';
import type { RegularsDatabase } from './database';
import type { RepositoryDeps } from './customers';
import { addCustomers, deriveReportRows, refreshContacts, writeTransaction } from './derivation';
import { recordAudit } from './audit';
import { createBookkeepingRepository } from './bookkeeping';
import { createSettingsRepository } from './settings';

export const DEMO_SEED = 20261123;
export const DEMO_CUSTOMER_COUNT = 240;

export function createStoreSetup(db: RegularsDatabase, deps: RepositoryDeps & { dayOf?: DayOf }) {
  const dayOf = deps.dayOf ?? localDayOf;
  const settings = createSettingsRepository(db);
  const bookkeeping = createBookkeepingRepository(db);
  return {
    /**
     * The demo store: customers created over three years, their purchases and contacts, and the
     * figures and status derived by the same function the purchase repository uses (with the store's
     * median gap computed first and cached, as the full recomputation does) and their tier history.
     */
    async start(kind: 'empty' | 'demo'): Promise<void> {
      await writeTransaction(db, ['customer', 'purchase', 'consent', 'contact'], ['catalog'], async () => {
        if (kind === 'demo') {
          const now = deps.now();
          const demo = generateDemoCustomers({ seed: DEMO_SEED, count: DEMO_CUSTOMER_COUNT, now, newId: deps.newId });
          const history = generateDemoPurchases({ seed: DEMO_SEED, customers: demo, now, newId: deps.newId });
          const byCustomer = groupPurchasesByCustomer(history.purchases);
          const storeMedianGapDays = storeMedianGap(demo.map((d) => computeCustomerFigures(byCustomer.get(d.id) ?? [], dayOf).medianGapDays));
          await bookkeeping.write({ storeMedianGapDays });
          const status = await settings.statusRules();
          const ctx = { settings: status, storeMedianGapDays, rfmCutPoints: null, asOf: now, dayOf, applyDowngrades: false, newId: deps.newId };
          const tierHistory: TierHistoryEntry[] = [];
          const customers = demo.map((d) => {
            const derived = derivedCustomerRecord(newCustomerRecord(d.fields, d.id, now, d.createdAt, status), byCustomer.get(d.id) ?? [], ctx);
            tierHistory.push(...derived.history);
            return derived.record;
          });
          await addCustomers(db, customers);
          // The answers each demo customer gave in store when they were created.
          const consentEvents: ConsentEvent[] = [];
          const consentRows: ConsentStateRow[] = [];
          for (const d of demo) {
            const r = recordConsentAnswers(d.id, {}, d.consents, 'in-store', new Date(d.createdAt), deps.newId);
            if (r.events.length === 0) continue;
            consentEvents.push(...r.events);
            consentRows.push({ id: d.id, channels: r.consent, granted: grantedChannels(r.consent) });
          }
          await db.consentEvents.bulkAdd(consentEvents);
          await db.consentState.bulkAdd(consentRows);
          await db.tierHistory.bulkAdd(tierHistory);
          await db.purchases.bulkAdd(history.purchases);
          await deriveReportRows(db, byCustomer, dayOf);
          await db.interactions.bulkAdd(history.interactions);
          await refreshContacts(db, new Set(history.interactions.map((i) => i.customerId)));
          await db.catalog.bulkAdd([...catalogFromPurchases(history.purchases).values()]);
          await recordAudit(db, deps, {
            kind: 'store.setup',
            facts: { startedAs: kind, customers: customers.length, purchases: history.purchases.length, contacts: history.interactions.length },
          });
        }
        await bookkeeping.write({ startedAs: kind });
      });
    },
  };
}
