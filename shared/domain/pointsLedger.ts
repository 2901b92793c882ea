// The loyalty points ledger: append-only entries, and what is derived from them (balance, FIFO batches, expiry, reversals).
import { addDays } from 'date-fns';

export const POINTS_ENTRY_KINDS = ['earn', 'redeem', 'expire', 'adjust', 'reverse', 'referral', 'bonus', 'opening'] as const;
export type PointsEntryKind = (typeof POINTS_ENTRY_KINDS)[number];

/**
 * What a rule-made entry came from, for the history to word. `birthday-gift:<yyyy-MM-dd>` names the
 * birthday it was given for (the key that keeps it from being given twice). A referral entry is
 * 'referrer' on the referrer's ledger and 'referred' on the new customer's.
 */
export type PointsRuleCode = 'purchase' | 'welcome' | `birthday-gift:${string}` | 'referrer' | 'referred' | 'reversal-write-off' | 'rollover';

/** Which side of a purchase a reverse entry undoes: the points it earned, or the points it spent. */
export type PointsReversalSide = 'earned' | 'spent';

/**
 * One ledger entry. Never edited: a correction is a new entry. A positive entry (a credit) is a batch
 * that later debits take from, oldest first.
 */
export interface PointsEntry {
  /** UUID. */
  id: string;
  customerId: string;
  kind: PointsEntryKind;
  /** Signed integer, never 0: credits positive, debits negative. */
  points: number;
  /** ISO 8601 UTC. */
  createdAt: string;
  /** Credits only: when the batch's points stop counting (ISO, exclusive); null: never (and on debits). */
  expiresAt: string | null;
  purchaseId: string | null;
  rewardId: string | null;
  /** referral: the other customer of the referral (the referred one on the referrer's entry, and back). */
  referralCustomerId: string | null;
  rule: PointsRuleCode | null;
  /** expire: the id of the batch (credit entry) it writes off. */
  batchId: string | null;
  /** reverse: which side of the purchase it undoes. */
  reverses: PointsReversalSide | null;
  /** adjust: the owner's reason, as typed. */
  note: string;
}

/** Where an entry is stored: led by its customer, then its time, so a customer's entries are one range in time order. */
export type PointsEntryKey = [customerId: string, createdAt: string, id: string];

export function pointsEntryKey(e: Pick<PointsEntry, 'customerId' | 'createdAt' | 'id'>): PointsEntryKey {
  return [e.customerId, e.createdAt, e.id];
}

/** The fields a new entry needs; the rest default to null / ''. */
export type PointsEntryDraft = Pick<PointsEntry, 'customerId' | 'kind' | 'points' | 'createdAt'> & Partial<Omit<PointsEntry, 'id'>>;

export function pointsEntry(draft: PointsEntryDraft, newId: () => string): PointsEntry {
  return {
    id: newId(),
    customerId: draft.customerId,
    kind: draft.kind,
    points: draft.points,
    createdAt: draft.createdAt,
    expiresAt: draft.points > 0 ? (draft.expiresAt ?? null) : null,
    purchaseId: draft.purchaseId ?? null,
    rewardId: draft.rewardId ?? null,
    referralCustomerId: draft.referralCustomerId ?? null,
    rule: draft.rule ?? null,
    batchId: draft.batchId ?? null,
    reverses: draft.reverses ?? null,
    note: draft.note ?? '',
  };
}

export const POINTS_ENTRY_PROBLEMS = [
  'kind-invalid',
  'points-not-integer',
  'points-zero',
  /** earn, referral and bonus add; redeem and expire take. */
  'points-sign-invalid',
  'created-at-invalid',
  'expires-at-invalid',
  'expire-without-batch',
  'reverse-without-purchase',
  'reverse-side-invalid',
  'adjust-without-note',
] as const;
export type PointsEntryProblem = (typeof POINTS_ENTRY_PROBLEMS)[number];

