// Merging customers who are the same person: the duplicate finder's candidates, read in bulk, and
// the merge itself, in one transaction with an audit entry that holds everything needed to undo it.
import { surveyMonthOf } from '../../shared/domain/surveyScores';
import { campaignMemberId } from '../../shared/domain/campaigns/campaign';
import Dexie from 'dexie';
import type { Customer, CustomerRecord } from '../../shared/domain/customer';
import { editedCustomerRecord } from '../../shared/domain/customerRecord';
import { localDayOf, type DayOf } from '../../shared/domain/customerFigures';
import { planMerge, type DuplicateCandidate, type MergeChoice } from '../../shared/domain/duplicates';
import type { Interaction } from '../../shared/domain/interaction';
import type { Purchase } from '../../shared/domain/purchase';
import type { AuditKind } from '../../shared/domain/auditChain';
import { CustomerNotFoundError, type RepositoryDeps } from './customers';
import type { RegularsDatabase } from './database';
import { moveConsentHistory } from './consents';
import { recordAudit } from './audit';
import { indexForSearch } from './customerSearch';
import { createDerivation, derivePointsOf, ledgerRange, putCustomerRecords, readCustomer, readCustomers, refreshContacts, refreshSurveyState, refreshSurveyTally, removeCustomers, writeTransaction } from './derivation';
import type { PointsEntry } from '../../shared/domain/pointsLedger';
import type { SurveyAnswer } from '../../shared/domain/surveyRecords';
import type { Complaint } from '../../shared/domain/complaintRecords';

export const MERGE_AUDIT_KIND = 'customers.merge' satisfies AuditKind;

/** What the duplicate finder shows of each active customer (no search tokens: they are the bulk of a record). */
export type DuplicateFinderCustomer = DuplicateCandidate &
  Pick<Customer, 'email' | 'createdAt' | 'totalSpentFen' | 'purchaseCount' | 'lastPurchaseAt'>;

export interface ReadProgress {
  done: number;
  total: number;
}

/** Records per read while scanning the whole customers table. */
const SCAN_CHUNK = 2_000;

/**
 * Every active customer's duplicate-relevant fields, in id order, read 2,000 at a time through the
 * primary key (one getAll per chunk, not a cursor step per record), reporting progress.
 */
export async function readDuplicateCandidates(db: RegularsDatabase, onProgress?: (p: ReadProgress) => void): Promise<DuplicateFinderCustomer[]> {
  const total = await db.customers.where('[isDeleted+createdAt]').between([0, Dexie.minKey], [0, Dexie.maxKey]).count();
  const out: DuplicateFinderCustomer[] = [];
  let after: string | null = null;
  onProgress?.({ done: 0, total });
  for (;;) {
    const rows: CustomerRecord[] = await (after === null ? db.customers.orderBy(':id') : db.customers.where(':id').above(after)).limit(SCAN_CHUNK).toArray();
    if (rows.length === 0) break;
    // The figures of the same customers: the same id range of the state table, one getAll.
    const states = new Map((await db.customerState.where(':id').between(rows[0]!.id, rows[rows.length - 1]!.id, true, true).toArray()).map((s) => [s.id, s]));
    for (const c of rows) {
      if (c.isDeleted !== 0) continue;
      const s = states.get(c.id);
      out.push({
        id: c.id, name: c.name, phoneKeys: c.phoneKeys, emailKey: c.emailKey, birthday: c.birthday, phones: c.phones, email: c.email,
        createdAt: c.createdAt, totalSpentFen: s?.totalSpentFen ?? 0, purchaseCount: s?.purchaseCount ?? 0, lastPurchaseAt: s?.lastPurchaseAt ?? null,
      });
    }
    after = rows[rows.length - 1]!.id;
    onProgress?.({ done: out.length, total: Math.max(total, out.length) });
  }
  return out;
}

/** What the audit entry of a merge holds: with it, a later undo can put every record back. */
export interface MergeAuditDetails {
  survivorId: string;
  mergedIds: string[];
  choice: MergeChoice;
  /** Every merged customer (the survivor too) as it was before the merge. */
  before: Customer[];
  /** Purchases and contacts moved to the survivor, with the customer each came from. */
  movedPurchases: { id: string; from: string }[];
  movedInteractions: { id: string; from: string }[];
  /** Customers whose referrer was a merged-away customer, with that referrer. */
  repointedReferrals: { id: string; from: string }[];
  /** Marketing-consent answers moved to the survivor (both histories are kept), with the customer each came from. */
  movedConsentEvents: { id: string; from: string }[];
  /** Points entries moved to the survivor, with the customer each came from (absent in merges before version 12). */
  movedPointsEntries?: { id: string; from: string }[];
  /** Survey answers and complaints moved to the survivor (version 15 on). */
  movedSurveyAnswers?: { id: string; from: string }[];
  movedComplaints?: { id: string; from: string }[];
  /** Places in campaigns moved to the survivor (version 18 on): the campaign, the group and whose place it was. */
  movedCampaignMembers?: { campaignId: string; group: 'contacted' | 'control'; from: string }[];
}

