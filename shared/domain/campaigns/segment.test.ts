import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conditionHolds, conditionProblem, conditionTest, inSegment, rfmSegmentOfScore, segmentFactsOf, segmentMembers, unknownValues, type SegmentCondition, type SegmentFacts } from './segment';

const TODAY = new Date(2026, 11, 5, 10);

const facts = (over: Partial<SegmentFacts> = {}): SegmentFacts => ({
  id: 'c1',
  tierId: 'gold',
  stage: 'loyal',
  churnLevel: 'none',
  rfmSegment: 'champions',
  tags: ['VIP', '茶叶'],
  lastVisitAt: new Date(2026, 10, 5, 15).toISOString(), // 30 days before
  totalSpentFen: 120_000,
  birthdayMonth: 12,
  birthdayCalendar: 'solar',
  pointsBalance: 800,
  source: 'referral',
  consented: ['sms'],
  ...over,
});

describe('conditionHolds', () => {
  const cases: [string, SegmentCondition, Partial<SegmentFacts>, boolean][] = [
    ['tier listed', { kind: 'tier', tierIds: ['gold', 'silver'] }, {}, true],
    ['tier not listed', { kind: 'tier', tierIds: ['silver'] }, {}, false],
    ['stage', { kind: 'stage', stages: ['at-risk'] }, { stage: 'at-risk' }, true],
    ['churn level', { kind: 'churn', levels: ['high'] }, {}, false],
    ['RFM segment', { kind: 'rfm', segments: ['champions'] }, {}, true],
    ['RFM: not scored is in no segment', { kind: 'rfm', segments: ['lost'] }, { rfmSegment: null }, false],
    ['tags, any', { kind: 'tags', tags: ['VIP', '咖啡'], match: 'any' }, {}, true],
    ['tags, all', { kind: 'tags', tags: ['VIP', '咖啡'], match: 'all' }, {}, false],
    ['last visit 30 days ago, within 30', { kind: 'last-visit', minDays: null, maxDays: 30, includeNever: false }, {}, true],
    ['last visit 30 days ago, at least 31', { kind: 'last-visit', minDays: 31, maxDays: null, includeNever: false }, {}, false],
    ['never bought, not included', { kind: 'last-visit', minDays: 60, maxDays: null, includeNever: false }, { lastVisitAt: null }, false],
    ['never bought, included', { kind: 'last-visit', minDays: 60, maxDays: null, includeNever: true }, { lastVisitAt: null }, true],
    ['only the never-bought: one who bought is out', { kind: 'last-visit', minDays: null, maxDays: null, includeNever: true }, {}, false],
    ['total spent at the bound', { kind: 'total-spent', minFen: 120_000, maxFen: null }, {}, true],
    ['total spent below', { kind: 'total-spent', minFen: 120_001, maxFen: null }, {}, false],
    ['birthday month', { kind: 'birthday-month', months: [12, 1] }, {}, true],
    ['no birthday', { kind: 'birthday-month', months: [12] }, { birthdayMonth: null }, false],
    ['points between', { kind: 'points', min: 500, max: 1000 }, {}, true],
    ['points negative balance under 0', { kind: 'points', min: null, max: -1 }, { pointsBalance: -20 }, true],
    ['source', { kind: 'source', sources: ['walk-in'] }, {}, false],
    ['no source', { kind: 'source', sources: ['walk-in'] }, { source: null }, false],
    ['consent granted', { kind: 'consent', channel: 'sms' }, {}, true],
    ['consent not granted', { kind: 'consent', channel: 'email' }, {}, false],
  ];
  it.each(cases)('%s', (_name, condition, over, expected) => {
    expect(conditionHolds(condition, facts(over), TODAY)).toBe(expected);
  });

  it('counts days since the last visit in calendar days of the local clock', () => {
    // 23:30 yesterday is one day ago at 00:10 today.
    const today = new Date(2026, 11, 5, 0, 10);
    const c = facts({ lastVisitAt: new Date(2026, 11, 4, 23, 30).toISOString() });
    expect(conditionHolds({ kind: 'last-visit', minDays: 1, maxDays: 1, includeNever: false }, c, today)).toBe(true);
  });
});

