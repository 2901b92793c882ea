// Live-query hooks of complaints (kept apart from hooks.ts, which the customer screens own).
import { useLiveQuery } from 'dexie-react-hooks';
import type { ComplaintFigures } from '../../shared/domain/complaint';
import type { Complaint } from '../../shared/domain/complaintRecords';
import type { Customer } from '../../shared/domain/customer';
import type { Purchase } from '../../shared/domain/purchase';
import type { Reward } from '../../shared/domain/rewards';
import { customerReads, purchases } from './appRepositories';
import { complaints, points } from './index';

/** What the complaints screen lists: open ones by due date, or (`withClosed`) the latest received; with their customers. */
export interface ComplaintList {
  complaints: Complaint[];
  customers: Map<string, Customer>;
  withClosed: boolean;
}

export function useComplaintList(withClosed: boolean): ComplaintList | undefined {
  return useLiveQuery(async () => {
    const rows = withClosed ? await complaints.latest() : await complaints.openByDue();
    const people = await customerReads.getMany([...new Set(rows.map((c) => c.customerId))]);
    return { complaints: rows, customers: new Map(people.flatMap((c) => (c ? [[c.id, c] as const] : []))), withClosed };
  }, [withClosed]);
}

/** The figures of the last `days` days, kept current. */
export function useComplaintFigures(days: number): (ComplaintFigures & { days: number }) | undefined {
  return useLiveQuery(async () => ({ ...(await complaints.figures(days)), days }), [days]);
}

/** The reports' complaints: those received from `from` (an ISO time) on; kept current. The reports count their figures per period. */
export function useComplaintsSince(from: string): Complaint[] | undefined {
  return useLiveQuery(() => complaints.receivedSince(from), [from]);
}

/** One complaint with what its detail names: the customer, the purchase, the rewards catalogue; null when there is none. */
export interface ComplaintDetailData {
  complaint: Complaint;
  customer: Customer | null;
  purchase: Purchase | null;
  rewards: Reward[];
}

export function useComplaintDetail(id: string | null): ComplaintDetailData | null | undefined {
  return useLiveQuery(async () => {
    if (!id) return null;
    const complaint = await complaints.get(id);
    if (!complaint) return null;
    const [people, purchase, rewards] = await Promise.all([
      customerReads.getMany([complaint.customerId]),
      complaint.purchaseId ? purchases.get(complaint.purchaseId) : Promise.resolve(undefined),
      points.rewards(),
    ]);
    return { complaint, customer: people[0] ?? null, purchase: purchase ?? null, rewards };
  }, [id]);
}

/** A customer's complaints, newest first. */
export function useCustomerComplaints(customerId: string): Complaint[] | undefined {
  return useLiveQuery(() => complaints.ofCustomer(customerId), [customerId]);
}

/** A purchase a new complaint is about, for the dialog's line; null when none. */
export function usePurchase(id: string | null): Purchase | null | undefined {
  return useLiveQuery(async () => (id ? ((await purchases.get(id)) ?? null) : null), [id]);
}