const CREDIT_ONLY: ReadonlySet<PointsEntryKind> = new Set(['earn', 'referral', 'bonus']);
const DEBIT_ONLY: ReadonlySet<PointsEntryKind> = new Set(['redeem', 'expire']);
const isIso = (s: unknown): s is string => typeof s === 'string' && s !== '' && Number.isFinite(Date.parse(s));

/** What is wrong with an entry before it is written (empty when nothing). A rule-made write-off needs no note. */
export function pointsEntryProblems(e: PointsEntry): PointsEntryProblem[] {
  const found: PointsEntryProblem[] = [];
  if (!(POINTS_ENTRY_KINDS as readonly string[]).includes(e.kind)) found.push('kind-invalid');
  if (!Number.isSafeInteger(e.points)) found.push('points-not-integer');
  else if (e.points === 0) found.push('points-zero');
  else if ((CREDIT_ONLY.has(e.kind) && e.points < 0) || (DEBIT_ONLY.has(e.kind) && e.points > 0)) found.push('points-sign-invalid');
  if (!isIso(e.createdAt)) found.push('created-at-invalid');
  if (e.expiresAt !== null && (!isIso(e.expiresAt) || e.points < 0)) found.push('expires-at-invalid');
  if (e.kind === 'expire' && !e.batchId) found.push('expire-without-batch');
  if (e.kind === 'reverse') {
    if (!e.purchaseId) found.push('reverse-without-purchase');
    if (e.reverses !== 'earned' && e.reverses !== 'spent') found.push('reverse-side-invalid');
  }
  if (e.kind === 'adjust' && e.rule === null && e.note.trim() === '') found.push('adjust-without-note');
  return found;
}

// ---- derivation ---------------------------------------------------------------------------------

export interface PointsBatch {
  /** The credit entry's id. */
  entryId: string;
  kind: PointsEntryKind;
  createdAt: string;
  expiresAt: string | null;
  /** What the entry added. */
  points: number;
  /** What is left after the debits, ≥ 0. */
  remaining: number;
  /** An expire entry wrote it off (what remains is then 0). */
  writtenOff: boolean;
}

export interface PointsLedgerState {
  /** The sum of every entry. */
  balance: number;
  /** Credits in the order debits take from them (oldest first). sum(remaining) − deficit = balance. */
  batches: PointsBatch[];
  /** ≥ 0: what debits took beyond every batch (a negative balance); the next credits pay it first. */
  deficit: number;
}

const timeOf = (iso: string | null): number => (iso === null ? Infinity : Date.parse(iso));

/**
 * Entries in the order the ledger applies them: by time, then credits before debits, then by id, so
 * the result never depends on the order they were read in (entries of one write share their time).
 */
export function orderPointsEntries(entries: readonly PointsEntry[]): PointsEntry[] {
  const keyed = entries.map((e) => ({ e, t: Date.parse(e.createdAt) }));
  keyed.sort((a, b) => a.t - b.t || (a.e.points > 0 ? 0 : 1) - (b.e.points > 0 ? 0 : 1) || (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0));
  return keyed.map((k) => k.e);
}

/**
 * Replays one customer's entries. A credit pays any deficit, then is a batch. A debit takes from the
 * oldest batches that had not expired at its time, first; an expire entry takes from its own batch
 * (what a batch cannot cover of it goes the ordinary way); what no batch covers is a deficit.
 */
export function derivePointsLedger(entries: readonly PointsEntry[]): PointsLedgerState {
  const batches: PointsBatch[] = [];
  const byId = new Map<string, PointsBatch>();
  let balance = 0;
  let deficit = 0;
  // Batches before `head` are empty for good: they stay empty, so each debit starts from there.
  let head = 0;
  for (const e of orderPointsEntries(entries)) {
    balance += e.points;
    if (e.points > 0) {
      const paid = Math.min(deficit, e.points);
      deficit -= paid;
      const batch: PointsBatch = { entryId: e.id, kind: e.kind, createdAt: e.createdAt, expiresAt: e.expiresAt, points: e.points, remaining: e.points - paid, writtenOff: false };
      batches.push(batch);
      byId.set(e.id, batch);
      continue;
    }
    let need = -e.points;
    if (e.kind === 'expire' && e.batchId !== null) {
      const own = byId.get(e.batchId);
      if (own) {
        const take = Math.min(own.remaining, need);
        own.remaining -= take;
        own.writtenOff = true;
        need -= take;
      }
    }
    const at = Date.parse(e.createdAt);
    while (head < batches.length && batches[head]!.remaining === 0) head++;
    for (let i = head; i < batches.length && need > 0; i++) {
      const b = batches[i]!;
      if (b.remaining === 0 || timeOf(b.expiresAt) <= at) continue;
      const take = Math.min(b.remaining, need);
      b.remaining -= take;
      need -= take;
    }
    deficit += need;
  }
  return { balance, batches, deficit };
}

