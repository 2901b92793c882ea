// State rows written in a test the way the derivation writes them: with the store's status counts, in one transaction.
import Dexie from 'dexie';
import type { CustomerState } from '../../shared/domain/customer';
import type { RegularsDatabase } from '../../renderer/db/database';
import { noteStateRows } from '../../renderer/db/derivation/statusCounts';

export function writeStateRows(db: RegularsDatabase, rows: readonly CustomerState[]): Promise<void> {
  return db.transaction('rw', [db.customerState, db.statusCounts], async () => {
    const before = await db.customerState.bulkGet(rows.map((r) => r.id));
    await Dexie.Promise.all([db.customerState.bulkPut([...rows]), noteStateRows(db, before, rows)]);
  });
}
