// A customer is three rows: the record people typed (customers), its derived values (customerState) and its
// points (pointsState). These read them joined for the screens and write each row where it belongs.
// Reads issued together go through Dexie's all: awaited inside a caller's transaction, it resumes there.
import Dexie from 'dexie';
import type { Customer, CustomerPointsState, CustomerRecord, CustomerState } from '../../../shared/domain/customer';
import { customerPointsStateOf, customerRecordOf, customerStateOf, joinCustomer } from '../../../shared/domain/customerDerived';
import type { RegularsDatabase } from '../database';
import { removeConsent } from '../consents';
import { dropFromSearch, indexForSearch } from '../customerSearch';
import type { SurveyStateRow } from '../../../shared/domain/surveyRecords';
import { ledgerRange } from './points';
import { notePointsEntries } from './reports';
import { noteStateRows } from './statusCounts';
import { surveyMonthOf } from '../../../shared/domain/surveyScores';
import { answersRange, refreshSurveyTally } from './survey';

/** Records joined with their state rows, in order. */
export async function joinRecords(db: RegularsDatabase, records: readonly CustomerRecord[]): Promise<Customer[]> {
  if (records.length === 0) return [];
  const ids = records.map((r) => r.id);
  const [states, points] = await Dexie.Promise.all([db.customerState.bulkGet(ids), db.pointsState.bulkGet(ids)]);
  return records.map((r, i) => joinCustomer(r, states[i], points[i]));
}

/** State rows joined with their records, in order; a state without a record (none should be) is left out. */
export async function joinStates(db: RegularsDatabase, states: readonly CustomerState[]): Promise<Customer[]> {
  if (states.length === 0) return [];
  const ids = states.map((s) => s.id);
  const [records, points] = await Dexie.Promise.all([db.customers.bulkGet(ids), db.pointsState.bulkGet(ids)]);
  const out: Customer[] = [];
  records.forEach((r, i) => {
    if (r) out.push(joinCustomer(r, states[i], points[i]));
  });
  return out;
}

/** The customers with these ids, joined, in order (undefined where there is none). */
export async function readCustomers(db: RegularsDatabase, ids: readonly string[]): Promise<(Customer | undefined)[]> {
  if (ids.length === 0) return [];
  const [records, states, points] = await Dexie.Promise.all([db.customers.bulkGet([...ids]), db.customerState.bulkGet([...ids]), db.pointsState.bulkGet([...ids])]);
  return records.map((r, i) => (r ? joinCustomer(r, states[i], points[i]) : undefined));
}

export async function readCustomer(db: RegularsDatabase, id: string): Promise<Customer | undefined> {
  return (await readCustomers(db, [id]))[0];
}

/** New customers: the record, the state row, the points row and the search row (inside a transaction holding the 'customer' scope). */
// Dexie promises only (no async function, no native Promise.all): the import holds several of these in flight and
// awaits them later, and a native promise awaited that way can resume outside the transaction (imports.ts writePipeline).
export function addCustomers(db: RegularsDatabase, customers: readonly Customer[]): Promise<void> {
  if (customers.length === 0) return Dexie.Promise.resolve();
  const records = customers.map(customerRecordOf);
  const states = customers.map(customerStateOf);
  // Issued together: the tables' writes need not wait for each other.
  return Dexie.Promise.all([
    db.customers.bulkAdd(records),
    db.customerState.bulkAdd(states),
    noteStateRows(db, [], states),
    db.pointsState.bulkAdd(customers.map(customerPointsStateOf)),
    indexForSearch(db, records),
  ]).then(() => undefined);
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

/** Of these rows, those whose isDeleted differs from their record's, with the record's. */
function mirrored<T extends { isDeleted: 0 | 1 }>(rows: readonly (T | undefined)[], records: readonly CustomerRecord[]): T[] {
  const moved: T[] = [];
  rows.forEach((s, i) => {
    if (s && s.isDeleted !== records[i]!.isDeleted) moved.push({ ...s, isDeleted: records[i]!.isDeleted });
  });
  return moved;
}

/** Records moved to or from the trash: the record, its search row and the isDeleted its state, points and survey rows mirror. */
export async function writeTrashState(db: RegularsDatabase, records: readonly CustomerRecord[]): Promise<void> {
  const stored = await putCustomerRecords(db, records);
  await indexForSearch(db, stored);
  const ids = stored.map((r) => r.id);
  const [states, points, surveys] = await Dexie.Promise.all([db.customerState.bulkGet(ids), db.pointsState.bulkGet(ids), db.surveyState.bulkGet(ids)]);
  const movedStates: CustomerState[] = mirrored(states, stored);
  const movedPoints: CustomerPointsState[] = mirrored(points, stored);
  const movedSurveys: SurveyStateRow[] = mirrored(surveys, stored);
  if (movedStates.length) {
    const wereStates = states.filter((s, i) => s && s.isDeleted !== stored[i]!.isDeleted);
    await Dexie.Promise.all([db.customerState.bulkPut(movedStates), noteStateRows(db, wereStates, movedStates)]);
  }
  if (movedPoints.length) await db.pointsState.bulkPut(movedPoints);
  if (movedSurveys.length) await db.surveyState.bulkPut(movedSurveys);
}

/**
 * Customers gone for good (deleted from the trash, merged away, an import undone): record, state, points and
 * search rows, their consent, their points entries, survey answers and complaints (a merge moves those to the
 * survivor first) and the marks on their reminders.
 */
export async function removeCustomers(db: RegularsDatabase, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  for (const id of ids) {
    const entries = await ledgerRange(db, id).toArray();
    if (entries.length === 0) continue;
    await ledgerRange(db, id).delete();
    await notePointsEntries(db, [], entries);
  }
  await db.customers.bulkDelete([...ids]);
  await noteStateRows(db, await db.customerState.bulkGet([...ids]), []);
  await db.customerState.bulkDelete([...ids]);
  await db.pointsState.bulkDelete([...ids]);
  await dropFromSearch(db, ids);
  await removeConsent(db, ids);
  await db.reminderMarks.where('customerId').anyOf([...ids]).delete();
  const answered: string[] = [];
  for (const id of ids) {
    const range = answersRange(db, id);
    for (const [, answeredAt] of (await range.keys()) as unknown as [string, string][]) answered.push(surveyMonthOf(answeredAt));
    await range.delete();
  }
  await db.surveyState.bulkDelete([...ids]);
  await refreshSurveyTally(db, answered);
  await db.complaints.where('customerId').anyOf([...ids]).delete();
  await db.campaignMembers.where('customerId').anyOf([...ids]).delete();
}
