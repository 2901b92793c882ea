// First launch: start with an empty store or fill it with the seeded demo store, in one transaction.
import { generateDemoCustomers } from '../../shared/domain/demoStore';
import { newCustomerRecord } from '../../shared/domain/customerRecord';
import type { RegularsDatabase } from './database';
import type { RepositoryDeps } from './customers';

export const DEMO_SEED = 20261123;
export const DEMO_CUSTOMER_COUNT = 240;

export function createStoreSetup(db: RegularsDatabase, deps: RepositoryDeps) {
  return {
    async start(kind: 'empty' | 'demo'): Promise<void> {
      await db.transaction('rw', db.customers, db.settings, async () => {
        if (kind === 'demo') {
          const now = deps.now();
          const demo = generateDemoCustomers({ seed: DEMO_SEED, count: DEMO_CUSTOMER_COUNT, now, newId: deps.newId });
          await db.customers.bulkAdd(demo.map((d) => newCustomerRecord(d.fields, d.id, now, d.createdAt)));
        }
        await db.settings.put({ key: 'startedAs', value: kind });
      });
    },
  };
}
