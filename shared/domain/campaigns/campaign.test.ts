import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { campaignDraftErrors, campaignResults, drawCampaignMembers, segmentMembersLeft, splitControlGroup, type CampaignMemberResult, type MemberPurchase } from './campaign';
import type { SegmentFacts } from './segment';

describe('splitControlGroup', () => {
  it('holds out round(share × n), every member in exactly one group', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.double({ min: 0, max: 0.99, noNaN: true }), fc.integer(), (n, share, seed) => {
        const ids = Array.from({ length: n }, (_, i) => i);
        const { contacted, control } = splitControlGroup(ids, share, createRng(seed).next);
        expect(control.length).toBe(Math.round(share * n));
        expect([...contacted, ...control].sort((a, b) => a - b)).toEqual(ids);
      }),
    );
  });

  it('draws uniformly: over many draws each member is held out about share of the time', () => {
    const rng = createRng(7);
    const held = new Array(10).fill(0);
    for (let draw = 0; draw < 20_000; draw++) for (const id of splitControlGroup([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 0.1, rng.next).control) held[id] += 1;
    // Each is held out with probability 0.1: 2,000 of 20,000 (σ ≈ 42).
    for (const count of held) expect(Math.abs(count - 2_000)).toBeLessThan(250);
  });

  it('refuses a share outside [0, 1)', () => {
    expect(() => splitControlGroup([1], 1, Math.random)).toThrow(RangeError);
    expect(() => splitControlGroup([1], -0.1, Math.random)).toThrow(RangeError);
  });
});

describe('campaignResults (hand-worked)', () => {
  const start = '2026-11-01T02:00:00.000Z';
  const member = (group: CampaignMemberResult['group'], outcome: CampaignMemberResult['outcome'], purchases: MemberPurchase[] = []) => ({
    group,
    outcome,
    reachedAt: outcome === 'sent' || outcome === 'replied' ? start : null,
    purchases,
  });
  const bought = (at: string, totalFen: number): MemberPurchase => ({ at, totalFen, visit: totalFen > 0 });

  it('uplift: 2 of 5 contacted came back against 1 of 4 held out = 15 points; extra revenue and net against cost', () => {
    const results = campaignResults(
      [
        member('contacted', 'replied', [bought('2026-11-03T02:00:00.000Z', 10_000), bought('2026-11-20T02:00:00.000Z', 7_000), bought('2026-11-21T02:00:00.000Z', -2_000)]),
        // Only a return in the window: not a visit.
        member('contacted', 'no-answer', [bought('2026-11-04T02:00:00.000Z', -3_000)]),
        member('contacted', 'sent', [bought('2026-11-10T02:00:00.000Z', 15_000)]),
        // Bought after the 30-day window: not back within it.
        member('contacted', 'no-answer', [bought('2026-12-02T02:00:00.000Z', 9_000)]),
        member('contacted', 'pending'),
        member('control', 'pending', [bought('2026-11-05T02:00:00.000Z', 8_000)]),
        // Before the start: not coming back.
        member('control', 'pending', [bought('2026-10-30T02:00:00.000Z', 8_000)]),
        member('control', 'pending'),
        member('control', 'pending'),
      ],
      start,
      30,
      2_000,
    );
    expect(results).toMatchObject({ reached: 2, replied: 1, costFen: 2_000, fewMembers: true });
    expect(results.contacted).toEqual({ members: 5, cameBack: 2, cameBackShare: 40, revenueFen: 30_000 });
    expect(results.control).toEqual({ members: 4, cameBack: 1, cameBackShare: 25, revenueFen: 8_000 });
    expect(results.upliftPoints).toBe(15);
    // 15% of 5 contacted = 0.75 extra customers at 15,000 fen each (30,000 net / 2 returning).
    expect(results.extraRevenueFen).toBe(11_250);
    expect(results.netFen).toBe(9_250);
  });

  it('a purchase typed in the minute the campaign started counts; one the minute before does not', () => {
    const started = '2026-11-01T02:00:40.000Z';
    const results = campaignResults([member('contacted', 'sent', [bought('2026-11-01T02:00:00.000Z', 1_000)]), member('control', 'pending', [bought('2026-11-01T01:59:00.000Z', 1_000)])], started, 30, 0);
    expect([results.contacted.cameBack, results.control.cameBack]).toEqual([1, 0]);
  });

  it('without a control group there is no uplift to claim', () => {
    const results = campaignResults([member('contacted', 'sent', [bought('2026-11-03T02:00:00.000Z', 10_000)])], start, 30, 500);
    expect(results.control.cameBackShare).toBeNull();
    expect(results.upliftPoints).toBeNull();
    expect(results.netFen).toBeNull();
  });
});

