// The upgrades to today's database version at the run's size: a version-5 database of the run's customers
// (built here, not timed: records as version 5 stored them, derived values on the record), then opened
// with the app's RegularsDatabase, whose version 7 moves every customer's derived values into customerState
// (version 8 then drops purchase indexes, which a store of customers alone does not fill).
import Dexie from 'dexie';
import { RegularsDatabase, SCHEMA_V5 } from '../../../renderer/db/database';
import { newCustomerRecord } from '../../../shared/domain/customerRecord';
import type { UpgradeRun } from '../protocol';
import { requireDataset } from './session';

const BUILD_CHUNK = 2_000;

export async function upgradeFromV5(nowMs: number): Promise<UpgradeRun> {
  const { customers } = requireDataset();
  const name = `regulars-bench-v5-${crypto.randomUUID()}`;
  const now = new Date(nowMs);
  const buildStart = performance.now();
  const v5 = new Dexie(name);
  v5.version(5).stores(SCHEMA_V5);
  await v5.open();
  for (let i = 0; i < customers.length; i += BUILD_CHUNK) {
    // A joined customer is the version-5 record: what people typed, its keys and its derived values.
    const rows = customers.slice(i, i + BUILD_CHUNK).map((d, k) => {
      const record = newCustomerRecord(d.fields, d.id, now);
      return (i + k) % 50 === 0 ? { ...record, isDeleted: 1, deletedAt: now.toISOString(), searchTokens: [] } : record;
    });
    await v5.transaction('rw', v5.table('customers'), v5.table('customerSearch'), async () => {
      await v5.table('customers').bulkAdd(rows);
      await v5.table('customerSearch').bulkAdd(rows.filter((r) => r.isDeleted === 0).map((r) => ({ id: r.id, tokens: r.searchTokens })));
    });
  }
  v5.close();
  const buildMs = performance.now() - buildStart;

  const start = performance.now();
  const db = new RegularsDatabase(name);
  await db.open();
  const ms = performance.now() - start;
  const version = db.verno;
  const states = await db.customerState.count();
  db.close();
  await Dexie.delete(name);
  if (states !== customers.length) throw new Error(`the upgrade left ${states} state rows for ${customers.length} customers`);
  return { ms, customers: customers.length, version, buildMs };
}
