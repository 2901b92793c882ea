import { addDays } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  currentSurveyOf,
  DEFAULT_SURVEY_ID,
  DEFAULT_SURVEY_QUESTIONS,
  defaultSurveyVersion,
  emptySurveyAnswerDraft,
  followUpDueAt,
  needsFollowUp,
  newSurveyAnswer,
  normalizeSurveyQuestions,
  planSurveySave,
  sameSurveyQuestions,
  sameSurveyState,
  SURVEY_WHY_MAX,
  surveyBand,
  surveyEligibility,
  surveyStateOf,
  validateSurveyAnswer,
  type SurveyAnswerDraft,
} from './survey';
import { SURVEY_CHOICES, type SurveyAnswer, type SurveyQuestions } from './surveyRecords';
import { DEFAULT_SURVEY_SETTINGS } from './surveySettings';

const NOW = new Date('2026-12-05T10:00:00.000Z');
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const q = (over: Partial<SurveyQuestions> = {}): SurveyQuestions => ({ ...DEFAULT_SURVEY_QUESTIONS, choiceOptions: [...DEFAULT_SURVEY_QUESTIONS.choiceOptions], ...over });
const draft = (over: Partial<SurveyAnswerDraft> = {}): SurveyAnswerDraft => ({ ...emptySurveyAnswerDraft(), ...over });

const questionsArb: fc.Arbitrary<SurveyQuestions> = fc.record({
  csat: fc.boolean(),
  nps: fc.boolean(),
  choice: fc.boolean(),
  choiceOptions: fc.array(fc.constantFrom(...SURVEY_CHOICES), { maxLength: 6 }),
  why: fc.boolean(),
});

describe('the default survey', () => {
  it('asks CSAT, NPS, what could be better (service, price, range, waiting) and why', () => {
    expect(DEFAULT_SURVEY_QUESTIONS).toEqual({ csat: true, nps: true, choice: true, choiceOptions: ['service', 'price', 'range', 'waiting'], why: true });
    expect(DEFAULT_SURVEY_ID).toMatch(UUID_RE);
    const v1 = defaultSurveyVersion(NOW.toISOString());
    expect(v1).toEqual({ id: DEFAULT_SURVEY_ID, version: 1, questions: DEFAULT_SURVEY_QUESTIONS, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() });
    v1.questions.choiceOptions.pop();
    expect(DEFAULT_SURVEY_QUESTIONS.choiceOptions).toHaveLength(4);
  });
  it('is the current one until a version is stored; then the highest stored is', () => {
    expect(currentSurveyOf([], NOW.toISOString()).version).toBe(1);
    const v = (version: number) => ({ ...defaultSurveyVersion('2026-01-01T00:00:00.000Z'), id: `id-${version}`, version });
    expect(currentSurveyOf([v(2), v(5), v(3)], NOW.toISOString()).id).toBe('id-5');
  });
});