describe('drawCampaignMembers', () => {
  const campaign = { id: 'k1', channel: 'sms' as const, controlShare: 0.2, createdAt: '2026-12-05T02:00:00.000Z' };
  it('draws only customers who may receive it on its channel, a fifth held out', () => {
    const segment = Array.from({ length: 12 }, (_, i) => ({ id: `c${i}`, consented: i < 10 ? (['sms'] as const) : (['email'] as const) }));
    const members = drawCampaignMembers(campaign, segment, createRng(1).next);
    expect(members).toHaveLength(10);
    expect(members.filter((m) => m.group === 'control')).toHaveLength(2);
    expect(members.every((m) => m.outcome === 'pending' && m.id === `k1:${m.customerId}`)).toBe(true);
    expect(members.map((m) => m.customerId)).not.toContain('c10');
  });
});

describe('segmentMembersLeft', () => {
  const today = new Date('2026-12-05T10:00:00');
  const facts = (id: string, over: Partial<SegmentFacts> = {}): SegmentFacts => ({
    id,
    tierId: 'regular',
    stage: 'repeat',
    churnLevel: 'none',
    rfmSegment: null,
    tags: [],
    lastVisitAt: '2026-09-01T02:00:00.000Z',
    totalSpentFen: 10_000,
    birthdayMonth: null,
    birthdayCalendar: null,
    pointsBalance: 0,
    source: null,
    consented: ['sms'],
    ...over,
  });
  const campaign = { channel: 'sms' as const, conditions: [{ kind: 'stage' as const, stages: ['repeat' as const] }] };

  it('names who left the store, the conditions or the consent; not who stayed, nor one who never consented', () => {
    const shown = [facts('stays'), facts('trashed'), facts('loyal-now'), facts('withdrew'), facts('never', { consented: [] })];
    const current = new Map<string, SegmentFacts | null>([
      ['stays', facts('stays', { totalSpentFen: 20_000 })],
      ['trashed', null],
      ['loyal-now', facts('loyal-now', { stage: 'loyal' })],
      ['withdrew', facts('withdrew', { consented: [] })],
      ['never', facts('never', { consented: [] })],
    ]);
    expect(segmentMembersLeft(campaign, shown, current, today)).toEqual(['trashed', 'loyal-now', 'withdrew']);
    // One not read at all is gone as well.
    expect(segmentMembersLeft(campaign, [facts('unknown')], current, today)).toEqual(['unknown']);
    expect(segmentMembersLeft(campaign, [], current, today)).toEqual([]);
  });
});

describe('campaignDraftErrors', () => {
  const draft = { name: '中秋回访', conditions: [], channel: 'sms' as const, message: '{name}，中秋快乐', costFen: 5_000, windowDays: 30, controlShare: 0.1 };
  it('a whole draft with members has none', () => {
    expect(campaignDraftErrors(draft, 40)).toEqual({});
  });
  it('names each problem', () => {
    expect(campaignDraftErrors({ ...draft, name: ' ', message: '', costFen: -1, windowDays: 0, controlShare: 0.6 }, 40)).toEqual({
      name: 'name-missing',
      message: 'message-missing',
      costFen: 'cost-invalid',
      windowDays: 'window-invalid',
      controlShare: 'control-invalid',
    });
    expect(campaignDraftErrors({ ...draft, conditions: [{ kind: 'tier', tierIds: [] }] }, 40)).toEqual({ conditions: 'segment-invalid' });
    expect(campaignDraftErrors(draft, 0)).toEqual({ members: 'segment-empty' });
    // A loaded saved segment naming a tag no customer carries any more: refused, not counted short.
    const gone = { ...draft, conditions: [{ kind: 'tags' as const, tags: ['旧标签'], match: 'any' as const }] };
    expect(campaignDraftErrors(gone, 40, { tierIds: [], tags: ['VIP'] })).toEqual({ conditions: 'segment-invalid' });
    expect(campaignDraftErrors(gone, 40, { tierIds: [], tags: ['旧标签'] })).toEqual({});
  });
});
