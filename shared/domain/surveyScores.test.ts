import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  customersToCheck,
  FEW_ANSWERS,
  npsBand,
  sameSurveyTally,
  scoreFigures,
  surveyFigures,
  surveyFiguresOfTally,
  surveyPeriod,
  surveyTallyId,
  surveyTallyRows,
  type ScoredAnswer,
  type SurveyFigures,
  type SurveyPeriod,
} from './surveyScores';

// The store's zone: a month starts at 16:00 UTC of the day before.
const ORIGINAL_TZ = process.env.TZ;
process.env.TZ = 'Asia/Shanghai';
afterAll(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

const NOW = new Date('2026-12-05T02:00:00.000Z'); // 10:00 on 5 December in Shanghai

let n = 0;
const answer = (fields: Partial<ScoredAnswer>): ScoredAnswer => ({
  customerId: `c${++n}`,
  answeredAt: '2026-12-01T02:00:00.000Z',
  tierId: null,
  csat: null,
  nps: null,
  followUpDueAt: null,
  followUpDoneAt: null,
  ...fields,
});

describe('scoreFigures', () => {
  it('CSAT is the share of 4 and 5 among answered CSATs (hand-worked: 3 of 6 = 50%)', () => {
    const { csat } = scoreFigures([5, 4, 3, 2, 1, 5, null].map((csat) => answer({ csat })));
    expect(csat).toEqual({ answers: 6, satisfied: 3, score: 50, fewAnswers: true });
  });

  it('NPS is % promoters less % detractors among answered NPSs (hand-worked: (3 − 2) / 7 = 14.3)', () => {
    const { nps } = scoreFigures([10, 9, 8, 7, 6, 0, 10, null].map((nps) => answer({ nps })));
    expect(nps).toMatchObject({ answers: 7, promoters: 3, passives: 2, detractors: 2 });
    expect(nps.score).toBeCloseTo(100 / 7, 10);
  });

  it('a skipped question counts nowhere: not in its own denominator, and not in the other question', () => {
    // Counting the two skipped NPS questions as answers would give (1 − 1) / 4 = 0 either way here, so a
    // case where it matters: one promoter, two skipped. Counted in the denominator it would read 33, not 100.
    const figures = scoreFigures([answer({ nps: 10, csat: null }), answer({ nps: null, csat: 5 }), answer({ nps: null, csat: 2 })]);
    expect(figures.nps).toMatchObject({ answers: 1, score: 100 });
    expect(figures.csat).toMatchObject({ answers: 2, satisfied: 1, score: 50 });
  });

  it('no answers: no score (not 0), and marked few', () => {
    expect(scoreFigures([])).toEqual({
      csat: { answers: 0, satisfied: 0, score: null, fewAnswers: true },
      nps: { answers: 0, promoters: 0, passives: 0, detractors: 0, score: null, fewAnswers: true },
    });
  });

  it(`fewer than ${FEW_ANSWERS} answers is marked, ${FEW_ANSWERS} is not; each question counted on its own`, () => {
    const many = (count: number, fields: Partial<ScoredAnswer>) => Array.from({ length: count }, () => answer(fields));
    expect(scoreFigures(many(29, { csat: 5, nps: 9 })).csat.fewAnswers).toBe(true);
    const thirty = scoreFigures([...many(30, { csat: 5 }), ...many(29, { nps: 3 })]);
    expect(thirty.csat).toMatchObject({ answers: 30, fewAnswers: false, score: 100 });
    expect(thirty.nps).toMatchObject({ answers: 29, fewAnswers: true, score: -100 });
  });

  it('bands at their edges: 6 is a detractor, 7 and 8 passive, 9 a promoter', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsBand)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
  });
});

