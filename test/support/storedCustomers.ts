// The customers as the db-layer tests read and seed them: each customer joined from its record and its
// derived state row (two tables from version 7), so a test asserts on a customer as the screens see it.
import type { Customer } from '../../shared/domain/customer';
import { customerRecordOf, customerStateOf } from '../../shared/domain/customerRecord';
import type { RegularsDatabase } from '../../renderer/db/database';
import { addCustomers, joinRecords, readCustomer, readCustomers, writeTransaction } from '../../renderer/db/derivation';
import { noteStateRows } from '../../renderer/db/derivation/statusCounts';

export function storedCustomers(db: RegularsDatabase) {
  return {
    get: (id: string): Promise<Customer | undefined> => readCustomer(db, id),
    bulkGet: (ids: readonly string[]): Promise<(Customer | undefined)[]> => readCustomers(db, ids),
    /** Every customer, trash included, in id order. */
    toArray: async (): Promise<Customer[]> => joinRecords(db, await db.customers.toArray()),
    /** New customers as the repositories add them (record, state and search rows). */
    bulkAdd: (customers: readonly Customer[]): Promise<void> => writeTransaction(db, ['customer'], [], () => addCustomers(db, customers)),
    /** Overwrites customers whole, derived values too (a test's way to spoil or reset a cache). */
    bulkPut: (customers: readonly Customer[]): Promise<void> =>
      writeTransaction(db, ['customer'], [], async () => {
        await db.customers.bulkPut(customers.map(customerRecordOf));
        const states = customers.map(customerStateOf);
        await noteStateRows(db, await db.customerState.bulkGet(states.map((s) => s.id)), states);
        await db.customerState.bulkPut(states);
      }),
    count: (): Promise<number> => db.customers.count(),
  };
}
