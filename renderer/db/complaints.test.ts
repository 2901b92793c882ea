// Complaints through the database on fake-indexeddb: opened about a purchase and from a survey answer (the answer
// names it), taken from received to closed with a compensation (points through the points module, a gift's stock,
// a refund noted), an illegal move refused with nothing written, the open index, a customer's list, the figures,
// and an audit entry for every change.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../shared/domain/auditChain';
import type { ComplaintFields } from '../../shared/domain/complaint';
import { utcDayOf } from '../../shared/domain/customerFigures';
import type { Reward } from '../../shared/domain/rewards';
import type { SurveyAnswer } from '../../shared/domain/surveyRecords';
import { makeCustomerFields } from '../../test/factories/customer';
import { makePurchaseFields } from '../../test/factories/purchase';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { ComplaintRefusedError, createComplaintRepository } from './complaints';
import { createCustomerRepository } from './customers';
import { createPointsRepository } from './points';
import { createPurchaseRepository } from './purchases';

const database = freshDatabasePerTest();
const HOUR = 3_600_000;

function setUp() {
  const db = database();
  const state = { clock: new Date('2026-12-01T02:00:00.000Z'), seq: 0 };
  const deps = { now: () => state.clock, newId: () => `00000000-0000-4000-8000-${String(++state.seq).padStart(12, '0')}`, dayOf: utcDayOf, timeZone: () => 'Asia/Shanghai' };
  return {
    db,
    state,
    complaints: createComplaintRepository(db, deps),
    customers: createCustomerRepository(db, deps),
    purchases: createPurchaseRepository(db, deps),
    points: createPointsRepository(db, deps),
    later(hours: number) {
      state.clock = new Date(state.clock.getTime() + hours * HOUR);
    },
  };
}

const fields = (over: Partial<ComplaintFields> = {}): ComplaintFields => ({
  category: 'product',
  severity: 'high',
  said: '蛋糕不新鲜',
  receivedBy: '小王',
  receivedAt: '2026-12-01T02:00:00.000Z',
  ...over,
});

function gift(over: Partial<Reward> = {}): Reward {
  return { id: crypto.randomUUID(), name: '保温杯', kind: 'gift', pointsCost: 500, stock: 2, voucherFen: null, percentOff: null, validFrom: null, validTo: null, tiersAllowed: [], active: true, ...over };
}

