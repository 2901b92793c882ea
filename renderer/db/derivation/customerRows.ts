// A customer is two rows: the record people typed (customers) and its derived values (customerState).
// These read them joined for the screens and write each row where it belongs.
import type { Customer, CustomerRecord, CustomerState } from '../../../shared/domain/customer';
import { customerRecordOf, customerStateOf, joinCustomer } from '../../../shared/domain/customerDerived';
import type { RegularsDatabase } from '../database';
import { removeConsent } from '../consents';
import { dropFromSearch, indexForSearch } from '../customerSearch';
import { ledgerRange } from './points';

/** Records joined with their state rows, in order. */
export async function joinRecords(db: RegularsDatabase, records: readonly CustomerRecord[]): Promise<Customer[]> {
  if (records.length === 0) return [];
  const states = await db.customerState.bulkGet(records.map((r) => r.id));
  return records.map((r, i) => joinCustomer(r, states[i]));
}

/** State rows joined with their records, in order; a state without a record (none should be) is left out. */
export async function joinStates(db: RegularsDatabase, states: readonly CustomerState[]): Promise<Customer[]> {
  if (states.length === 0) return [];
  const records = await db.customers.bulkGet(states.map((s) => s.id));
  const out: Customer[] = [];
  records.forEach((r, i) => {
    if (r) out.push(joinCustomer(r, states[i]));
  });
  return out;
}

/** The customers with these ids, joined, in order (undefined where there is none). */
export async function readCustomers(db: RegularsDatabase, ids: readonly string[]): Promise<(Customer | undefined)[]> {
  if (ids.length === 0) return [];
  const [records, states] = await Promise.all([db.customers.bulkGet([...ids]), db.customerState.bulkGet([...ids])]);
  return records.map((r, i) => (r ? joinCustomer(r, states[i]) : undefined));
}

export async function readCustomer(db: RegularsDatabase, id: string): Promise<Customer | undefined> {
  return (await readCustomers(db, [id]))[0];
}

/** New customers: the record, the state row and the search row (inside a transaction holding the 'customer' scope). */
export async function addCustomers(db: RegularsDatabase, customers: readonly Customer[]): Promise<void> {
  if (customers.length === 0) return;
  const records = customers.map(customerRecordOf);
  // Issued together: the three tables' writes need not wait for each other.
  await Promise.all([db.customers.bulkAdd(records), db.customerState.bulkAdd(customers.map(customerStateOf)), indexForSearch(db, records)]);
}

/**
 * Writes customer records (a joined customer's derived values are left out: they are not the record's).
 * Their trash state must be as stored; moving to or from the trash goes through writeTrashState.
 * The search row is the caller's (indexForSearch) when the searchable fields may have changed.
 */
export async function putCustomerRecords(db: RegularsDatabase, records: readonly (CustomerRecord | Customer)[]): Promise<CustomerRecord[]> {
  const stored = records.map(customerRecordOf);
  if (stored.length) await db.customers.bulkPut(stored);
  return stored;
}

/** Records moved to or from the trash: the record, its search row and the isDeleted its state row mirrors. */
export async function writeTrashState(db: RegularsDatabase, records: readonly CustomerRecord[]): Promise<void> {
  const stored = await putCustomerRecords(db, records);
  await indexForSearch(db, stored);
  const states = await db.customerState.bulkGet(stored.map((r) => r.id));
  const moved: CustomerState[] = [];
  states.forEach((s, i) => {
    if (s && s.isDeleted !== stored[i]!.isDeleted) moved.push({ ...s, isDeleted: stored[i]!.isDeleted });
  });
  if (moved.length) await db.customerState.bulkPut(moved);
}

/**
 * Customers gone for good (deleted from the trash, merged away, an import undone): record, state and search
 * rows, their consent and their points entries (a merge moves those to the survivor first).
 */
export async function removeCustomers(db: RegularsDatabase, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  for (const id of ids) await ledgerRange(db, id).delete();
  await db.customers.bulkDelete([...ids]);
  await db.customerState.bulkDelete([...ids]);
  await dropFromSearch(db, ids);
  await removeConsent(db, ids);
}
