// Notices a write that failed for lack of disk space (QuotaExceededError), in any transaction of the app's
// database: the app then says the disk is full instead of letting later screens look empty or stale.
import type Dexie from 'dexie';
import type { DBCore, DBCoreTransaction } from 'dexie';

export function watchForFullStorage(db: Dexie, onFull: () => void): void {
  db.use({
    stack: 'dbcore',
    name: 'FullStorageWatch',
    create: (down: DBCore): DBCore => ({
      ...down,
      transaction(stores, mode, options): DBCoreTransaction {
        const tx = down.transaction(stores, mode, options);
        // With IndexedDB underneath, Dexie's transaction is the IDBTransaction itself; a quota failure aborts it
        // (at a write or at commit) with the error on the transaction.
        const native = tx as unknown as Partial<IDBTransaction>;
        if (mode === 'readwrite' && typeof native.addEventListener === 'function') {
          native.addEventListener('abort', () => {
            if (native.error?.name === 'QuotaExceededError') onFull();
          });
        }
        return tx;
      },
    }),
  });
}
