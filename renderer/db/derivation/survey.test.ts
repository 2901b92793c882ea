// Survey answers and complaints follow their customer: the latest answer onto the surveyState row (and its trash
// state mirrored), moved to the survivor of a merge, gone with a customer deleted for good or erased; and each
// month's tally counts exactly the answers there are after every one of those writes.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabasePerTest } from '../../../test/support/freshDatabase';
import { utcDayOf } from '../../../shared/domain/customerFigures';
import type { SurveyAnswer } from '../../../shared/domain/surveyRecords';
import type { Complaint } from '../../../shared/domain/complaintRecords';
import { makeCustomerFields } from '../../../test/factories/customer';
import { createCustomerRepository } from '../customers';
import type { RegularsDatabase } from '../database';
import { createErasure } from '../erasure';
import { mergeCustomers } from '../merge';
import { surveyTallyRows } from '../../../shared/domain/surveyScores';
import { refreshSurveyDerived } from './survey';
import { writeTransaction } from './scopes';

const database = freshDatabasePerTest();
let db: RegularsDatabase;
let ids: number;
const clock = new Date('2026-12-03T10:00:00Z');
const deps = () => ({ now: () => clock, newId: () => `id-${String(++ids).padStart(6, '0')}`, dayOf: utcDayOf });

beforeEach(() => {
  db = database();
  ids = 0;
});

function answer(customerId: string, answeredAt: string, scores: Pick<SurveyAnswer, 'nps' | 'csat'>): SurveyAnswer {
  return {
    id: `a-${++ids}`, customerId, surveyId: 's1', surveyVersion: 1, answeredAt, channel: 'counter', purchaseId: null, tierId: null, ...scores,
    choices: [], why: '', followUpDueAt: null, followUpDoneAt: null, complaintId: null, createdAt: answeredAt, updatedAt: answeredAt,
  };
}

function complaint(customerId: string): Complaint {
  const at = '2026-12-01T02:00:00.000Z';
  return {
    id: `k-${++ids}`, customerId, purchaseId: null, surveyAnswerId: null, category: 'service', severity: 'normal', said: '等太久', receivedBy: '店员',
    receivedAt: at, dueAt: '2026-12-04T02:00:00.000Z', state: 'received', steps: [{ from: null, to: 'received', at, by: '店员', note: '' }],
    resolution: '', compensation: { points: 0, rewardId: null, refundFen: 0, pointsEntryId: null }, handlingSatisfied: null, resolvedAt: null, closedAt: null,
    openDue: '2026-12-04T02:00:00.000Z', createdAt: at, updatedAt: at,
  };
}

async function seed(customerId: string, answers: SurveyAnswer[], complaints: Complaint[] = []): Promise<void> {
  await writeTransaction(db, ['survey', 'complaint'], [], async () => {
    await db.surveyAnswers.bulkAdd(answers);
    await db.complaints.bulkAdd(complaints);
    await refreshSurveyDerived(db, [{ customerId, answeredAt: '2026-01-01T00:00:00.000Z' }, ...answers]);
  });
}

/** The stored tally is the tally of the answers stored (worked again from all of them). */
async function expectTallyOfAnswers(): Promise<void> {
  expect(await db.surveyTally.orderBy(':id').toArray()).toEqual(surveyTallyRows(await db.surveyAnswers.toArray()));
}

/** An unhappy answer followed up in time: its customer is named in its month's tally. */
function followedUp(customerId: string, answeredAt: string): SurveyAnswer {
  const due = new Date(Date.parse(answeredAt) + 48 * 3_600_000).toISOString();
  return { ...answer(customerId, answeredAt, { nps: 2, csat: 1 }), followUpDueAt: due, followUpDoneAt: answeredAt };
}

