// One page of a customer's timeline: only `limit` of each kind are read, so a customer with thousands
// of purchases opens as fast as one with three. Returns and their originals are looked up for the page,
// and the points entries of the page's period with the names they point to; survey answers are a kind too.
import type { PointsEntry } from '../../shared/domain/pointsLedger';
import { returnedFen, type Purchase } from '../../shared/domain/purchase';
import { mergeTimeline, purchaseRowPoints, TIMELINE_KINDS, type PurchaseRowPoints, type TimelineEntry, type TimelineKind } from '../../shared/domain/timeline';
import type { InteractionRepository } from './interactions';
import type { PointsTimelineReads } from './pointsTimeline';
import type { PurchaseRepository } from './purchases';
import type { SurveyRepository } from './surveys';
import type { SurveyAnswer } from '../../shared/domain/surveyRecords';
import type { Complaint } from '../../shared/domain/complaintRecords';
import type { ComplaintReads } from './complaintReads';

export type TimelineFilter = 'all' | TimelineKind;
export const TIMELINE_FILTERS: readonly TimelineFilter[] = ['all', ...TIMELINE_KINDS];
export const TIMELINE_PAGE = 50;

export interface ReturnState {
  /** Given back by non-voided returns, as a positive amount. */
  returnedFen: number;
  /** Non-voided returns: while there are any, the original cannot be voided. */
  activeReturns: number;
}

export interface TimelinePage {
  entries: TimelineEntry[];
  /** Older entries exist beyond `limit`. */
  hasMore: boolean;
  /** The originals of the returns on the page (also when the original is older than the page). */
  originals: Map<string, Purchase>;
  /** For each purchase on the page that has returns: what they gave back. */
  returns: Map<string, ReturnState>;
  /** For each purchase on the page with points of its own: what it earned and paid with points. */
  purchasePoints: Map<string, PurchaseRowPoints>;
  /** What the points rows on the page point to, for their words. */
  pointsNames: TimelinePointsNames;
}

export interface TimelinePointsNames {
  rewards: Map<string, string>;
  customers: Map<string, string>;
  purchases: Map<string, { purchasedAt: string; totalFen: number }>;
  /** The batches the page's expire entries write off. */
  batches: Map<string, PointsEntry>;
}

export interface TimelineSources {
  purchases: Pick<PurchaseRepository, 'listForCustomer' | 'get' | 'returnsOf'>;
  interactions: Pick<InteractionRepository, 'listForCustomer'>;
  points: PointsTimelineReads;
  /** Survey answers; without it the timeline has none. */
  surveys?: Pick<SurveyRepository, 'answersOf'>;
  /** Complaints; without it the timeline has none. */
  complaints?: ComplaintReads;
}

export async function readTimelinePage(sources: TimelineSources, customerId: string, filter: TimelineFilter, limit: number): Promise<TimelinePage> {
  const kinds: readonly TimelineKind[] = filter === 'all' ? TIMELINE_KINDS : [filter];
  // One more than shown of each kind tells whether there is more.
  const [p, i, s, c] = await Promise.all([
    kinds.includes('purchase') ? sources.purchases.listForCustomer(customerId, limit + 1) : Promise.resolve([]),
    kinds.includes('interaction') ? sources.interactions.listForCustomer(customerId, limit + 1) : Promise.resolve([]),
    kinds.includes('survey') && sources.surveys ? sources.surveys.answersOf(customerId, limit + 1) : Promise.resolve([] as SurveyAnswer[]),
    kinds.includes('complaint') && sources.complaints ? sources.complaints.newestOf(customerId, limit + 1) : Promise.resolve([] as Complaint[]),
  ]);
  let ledger: PointsEntry[] = [];
  if (kinds.includes('points')) {
    // With more purchases and contacts than the page holds, entries older than the page's last one cannot
    // be on it (and "more" is said by them): the range stops there.
    const others = mergeTimeline(p, i, kinds, [], s, c);
    const since = others.length > limit ? others[limit - 1]!.at : null;
    // Where purchases are listed, their own points are on their rows; the points filter lists every entry.
    ledger = await sources.points.newest(customerId, limit + 1, since, kinds.includes('purchase'));
  }
  const merged = mergeTimeline(p, i, kinds, ledger, s, c);
  const entries = merged.slice(0, limit);
  const shown = entries.flatMap((e) => (e.kind === 'purchase' ? [e.purchase] : []));
  const byId = new Map(p.map((x) => [x.id, x]));

  const originals = new Map<string, Purchase>();
  const missing = new Set<string>();
  for (const x of shown) {
    if (x.returnOf === null) continue;
    const known = byId.get(x.returnOf);
    if (known) originals.set(known.id, known);
    else missing.add(x.returnOf);
  }
  for (const o of await Promise.all([...missing].map((id) => sources.purchases.get(id)))) if (o) originals.set(o.id, o);

  const returns = new Map<string, ReturnState>();
  const candidates = shown.filter((x) => x.returnOf === null && x.totalFen > 0);
  const found = await Promise.all(candidates.map((x) => sources.purchases.returnsOf(x.id)));
  candidates.forEach((x, k) => {
    const list = found[k]!;
    if (list.length === 0) return;
    returns.set(x.id, { returnedFen: returnedFen(list), activeReturns: list.filter((r) => r.isVoided === 0).length });
  });
  const [purchasePoints, pointsNames] = await Promise.all([
    kinds.includes('purchase') ? sources.points.ofPurchases(shown.map((x) => x.id)).then((own) => purchaseRowPoints(own, shown.map((x) => x.id))) : new Map<string, PurchaseRowPoints>(),
    namesOf(sources, entries.flatMap((e) => (e.kind === 'points' ? [e.entry] : [])), byId),
  ]);
  return { entries, hasMore: merged.length > limit, originals, returns, purchasePoints, pointsNames };
}

/** The rewards, referral partners, purchases and batches the page's points rows name. */
async function namesOf(sources: TimelineSources, rows: readonly PointsEntry[], known: ReadonlyMap<string, Purchase>): Promise<TimelinePointsNames> {
  const names: TimelinePointsNames = { rewards: new Map(), customers: new Map(), purchases: new Map(), batches: new Map() };
  if (rows.length === 0) return names;
  const unique = (ids: (string | null)[]) => [...new Set(ids.filter((id): id is string => id !== null))];
  const purchaseIds = unique(rows.map((e) => e.purchaseId));
  const [rewards, customers, batches, found] = await Promise.all([
    rows.some((e) => e.rewardId !== null) ? sources.points.rewardNames() : new Map<string, string>(),
    sources.points.customerNames(unique(rows.map((e) => e.referralCustomerId))),
    sources.points.entries(unique(rows.map((e) => e.batchId))),
    Promise.all(purchaseIds.filter((id) => !known.has(id)).map((id) => sources.purchases.get(id))),
  ]);
  for (const p of [...purchaseIds.flatMap((id) => known.get(id) ?? []), ...found]) if (p) names.purchases.set(p.id, { purchasedAt: p.purchasedAt, totalFen: p.totalFen });
  names.rewards = rewards;
  names.customers = customers;
  for (const b of batches) names.batches.set(b.id, b);
  return names;
}