describe('surveyPeriod', () => {
  it("the month of now and the ones before, in the store's local time", () => {
    expect(surveyPeriod(NOW, 3)).toEqual({
      from: '2026-09-30T16:00:00.000Z',
      to: '2026-12-31T16:00:00.000Z',
      months: [
        { month: '2026-10', from: '2026-09-30T16:00:00.000Z', to: '2026-10-31T16:00:00.000Z' },
        { month: '2026-11', from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' },
        { month: '2026-12', from: '2026-11-30T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' },
      ],
    });
  });

  it('across a year end; a whole number of months only', () => {
    expect(surveyPeriod(new Date('2027-01-10T00:00:00.000Z'), 2).months.map((m) => m.month)).toEqual(['2026-12', '2027-01']);
    expect(surveyPeriod(NOW, 12).months).toHaveLength(12);
    expect(() => surveyPeriod(NOW, 0)).toThrow(RangeError);
    expect(() => surveyPeriod(NOW, 1.5)).toThrow(RangeError);
  });
});

describe('surveyFigures', () => {
  const period = surveyPeriod(NOW, 3);

  it('per local month: an answer at 01:00 on 1 December in Shanghai is December, one before the period is left out', () => {
    const answers = [
      answer({ answeredAt: '2026-11-30T17:00:00.000Z', csat: 5, nps: 10 }), // 1 Dec 01:00 local
      answer({ answeredAt: '2026-11-30T15:59:59.999Z', csat: 1, nps: 0 }), // 30 Nov 23:59 local
      answer({ answeredAt: '2026-10-15T04:00:00.000Z', csat: 4, nps: 8 }),
      answer({ answeredAt: '2026-09-30T15:59:59.999Z', csat: 1, nps: 0 }), // 30 Sep: before the period
    ];
    const f = surveyFigures(answers, period, NOW, new Map());
    expect(f.months.map((m) => [m.month, m.csat.answers, m.csat.score, m.nps.answers, m.nps.score])).toEqual([
      ['2026-10', 1, 100, 1, 0],
      ['2026-11', 1, 0, 1, -100],
      ['2026-12', 1, 100, 1, 100],
    ]);
    expect(f.total.csat).toMatchObject({ answers: 3, satisfied: 2 });
    expect(f.total.nps).toMatchObject({ answers: 3, score: 0 });
  });

  it('per tier the customer held when answering, most answers first; no tier is its own row', () => {
    const answers = [answer({ tierId: 'gold', csat: 5 }), answer({ tierId: null, csat: 2, nps: 3 }), answer({ tierId: 'gold', nps: 9 }), answer({ tierId: 'gold', csat: 3 })];
    const f = surveyFigures(answers, period, NOW, new Map());
    expect(f.tiers.map((t) => [t.tierId, t.csat.answers, t.csat.score, t.nps.answers, t.nps.score])).toEqual([
      ['gold', 2, 50, 1, 100],
      [null, 1, 0, 1, -100],
    ]);
  });

  it('the loop (hand-worked): 2 of 3 decided follow-ups in time, one pending left out; of the 2, one came back', () => {
    const due = '2026-12-03T02:00:00.000Z';
    const answers = [
      // In time, and bought again after answering.
      answer({ customerId: 'back', answeredAt: '2026-12-01T02:00:00.000Z', nps: 3, followUpDueAt: due, followUpDoneAt: '2026-12-02T09:00:00.000Z' }),
      // In time (exactly at the due time), no purchase since.
      answer({ customerId: 'gone', answeredAt: '2026-12-01T02:00:00.000Z', csat: 1, followUpDueAt: due, followUpDoneAt: due }),
      // Done late.
      answer({ customerId: 'late', answeredAt: '2026-12-01T02:00:00.000Z', nps: 0, followUpDueAt: due, followUpDoneAt: '2026-12-03T02:00:00.001Z' }),
      // Open, and its due time not come: pending.
      answer({ customerId: 'open', answeredAt: '2026-12-04T02:00:00.000Z', nps: 5, followUpDueAt: '2026-12-06T02:00:00.000Z' }),
      // Happy: no follow-up needed.
      answer({ customerId: 'happy', nps: 10, csat: 5 }),
    ];
    expect(customersToCheck(surveyTallyRows(answers)).sort()).toEqual(['back', 'gone']);
    const lastPurchase = new Map([
      ['back', '2026-12-04T08:00:00.000Z'],
      ['gone', '2026-11-20T08:00:00.000Z'],
    ]);
    expect(surveyFigures(answers, period, NOW, lastPurchase).loop).toEqual({
      needed: 4,
      pending: 1,
      inTime: 2,
      late: 1,
      inTimeShare: (2 / 3) * 100,
      cameBack: 1,
      cameBackShare: 50,
      fewAnswers: true,
    });
  });

  it('an open follow-up past its due time is late; a purchase before the answer is not coming back', () => {
    const answers = [
      answer({ customerId: 'missed', answeredAt: '2026-11-01T02:00:00.000Z', nps: 2, followUpDueAt: '2026-11-03T02:00:00.000Z' }),
      answer({ customerId: 'before', answeredAt: '2026-11-10T02:00:00.000Z', nps: 2, followUpDueAt: '2026-11-12T02:00:00.000Z', followUpDoneAt: '2026-11-10T05:00:00.000Z' }),
    ];
    const loop = surveyFigures(answers, period, NOW, new Map([['before', '2026-11-10T01:00:00.000Z']])).loop;
    expect(loop).toMatchObject({ needed: 2, pending: 0, inTime: 1, late: 1, inTimeShare: 50, cameBack: 0, cameBackShare: 0 });
  });

  it('no follow-ups: no shares', () => {
    expect(surveyFigures([answer({ nps: 10 })], period, NOW, new Map()).loop).toEqual({ needed: 0, pending: 0, inTime: 0, late: 0, inTimeShare: null, cameBack: 0, cameBackShare: null, fewAnswers: true });
  });
});

describe('surveyTallyRows', () => {
  it('one row per local month and tier: an answer at 00:30 on 1 December in Shanghai is December\'s', () => {
    const rows = surveyTallyRows([
      answer({ customerId: 'a', answeredAt: '2026-11-30T16:30:00.000Z', tierId: 'gold', csat: 5, nps: 10 }),
      answer({ customerId: 'b', answeredAt: '2026-11-30T15:30:00.000Z', tierId: 'gold', csat: 2, nps: 4, followUpDueAt: '2026-12-02T15:30:00.000Z', followUpDoneAt: '2026-12-01T01:00:00.000Z' }),
      answer({ customerId: 'c', answeredAt: '2026-12-02T02:00:00.000Z', tierId: null, nps: 6, followUpDueAt: '2026-12-04T02:00:00.000Z', followUpDoneAt: '2026-12-04T03:00:00.000Z' }),
      answer({ customerId: 'd', answeredAt: '2026-12-03T02:00:00.000Z', tierId: null, csat: 1, followUpDueAt: '2026-12-05T02:00:00.000Z' }),
    ]);
    expect(rows).toEqual([
      { id: surveyTallyId('2026-11', 'gold'), month: '2026-11', tierId: 'gold', csatAnswers: 1, satisfied: 0, npsAnswers: 1, promoters: 0, passives: 0, detractors: 1, followUps: 1, doneLate: 0, inTime: [['b', '2026-11-30T15:30:00.000Z']] },
      { id: '2026-12|', month: '2026-12', tierId: null, csatAnswers: 1, satisfied: 0, npsAnswers: 1, promoters: 0, passives: 0, detractors: 1, followUps: 2, doneLate: 1, inTime: [] },
      { id: '2026-12|gold', month: '2026-12', tierId: 'gold', csatAnswers: 1, satisfied: 1, npsAnswers: 1, promoters: 1, passives: 0, detractors: 0, followUps: 0, doneLate: 0, inTime: [] },
    ]);
  });

  it('does not depend on the order of the answers', () => {
    fc.assert(
      fc.property(fc.array(answerArb, { maxLength: 40 }), (answers) => {
        const rows = surveyTallyRows(answers);
        const reversed = surveyTallyRows([...answers].reverse());
        expect(rows.length).toBe(reversed.length);
        rows.forEach((row, i) => expect(sameSurveyTally(row, reversed[i]!)).toBe(true));
      }),
    );
  });
});

// Any answer of 2026 in Shanghai: skipped questions, follow-ups open, done in time and late, a few customers and tiers.
const answerArb = fc
  .record({
    customerId: fc.constantFrom('c1', 'c2', 'c3', 'c4'),
    at: fc.integer({ min: Date.UTC(2025, 11, 31, 12), max: Date.UTC(2026, 11, 31, 20) }),
    tierId: fc.constantFrom('gold', 'silver', null),
    csat: fc.option(fc.integer({ min: 1, max: 5 })),
    nps: fc.option(fc.integer({ min: 0, max: 10 })),
    followUp: fc.option(fc.record({ dueHours: fc.integer({ min: 1, max: 96 }), doneHours: fc.option(fc.integer({ min: 0, max: 120 })) })),
  })
  .map(
    ({ customerId, at, tierId, csat, nps, followUp }): ScoredAnswer => ({
      customerId,
      answeredAt: new Date(at).toISOString(),
      tierId,
      csat,
      nps,
      followUpDueAt: followUp ? new Date(at + followUp.dueHours * 3_600_000).toISOString() : null,
      followUpDoneAt: followUp && followUp.doneHours !== null ? new Date(at + followUp.doneHours * 3_600_000).toISOString() : null,
    }),
  );

/** The figures worked answer by answer, as the definitions read: the plain calculation the tally must agree with. */
function plainFigures(answers: readonly ScoredAnswer[], period: SurveyPeriod, now: Date, lastPurchaseAt: ReadonlyMap<string, string | null>): Omit<SurveyFigures, 'period'> {
  const given = answers.filter((a) => a.answeredAt >= period.from && a.answeredAt < period.to);
  const unhappy = given.filter((a) => a.followUpDueAt !== null);
  const inTime = unhappy.filter((a) => a.followUpDoneAt !== null && a.followUpDoneAt <= a.followUpDueAt!);
  const pending = unhappy.filter((a) => a.followUpDoneAt === null && a.followUpDueAt! >= now.toISOString());
  const late = unhappy.length - inTime.length - pending.length;
  const cameBack = inTime.filter((a) => (lastPurchaseAt.get(a.customerId) ?? '') > a.answeredAt).length;
  const tierIds = [...new Set(given.map((a) => a.tierId))];
  return {
    total: scoreFigures(given),
    months: period.months.map((m) => ({ month: m.month, ...scoreFigures(given.filter((a) => a.answeredAt >= m.from && a.answeredAt < m.to)) })),
    tiers: tierIds
      .map((tierId) => ({ tierId, ...scoreFigures(given.filter((a) => a.tierId === tierId)) }))
      .sort((a, b) => Math.max(b.csat.answers, b.nps.answers) - Math.max(a.csat.answers, a.nps.answers)),
    loop: {
      needed: unhappy.length,
      pending: pending.length,
      inTime: inTime.length,
      late,
      inTimeShare: inTime.length + late ? (inTime.length / (inTime.length + late)) * 100 : null,
      cameBack,
      cameBackShare: inTime.length ? (cameBack / inTime.length) * 100 : null,
      fewAnswers: inTime.length + late < FEW_ANSWERS,
    },
  };
}

describe('surveyFiguresOfTally', () => {
  it('agrees with the figures worked answer by answer, for any answers, period and time', () => {
    const purchases = fc.dictionary(fc.constantFrom('c1', 'c2', 'c3', 'c4'), fc.option(fc.integer({ min: Date.UTC(2025, 11, 1), max: Date.UTC(2027, 0, 31) }).map((t) => new Date(t).toISOString())));
    fc.assert(
      fc.property(fc.array(answerArb, { maxLength: 60 }), fc.constantFrom(1, 3, 6, 12), fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) }), purchases, (answers, months, nowMs, bought) => {
        const now = new Date(nowMs);
        const period = surveyPeriod(now, months);
        const lastPurchaseAt = new Map(Object.entries(bought));
        const fromTally = surveyFigures(answers, period, now, lastPurchaseAt);
        const { tiers, ...rest } = plainFigures(answers, period, now, lastPurchaseAt);
        expect(fromTally).toMatchObject(rest);
        // Tiers with as many answers may come in either order.
        expect(new Set(fromTally.tiers.map((t) => JSON.stringify(t)))).toEqual(new Set(tiers.map((t) => JSON.stringify(t))));
      }),
      { numRuns: 300 },
    );
  });

  it('rows of months outside the period are left out', () => {
    const period = surveyPeriod(NOW, 1);
    const rows = surveyTallyRows([answer({ answeredAt: '2026-10-15T02:00:00.000Z', nps: 10 }), answer({ answeredAt: '2026-12-02T02:00:00.000Z', nps: 0 })]);
    expect(surveyFiguresOfTally(rows, period, 0, new Map()).total.nps).toMatchObject({ answers: 1, score: -100 });
  });
});
