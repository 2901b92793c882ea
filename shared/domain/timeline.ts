// A customer's timeline: purchases and contacts merged into one list, newest first, filterable by kind.
import type { Interaction } from './interaction';
import type { Purchase } from './purchase';

export const TIMELINE_KINDS = ['purchase', 'interaction'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export type TimelineEntry =
  | { kind: 'purchase'; id: string; at: string; purchase: Purchase }
  | { kind: 'interaction'; id: string; at: string; interaction: Interaction };

/**
 * Newest first. Ties (same ISO time) are broken by kind and then by id, so the order never
 * flickers between renders.
 */
export function mergeTimeline(
  purchases: readonly Purchase[],
  interactions: readonly Interaction[],
  kinds: readonly TimelineKind[] = TIMELINE_KINDS,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  if (kinds.includes('purchase')) for (const p of purchases) entries.push({ kind: 'purchase', id: p.id, at: p.purchasedAt, purchase: p });
  if (kinds.includes('interaction')) for (const i of interactions) entries.push({ kind: 'interaction', id: i.id, at: i.at, interaction: i });
  return entries.sort((a, b) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.kind !== b.kind ? (a.kind < b.kind ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