describe('survey state', () => {
  it('holds the latest answer and the count, follows the trash, and goes when the answers go', async () => {
    const customers = createCustomerRepository(db, deps());
    const c = await customers.create(makeCustomerFields({ name: '张三' }));
    await seed(c.id, [answer(c.id, '2026-11-01T01:00:00.000Z', { nps: 10, csat: 5 }), answer(c.id, '2026-11-20T01:00:00.000Z', { nps: 4, csat: null })]);
    expect(await db.surveyState.get(c.id)).toEqual({ id: c.id, isDeleted: 0, lastAnsweredAt: '2026-11-20T01:00:00.000Z', lastCsat: null, lastNps: 4, lastBand: 'detractor', answers: 2 });
    expect(await db.surveyState.where('[isDeleted+lastBand]').equals([0, 'detractor']).primaryKeys()).toEqual([c.id]);

    await customers.moveToTrash(c.id);
    expect((await db.surveyState.get(c.id))!.isDeleted).toBe(1);
    await customers.restoreFromTrash(c.id);
    expect((await db.surveyState.get(c.id))!.isDeleted).toBe(0);

    await expectTallyOfAnswers();
    await writeTransaction(db, ['survey'], [], async () => {
      const gone = await db.surveyAnswers.where('customerId').equals(c.id).toArray();
      await db.surveyAnswers.where('customerId').equals(c.id).delete();
      await refreshSurveyDerived(db, gone);
    });
    expect(await db.surveyState.get(c.id)).toBeUndefined();
    expect(await db.surveyTally.count()).toBe(0);
  });

  it('a customer deleted for good takes their answers, survey row and complaints along; others keep theirs', async () => {
    const customers = createCustomerRepository(db, deps());
    const [a, b] = [await customers.create(makeCustomerFields({ name: '张三' })), await customers.create(makeCustomerFields({ name: '李四' }))];
    await seed(a.id, [answer(a.id, '2026-11-01T01:00:00.000Z', { nps: 9, csat: null }), followedUp(a.id, '2026-10-03T01:00:00.000Z')], [complaint(a.id)]);
    await seed(b.id, [answer(b.id, '2026-11-02T01:00:00.000Z', { nps: 2, csat: null })], [complaint(b.id)]);
    await customers.moveToTrash(a.id);
    await customers.deleteForever(a.id);
    expect(await db.surveyAnswers.where('customerId').equals(a.id).count()).toBe(0);
    expect(await db.surveyState.get(a.id)).toBeUndefined();
    expect(await db.complaints.where('customerId').equals(a.id).count()).toBe(0);
    expect(await db.surveyAnswers.count()).toBe(1);
    expect(await db.complaints.count()).toBe(1);
    // October's tally went with its only answer; November's counts b's alone.
    await expectTallyOfAnswers();
    expect((await db.surveyTally.toArray()).map((r) => [r.month, r.npsAnswers])).toEqual([['2026-11', 1]]);
  });

  it('a merge moves answers and complaints to the survivor, whose latest answer then stands', async () => {
    const customers = createCustomerRepository(db, deps());
    const [a, b] = [await customers.create(makeCustomerFields({ name: '张三' })), await customers.create(makeCustomerFields({ name: '张三' }))];
    await seed(a.id, [answer(a.id, '2026-11-01T01:00:00.000Z', { nps: 9, csat: null })]);
    await seed(b.id, [answer(b.id, '2026-11-25T01:00:00.000Z', { nps: null, csat: 2 }), followedUp(b.id, '2026-10-05T01:00:00.000Z')], [complaint(b.id)]);
    await db.customers.update(b.id, { surveysDeclinedAt: '2026-11-26T01:00:00.000Z' });
    await mergeCustomers(db, deps())([a.id, b.id], { survivorId: a.id, picks: {} });
    expect(await db.surveyAnswers.where('customerId').equals(a.id).count()).toBe(3);
    expect(await db.complaints.where('customerId').equals(a.id).count()).toBe(1);
    expect(await db.surveyState.get(a.id)).toMatchObject({ lastCsat: 2, lastBand: 'detractor', answers: 3 });
    // The tally names the survivor as the customer followed up in October.
    await expectTallyOfAnswers();
    expect((await db.surveyTally.toArray()).flatMap((r) => r.inTime.map(([id]) => id))).toEqual([a.id]);
    expect(await db.surveyState.get(b.id)).toBeUndefined();
    // The merged-away file had declined surveys: the person did, so the survivor has too.
    expect((await db.customers.get(a.id))!.surveysDeclinedAt).toBe('2026-11-26T01:00:00.000Z');
  });

  it('an erasure leaves no survey answer, survey row or complaint of theirs, and counts them', async () => {
    const customers = createCustomerRepository(db, deps());
    const a = await customers.create(makeCustomerFields({ name: '张三' }));
    await seed(a.id, [followedUp(a.id, '2026-11-01T01:00:00.000Z')], [complaint(a.id), complaint(a.id)]);
    expect((await db.surveyTally.toArray()).flatMap((r) => r.inTime.map(([id]) => id))).toEqual([a.id]);
    const result = await createErasure(db, deps()).erase(a.id, 'delete');
    expect(result.counts).toMatchObject({ surveyAnswers: 1, complaints: 2 });
    expect(await db.surveyAnswers.count()).toBe(0);
    // Not even a count of theirs stays in the figures, nor their id in the tally.
    expect(await db.surveyTally.count()).toBe(0);
    expect(await db.surveyState.count()).toBe(0);
    expect(await db.complaints.count()).toBe(0);
  });
});
