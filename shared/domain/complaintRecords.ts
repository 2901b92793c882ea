// What a complaint stores: who complained about what, its state and every change of it, the resolution and any
// compensation, and whether the customer was satisfied with how it was handled.

export const COMPLAINT_CATEGORIES = ['product', 'service', 'price', 'waiting', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_SEVERITIES = ['high', 'normal', 'low'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

/** received → investigating → resolved → followed-up → closed; a closed or resolved one can be reopened. */
export const COMPLAINT_STATES = ['received', 'investigating', 'resolved', 'followed-up', 'closed', 'reopened'] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

/** One change of state: who, when, and the note they wrote. */
export interface ComplaintStep {
  from: ComplaintState | null;
  to: ComplaintState;
  /** ISO 8601 UTC. */
  at: string;
  by: string;
  note: string;
}

/** What the store gave: points (an adjustment in the points ledger), a reward, a refund noted (fen). */
export interface ComplaintCompensation {
  points: number;
  rewardId: string | null;
  refundFen: number;
  /** The points entry written for `points`, when any. */
  pointsEntryId: string | null;
}

/** One complaint (table `complaints`). */
export interface Complaint {
  id: string;
  customerId: string;
  /** The purchase it is about, when it is about one. */
  purchaseId: string | null;
  /** The survey answer it was opened from, when it was. */
  surveyAnswerId: string | null;
  category: ComplaintCategory;
  severity: ComplaintSeverity;
  /** What the customer said. */
  said: string;
  receivedBy: string;
  /** ISO 8601 UTC. */
  receivedAt: string;
  /** ISO: from the severity's time to resolve (the owner's defaults). */
  dueAt: string;
  state: ComplaintState;
  steps: ComplaintStep[];
  resolution: string;
  compensation: ComplaintCompensation;
  /** The customer's answer to "are you satisfied with how it was handled?"; null until asked. */
  handlingSatisfied: boolean | null;
  resolvedAt: string | null;
  closedAt: string | null;
  /** = dueAt while the complaint is not closed, absent once closed: open complaints by due date are this index. */
  openDue?: string;
  createdAt: string;
  updatedAt: string;
}
