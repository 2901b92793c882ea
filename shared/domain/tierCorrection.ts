// Corrections of mistaken purchases: the tier a customer would hold had the mistake never been entered.
import type { DayOf, FigureInput } from './customerFigures';
import type { Purchase } from './purchase';
import { qualifyingTier, tierWindowFigures, type TierScheme } from './tiers';

/**
 * What undid purchases that counted: a void, an edit (amount lowered or date moved), an import undone,
 * purchases moved to another customer or deleted. A return is none of these: it is a new sale's money
 * going back, and its downgrade waits for the review.
 */
export const CORRECTION_CAUSES = ['voided', 'edited', 'import-undone', 'moved', 'deleted'] as const;
export type CorrectionCause = (typeof CORRECTION_CAUSES)[number];

export type CorrectionPurchase = FigureInput & Pick<Purchase, 'createdAt'>;

/** A tier change as the history keeps it. */
export interface TierMove {
  /** ISO time of the change. */
  at: string;
  /** null for the first assignment. */
  from: string | null;
  to: string;
}

export interface CorrectionInput {
  scheme: Pick<TierScheme, 'tiers' | 'windowMonths'>;
  /** The tier held now. */
  current: string;
  /** The customer's tier history, any order. */
  history: readonly TierMove[];
  /** The customer's purchases as they were before the correction (the mistaken ones as entered). */
  before: readonly CorrectionPurchase[];
  /** ...and as they are after it (voided, edited, or gone). */
  after: readonly CorrectionPurchase[];
  /** When the earliest corrected purchase was recorded: it cannot have moved the tier before then. */
  since: string;
  dayOf: DayOf;
}

/**
 * The tier the customer would hold now had the corrected purchases always been as they are after the
 * correction, before the present figures are looked at (the caller takes the higher of this and the
 * tier qualified for now, and leaves any further drop pending until the review):
 * - start from the tier held just before `since` (the last change before it; with none, where the first
 *   later change started from; with no change at all, the tier held now);
 * - replay each later change: an upgrade is re-checked on its own day over the purchases recorded by
 *   then, with the corrected purchases as they were and as they are. When the correction lowers what the
 *   customer qualified for then, the upgrade goes only as far as the corrected purchases reach (never
 *   lower than held); otherwise it stands as it happened (so a rule changed since does not take it
 *   back). A downgrade (the review, an earlier correction, a removed tier) stands as it happened: the
 *   correction never goes below what a review granted;
 * - never higher than the tier held now.
 * null when the history names a tier the scheme no longer has (the rules changed under it) or does not
 * end on the tier held: a correction does not guess, and the ordinary rule (a pending downgrade) applies.
 */
export function tierBeforeMistake(input: CorrectionInput): string | null {
  const { scheme, current, since, dayOf } = input;
  const rank = (id: string) => scheme.tiers.findIndex((t) => t.id === id);
  const floor = scheme.tiers[scheme.tiers.length - 1]?.id;
  if (floor === undefined || rank(current) < 0) return null;
  const higher = (a: string, b: string) => (rank(a) <= rank(b) ? a : b);
  const lower = (a: string, b: string) => (rank(a) >= rank(b) ? a : b);

  const moves = [...input.history].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  // A history that does not end on the tier held (a record put back from before) cannot be replayed.
  if (moves.length > 0 && moves[moves.length - 1]!.to !== current) return null;
  const earlier = moves.filter((m) => m.at < since);
  const later = moves.filter((m) => m.at >= since);
  let held = earlier.length > 0 ? earlier[earlier.length - 1]!.to : later.length > 0 ? (later[0]!.from ?? floor) : current;
  if (rank(held) < 0) return null;

  const qualifiedAt = (purchases: readonly CorrectionPurchase[], at: string) =>
    qualifyingTier(scheme, tierWindowFigures(purchases.filter((p) => p.createdAt <= at), dayOf(at), scheme.windowMonths, dayOf));
  for (const m of later) {
    if (rank(m.to) < 0 || (m.from !== null && rank(m.from) < 0)) return null;
    const upgrade = m.from === null || rank(m.to) < rank(m.from);
    if (!upgrade) {
      held = m.to;
      continue;
    }
    const was = qualifiedAt(input.before, m.at);
    const now = qualifiedAt(input.after, m.at);
    held = rank(now) > rank(was) ? higher(held, lower(now, m.to)) : higher(held, m.to);
  }
  return lower(held, current);
}