describe('a segment', () => {
  it('holds when every condition does; no conditions is everyone', () => {
    const segment = { conditions: [{ kind: 'tier', tierIds: ['gold'] }, { kind: 'consent', channel: 'sms' }] as SegmentCondition[] };
    expect(inSegment(segment, facts(), TODAY)).toBe(true);
    expect(inSegment(segment, facts({ consented: [] }), TODAY)).toBe(false);
    expect(inSegment({ conditions: [] }, facts(), TODAY)).toBe(true);
    const members = segmentMembers(segment, [facts({ id: 'a' }), facts({ id: 'b', tierId: 'silver' }), facts({ id: 'c' })], TODAY);
    expect(members.map((m) => m.id)).toEqual(['a', 'c']);
  });
});

describe('conditionTest (a condition worked out once for a day)', () => {
  // Days of the local clock across daylight saving: New York moves its clocks in March and November.
  const originalTz = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'America/New_York';
  });
  afterAll(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });
  const day = 86_400_000;
  const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) });
  const days = fc.option(fc.integer({ min: -3, max: 400 }), { nil: null });

  it('holds exactly where conditionHolds does, for the last visit', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -5 * day, max: 420 * day }), fc.boolean(), days, days, fc.boolean(), (todayMs, ago, never, minDays, maxDays, includeNever) => {
        const today = new Date(todayMs);
        const f = facts({ lastVisitAt: never ? null : new Date(todayMs - ago).toISOString() });
        const condition: SegmentCondition = { kind: 'last-visit', minDays, maxDays, includeNever };
        expect(conditionTest(condition, today)(f)).toBe(conditionHolds(condition, f, today));
      }),
      { numRuns: 2_000 },
    );
  });

  it('holds exactly where conditionHolds does at the edges of a day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 400 }), fc.constantFrom(-1, 0, 1), days, days, (todayMs, back, nudge, minDays, maxDays) => {
        const today = new Date(todayMs);
        // Midnight of a day `back` days before today, a millisecond either side.
        const midnight = new Date(today.getFullYear(), today.getMonth(), today.getDate() - back).getTime();
        const f = facts({ lastVisitAt: new Date(midnight + nudge).toISOString() });
        const condition: SegmentCondition = { kind: 'last-visit', minDays, maxDays, includeNever: false };
        expect(conditionTest(condition, today)(f)).toBe(conditionHolds(condition, f, today));
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives segmentMembers the members inSegment gives', () => {
    const today = new Date(2026, 2, 8, 1, 30);
    const customers = Array.from({ length: 200 }, (_, i) =>
      facts({ id: `c${i}`, tierId: i % 3 ? 'gold' : 'silver', lastVisitAt: i % 7 ? new Date(today.getTime() - i * 11 * 3_600_000).toISOString() : null, consented: i % 2 ? ['sms'] : [] }),
    );
    const segment = {
      conditions: [
        { kind: 'last-visit', minDays: 2, maxDays: 60, includeNever: true },
        { kind: 'tier', tierIds: ['gold'] },
        { kind: 'consent', channel: 'sms' },
      ] as SegmentCondition[],
    };
    const members = segmentMembers(segment, customers, today);
    expect(members.map((m) => m.id)).toEqual(customers.filter((c) => inSegment(segment, c, today)).map((c) => c.id));
    expect(members.length).toBeGreaterThan(10);
  });
});

