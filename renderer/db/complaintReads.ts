// A customer's complaints as the timeline reads them: one index range, newest first, no more than a page.
import type { Complaint } from '../../shared/domain/complaintRecords';
import type { RegularsDatabase } from './database';

export function createComplaintReads(db: RegularsDatabase) {
  return {
    /** The customer's `limit` latest complaints by when they were received, newest first. */
    async newestOf(customerId: string, limit: number): Promise<Complaint[]> {
      const rows = await db.complaints.where('customerId').equals(customerId).toArray();
      return rows.sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : a.id < b.id ? -1 : 1)).slice(0, limit);
    },
  };
}

export type ComplaintReads = ReturnType<typeof createComplaintReads>;