export interface MergeResult {
  survivor: Customer;
  auditId: string;
  movedPurchases: number;
  movedInteractions: number;
  repointedReferrals: number;
}

export class MergeError extends Error {
  constructor(readonly code: 'too-few' | 'survivor-missing' | 'customer-deleted') {
    super(`Merge refused: ${code}`);
    this.name = 'MergeError';
  }
}

/**
 * `mergeCustomers(db, deps)(ids, choice)`: in one transaction, the survivor takes the planned fields
 * (planMerge: picked values, phones and tags combined) through the same record building as
 * an edit; every purchase and contact of the others moves to the survivor; customers referred by a
 * merged-away customer are referred by the survivor; every consent answer of the others becomes the
 * survivor's (its current consent derived again); the survivor's figures are recomputed from its
 * purchases; the others are deleted; and an audit entry 'customers.merge' keeps the before-records (its snapshot).
 */
export function mergeCustomers(db: RegularsDatabase, deps: RepositoryDeps & { dayOf?: DayOf }) {
  const derivation = createDerivation(db, { ...deps, dayOf: deps.dayOf ?? localDayOf });
  return async (customerIds: readonly string[], choice: MergeChoice): Promise<MergeResult> => {
    const ids = [...new Set(customerIds)];
    if (ids.length < 2) throw new MergeError('too-few');
    if (!ids.includes(choice.survivorId)) throw new MergeError('survivor-missing');
    return writeTransaction(db, ['customer', 'purchase', 'contact', 'points'], [], async () => {
      const found = await readCustomers(db, ids);
      const before: Customer[] = found.map((c, i) => {
        if (!c) throw new CustomerNotFoundError(ids[i]!);
        if (c.isDeleted !== 0) throw new MergeError('customer-deleted');
        return c;
      });
      const survivor = before.find((c) => c.id === choice.survivorId)!;
      const others = before.filter((c) => c.id !== survivor.id);
      const otherIds = others.map((c) => c.id);
      const otherSet = new Set(otherIds);
      const now = deps.now();
      const at = now.toISOString();

      const survivorAfter = editedCustomerRecord(survivor, planMerge(before, choice), now);
      // One of them declined surveys: the person did, so the survivor keeps the earliest such answer.
      const declinedAt = before.flatMap((c) => (c.surveysDeclinedAt !== undefined ? [c.surveysDeclinedAt] : [])).sort()[0];
      if (declinedAt !== undefined) survivorAfter.surveysDeclinedAt = declinedAt;
      await indexForSearch(db, await putCustomerRecords(db, [survivorAfter]));

      const purchases: Purchase[] = await db.purchases.where('customerId').anyOf(otherIds).toArray();
      await db.purchases.bulkPut(purchases.map((p) => ({ ...p, customerId: survivor.id, updatedAt: at })));
      const interactions: Interaction[] = await db.interactions.where('customerId').anyOf(otherIds).toArray();
      await db.interactions.bulkPut(interactions.map((i) => ({ ...i, customerId: survivor.id, updatedAt: at })));
      await refreshContacts(db, [survivor.id]);
      // Survey answers and complaints become the survivor's; their latest answer stands.
      const answers: SurveyAnswer[] = await db.surveyAnswers.where('customerId').anyOf(otherIds).toArray();
      await db.surveyAnswers.bulkPut(answers.map((a) => ({ ...a, customerId: survivor.id, updatedAt: at })));
      const complaints: Complaint[] = await db.complaints.where('customerId').anyOf(otherIds).toArray();
      await db.complaints.bulkPut(complaints.map((c) => ({ ...c, customerId: survivor.id, updatedAt: at })));
      await refreshSurveyState(db, [survivor.id]);
      // Places in campaigns become the survivor's, unless the survivor holds one in that campaign already (then theirs
      // stands; the others' go with the merged-away files).
      const places = await db.campaignMembers.where('customerId').anyOf(otherIds).toArray();
      const inCampaign = new Set((await db.campaignMembers.where('customerId').equals(survivor.id).toArray()).map((m) => m.campaignId));
      const movedPlaces = places.filter((m) => !inCampaign.has(m.campaignId) && (inCampaign.add(m.campaignId), true));
      await db.campaignMembers.bulkAdd(movedPlaces.map((m) => ({ ...m, id: campaignMemberId(m.campaignId, survivor.id), customerId: survivor.id, updatedAt: at })));
      // Their months' tallies name the customers followed up in time.
      await refreshSurveyTally(db, answers.map((a) => surveyMonthOf(a.answeredAt)));

      // referredBy has no index: scan the customers in chunks of whole records (one getAll each).
      const repointed: { id: string; from: string }[] = [];
      let after: string | null = null;
      for (;;) {
        const rows: CustomerRecord[] = await (after === null ? db.customers.orderBy(':id') : db.customers.where(':id').above(after)).limit(SCAN_CHUNK).toArray();
        if (rows.length === 0) break;
        const changed = rows
          .filter((c) => c.referredBy !== null && otherSet.has(c.referredBy) && !otherSet.has(c.id) && c.id !== survivor.id)
          .map((c) => {
            repointed.push({ id: c.id, from: c.referredBy! });
            return { ...c, referredBy: survivor.id, updatedAt: at };
          });
        if (changed.length) await putCustomerRecords(db, changed);
        after = rows[rows.length - 1]!.id;
      }

      // The merged-away records go, and their tier history with them (it described records that no
      // longer exist; the audit entry keeps them as they were). The survivor's tier follows from the
      // purchases it now holds, with its own history entry when that moves it.
      await db.tierHistory.where('customerId').anyOf(otherIds).delete();
      // Every consent answer is kept, now the survivor's; the latest per channel stands.
      const movedConsent = await moveConsentHistory(db, otherIds, survivor.id);
      // Every points entry of the others becomes the survivor's (their batches keep their dates and expiry);
      // a referral entry keeps naming the merged-away id, which the referral rules read as the survivor's.
      const movedPoints: PointsEntry[] = [];
      // Taken out and written again under the survivor's id (the key holds it; the id stays, and is unique).
      for (const id of otherIds) {
        movedPoints.push(...(await ledgerRange(db, id).toArray()));
        await ledgerRange(db, id).delete();
      }
      if (movedPoints.length) await db.pointsEntries.bulkAdd(movedPoints.map((e) => ({ ...e, customerId: survivor.id })));
      await removeCustomers(db, otherIds);
      // The others are named too: they hold no purchases now, and their report entries go (derivation/reports.ts).
      await derivation.refresh([survivor.id, ...otherIds], undefined, await derivePointsOf(db, [survivor.id], now));

      const details: MergeAuditDetails = {
        survivorId: survivor.id,
        mergedIds: otherIds,
        choice,
        before,
        movedPurchases: purchases.map((p) => ({ id: p.id, from: p.customerId })),
        movedInteractions: interactions.map((i) => ({ id: i.id, from: i.customerId })),
        repointedReferrals: repointed,
        movedConsentEvents: movedConsent,
        movedPointsEntries: movedPoints.map((e) => ({ id: e.id, from: e.customerId })),
        movedSurveyAnswers: answers.map((a) => ({ id: a.id, from: a.customerId })),
        movedComplaints: complaints.map((c) => ({ id: c.id, from: c.customerId })),
        movedCampaignMembers: movedPlaces.map((m) => ({ campaignId: m.campaignId, group: m.group, from: m.customerId })),
      };
      // The records as they were are personal data: the snapshot, outside the chain's hash; the hashed part holds ids and counts.
      const entry = await recordAudit(db, deps, {
        kind: MERGE_AUDIT_KIND,
        customerIds: [survivor.id, ...otherIds],
        facts: {
          purchases: purchases.length,
          contacts: interactions.length,
          referrals: repointed.length,
          pointsEntries: movedPoints.length,
          surveyAnswers: answers.length,
          complaints: complaints.length,
        },
        snapshot: details,
      });
      const merged = (await readCustomer(db, survivor.id))!;
      return {
        survivor: merged,
        auditId: entry.id,
        movedPurchases: purchases.length,
        movedInteractions: interactions.length,
        repointedReferrals: repointed.length,
      };
    });
  };
}

export type MergeCustomers = ReturnType<typeof mergeCustomers>;
