// The complaints repository: a complaint opened (about a purchase, from a survey answer), moved through its states with
// the resolution and compensation (points through the points module, a reward from the catalogue, a refund noted), the
// customer's satisfaction with the handling, the open list by due date, a customer's complaints, and the figures.
import Dexie from 'dexie';
import { subDays } from 'date-fns';
import {
  complaintFigures,
  moveComplaint,
  newComplaint,
  recordHandlingSatisfaction,
  type ComplaintContext,
  type ComplaintFields,
  type ComplaintFigures,
  type ComplaintRefusal,
} from '../../shared/domain/complaint';
import type { Complaint, ComplaintState } from '../../shared/domain/complaintRecords';
import { settingsFromRows } from '../../shared/domain/settings';
import type { RegularsDatabase } from './database';
import type { RepositoryDeps } from './customerList';
import { recordAudit } from './audit';
import { writeTransaction, type WriteKind } from './derivation';
import { createPointsRepository } from './points';

/** Why the repository refused: the state machine's reason, or a record it needs that is not there (or not usable). */
export type ComplaintRepositoryRefusal = 'complaint-not-found' | 'customer-not-found' | 'purchase-not-found' | 'answer-not-found' | 'reward-not-found' | 'reward-unavailable';

export class ComplaintRefusedError extends Error {
  constructor(
    readonly code: ComplaintRepositoryRefusal | ComplaintRefusal['code'],
    readonly refusal: ComplaintRefusal | null = null,
  ) {
    super(`Complaint refused: ${code}`);
    this.name = 'ComplaintRefusedError';
  }
}

export interface ComplaintDeps extends RepositoryDeps {
  /** The store's time zone (IANA), which due times count days in. */
  timeZone: () => string;
}

export interface OpenComplaint {
  customerId: string;
  fields: ComplaintFields;
  purchaseId?: string | null;
  /** The survey answer it comes from: the answer gets the complaint's id. */
  surveyAnswerId?: string | null;
}

/** A compensation as the clerk asks for it; points are given by an owner's adjustment with `pointsReason` as its reason. */
export interface CompensationRequest {
  points: number;
  rewardId: string | null;
  refundFen: number;
  pointsReason: string;
}

export interface MoveRequest {
  to: ComplaintState;
  by: string;
  note: string;
  resolution?: string;
  compensation?: CompensationRequest;
}

/** The latest complaints a list shows when it shows closed ones too. */
export const COMPLAINT_LIST_CAP = 500;

