// Today's count of every table, for the restore preview ("in the backup" beside "today").
import { useEffect, useState } from 'react';
import type Dexie from 'dexie';
import { database } from './database';

/** Each table counted in its own short read: one transaction over every table would hold writes back. */
export async function tableCounts(db: Dexie): Promise<Record<string, number>> {
  const names = db.tables.map((table) => table.name);
  const counts = await Promise.all(names.map((name) => db.table(name).count()));
  return Object.fromEntries(names.map((name, index) => [name, counts[index]!]));
}

/**
 * Counted once each time `wanted` turns true (the restore dialog opens), not live: a count of every table
 * after every write would cost the clerk time on a large store for a figure read once. undefined until then.
 */
export function useTableCounts(wanted: boolean): Record<string, number> | undefined {
  const [counts, setCounts] = useState<Record<string, number> | undefined>(undefined);
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    void tableCounts(database()).then((found) => {
      if (current) setCounts(found);
    });
    return () => {
      current = false;
    };
  }, [wanted]);
  return wanted ? counts : undefined;
}