describe('a complaint from received to closed', () => {
  it('opens about a purchase, is due from its severity, moves with steps, is resolved with points, a gift and a refund, and closes', async () => {
    const s = setUp();
    const c = await s.customers.create(makeCustomerFields({ name: '王芳' }));
    const p = await s.purchases.record(c.id, makePurchaseFields({ purchasedAt: '2026-11-30T08:00:00.000Z' }));
    const cup = await s.points.saveReward(gift());
    const opened = await s.complaints.open({ customerId: c.id, fields: fields(), purchaseId: p.id });
    expect(opened).toMatchObject({ state: 'received', purchaseId: p.id, dueAt: '2026-12-02T02:00:00.000Z', openDue: '2026-12-02T02:00:00.000Z' });
    expect(await s.complaints.openByDue()).toEqual([opened]);

    s.later(1);
    await s.complaints.move(opened.id, { to: 'investigating', by: '小李', note: '查了批次' });
    s.later(2);
    const resolved = await s.complaints.move(opened.id, {
      to: 'resolved',
      by: '小李',
      note: '',
      resolution: '换新并致歉',
      compensation: { points: 300, rewardId: cup.id, refundFen: 1_500, pointsReason: '投诉补偿' },
    });
    expect(resolved).toMatchObject({ state: 'resolved', resolution: '换新并致歉', resolvedAt: '2026-12-01T05:00:00.000Z', compensation: { points: 300, rewardId: cup.id, refundFen: 1_500 } });
    const entry = (await s.points.history(c.id)).find((e) => e.id === resolved.compensation.pointsEntryId);
    expect(entry).toMatchObject({ kind: 'adjust', points: 300, note: '投诉补偿' });
    expect((await s.db.rewards.get(cup.id))?.stock).toBe(1);
    // The gift is the store's: no points are taken for it.
    expect((await s.points.summary(c.id)).balance).toBe((await s.points.history(c.id)).reduce((sum, e) => sum + e.points, 0));
    expect((await s.points.history(c.id)).some((e) => e.kind === 'redeem')).toBe(false);

    await s.complaints.recordSatisfaction(opened.id, true);
    await s.complaints.move(opened.id, { to: 'followed-up', by: '小王', note: '回访' });
    const closed = await s.complaints.move(opened.id, { to: 'closed', by: '小王', note: '' });
    expect(closed).toMatchObject({ state: 'closed', handlingSatisfied: true, closedAt: '2026-12-01T05:00:00.000Z' });
    expect(closed.openDue).toBeUndefined();
    expect(closed.steps.map((st) => [st.from, st.to, st.by])).toEqual([
      [null, 'received', '小王'],
      ['received', 'investigating', '小李'],
      ['investigating', 'resolved', '小李'],
      ['resolved', 'followed-up', '小王'],
      ['followed-up', 'closed', '小王'],
    ]);
    expect(await s.complaints.openByDue()).toEqual([]);
    expect(await s.complaints.openCount()).toBe(0);
    expect(await s.complaints.ofCustomer(c.id)).toEqual([closed]);

    const log = await s.db.auditLog.orderBy('seq').toArray();
    expect(log.filter((e) => e.kind.startsWith('complaint.')).map((e) => [e.kind, e.facts.to ?? null])).toEqual([
      ['complaint.open', null],
      ['complaint.move', 'investigating'],
      ['complaint.move', 'resolved'],
      ['complaint.satisfaction', null],
      ['complaint.move', 'followed-up'],
      ['complaint.move', 'closed'],
    ]);
    expect(log.some((e) => e.kind === 'points.adjust')).toBe(true);
    expect(verifyChain(log).status).toBe('intact');
    // Nothing personal in the trail.
    expect(JSON.stringify(log)).not.toContain('蛋糕');

    // Reopened: on the open list again with a new due time from now.
    s.later(10);
    const reopened = await s.complaints.move(opened.id, { to: 'reopened', by: '小王', note: '又来电' });
    expect(reopened).toMatchObject({ state: 'reopened', closedAt: null, resolvedAt: null, openDue: '2026-12-02T15:00:00.000Z' });
    expect(await s.complaints.openCount()).toBe(1);
  });

  it('refuses an illegal move, a resolution without its text, and a compensation that cannot be given, writing nothing', async () => {
    const s = setUp();
    const c = await s.customers.create(makeCustomerFields());
    const opened = await s.complaints.open({ customerId: c.id, fields: fields() });
    const before = await s.db.auditLog.count();
    await expect(s.complaints.move(opened.id, { to: 'closed', by: '小王', note: '' })).rejects.toMatchObject({ code: 'illegal-move', refusal: { from: 'received', to: 'closed' } });
    await expect(s.complaints.move(opened.id, { to: 'resolved', by: '小王', note: '', resolution: ' ' })).rejects.toMatchObject({ code: 'resolution-required' });
    const sold = await s.points.saveReward(gift({ stock: 0 }));
    await expect(
      s.complaints.move(opened.id, { to: 'resolved', by: '小王', note: '', resolution: '致歉', compensation: { points: 100, rewardId: sold.id, refundFen: 0, pointsReason: '补偿' } }),
    ).rejects.toMatchObject({ code: 'reward-unavailable' });
    await expect(s.complaints.move(opened.id, { to: 'resolved', by: '小王', note: '', resolution: '致歉', compensation: { points: 100, rewardId: null, refundFen: 0, pointsReason: ' ' } })).rejects.toMatchObject({
      code: 'adjust-reason-required',
    });
    await expect(s.complaints.recordSatisfaction(opened.id, false)).rejects.toMatchObject({ code: 'not-resolved' });
    await expect(s.complaints.move('nope', { to: 'investigating', by: 'a', note: '' })).rejects.toBeInstanceOf(ComplaintRefusedError);
    expect(await s.complaints.get(opened.id)).toEqual(opened);
    expect(await s.points.history(c.id)).toEqual([]);
    // Only the sold-out reward's own entry was written.
    expect(await s.db.auditLog.count()).toBe(before + 1);
  });

  it('opened from a survey answer, the answer names the complaint; an answer of someone else is refused', async () => {
    const s = setUp();
    const c = await s.customers.create(makeCustomerFields());
    const other = await s.customers.create(makeCustomerFields());
    const answer: SurveyAnswer = {
      id: '00000000-0000-4000-8000-00000000aaaa',
      customerId: c.id,
      surveyId: 's1',
      surveyVersion: 1,
      answeredAt: '2026-12-01T01:00:00.000Z',
      channel: 'counter',
      purchaseId: null,
      tierId: null,
      csat: 1,
      nps: 2,
      choices: [],
      why: '',
      followUpDueAt: '2026-12-03T01:00:00.000Z',
      followUpOpen: '2026-12-03T01:00:00.000Z',
      followUpDoneAt: null,
      complaintId: null,
      createdAt: '2026-12-01T01:00:00.000Z',
      updatedAt: '2026-12-01T01:00:00.000Z',
    };
    await s.db.surveyAnswers.add(answer);
    await expect(s.complaints.open({ customerId: other.id, fields: fields(), surveyAnswerId: answer.id })).rejects.toMatchObject({ code: 'answer-not-found' });
    const opened = await s.complaints.open({ customerId: c.id, fields: fields(), surveyAnswerId: answer.id });
    expect(opened.surveyAnswerId).toBe(answer.id);
    expect((await s.db.surveyAnswers.get(answer.id))?.complaintId).toBe(opened.id);
    await expect(s.complaints.open({ customerId: c.id, fields: fields(), purchaseId: 'no-such' })).rejects.toMatchObject({ code: 'purchase-not-found' });
  });
});

