import { describe, expect, it } from 'vitest';
import { makeInteraction, makePurchase } from '../../test/factories/purchase';
import { mergeTimeline } from './timeline';

describe('mergeTimeline', () => {
  const p1 = makePurchase({ id: 'p1', purchasedAt: '2026-01-01T10:00:00.000Z' });
  const p2 = makePurchase({ id: 'p2', purchasedAt: '2026-01-03T10:00:00.000Z', isVoided: 1 });
  const i1 = makeInteraction({ id: 'i1', at: '2026-01-02T10:00:00.000Z' });
  const i2 = makeInteraction({ id: 'i2', at: '2026-01-03T10:00:00.000Z' });

  it('merges purchases and contacts newest first, ties in a fixed order', () => {
    expect(mergeTimeline([p1, p2], [i1, i2]).map((e) => `${e.kind}:${e.id}`)).toEqual(['interaction:i2', 'purchase:p2', 'interaction:i1', 'purchase:p1']);
    expect(mergeTimeline([p2, p1], [i2, i1]).map((e) => e.id)).toEqual(['i2', 'p2', 'i1', 'p1']);
  });

  it('filters by kind and handles empty lists', () => {
    expect(mergeTimeline([p1, p2], [i1, i2], ['purchase']).map((e) => e.id)).toEqual(['p2', 'p1']);
    expect(mergeTimeline([p1, p2], [i1, i2], ['interaction']).map((e) => e.id)).toEqual(['i2', 'i1']);
    expect(mergeTimeline([p1], [i1], [])).toEqual([]);
    expect(mergeTimeline([], [])).toEqual([]);
  });

  it('carries the record for the screen', () => {
    const [first] = mergeTimeline([p1], []);
    expect(first).toEqual({ kind: 'purchase', id: 'p1', at: p1.purchasedAt, purchase: p1 });
  });
});