export interface PointsSummary {
  /** The sum of the entries. */
  balance: number;
  /** What may be spent at `now`: the balance less the points that expired and are not written off yet. */
  available: number;
  /** Points past their expiry that the rollover has not written off yet. */
  dueToExpire: number;
  /** Points that expire after now and within the window, and the earliest such expiry (ISO). */
  expiringSoon: { points: number; earliestAt: string | null };
}

/** The customer's balance and expiring points at `now` ("expiring in the next `withinDays` days"). */
export function pointsSummary(state: PointsLedgerState, now: Date, withinDays = 30): PointsSummary {
  const t = now.getTime();
  const until = addDays(now, withinDays).getTime();
  let dueToExpire = 0;
  let soon = 0;
  let earliest: number | null = null;
  for (const b of state.batches) {
    if (b.remaining === 0 || b.expiresAt === null) continue;
    const x = Date.parse(b.expiresAt);
    if (x <= t) dueToExpire += b.remaining;
    else if (x <= until) {
      soon += b.remaining;
      if (earliest === null || x < earliest) earliest = x;
    }
  }
  return {
    balance: state.balance,
    available: state.balance - dueToExpire,
    dueToExpire,
    expiringSoon: { points: soon, earliestAt: earliest === null ? null : new Date(earliest).toISOString() },
  };
}

/**
 * The expire entries the rollover at `now` writes: one per batch whose expiry has come and that still
 * holds points, dated at the batch's expiry, never for a batch already written off.
 */
export function rolloverExpiries(state: PointsLedgerState, customerId: string, now: Date, newId: () => string): PointsEntry[] {
  const t = now.getTime();
  const out: PointsEntry[] = [];
  for (const b of state.batches) {
    if (b.writtenOff || b.remaining === 0 || b.expiresAt === null || Date.parse(b.expiresAt) > t) continue;
    out.push(pointsEntry({ customerId, kind: 'expire', points: -b.remaining, createdAt: b.expiresAt, batchId: b.entryId, rule: 'rollover' }, newId));
  }
  return out;
}

// ---- reversal of a purchase ----------------------------------------------------------------------

/** What a purchase's points must come to: voided, or returned in part (or whole). */
export interface PurchaseReversalTarget {
  purchaseId: string;
  /** The purchase's total, positive. */
  totalFen: number;
  /** Returned so far by its non-voided returns, positive (a voided return no longer counts). */
  returnedFen: number;
  voided: boolean;
}

export interface PurchaseReversalOptions {
  customerId: string;
  /** ISO time of the reversal entries. */
  at: string;
  /** The owner's choice: false stops the balance at zero and writes off the rest (its own entry). */
  allowNegative: boolean;
  /** When points spent on the purchase come back: the expiry of the batch they form (null: never). */
  restoredExpiresAt: string | null;
  newId: () => string;
}

/**
 * Points a purchase earned (earn and bonus entries linked to it) and spent (redeem), and what reversals undid of each.
 * A reverse of the earned side with rule 'purchase' corrects the earning itself (an edit that earns less):
 * it lowers what the purchase earned, so a later return or void takes its share of the corrected earning.
 * `bySpend`: the spent side apart for each thing the points went to, keyed by the reward's id ('' for points
 * that paid part of the amount), so a reward's points come back on their own entry, naming the reward.
 */