describe('the questions and their versions', () => {
  it('keeps each option once, in the list order, and none when the choice question is off', () => {
    expect(normalizeSurveyQuestions(q({ choiceOptions: ['waiting', 'service', 'waiting'] }))).toEqual({ ok: true, value: q({ choiceOptions: ['service', 'waiting'] }) });
    expect(normalizeSurveyQuestions(q({ choice: false }))).toEqual({ ok: true, value: q({ choice: false, choiceOptions: [] }) });
  });
  it('refuses a survey asking nothing, a choice question without options and an unknown option', () => {
    expect(normalizeSurveyQuestions({ csat: false, nps: false, choice: false, choiceOptions: [], why: false })).toEqual({ ok: false, reason: 'no-question' });
    expect(normalizeSurveyQuestions(q({ choiceOptions: [] }))).toEqual({ ok: false, reason: 'choice-options-empty' });
    expect(normalizeSurveyQuestions(q({ choiceOptions: ['service', 'parking' as never] }))).toEqual({ ok: false, reason: 'choice-option-unknown' });
  });
  it('saves the same questions as no new version, and a change as the next version', () => {
    const v1 = defaultSurveyVersion('2026-01-01T00:00:00.000Z');
    expect(planSurveySave(v1, q({ choiceOptions: ['waiting', 'range', 'price', 'service'] }), { id: 'new', now: NOW })).toEqual({ ok: true, value: { kind: 'unchanged', version: v1 } });
    const saved = planSurveySave(v1, q({ why: false }), { id: 'new', now: NOW });
    expect(saved).toEqual({ ok: true, value: { kind: 'new', version: { id: 'new', version: 2, questions: q({ why: false }), createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() } } });
    expect(planSurveySave(v1, q({ csat: false, nps: false, choice: false, why: false }), { id: 'new', now: NOW })).toEqual({ ok: false, reason: 'no-question' });
  });
  it('makes a new version exactly when the questions ask something else', () => {
    fc.assert(
      fc.property(questionsArb, questionsArb, (a, b) => {
        const current = normalizeSurveyQuestions(a);
        fc.pre(current.ok);
        if (!current.ok) return;
        const v = { id: 'cur', version: 3, questions: current.value, createdAt: 'x', updatedAt: 'x' };
        const saved = planSurveySave(v, b, { id: 'next', now: NOW });
        const nb = normalizeSurveyQuestions(b);
        expect(saved.ok).toBe(nb.ok);
        if (!saved.ok || !nb.ok) return;
        expect(saved.value.kind === 'unchanged').toBe(sameSurveyQuestions(current.value, b));
        if (saved.value.kind === 'new') expect(saved.value.version).toMatchObject({ id: 'next', version: 4, questions: nb.value });
        // Saving what was just saved changes nothing.
        expect(planSurveySave(saved.value.version, b, { id: 'again', now: NOW })).toMatchObject({ ok: true, value: { kind: 'unchanged' } });
      }),
    );
  });
});

describe('validateSurveyAnswer', () => {
  const all = q();
  it('takes each score in its range or skipped, choices in the list order, why trimmed', () => {
    expect(validateSurveyAnswer(draft({ csat: 4, nps: 9, choices: ['waiting', 'price'], why: '  fast  ' }), all)).toEqual({ ok: true, value: { csat: 4, nps: 9, choices: ['price', 'waiting'], why: 'fast' } });
    expect(validateSurveyAnswer(draft({ nps: 0 }), all)).toEqual({ ok: true, value: { csat: null, nps: 0, choices: [], why: '' } });
    expect(validateSurveyAnswer(draft({ csat: 1 }), all)).toEqual({ ok: true, value: { csat: 1, nps: null, choices: [], why: '' } });
    expect(validateSurveyAnswer(draft({ why: '太慢' }), all).ok).toBe(true);
    expect(validateSurveyAnswer(draft({ choices: ['range'] }), all).ok).toBe(true);
  });
  it('refuses scores outside their range or not whole', () => {
    for (const csat of [0, 6, 2.5, -1, Number.NaN]) expect(validateSurveyAnswer(draft({ csat }), all), String(csat)).toEqual({ ok: false, reason: { csat: 'csat-out-of-range' } });
    for (const nps of [-1, 11, 7.5, Number.POSITIVE_INFINITY]) expect(validateSurveyAnswer(draft({ nps }), all), String(nps)).toEqual({ ok: false, reason: { nps: 'nps-out-of-range' } });
  });
  it('refuses choices the version does not offer, and answers to questions it does not ask', () => {
    const few = q({ choiceOptions: ['service', 'price'] });
    expect(validateSurveyAnswer(draft({ choices: ['waiting'] }), few)).toEqual({ ok: false, reason: { choices: 'choice-unknown' } });
    expect(validateSurveyAnswer(draft({ choices: ['parking'] }), all)).toEqual({ ok: false, reason: { choices: 'choice-unknown' } });
    const npsOnly = q({ csat: false, choice: false, choiceOptions: [], why: false });
    expect(validateSurveyAnswer(draft({ csat: 3, nps: 8, choices: ['price'], why: 'x' }), npsOnly)).toEqual({ ok: false, reason: { csat: 'not-asked', choices: 'not-asked', why: 'not-asked' } });
  });
  it('refuses a why longer than its limit, counted in characters', () => {
    expect(validateSurveyAnswer(draft({ nps: 5, why: '慢'.repeat(SURVEY_WHY_MAX) }), all).ok).toBe(true);
    expect(validateSurveyAnswer(draft({ nps: 5, why: '慢'.repeat(SURVEY_WHY_MAX + 1) }), all)).toEqual({ ok: false, reason: { why: 'why-too-long' } });
  });
  it('refuses an answer with nothing answered (blank why is nothing)', () => {
    expect(validateSurveyAnswer(draft({ why: '   ' }), all)).toEqual({ ok: false, reason: { form: 'nothing-answered' } });
  });
});

