// The satisfaction figures read from the store (fake-indexeddb): the period's answers by `answeredAt`, a purchase
// after the answer as coming back; and the loop closed from Today: an open survey follow-up is due through the
// `followUpOpen` index, and Contacted logs the contact, closes it (out of the index) and counts it in time.
import 'fake-indexeddb/auto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import type { SurveyAnswer } from '../../shared/domain/surveyRecords';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { makeCustomerFields } from '../../test/factories/customer';
import { makePurchaseFields } from '../../test/factories/purchase';
import { dueOn, readCareInputs } from './careDue';
import { createCustomerRepository } from './customers';
import { RegularsDatabase } from './database';
import { refreshSurveyDerived, writeTransaction } from './derivation';
import { createPurchaseRepository } from './purchases';
import { createReminderRepository } from './reminders';
import { readSurveyFigures } from './surveyFigures';

const ORIGINAL_TZ = process.env.TZ;
process.env.TZ = 'Asia/Shanghai';
afterAll(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

const database = freshDatabasePerTest();
let db: RegularsDatabase;
let clock: Date;
let ids: number;
const deps = () => ({ now: () => clock, newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}` });

beforeEach(() => {
  db = database();
  clock = new Date('2026-12-05T02:00:00.000Z'); // 10:00 on 5 December in Shanghai
  ids = 0;
});

let answers = 0;
function answer(customerId: string, fields: Partial<SurveyAnswer>): SurveyAnswer {
  const at = fields.answeredAt ?? '2026-12-01T02:00:00.000Z';
  const a: SurveyAnswer = {
    id: `a0000000-0000-4000-8000-${String(++answers).padStart(12, '0')}`,
    customerId,
    surveyId: '5e1f0c1a-0000-4000-8000-000000000001',
    surveyVersion: 1,
    answeredAt: at,
    channel: 'counter',
    purchaseId: null,
    tierId: null,
    csat: null,
    nps: null,
    choices: [],
    why: '',
    followUpDueAt: null,
    followUpDoneAt: null,
    complaintId: null,
    createdAt: at,
    updatedAt: at,
    ...fields,
  };
  if (a.followUpDueAt !== null && a.followUpDoneAt === null) a.followUpOpen = a.followUpDueAt;
  return a;
}

/** Answers written as the app writes them: with what they derive (the customer's survey row, the month's tally). */
function addAnswers(rows: SurveyAnswer[]): Promise<void> {
  return writeTransaction(db, ['survey'], [], async () => {
    await db.surveyAnswers.bulkAdd(rows);
    await refreshSurveyDerived(db, rows);
  });
}

describe('readSurveyFigures', () => {
  it("reads the period's answers only, per month and tier, and counts a purchase after the answer as coming back", async () => {
    const customers = createCustomerRepository(db, deps());
    const purchases = createPurchaseRepository(db, deps());
    const back = await customers.create(makeCustomerFields({ name: '回头客' }));
    const gone = await customers.create(makeCustomerFields({ name: '没再来' }));
    await addAnswers([
      answer(back.id, { answeredAt: '2026-12-01T02:00:00.000Z', nps: 3, csat: 2, tierId: 'gold', followUpDueAt: '2026-12-03T02:00:00.000Z', followUpDoneAt: '2026-12-02T02:00:00.000Z' }),
      answer(gone.id, { answeredAt: '2026-11-10T02:00:00.000Z', nps: 10, csat: 5 }),
      answer(gone.id, { answeredAt: '2026-11-20T02:00:00.000Z', nps: 6, followUpDueAt: '2026-11-22T02:00:00.000Z', followUpDoneAt: '2026-11-21T02:00:00.000Z' }),
      // 30 September 23:00 in Shanghai: before a three-month period.
      answer(gone.id, { answeredAt: '2026-09-30T15:00:00.000Z', nps: 0, csat: 1 }),
    ]);
    // Back on 4 December, after answering on the 1st.
    await purchases.record(back.id, makePurchaseFields({ purchasedAt: '2026-12-04T06:00:00.000Z', totalFen: 5_000 }));

    const f = await readSurveyFigures(db, clock, 3);
    expect(f.months.map((m) => [m.month, m.nps.answers, m.nps.score, m.csat.answers, m.csat.score])).toEqual([
      ['2026-10', 0, null, 0, null],
      ['2026-11', 2, 0, 1, 100],
      ['2026-12', 1, -100, 1, 0],
    ]);
    expect(f.total.nps).toMatchObject({ answers: 3, promoters: 1, detractors: 2, fewAnswers: true });
    expect(f.tiers.map((t) => [t.tierId, t.nps.answers])).toEqual([
      [null, 2],
      ['gold', 1],
    ]);
    expect(f.loop).toMatchObject({ needed: 2, inTime: 2, late: 0, inTimeShare: 100, cameBack: 1, cameBackShare: 50 });

    // Twelve months reach back to January: the September answer counts.
    expect((await readSurveyFigures(db, clock, 12)).total.nps.answers).toBe(4);
  });
});

describe('a survey follow-up on Today', () => {
  it('is due from the open index until Contacted, which logs the contact, closes it and counts it in time', async () => {
    const customers = createCustomerRepository(db, deps());
    const unhappy = await customers.create(makeCustomerFields({ name: '不满意' }));
    const trashed = await customers.create(makeCustomerFields({ name: '回收站' }));
    const open = answer(unhappy.id, { answeredAt: '2026-12-04T02:00:00.000Z', nps: 2, why: '等太久', choices: ['waiting'], followUpDueAt: '2026-12-06T02:00:00.000Z' });
    await addAnswers([open, answer(trashed.id, { answeredAt: '2026-12-04T02:00:00.000Z', nps: 1, followUpDueAt: '2026-12-06T02:00:00.000Z' })]);
    await customers.moveToTrash(trashed.id);

    const inputs = await readCareInputs(db, '2026-12-05', 0, DEFAULT_SETTINGS);
    const [due] = dueOn(inputs, '2026-12-05', DEFAULT_SETTINGS.care, clock).reminders.filter((r) => r.kind === 'survey-follow-up');
    expect(inputs.surveyFollowUps.map((a) => a.customerId)).toEqual([unhappy.id]);
    expect(due).toMatchObject({ key: `survey-follow-up:${open.id}:2026-12-06`, customerId: unhappy.id, timing: 'upcoming', detail: { nps: 2, why: '等太久', choices: ['waiting'] } });

    const reminders = createReminderRepository(db, deps());
    const { interactionId } = await reminders.doneWithContact(due!, { at: clock.toISOString(), channel: 'phone', direction: 'out', summary: '回访', outcome: '', followUpDate: null });
    expect(await db.interactions.get(interactionId)).toMatchObject({ customerId: unhappy.id });
    const closed = await db.surveyAnswers.get(open.id);
    expect(closed).toMatchObject({ followUpDoneAt: clock.toISOString() });
    expect(closed).not.toHaveProperty('followUpOpen');
    expect(await db.surveyAnswers.orderBy('followUpOpen').count()).toBe(1); // the trashed customer's, left as it was
    expect((await readCareInputs(db, '2026-12-05', 0, DEFAULT_SETTINGS)).surveyFollowUps).toEqual([]);
    expect((await readSurveyFigures(db, clock, 1)).loop).toMatchObject({ needed: 2, inTime: 1, pending: 1 });
  });
});
