// The survey repository on fake-indexeddb: the current survey and its versions, answers with the customer's survey row
// in step (trash too), who declined, and whether a customer may be asked.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEY_ID, DEFAULT_SURVEY_QUESTIONS, emptySurveyAnswerDraft, type SurveyAnswerDraft } from '../../shared/domain/survey';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { makeCustomerFields } from '../../test/factories/customer';
import { createCustomerRepository } from './customers';
import { createCustomerReads, type CustomerListQuery } from './customerList';
import { RegularsDatabase } from './database';
import { createSettingsRepository } from './settings';
import { createSurveyRepository } from './surveys';

const database = freshDatabasePerTest();
let db: RegularsDatabase;
let clock: Date;
let ids: number;

const deps = () => ({ now: () => clock, newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}` });
const repo = () => createSurveyRepository(db, deps());
const customers = () => createCustomerRepository(db, deps());
const draft = (over: Partial<SurveyAnswerDraft> = {}): SurveyAnswerDraft => ({ ...emptySurveyAnswerDraft(), ...over });
const counter = { channel: 'counter' as const, purchaseId: null };

beforeEach(() => {
  db = database();
  clock = new Date('2026-03-01T10:00:00Z');
  ids = 0;
});

describe('the survey and its versions', () => {
  it('is version 1 from the defaults until one is saved, and reading it writes nothing', async () => {
    const current = await repo().currentSurvey();
    expect(current).toMatchObject({ id: DEFAULT_SURVEY_ID, version: 1, questions: DEFAULT_SURVEY_QUESTIONS });
    expect(await db.surveys.count()).toBe(0);
  });

  it('saves a change as the next version (version 1 stored before it) and the same questions as no version at all', async () => {
    const surveys = repo();
    expect(await surveys.saveSurvey({ ...DEFAULT_SURVEY_QUESTIONS })).toMatchObject({ ok: true, value: { kind: 'unchanged' } });
    expect(await db.surveys.count()).toBe(0);
    const saved = await surveys.saveSurvey({ ...DEFAULT_SURVEY_QUESTIONS, why: false });
    expect(saved).toMatchObject({ ok: true, value: { kind: 'new', version: { version: 2, questions: { why: false } } } });
    expect((await db.surveys.orderBy('version').toArray()).map((v) => v.version)).toEqual([1, 2]);
    expect((await surveys.currentSurvey()).version).toBe(2);
    expect(await surveys.saveSurvey({ ...DEFAULT_SURVEY_QUESTIONS, why: false })).toMatchObject({ ok: true, value: { kind: 'unchanged' } });
    expect(await surveys.saveSurvey({ csat: false, nps: false, choice: false, choiceOptions: [], why: false })).toEqual({ ok: false, reason: 'no-question' });
    expect(await db.surveys.count()).toBe(2);
    expect((await db.auditLog.toArray()).filter((e) => e.kind === 'survey.version').map((e) => e.facts.version)).toEqual([2]);
  });
});

describe('answers', () => {
  it('records an answer with the version, the tier then and an open follow-up when unhappy; the survey row follows', async () => {
    await createSettingsRepository(db, deps()).write('surveys', { askEveryDays: 30, followUpHours: 24 });
    const c = await customers().create(makeCustomerFields({ name: '张三' }));
    const state = await db.customerState.get(c.id);
    const saved = await repo().recordAnswer(c.id, draft({ nps: 4, csat: 2, choices: ['waiting'], why: ' 排队 ' }), { channel: 'counter', purchaseId: 'p-1' });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.value).toMatchObject({
      customerId: c.id,
      surveyId: DEFAULT_SURVEY_ID,
      surveyVersion: 1,
      channel: 'counter',
      purchaseId: 'p-1',
      tierId: state!.tierId,
      nps: 4,
      csat: 2,
      choices: ['waiting'],
      why: '排队',
      followUpDueAt: '2026-03-02T10:00:00.000Z',
      followUpOpen: '2026-03-02T10:00:00.000Z',
    });
    // Version 1 is stored with its first answer.
    expect(await db.surveys.get(DEFAULT_SURVEY_ID)).toMatchObject({ version: 1 });
    expect(await db.surveyState.get(c.id)).toEqual({ id: c.id, isDeleted: 0, lastAnsweredAt: '2026-03-01T10:00:00.000Z', lastCsat: 2, lastNps: 4, lastBand: 'detractor', answers: 1 });
    expect(await db.surveyAnswers.where('followUpOpen').above('').primaryKeys()).toEqual([saved.value.id]);

    clock = new Date('2026-03-05T10:00:00Z');
    const happy = await repo().recordAnswer(c.id, draft({ nps: 10 }), { channel: 'call-back', purchaseId: null });
    expect(happy).toMatchObject({ ok: true, value: { followUpDueAt: null } });
    expect(happy.ok && 'followUpOpen' in happy.value).toBe(false);
    expect(await db.surveyState.get(c.id)).toMatchObject({ lastNps: 10, lastCsat: null, lastBand: 'promoter', answers: 2 });
    expect((await repo().answersOf(c.id)).map((a) => a.nps)).toEqual([10, 4]);
    expect((await repo().answersOf(c.id, 1)).map((a) => a.nps)).toEqual([10]);
    const audit = (await db.auditLog.toArray()).filter((e) => e.kind === 'survey.answer');
    expect(audit.map((e) => e.facts)).toEqual([
      { channel: 'counter', version: 1, band: 'detractor', followUp: true },
      { channel: 'call-back', version: 1, band: 'promoter', followUp: false },
    ]);
  });

  it('refuses an answer that does not fit the current version and writes nothing', async () => {
    const c = await customers().create(makeCustomerFields());
    expect(await repo().recordAnswer(c.id, draft(), counter)).toEqual({ ok: false, reason: { form: 'nothing-answered' } });
    await repo().saveSurvey({ ...DEFAULT_SURVEY_QUESTIONS, nps: false });
    expect(await repo().recordAnswer(c.id, draft({ nps: 8, csat: 9 }), counter)).toEqual({ ok: false, reason: { nps: 'not-asked', csat: 'csat-out-of-range' } });
    expect(await db.surveyAnswers.count()).toBe(0);
    expect(await db.surveyState.count()).toBe(0);
    await expect(repo().recordAnswer('missing', draft({ csat: 4 }), counter)).rejects.toThrow(/not found/);
  });

  it('records an answer handed over with its id once, however often it is handed over', async () => {
    const c = await customers().create(makeCustomerFields());
    const screen = { channel: 'screen' as const, purchaseId: null, answerId: '5c9b1f3e-0000-4000-8000-00000000abcd' };
    const first = await repo().recordAnswer(c.id, draft({ csat: 2 }), screen);
    clock = new Date('2026-03-01T10:05:00Z');
    const again = await repo().recordAnswer(c.id, draft({ csat: 2 }), screen);
    expect(first.ok && again.ok && again.value).toEqual(first.ok && first.value);
    expect(await db.surveyAnswers.count()).toBe(1);
    expect(await db.surveyState.get(c.id)).toMatchObject({ answers: 1 });
    expect(await db.auditLog.where('kind').equals('survey.answer').count()).toBe(1);
  });

  it('keeps the survey row in step with the trash, and answers of a customer in the trash are refused', async () => {
    const c = await customers().create(makeCustomerFields());
    await repo().recordAnswer(c.id, draft({ csat: 3 }), counter);
    await customers().moveToTrash(c.id);
    expect(await db.surveyState.get(c.id)).toMatchObject({ isDeleted: 1, lastBand: 'passive' });
    expect(await db.surveyState.where('[isDeleted+lastBand]').equals([0, 'passive']).count()).toBe(0);
    await expect(repo().recordAnswer(c.id, draft({ csat: 3 }), counter)).rejects.toThrow(/trash/);
    await customers().restoreFromTrash(c.id);
    expect(await db.surveyState.where('[isDeleted+lastBand]').equals([0, 'passive']).primaryKeys()).toEqual([c.id]);
  });
});

describe('who may be asked', () => {
  it('asks a new customer, not one answered within the owner\'s days, never one who declined', async () => {
    const surveys = repo();
    const c = await customers().create(makeCustomerFields());
    expect(await surveys.eligibility(c.id, clock)).toEqual({ ask: true });
    await surveys.recordAnswer(c.id, draft({ nps: 9 }), counter);
    expect(await surveys.eligibility(c.id, new Date('2026-05-29T10:00:00Z'))).toMatchObject({ ask: false, reason: 'asked-recently' });
    expect(await surveys.eligibility(c.id, new Date('2026-05-30T10:00:00Z'))).toEqual({ ask: true });

    await surveys.setDeclined(c.id, true);
    const record = await db.customers.get(c.id);
    expect(record?.surveysDeclinedAt).toBe('2026-03-01T10:00:00.000Z');
    expect(await surveys.standing(c.id)).toMatchObject({ declinedAt: '2026-03-01T10:00:00.000Z', state: { lastNps: 9 } });
    expect(await surveys.eligibility(c.id, new Date('2027-01-01T10:00:00Z'))).toEqual({ ask: false, reason: 'declined' });
    // Marking it twice writes once.
    await surveys.setDeclined(c.id, true);
    await surveys.setDeclined(c.id, false);
    expect('surveysDeclinedAt' in (await db.customers.get(c.id))!).toBe(false);
    expect((await db.auditLog.toArray()).filter((e) => e.kind === 'survey.declined').map((e) => e.facts.declined)).toEqual([true, false]);
    expect(await surveys.eligibility('missing', clock)).toBeNull();
  });
});

describe('the customer list by the last survey\'s band', () => {
  it('finds the customers whose latest answer is in the band, by every path the list reads, never one in the trash', async () => {
    const surveys = repo();
    const made = [];
    for (const [name, nps] of [['甲', 2], ['乙', 9], ['丙', 10], ['丁', 5], ['戊', null]] as const) {
      const c = await customers().create(makeCustomerFields({ name, tags: ['常客'] }));
      if (nps !== null) await surveys.recordAnswer(c.id, draft({ nps }), counter);
      made.push(c);
    }
    // 丁 was a detractor, then a promoter: the latest answer decides.
    clock = new Date('2026-03-02T10:00:00Z');
    await surveys.recordAnswer(made[3]!.id, draft({ nps: 9 }), counter);
    await customers().moveToTrash(made[2]!.id);
    const query = (over: Partial<CustomerListQuery>): CustomerListQuery => ({ sort: 'name', direction: 'asc', terms: [], tag: null, ...over });
    const names = async (ids: string[]) => (await db.customers.bulkGet(ids)).map((c) => c!.name);
    for (const reads of [createCustomerReads(db), createCustomerReads(db, { sortInMemoryMax: 0, filterWalkRows: 0 }), createCustomerReads(db, { sortInMemoryMax: 1, filterWalkChunk: 1 })]) {
      expect(await names((await reads.listIds(query({ surveyBand: 'promoter' }))).ids)).toEqual(['丁', '乙']);
      expect(await names((await reads.listIds(query({ surveyBand: 'detractor' }))).ids)).toEqual(['甲']);
      expect(await names((await reads.listIds(query({ surveyBand: 'promoter', tag: '常客' }))).ids)).toEqual(['丁', '乙']);
      expect(await names((await reads.listIds(query({ surveyBand: 'promoter', terms: ['乙'] }))).ids)).toEqual(['乙']);
      expect(await reads.countMatching({ tag: null, surveyBand: 'promoter' })).toBe(2);
      const opened = await reads.openList(query({ surveyBand: 'promoter' }), 100);
      const page = opened.paged ? (await reads.listPage('name', 'asc', 0, 100, { tag: null, surveyBand: 'promoter' })).map((c) => c.id) : opened.ids;
      expect(await names(page)).toEqual(['丁', '乙']);
    }
  });
});
