// The live preview of status rules being edited: how many customers each group would hold, and who would move.
import { assertNever } from '../result';
import type { StatusSettings } from './customerStatus';
import { computeCustomerFigures, type DayOf, type FigureInput } from './customerFigures';
import { scoreRfm, type RfmInput } from './rfm';
import { RFM_GROUPS, rfmGroupOf, rfmTierId, statusGroups } from './statusGroups';
import { qualifyingTier, tierWindowFigures } from './tiers';

/** One customer as the preview sees them: the group held now and all of their purchases. */
export interface PreviewCustomer {
  id: string;
  tierId: string;
  purchases: readonly FigureInput[];
}

export interface GroupPreview {
  /** Every group of the edited rules, in their order, with how many customers it would hold. */
  counts: { id: string; count: number }[];
  /** Would move to a higher group at once when the rules are saved. */
  upNow: number;
  /** Would move to a lower group at once (RFM groups follow the scores; a removed tier moves at once). */
  downNow: number;
  /** Qualify only for a lower tier: they keep their tier until the owner applies the next review. */
  downAtReview: number;
  unchanged: number;
  total: number;
}

type Move = 'up-now' | 'down-now' | 'down-at-review' | 'none';

/**
 * What saving `status` would do to these customers on `asOfDay`, by the same rules the recomputation
 * applies: a tier upgrade (or a move off a tier that no longer exists) at once, a downgrade at the
 * review; RFM groups at once both ways, scored over these customers (as the rollover scores the store).
 */
export function previewGroups(customers: readonly PreviewCustomer[], status: StatusSettings, asOfDay: string, dayOf: DayOf): GroupPreview {
  const groups = statusGroups(status);
  const rank = new Map(groups.map((g) => [g.id, g.rank]));
  const counts = new Map(groups.map((g) => [g.id, 0]));
  const moves: Record<Move, number> = { 'up-now': 0, 'down-now': 0, 'down-at-review': 0, none: 0 };

  const next = nextGroupOf(customers, status, asOfDay, dayOf);
  for (const c of customers) {
    const to = next.get(c.id)!;
    counts.set(to, (counts.get(to) ?? 0) + 1);
    moves[moveOf(c.tierId, to, rank, status)] += 1;
  }
  return {
    counts: groups.map((g) => ({ id: g.id, count: counts.get(g.id) ?? 0 })),
    upNow: moves['up-now'],
    downNow: moves['down-now'],
    downAtReview: moves['down-at-review'],
    unchanged: moves.none,
    total: customers.length,
  };
}

function nextGroupOf(customers: readonly PreviewCustomer[], status: StatusSettings, asOfDay: string, dayOf: DayOf): Map<string, string> {
  const out = new Map<string, string>();
  switch (status.grouping) {
    case 'tiers':
      for (const c of customers) out.set(c.id, qualifyingTier(status.scheme, tierWindowFigures(c.purchases, asOfDay, status.scheme.windowMonths, dayOf)));
      return out;
    case 'rfm': {
      const inputs: RfmInput[] = customers.map((c) => {
        const figures = computeCustomerFigures(c.purchases, dayOf);
        const { daysSinceLast } = tierWindowFigures(c.purchases, asOfDay, status.scheme.windowMonths, dayOf);
        return { id: c.id, daysSinceLast, purchaseCount: figures.purchaseCount, spendFen: figures.totalSpentFen };
      });
      const scored = scoreRfm(inputs);
      for (const c of customers) out.set(c.id, rfmTierId(scored.get(c.id)?.segment ?? 'unscored'));
      return out;
    }
    default:
      return assertNever(status.grouping);
  }
}

function moveOf(from: string, to: string, rank: ReadonlyMap<string, number>, status: StatusSettings): Move {
  if (from === to) return 'none';
  const was = rank.get(from);
  const will = rank.get(to)!;
  switch (status.grouping) {
    case 'tiers':
      // Off a tier that is gone: at once, down to the floor or up to anything above it (decideTierChange).
      if (was === undefined) return will === status.scheme.tiers.length - 1 ? 'down-now' : 'up-now';
      return will < was ? 'up-now' : 'down-at-review';
    case 'rfm': {
      const fromGroup = rfmGroupOf(from);
      if (fromGroup === null) return 'up-now';
      return RFM_GROUPS.indexOf(rfmGroupOf(to)!) < RFM_GROUPS.indexOf(fromGroup) ? 'up-now' : 'down-now';
    }
    default:
      return assertNever(status.grouping);
  }
}