describe('lists and figures', () => {
  it('lists open ones by due date and works out the figures with the customers served in the period', async () => {
    const s = setUp();
    const a = await s.customers.create(makeCustomerFields());
    const b = await s.customers.create(makeCustomerFields());
    await s.customers.create(makeCustomerFields());
    // Two customers served in the last 30 days, one long ago.
    await s.purchases.record(a.id, makePurchaseFields({ purchasedAt: '2026-11-20T08:00:00.000Z' }));
    await s.purchases.record(b.id, makePurchaseFields({ purchasedAt: '2026-11-25T08:00:00.000Z' }));
    const low = await s.complaints.open({ customerId: a.id, fields: fields({ severity: 'low' }) });
    const high = await s.complaints.open({ customerId: b.id, fields: fields({ severity: 'high' }) });
    const normal = await s.complaints.open({ customerId: a.id, fields: fields({ severity: 'normal' }) });
    expect((await s.complaints.openByDue()).map((c) => c.id)).toEqual([high.id, normal.id, low.id]);
    expect((await s.complaints.ofCustomer(a.id)).map((c) => c.id).sort()).toEqual([low.id, normal.id].sort());

    s.later(4);
    await s.complaints.move(high.id, { to: 'resolved', by: '小王', note: '', resolution: '致歉' });
    s.later(30);
    await s.complaints.move(low.id, { to: 'resolved', by: '小王', note: '', resolution: '致歉' });
    // normal (due at 72 h) is still open and not yet due.
    expect(await s.complaints.figures(30)).toEqual({
      received: 3,
      customersServed: 2,
      ratePer100: 150,
      resolved: 2,
      medianHoursToResolve: 19,
      decided: 2,
      resolvedInTime: 2,
      inTimeShare: 1,
    });
    s.later(48);
    expect(await s.complaints.figures(30)).toMatchObject({ decided: 3, resolvedInTime: 2 });
    // The reports ask from a day on: the same figures, and the complaints themselves to count by month.
    expect(await s.complaints.figuresSince('2026-11-01T00:00:00.000Z')).toEqual(await s.complaints.figures(30));
    expect((await s.complaints.receivedSince('2026-11-01T00:00:00.000Z')).map((c) => c.id).sort()).toEqual([low.id, high.id, normal.id].sort());
    expect(await s.complaints.receivedSince('2099-01-01T00:00:00.000Z')).toEqual([]);
  });
});
