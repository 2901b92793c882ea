import { describe, expect, it } from 'vitest';
import { newComplaint } from './complaint';
import { DEFAULT_COMPLAINT_SETTINGS } from './complaintSettings';
import { makeInteraction, makePurchase } from '../../test/factories/purchase';
import { pointsEntry, type PointsEntryDraft } from './pointsLedger';
import { newSurveyAnswer } from './survey';
import { isPurchaseOwnPoints, mergeTimeline, purchaseRowPoints } from './timeline';

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

  it('puts survey answers among the others by when they were answered, and only when asked for', () => {
    const a = newSurveyAnswer({ csat: 2, nps: 3, choices: [], why: '' }, { id: 'a1', customerId: 'c', survey: { id: 'v1', version: 1 }, channel: 'counter', purchaseId: 'p1', tierId: null, now: new Date('2026-01-02T12:00:00.000Z'), settings: { followUpHours: 48 } });
    expect(mergeTimeline([p1, p2], [i1], undefined, [], [a]).map((x) => `${x.kind}:${x.id}`)).toEqual(['purchase:p2', 'survey:a1', 'interaction:i1', 'purchase:p1']);
    expect(mergeTimeline([p1], [], ['survey'], [], [a])).toEqual([{ kind: 'survey', id: 'a1', at: a.answeredAt, answer: a }]);
    expect(mergeTimeline([p1], [], ['purchase'], [], [a]).map((x) => x.id)).toEqual(['p1']);
  });

  it('puts complaints among the others by when they were received, and only when asked for', () => {
    const c = newComplaint(
      { category: 'service', severity: 'normal', said: '等太久', receivedBy: '小王', receivedAt: '2026-01-02T11:00:00.000Z' },
      { id: 'k1', customerId: 'c', purchaseId: null, surveyAnswerId: null, now: new Date('2026-01-02T11:00:00.000Z'), settings: DEFAULT_COMPLAINT_SETTINGS, timeZone: 'Asia/Shanghai' },
    );
    expect(mergeTimeline([p1, p2], [i1], undefined, [], [], [c]).map((x) => `${x.kind}:${x.id}`)).toEqual(['purchase:p2', 'complaint:k1', 'interaction:i1', 'purchase:p1']);
    expect(mergeTimeline([p1], [], ['complaint'], [], [], [c])).toEqual([{ kind: 'complaint', id: 'k1', at: c.receivedAt, complaint: c }]);
    expect(mergeTimeline([p1], [], ['purchase'], [], [], [c]).map((x) => x.id)).toEqual(['p1']);
  });

  it('puts points entries among the others by their time, and only when asked for', () => {
    const e = pointsEntry({ customerId: 'c', kind: 'adjust', points: 5, createdAt: '2026-01-02T10:00:00.000Z', note: 'x' }, () => 'e1');
    expect(mergeTimeline([p1, p2], [i1], ['purchase', 'interaction', 'points'], [e]).map((x) => `${x.kind}:${x.id}`)).toEqual(['purchase:p2', 'interaction:i1', 'points:e1', 'purchase:p1']);
    expect(mergeTimeline([p1], [], ['purchase'], [e]).map((x) => x.id)).toEqual(['p1']);
    expect(mergeTimeline([p1], [], ['points'], [e])).toEqual([{ kind: 'points', id: 'e1', at: e.createdAt, entry: e }]);
  });
});

describe('a purchase row\'s own points', () => {
  let n = 0;
  const entry = (draft: Omit<PointsEntryDraft, 'customerId' | 'createdAt'>) => pointsEntry({ customerId: 'c', createdAt: '2026-01-01T10:00:00.000Z', ...draft }, () => `e${++n}`);

  it('are what it earned (bonus and edits included) and what it paid; reversals and the rest are rows of their own', () => {
    const earn = entry({ kind: 'earn', points: 120, purchaseId: 'p1', rule: 'purchase' });
    const welcome = entry({ kind: 'bonus', points: 100, purchaseId: 'p1', rule: 'welcome' });
    const paid = entry({ kind: 'redeem', points: -300, purchaseId: 'p1' });
    const edit = entry({ kind: 'reverse', points: -20, purchaseId: 'p1', reverses: 'earned', rule: 'purchase' });
    const voidEarned = entry({ kind: 'reverse', points: -200, purchaseId: 'p1', reverses: 'earned' });
    const voidSpent = entry({ kind: 'reverse', points: 300, purchaseId: 'p1', reverses: 'spent' });
    const writeOff = entry({ kind: 'adjust', points: 10, purchaseId: 'p1', rule: 'reversal-write-off' });
    const gift = entry({ kind: 'redeem', points: -50, rewardId: 'r1' });
    const referral = entry({ kind: 'referral', points: 30, purchaseId: 'p1', rule: 'referred', referralCustomerId: 'c2' });
    expect([earn, welcome, paid, edit].every(isPurchaseOwnPoints)).toBe(true);
    expect([voidEarned, voidSpent, writeOff, gift, referral].some(isPurchaseOwnPoints)).toBe(false);
    const rows = purchaseRowPoints([earn, welcome, paid, edit, voidEarned, voidSpent, writeOff, gift, referral], ['p1', 'p2']);
    expect(rows).toEqual(new Map([['p1', { earned: 200, spent: 300 }]]));
  });
});