export function createComplaintRepository(db: RegularsDatabase, deps: ComplaintDeps) {
  const points = createPointsRepository(db, deps);

  async function contextNow(): Promise<ComplaintContext> {
    const rows = (await db.settings.bulkGet(['complaints'])).filter((r) => r !== undefined);
    return { now: deps.now(), settings: settingsFromRows(rows).complaints, timeZone: deps.timeZone() };
  }

  async function figuresSince(from: string): Promise<ComplaintFigures> {
    const now = deps.now();
    return db.transaction('r', [db.complaints, db.customerState], async () => {
      const received = await db.complaints.where('receivedAt').aboveOrEqual(from).toArray();
      const index = db.customerState.where('[isDeleted+lastPurchaseSort]');
      const served = (await index.between([0, from], [0, Dexie.maxKey], true, true).count()) + (await index.between([1, from], [1, Dexie.maxKey], true, true).count());
      return complaintFigures(received, served, now);
    });
  }

  async function requireComplaint(id: string): Promise<Complaint> {
    const found = await db.complaints.get(id);
    if (!found) throw new ComplaintRefusedError('complaint-not-found');
    return found;
  }

  function orThrow(result: { ok: true; value: Complaint } | { ok: false; reason: ComplaintRefusal }): Complaint {
    if (!result.ok) throw new ComplaintRefusedError(result.reason.code, result.reason);
    return result.value;
  }

  return {
    async get(id: string): Promise<Complaint | undefined> {
      return db.complaints.get(id);
    },

    /** A new complaint, received; from a survey answer, the answer names it in the same transaction. */
    async open(input: OpenComplaint): Promise<Complaint> {
      const purchaseId = input.purchaseId ?? null;
      const surveyAnswerId = input.surveyAnswerId ?? null;
      const kinds: WriteKind[] = surveyAnswerId ? ['complaint', 'survey'] : ['complaint'];
      return writeTransaction(db, kinds, ['customers', 'purchases', 'settings'], async () => {
        const customer = await db.customers.get(input.customerId);
        if (!customer) throw new ComplaintRefusedError('customer-not-found');
        if (purchaseId !== null) {
          const purchase = await db.purchases.get(purchaseId);
          if (!purchase || purchase.customerId !== input.customerId) throw new ComplaintRefusedError('purchase-not-found');
        }
        const ctx = await contextNow();
        const complaint = newComplaint(input.fields, { id: deps.newId(), customerId: input.customerId, purchaseId, surveyAnswerId, ...ctx });
        if (surveyAnswerId !== null) {
          const answer = await db.surveyAnswers.get(surveyAnswerId);
          if (!answer || answer.customerId !== input.customerId) throw new ComplaintRefusedError('answer-not-found');
          await db.surveyAnswers.put({ ...answer, complaintId: complaint.id, updatedAt: ctx.now.toISOString() });
        }
        await db.complaints.add(complaint);
        await recordAudit(db, deps, {
          kind: 'complaint.open',
          customerIds: [input.customerId],
          refs: [complaint.id, ...(purchaseId ? [purchaseId] : []), ...(surveyAnswerId ? [surveyAnswerId] : [])],
          facts: { category: complaint.category, severity: complaint.severity, dueAt: complaint.dueAt },
        });
        return complaint;
      });
    },

    /**
     * A change of state, refused with the state machine's reason when it is not legal. Resolving may give a
     * compensation: points through the points module's owner adjustment (the caller holds the owner's gate), a reward
     * from the catalogue (a counted gift's stock taken by one; the customer pays no points for it), a refund noted.
     * All of it is one transaction: a refused move gives nothing.
     */
    async move(id: string, request: MoveRequest): Promise<Complaint> {
      const given = request.to === 'resolved' ? request.compensation : undefined;
      const kinds: WriteKind[] = ['complaint'];
      if (given && given.points > 0) kinds.push('points');
      if (given?.rewardId) kinds.push('rewards');
      return writeTransaction(db, kinds, ['customers', 'settings'], async () => {
        const before = await requireComplaint(id);
        const ctx = await contextNow();
        // Checked before anything is given, with a stand-in for the points entry.
        const check = { points: given?.points ?? 0, rewardId: given?.rewardId ?? null, refundFen: given?.refundFen ?? 0 };
        orThrow(moveComplaint(before, { ...request, compensation: { ...check, pointsEntryId: check.points > 0 ? 'pending' : null } }, ctx));
        let pointsEntryId: string | null = null;
        if (check.rewardId) {
          const reward = await db.rewards.get(check.rewardId);
          if (!reward) throw new ComplaintRefusedError('reward-not-found');
          if (!reward.active || (reward.kind === 'gift' && reward.stock !== null && reward.stock < 1)) throw new ComplaintRefusedError('reward-unavailable');
          if (reward.kind === 'gift' && reward.stock !== null) await db.rewards.put({ ...reward, stock: reward.stock - 1 });
        }
        if (check.points > 0) pointsEntryId = (await points.adjust(before.customerId, check.points, given!.pointsReason)).id;
        const after = orThrow(moveComplaint(before, { ...request, compensation: { ...check, pointsEntryId } }, ctx));
        await db.complaints.put(after);
        await recordAudit(db, deps, {
          kind: 'complaint.move',
          customerIds: [after.customerId],
          refs: [id, ...(pointsEntryId ? [pointsEntryId] : []), ...(check.rewardId ? [check.rewardId] : [])],
          facts: { from: before.state, to: after.state, points: check.points, refundFen: check.refundFen },
        });
        return after;
      });
    },

    /** The customer's answer to "satisfied with how it was handled?" (once resolved). */
    async recordSatisfaction(id: string, satisfied: boolean): Promise<Complaint> {
      return writeTransaction(db, ['complaint'], [], async () => {
        const after = orThrow(recordHandlingSatisfaction(await requireComplaint(id), satisfied, deps.now()));
        await db.complaints.put(after);
        await recordAudit(db, deps, { kind: 'complaint.satisfaction', customerIds: [after.customerId], refs: [id], facts: { satisfied } });
        return after;
      });
    },

    /** Complaints not closed, soonest due first (the `openDue` index holds only those). */
    async openByDue(): Promise<Complaint[]> {
      return db.complaints.orderBy('openDue').toArray();
    },

    /** How many complaints are not closed: the navigation's count. */
    async openCount(): Promise<number> {
      return db.complaints.orderBy('openDue').count();
    },

    /** The latest complaints received, closed ones too, newest first, up to COMPLAINT_LIST_CAP. */
    async latest(): Promise<Complaint[]> {
      return db.complaints.orderBy('receivedAt').reverse().limit(COMPLAINT_LIST_CAP).toArray();
    },

    /** The complaints received from `from` (an ISO time) on, oldest first: the reports count them by month. */
    receivedSince(from: string): Promise<Complaint[]> {
      return db.complaints.where('receivedAt').aboveOrEqual(from).toArray();
    },

    /** A customer's complaints, newest first. */
    async ofCustomer(customerId: string): Promise<Complaint[]> {
      const rows = await db.complaints.where('customerId').equals(customerId).toArray();
      return rows.sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0));
    },

    /**
     * The figures of the complaints received in the last `days` days. Customers served in the period are counted
     * cheaply as those whose last purchase falls in it: for a period that ends now, everyone who bought in it has
     * their last purchase in it, so the count is exact and is two index counts (active and trashed customers), not
     * a read of the purchases.
     */
    figures(days: number): Promise<ComplaintFigures> {
      return figuresSince(subDays(deps.now(), days).toISOString());
    },

    /** The figures of the complaints received from `from` (an ISO time) to now, counted as `figures` does. */
    figuresSince,
  };
}

export type ComplaintRepository = ReturnType<typeof createComplaintRepository>;
