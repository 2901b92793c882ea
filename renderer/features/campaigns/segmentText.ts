// What the segment builder starts a condition with, and the count it shows while the customers are read.
import type { SegmentCondition, SegmentConditionKind } from '../../../shared/domain/campaigns/segment';

export type SegmentCount = { state: 'loading'; read: number } | { state: 'ready'; count: number; total: number };

/** A new condition of a kind, as the owner first sees it: nothing chosen yet (a problem the builder names), or the usual choice. */
export function emptyCondition(kind: SegmentConditionKind): SegmentCondition {
  switch (kind) {
    case 'tier':
      return { kind, tierIds: [] };
    case 'stage':
      return { kind, stages: [] };
    case 'churn':
      return { kind, levels: ['watch', 'high'] };
    case 'rfm':
      return { kind, segments: [] };
    case 'tags':
      return { kind, tags: [], match: 'any' };
    case 'last-visit':
      return { kind, minDays: 60, maxDays: null, includeNever: false };
    case 'total-spent':
      return { kind, minFen: null, maxFen: null };
    case 'birthday-month':
      return { kind, months: [] };
    case 'points':
      return { kind, min: null, max: null };
    case 'source':
      return { kind, sources: [] };
    case 'consent':
      return { kind, channel: 'sms' };
    default: {
      const unexpected: never = kind;
      throw new Error(`segment condition: unexpected kind ${String(unexpected)}`);
    }
  }
}
