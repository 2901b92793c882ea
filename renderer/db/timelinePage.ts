// One page of a customer's timeline: only `limit` of each kind are read, so a customer with thousands
// of purchases opens as fast as one with three. Returns and their originals are looked up for the page.
import { returnedFen, type Purchase } from '../../shared/domain/purchase';
import { mergeTimeline, TIMELINE_KINDS, type TimelineEntry, type TimelineKind } from '../../shared/domain/timeline';
import type { InteractionRepository } from './interactions';
import type { PurchaseRepository } from './purchases';

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
}

export interface TimelineSources {
  purchases: Pick<PurchaseRepository, 'listForCustomer' | 'get' | 'returnsOf'>;
  interactions: Pick<InteractionRepository, 'listForCustomer'>;
}

export async function readTimelinePage(sources: TimelineSources, customerId: string, filter: TimelineFilter, limit: number): Promise<TimelinePage> {
  const kinds: readonly TimelineKind[] = filter === 'all' ? TIMELINE_KINDS : [filter];
  // One more than shown of each kind tells whether there is more.
  const [p, i] = await Promise.all([
    kinds.includes('purchase') ? sources.purchases.listForCustomer(customerId, limit + 1) : Promise.resolve([]),
    kinds.includes('interaction') ? sources.interactions.listForCustomer(customerId, limit + 1) : Promise.resolve([]),
  ]);
  const merged = mergeTimeline(p, i, kinds);
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
  return { entries, hasMore: merged.length > limit, originals, returns };
}