describe('conditionProblem', () => {
  it('names what cannot be used', () => {
    expect(conditionProblem({ kind: 'tier', tierIds: [] })).toBe('empty-choice');
    expect(conditionProblem({ kind: 'tags', tags: [], match: 'any' })).toBe('empty-choice');
    expect(conditionProblem({ kind: 'total-spent', minFen: 500, maxFen: 100 })).toBe('range-reversed');
    expect(conditionProblem({ kind: 'total-spent', minFen: -1, maxFen: null })).toBe('range-negative');
    expect(conditionProblem({ kind: 'points', min: -100, max: null })).toBeNull();
    expect(conditionProblem({ kind: 'points', min: null, max: null })).toBe('range-empty');
    expect(conditionProblem({ kind: 'last-visit', minDays: null, maxDays: null, includeNever: false })).toBe('range-empty');
    expect(conditionProblem({ kind: 'last-visit', minDays: null, maxDays: null, includeNever: true })).toBeNull();
    expect(conditionProblem({ kind: 'consent', channel: 'wechat' })).toBeNull();
  });
});

describe('a condition naming what the store no longer knows', () => {
  const known = { tierIds: ['gold', 'silver'], tags: ['VIP', '茶叶'] };

  it('names the tiers gone from the rules and the tags no customer carries, in its order', () => {
    expect(unknownValues({ kind: 'tier', tierIds: ['bronze', 'gold', 'rfm:lost'] }, known)).toEqual(['bronze', 'rfm:lost']);
    expect(unknownValues({ kind: 'tags', tags: ['咖啡', 'VIP', '旧标签'], match: 'any' }, known)).toEqual(['咖啡', '旧标签']);
    expect(unknownValues({ kind: 'stage', stages: ['new'] }, known)).toEqual([]);
  });

  it('is a problem only when what the store knows is given, after the condition\'s own', () => {
    const tags: SegmentCondition = { kind: 'tags', tags: ['VIP', '旧标签'], match: 'all' };
    expect(conditionProblem(tags)).toBeNull();
    expect(conditionProblem(tags, known)).toBe('unknown-tag');
    expect(conditionProblem({ kind: 'tier', tierIds: ['bronze'] }, known)).toBe('unknown-tier');
    expect(conditionProblem({ kind: 'tier', tierIds: [] }, known)).toBe('empty-choice');
    expect(conditionProblem({ kind: 'tags', tags: ['VIP'], match: 'any' }, known)).toBeNull();
    // A customer who carries the gone tag never matches it: with 'all' the segment would count nobody, silently.
    expect(conditionHolds(tags, facts({ tags: ['VIP'] }), TODAY)).toBe(false);
  });
});

describe('facts from the stored rows', () => {
  it('reads the RFM segment from the stored score, none when unscored or malformed', () => {
    expect(rfmSegmentOfScore('545')).toBe('champions');
    expect(rfmSegmentOfScore('115')).toBe('lost');
    expect(rfmSegmentOfScore(null)).toBeNull();
    expect(rfmSegmentOfScore(undefined)).toBeNull();
    expect(rfmSegmentOfScore('65')).toBeNull();
  });

  it('joins record, state, points and consent; absent points and consent are none', () => {
    const record = { id: 'c9', tags: ['VIP'], birthday: { calendar: 'lunar' as const, year: null, month: 8, day: 15, leapMonth: false }, source: 'walk-in' as const };
    const state = { tierId: 'gold', lifecycleStage: 'repeat' as const, churnLevel: 'watch' as const, rfmScore: '333', lastPurchaseAt: '2026-11-01T02:00:00.000Z', totalSpentFen: 9_900 };
    expect(segmentFactsOf(record, state, undefined, undefined)).toEqual({
      id: 'c9', tierId: 'gold', stage: 'repeat', churnLevel: 'watch', rfmSegment: 'need-attention', tags: ['VIP'], lastVisitAt: '2026-11-01T02:00:00.000Z',
      totalSpentFen: 9_900, birthdayMonth: 8, birthdayCalendar: 'lunar', pointsBalance: 0, source: 'walk-in', consented: [],
    });
    expect(segmentFactsOf({ ...record, birthday: null }, state, { pointsBalance: 40 }, { granted: ['email'] })).toMatchObject({ birthdayMonth: null, birthdayCalendar: null, pointsBalance: 40, consented: ['email'] });
  });
});
