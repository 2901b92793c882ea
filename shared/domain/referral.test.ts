import { describe, expect, it } from 'vitest';
import { pointsEntry } from './pointsLedger';
import { DEFAULT_POINTS_RULES, type PointsRules } from './pointsRules';
import { referralAlreadyAwarded, referralAwards, referralEntries, type ReferralFacts } from './referral';

const rules = (award: PointsRules['referral']['award'], referrerPoints = 200, referredPoints = 50): Pick<PointsRules, 'referral'> => ({
  referral: { award, referrerPoints, referredPoints },
});
const facts = (over: Partial<ReferralFacts> = {}): ReferralFacts => ({
  newCustomerId: 'new',
  referredBy: 'alice',
  sameCustomerIds: new Set(['new']),
  referrerActive: true,
  isFirstPurchase: true,
  entries: [],
  ...over,
});
const ids = () => {
  let n = 0;
  return () => `id-${++n}`;
};

describe('referralAwards', () => {
  it('the referrer, the new customer or both, as the owner chose', () => {
    expect(referralAwards(rules('both'), facts())).toEqual({
      ok: true,
      value: [
        { role: 'referrer', customerId: 'alice', referralCustomerId: 'new', points: 200 },
        { role: 'referred', customerId: 'new', referralCustomerId: 'alice', points: 50 },
      ],
    });
    expect(referralAwards(rules('referrer'), facts())).toMatchObject({ ok: true, value: [{ role: 'referrer' }] });
    expect(referralAwards(rules('referred'), facts())).toMatchObject({ ok: true, value: [{ role: 'referred' }] });
    expect(referralAwards(DEFAULT_POINTS_RULES, facts())).toEqual({ ok: false, reason: 'referral-off' });
    expect(referralAwards(rules('referrer', 0), facts())).toEqual({ ok: false, reason: 'referral-off' });
  });

  it('never for referring oneself, under any merged id; never without a referrer, nor after the first purchase', () => {
    const why = (f: Partial<ReferralFacts>) => {
      const r = referralAwards(rules('both'), facts(f));
      return r.ok ? 'awarded' : r.reason;
    };
    expect(why({ referredBy: null })).toBe('no-referrer');
    expect(why({ referredBy: '' })).toBe('no-referrer');
    expect(why({ referredBy: 'new' })).toBe('self-referral');
    expect(why({ referredBy: 'old-record', sameCustomerIds: new Set(['new', 'old-record']) })).toBe('self-referral');
    expect(why({ referrerActive: false })).toBe('referrer-unknown');
    expect(why({ isFirstPurchase: false })).toBe('not-first-purchase');
  });

  it('once per new customer: entries already written for them (under any of their ids) stop a second award', () => {
    const first = referralAwards(rules('both'), facts());
    if (!first.ok) throw new Error('expected an award');
    const entries = referralEntries(first.value, 'p1', '2026-12-04T07:00:00.000Z', null, ids());
    expect(entries.map((e) => [e.customerId, e.kind, e.points, e.rule, e.referralCustomerId, e.purchaseId])).toEqual([
      ['alice', 'referral', 200, 'referrer', 'new', 'p1'],
      ['new', 'referral', 50, 'referred', 'alice', 'p1'],
    ]);
    expect(referralAwards(rules('both'), facts({ entries }))).toEqual({ ok: false, reason: 'already-awarded' });
    // Only the referrer's side was recorded (award 'referrer'), and the new customer was since merged into another record.
    const referrerOnly = entries.filter((e) => e.rule === 'referrer');
    expect(referralAwards(rules('both'), facts({ newCustomerId: 'kept', sameCustomerIds: new Set(['kept', 'new']), entries: referrerOnly }))).toEqual({
      ok: false,
      reason: 'already-awarded',
    });
  });

  it('what the new customer earned for referring someone else is not their own referral', () => {
    const theirs = pointsEntry({ customerId: 'new', kind: 'referral', points: 200, createdAt: '2026-12-01T00:00:00.000Z', referralCustomerId: 'bob', rule: 'referrer' }, ids());
    expect(referralAlreadyAwarded([theirs], new Set(['new']))).toBe(false);
    expect(referralAwards(rules('both'), facts({ entries: [theirs] })).ok).toBe(true);
  });
});