describe('surveyBand', () => {
  it('reads NPS first: promoter 9–10, passive 7–8, detractor 0–6, whatever CSAT says', () => {
    for (let nps = 0; nps <= 10; nps++) {
      const band = nps >= 9 ? 'promoter' : nps >= 7 ? 'passive' : 'detractor';
      expect(surveyBand({ nps, csat: null })).toBe(band);
      expect(surveyBand({ nps, csat: 1 })).toBe(band);
      expect(surveyBand({ nps, csat: 5 })).toBe(band);
    }
  });
  it('reads CSAT when NPS was skipped: 4–5 promoter, 3 passive, 1–2 detractor; unrated without either', () => {
    expect([1, 2, 3, 4, 5].map((csat) => surveyBand({ csat, nps: null }))).toEqual(['detractor', 'detractor', 'passive', 'promoter', 'promoter']);
    expect(surveyBand({ csat: null, nps: null })).toBe('unrated');
  });
  it('puts every answer that needs a follow-up on CSAT alone among the detractors', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), (csat) => {
        expect(needsFollowUp({ csat, nps: null })).toBe(surveyBand({ csat, nps: null }) === 'detractor');
      }),
    );
  });
});

describe('the follow-up of an unhappy answer', () => {
  it('is needed after NPS 0–6 or CSAT 1–2, not otherwise', () => {
    expect(needsFollowUp({ nps: 6, csat: null })).toBe(true);
    expect(needsFollowUp({ nps: 7, csat: null })).toBe(false);
    expect(needsFollowUp({ nps: null, csat: 2 })).toBe(true);
    expect(needsFollowUp({ nps: null, csat: 3 })).toBe(false);
    expect(needsFollowUp({ nps: 10, csat: 1 })).toBe(true);
    expect(needsFollowUp({ nps: null, csat: null })).toBe(false);
  });
  it('is due the owner\'s hours after the answer, across a month end too', () => {
    expect(followUpDueAt({ nps: 3, csat: null }, '2026-12-30T20:00:00.000Z', DEFAULT_SURVEY_SETTINGS)).toBe('2027-01-01T20:00:00.000Z');
    expect(followUpDueAt({ nps: 3, csat: null }, '2026-02-28T08:00:00.000Z', { followUpHours: 24 })).toBe('2026-03-01T08:00:00.000Z');
    expect(followUpDueAt({ nps: 9, csat: null }, '2026-12-30T20:00:00.000Z', DEFAULT_SURVEY_SETTINGS)).toBeNull();
  });
});

describe('newSurveyAnswer', () => {
  const meta = { id: 'a1', customerId: 'c1', survey: { id: 'v1', version: 1 }, channel: 'counter' as const, purchaseId: 'p1', tierId: 'gold', now: NOW, settings: DEFAULT_SURVEY_SETTINGS };
  it('names the version, the tier then, and opens the follow-up of an unhappy answer', () => {
    const a = newSurveyAnswer({ csat: 2, nps: 4, choices: ['waiting'], why: 'queue' }, meta);
    expect(a).toEqual({
      id: 'a1', customerId: 'c1', surveyId: 'v1', surveyVersion: 1, answeredAt: NOW.toISOString(), channel: 'counter', purchaseId: 'p1', tierId: 'gold',
      csat: 2, nps: 4, choices: ['waiting'], why: 'queue', followUpDueAt: '2026-12-07T10:00:00.000Z', followUpOpen: '2026-12-07T10:00:00.000Z',
      followUpDoneAt: null, complaintId: null, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(),
    });
  });
  it('leaves a happy answer out of the open follow-ups (no field at all, so no index entry)', () => {
    const a = newSurveyAnswer({ csat: 5, nps: 10, choices: [], why: '' }, meta);
    expect(a.followUpDueAt).toBeNull();
    expect('followUpOpen' in a).toBe(false);
  });
});