export function purchasePoints(
  entries: readonly PointsEntry[],
  purchaseId: string,
): { earned: number; spent: number; reversedEarned: number; returnedSpent: number; bySpend: Map<string, { spent: number; returned: number }> } {
  let earned = 0;
  let spent = 0;
  let reversedEarned = 0;
  let returnedSpent = 0;
  const bySpend = new Map<string, { spent: number; returned: number }>();
  const spend = (rewardId: string | null) => {
    const key = rewardId ?? '';
    let s = bySpend.get(key);
    if (!s) bySpend.set(key, (s = { spent: 0, returned: 0 }));
    return s;
  };
  for (const e of entries) {
    if (e.purchaseId !== purchaseId) continue;
    if ((e.kind === 'earn' || e.kind === 'bonus') && e.points > 0) earned += e.points;
    else if (e.kind === 'redeem') {
      spent -= e.points;
      spend(e.rewardId).spent -= e.points;
    } else if (e.kind === 'reverse' && e.reverses === 'earned' && e.rule === 'purchase') earned += e.points;
    else if (e.kind === 'reverse' && e.reverses === 'earned') reversedEarned -= e.points;
    else if (e.kind === 'reverse' && e.reverses === 'spent') {
      returnedSpent += e.points;
      spend(e.rewardId).returned += e.points;
    }
  }
  return { earned, spent, reversedEarned, returnedSpent, bySpend };
}

/**
 * The entries that bring a purchase's points to what its state asks: a void undoes everything it
 * earned and spent; returns undo the share returned (of earned and of spent points alike, rounded
 * down, on the amount returned so far, so several returns add up to the whole and never to more).
 * The points spent on a reward redeemed with the purchase come back apart from those that paid part
 * of it (each rounded down on its own), on an entry naming the reward.
 * Settles to a target, so asking again writes nothing (a refund never takes points twice), and a
 * voided return gives back what it took. Negative balances, when not allowed: the part of this
 * reversal that would take the balance below zero is written off by an adjust entry
 * ('reversal-write-off'); a balance already negative before stays as it was. `entries`: the
 * customer's whole ledger (the balance is read from it), not only the purchase's entries.
 */
export function purchaseReversalEntries(entries: readonly PointsEntry[], target: PurchaseReversalTarget, options: PurchaseReversalOptions): PointsEntry[] {
  const { earned, reversedEarned, bySpend } = purchasePoints(entries, target.purchaseId);
  const whole = target.voided || (target.totalFen > 0 && target.returnedFen >= target.totalFen);
  const share = (n: number) => (whole ? n : target.totalFen > 0 && target.returnedFen > 0 ? Math.floor((n * target.returnedFen) / target.totalFen) : 0);
  const dEarned = share(earned) - reversedEarned;
  const { customerId, at, newId } = options;
  const { purchaseId } = target;
  const out: PointsEntry[] = [];
  let dSpent = 0;
  // Points that paid part of the amount first, then each reward by id: one order whatever order the ledger was read in.
  for (const key of [...bySpend.keys()].sort()) {
    const s = bySpend.get(key)!;
    const d = share(s.spent) - s.returned;
    if (d === 0) continue;
    dSpent += d;
    out.push(pointsEntry({ customerId, kind: 'reverse', points: d, createdAt: at, purchaseId, rewardId: key === '' ? null : key, reverses: 'spent', expiresAt: options.restoredExpiresAt }, newId));
  }
  if (dEarned !== 0) {
    out.push(pointsEntry({ customerId, kind: 'reverse', points: -dEarned, createdAt: at, purchaseId, reverses: 'earned', expiresAt: options.restoredExpiresAt }, newId));
  }
  if (!options.allowNegative) {
    const before = entries.reduce((s, e) => s + e.points, 0);
    const after = before + dSpent - dEarned;
    const writeOff = after < 0 ? Math.min(-after, Math.max(0, before - after)) : 0;
    if (writeOff > 0) out.push(pointsEntry({ customerId, kind: 'adjust', points: writeOff, createdAt: at, purchaseId, rule: 'reversal-write-off' }, newId));
  }
  return out;
}
