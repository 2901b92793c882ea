// The tier review's reads: the customers whose downgrade waits for the owner's review.
import Dexie from 'dexie';
import type { Customer } from '../../shared/domain/customer';
import type { RegularsDatabase } from './database';
import { joinStates } from './derivation';

export interface PendingDowngrades {
  count: number;
  /** Up to the limit asked for, in index order (by the tier they would move to, then id). */
  customers: Customer[];
}

export function createTierReviewRepository(db: RegularsDatabase) {
  // The index holds only customers with a pending tier (a null part is no key), the trash apart.
  const pending = () => db.customerState.where('[isDeleted+pendingTierId]').between([0, Dexie.minKey], [0, Dexie.maxKey], true, true);
  return {
    async pendingDowngrades(limit: number): Promise<PendingDowngrades> {
      return db.transaction('r', [db.customers, db.customerState, db.pointsState], async () => ({
        count: await pending().count(),
        customers: await joinStates(db, await pending().limit(limit).toArray()),
      }));
    },
    pendingCount(): Promise<number> {
      return pending().count();
    },
  };
}