describe('surveyStateOf', () => {
  const answer = (id: string, answeredAt: string, over: Partial<SurveyAnswer> = {}): SurveyAnswer => ({
    ...newSurveyAnswer({ csat: 4, nps: 8, choices: [], why: '' }, { id, customerId: 'c1', survey: { id: 'v1', version: 1 }, channel: 'counter', purchaseId: null, tierId: null, now: new Date(answeredAt), settings: DEFAULT_SURVEY_SETTINGS }),
    ...over,
  });
  it('is null without answers, and the latest answer with the count otherwise', () => {
    expect(surveyStateOf('c1', 0, [])).toBeNull();
    const rows = [answer('a', '2026-10-01T00:00:00.000Z', { nps: 2 }), answer('b', '2026-11-01T00:00:00.000Z', { nps: null, csat: 5 }), answer('c', '2026-09-01T00:00:00.000Z')];
    expect(surveyStateOf('c1', 1, rows)).toEqual({ id: 'c1', isDeleted: 1, lastAnsweredAt: '2026-11-01T00:00:00.000Z', lastCsat: 5, lastNps: null, lastBand: 'promoter', answers: 3 });
  });
  it('does not depend on the order the answers are read in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 1, max: 5 }), nps: fc.option(fc.integer({ min: 0, max: 10 })), id: fc.uuid() }), { minLength: 1, maxLength: 8 }),
        (specs) => {
          const rows = specs.map((s) => answer(s.id, `2026-11-0${s.day}T00:00:00.000Z`, { nps: s.nps }));
          const forward = surveyStateOf('c1', 0, rows);
          expect(sameSurveyState(forward, surveyStateOf('c1', 0, [...rows].reverse()))).toBe(true);
          expect(forward?.answers).toBe(rows.length);
        },
      ),
    );
  });
});

describe('surveyEligibility (the frequency rule)', () => {
  const settings = DEFAULT_SURVEY_SETTINGS;
  const customer = (over: Partial<{ declined: boolean; isDeleted: boolean; lastAnsweredAt: string | null }> = {}) => ({ declined: false, isDeleted: false, lastAnsweredAt: null, ...over });
  it('asks a customer never asked', () => {
    expect(surveyEligibility(customer(), settings, NOW)).toEqual({ ask: true });
  });
  it('never asks one who declined, nor one in the trash', () => {
    expect(surveyEligibility(customer({ declined: true }), settings, NOW)).toEqual({ ask: false, reason: 'declined' });
    expect(surveyEligibility(customer({ isDeleted: true, declined: true }), settings, NOW)).toEqual({ ask: false, reason: 'in-trash' });
  });
  it('asks again only once N days have passed since the last answer, saying from when', () => {
    const last = '2026-09-06T10:00:00.000Z';
    expect(surveyEligibility(customer({ lastAnsweredAt: last }), settings, NOW)).toEqual({ ask: true });
    expect(surveyEligibility(customer({ lastAnsweredAt: '2026-09-06T10:00:00.001Z' }), settings, NOW)).toEqual({ ask: false, reason: 'asked-recently', askableFrom: '2026-12-05T10:00:00.001Z' });
    expect(surveyEligibility(customer({ lastAnsweredAt: '2026-09-06T09:59:59.999Z' }), settings, NOW)).toEqual({ ask: true });
    expect(surveyEligibility(customer({ lastAnsweredAt: last }), { askEveryDays: 30 }, NOW)).toEqual({ ask: true });
  });
  it('holds for any last answer: asked exactly when the N days are over', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * 86_400_000 }), fc.integer({ min: 1, max: 365 }), (agoMs, askEveryDays) => {
        const lastAnsweredAt = new Date(NOW.getTime() - agoMs).toISOString();
        const out = surveyEligibility(customer({ lastAnsweredAt }), { askEveryDays }, NOW);
        expect(out.ask).toBe(addDays(new Date(lastAnsweredAt), askEveryDays).getTime() <= NOW.getTime());
        if (!out.ask && out.reason === 'asked-recently') expect(Date.parse(out.askableFrom)).toBeGreaterThan(NOW.getTime());
      }),
    );
  });
});
