// First launch: start with an empty store or fill it with the seeded demo store, in one transaction.
import { generateDemoCustomers } from '../../shared/domain/demoStore';
import { generateDemoPurchases } from '../../shared/domain/demoPurchases';
import { newCustomerRecord } from '../../shared/domain/customerRecord';
import { computeCustomerFigures, customerFigureFields, groupPurchasesByCustomer, localDayOf, type DayOf } from '../../shared/domain/customerFigures';
import { catalogFromPurchases } from '../../shared/domain/purchase';
import type { RegularsDatabase } from './database';
import type { RepositoryDeps } from './customers';

export const DEMO_SEED = 20261123;
export const DEMO_CUSTOMER_COUNT = 240;

export function createStoreSetup(db: RegularsDatabase, deps: RepositoryDeps & { dayOf?: DayOf }) {
  const dayOf = deps.dayOf ?? localDayOf;
  return {
    /**
     * The demo store: customers created over three years, their purchases and contacts, and the
     * figures computed by the same computeCustomerFigures the purchase repository uses.
     */
    async start(kind: 'empty' | 'demo'): Promise<void> {
      await db.transaction('rw', [db.customers, db.settings, db.purchases, db.interactions, db.catalog], async () => {
        if (kind === 'demo') {
          const now = deps.now();
          const demo = generateDemoCustomers({ seed: DEMO_SEED, count: DEMO_CUSTOMER_COUNT, now, newId: deps.newId });
          const history = generateDemoPurchases({ seed: DEMO_SEED, customers: demo, now, newId: deps.newId });
          const byCustomer = groupPurchasesByCustomer(history.purchases);
          await db.customers.bulkAdd(
            demo.map((d) => ({
              ...newCustomerRecord(d.fields, d.id, now, d.createdAt),
              ...customerFigureFields(computeCustomerFigures(byCustomer.get(d.id) ?? [], dayOf)),
            })),
          );
          await db.purchases.bulkAdd(history.purchases);
          await db.interactions.bulkAdd(history.interactions);
          await db.catalog.bulkAdd([...catalogFromPurchases(history.purchases).values()]);
        }
        await db.settings.put({ key: 'startedAs', value: kind });
      });
    },
  };
}
