// A customer's timeline: purchases, contacts, points entries, survey answers and complaints merged into one list, newest first, filterable by kind.
import type { Interaction } from './interaction';
import { purchasePoints, type PointsEntry } from './pointsLedger';
import type { Purchase } from './purchase';
import type { SurveyAnswer } from './surveyRecords';
import type { Complaint } from './complaintRecords';

export const TIMELINE_KINDS = ['purchase', 'interaction', 'points', 'survey', 'complaint'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export type TimelineEntry =
  | { kind: 'purchase'; id: string; at: string; purchase: Purchase }
  | { kind: 'interaction'; id: string; at: string; interaction: Interaction }
  | { kind: 'points'; id: string; at: string; entry: PointsEntry }
  | { kind: 'survey'; id: string; at: string; answer: SurveyAnswer }
  | { kind: 'complaint'; id: string; at: string; complaint: Complaint };

/**
 * Newest first. Ties (same ISO time) are broken by kind and then by id, so the order never
 * flickers between renders.
 */
export function mergeTimeline(
  purchases: readonly Purchase[],
  interactions: readonly Interaction[],
  kinds: readonly TimelineKind[] = TIMELINE_KINDS,
  points: readonly PointsEntry[] = [],
  surveys: readonly SurveyAnswer[] = [],
  complaints: readonly Complaint[] = [],
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  if (kinds.includes('purchase')) for (const p of purchases) entries.push({ kind: 'purchase', id: p.id, at: p.purchasedAt, purchase: p });
  if (kinds.includes('interaction')) for (const i of interactions) entries.push({ kind: 'interaction', id: i.id, at: i.at, interaction: i });
  if (kinds.includes('points')) for (const e of points) entries.push({ kind: 'points', id: e.id, at: e.createdAt, entry: e });
  if (kinds.includes('survey')) for (const a of surveys) entries.push({ kind: 'survey', id: a.id, at: a.answeredAt, answer: a });
  if (kinds.includes('complaint')) for (const c of complaints) entries.push({ kind: 'complaint', id: c.id, at: c.receivedAt, complaint: c });
  return entries.sort((a, b) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.kind !== b.kind ? (a.kind < b.kind ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Whether an entry is the purchase's own points, told on the purchase's row wherever purchases are listed:
 * what it earned (with a welcome bonus on it, and an edit's correction) and what it paid with points.
 * Everything else (a reversal by a void or return, a write-off, expiry, an adjustment, a reward, a referral,
 * a birthday gift, an opening balance) is a row of its own at its own time.
 */
export function isPurchaseOwnPoints(e: PointsEntry): boolean {
  if (e.purchaseId === null) return false;
  if (e.kind === 'earn' || e.kind === 'bonus') return true;
  if (e.kind === 'redeem') return e.rewardId === null;
  return e.kind === 'reverse' && e.reverses === 'earned' && e.rule === 'purchase';
}

/** What a purchase's row says of its points: earned (net of edits) and paid with points; absent when neither. */
export interface PurchaseRowPoints {
  earned: number;
  spent: number;
}

/** Per purchase among `purchaseIds`, its own points from `entries` (any entries; only each purchase's own count). */
export function purchaseRowPoints(entries: readonly PointsEntry[], purchaseIds: readonly string[]): Map<string, PurchaseRowPoints> {
  const byPurchase = new Map<string, PointsEntry[]>();
  for (const e of entries) {
    if (e.purchaseId === null || !isPurchaseOwnPoints(e)) continue;
    const list = byPurchase.get(e.purchaseId);
    if (list) list.push(e);
    else byPurchase.set(e.purchaseId, [e]);
  }
  const out = new Map<string, PurchaseRowPoints>();
  for (const id of purchaseIds) {
    const own = byPurchase.get(id);
    if (!own) continue;
    const { earned, spent } = purchasePoints(own, id);
    if (earned !== 0 || spent !== 0) out.set(id, { earned, spent });
  }
  return out;
}
