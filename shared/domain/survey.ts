// The satisfaction survey's rules: its questions and versions, an answer checked and classed, its follow-up, and when a customer may be asked.
import { addDays, addHours } from 'date-fns';
import { err, ok, type Result } from '../result';
import type { SurveySettings } from './surveySettings';
import {
  SURVEY_CHOICES,
  type SurveyAnswer,
  type SurveyBand,
  type SurveyChannel,
  type SurveyChoice,
  type SurveyQuestions,
  type SurveyStateRow,
  type SurveyVersion,
} from './surveyRecords';

/** The owner's survey until they change it: CSAT, NPS, what could be better (every option) and why. */
export const DEFAULT_SURVEY_QUESTIONS: Readonly<SurveyQuestions> = Object.freeze({
  csat: true,
  nps: true,
  choice: true,
  choiceOptions: [...SURVEY_CHOICES],
  why: true,
});

/**
 * Version 1 from the defaults has the same id in every store: reading the current survey of a store that never
 * saved one needs no write, and the answers given to it name this id before (and after) it is stored.
 */
export const DEFAULT_SURVEY_ID = '5e1f0c1a-0000-4000-8000-000000000001';

export const CSAT_MIN = 1;
export const CSAT_MAX = 5;
export const NPS_MIN = 0;
export const NPS_MAX = 10;
/** The "why?" text, in characters (a few sentences; a complaint has a form of its own). */
export const SURVEY_WHY_MAX = 500;

/** Version 1: the default questions, dated `at` (ISO) when it comes to be stored. */
export function defaultSurveyVersion(at: string): SurveyVersion {
  return { id: DEFAULT_SURVEY_ID, version: 1, questions: copyQuestions(DEFAULT_SURVEY_QUESTIONS), createdAt: at, updatedAt: at };
}

/** Of stored versions, the one asked: the highest; version 1 from the defaults when none is stored. */
export function currentSurveyOf(stored: readonly SurveyVersion[], at: string): SurveyVersion {
  let best: SurveyVersion | undefined;
  for (const v of stored) if (!best || v.version > best.version) best = v;
  return best ?? defaultSurveyVersion(at);
}

function copyQuestions(q: SurveyQuestions): SurveyQuestions {
  return { csat: q.csat, nps: q.nps, choice: q.choice, choiceOptions: [...q.choiceOptions], why: q.why };
}

export const SURVEY_QUESTIONS_ERRORS = ['no-question', 'choice-options-empty', 'choice-option-unknown'] as const;
export type SurveyQuestionsError = (typeof SURVEY_QUESTIONS_ERRORS)[number];

function isChoice(value: unknown): value is SurveyChoice {
  return (SURVEY_CHOICES as readonly unknown[]).includes(value);
}

/**
 * The questions in their one stored form: the options once each, in the list's order, and none when the choice
 * question is off (so two sets that ask the same compare equal). Refuses a survey that asks nothing, a choice
 * question without options and an option the app does not know.
 */
export function normalizeSurveyQuestions(q: SurveyQuestions): Result<SurveyQuestions, SurveyQuestionsError> {
  if (!q.choiceOptions.every(isChoice)) return err('choice-option-unknown');
  if (!q.csat && !q.nps && !q.choice && !q.why) return err('no-question');
  const options = q.choice ? SURVEY_CHOICES.filter((c) => q.choiceOptions.includes(c)) : [];
  if (q.choice && options.length === 0) return err('choice-options-empty');
  return ok({ csat: q.csat, nps: q.nps, choice: q.choice, choiceOptions: options, why: q.why });
}

/** Whether two sets of questions ask the same (both valid; compared in their normal form). */
export function sameSurveyQuestions(a: SurveyQuestions, b: SurveyQuestions): boolean {
  const na = normalizeSurveyQuestions(a);
  const nb = normalizeSurveyQuestions(b);
  if (!na.ok || !nb.ok) return false;
  const x = na.value;
  const y = nb.value;
  return x.csat === y.csat && x.nps === y.nps && x.choice === y.choice && x.why === y.why && x.choiceOptions.join() === y.choiceOptions.join();
}

/** What saving a set of questions does: nothing when they ask what the current version asks, else a new version. */
export type SurveySave = { kind: 'unchanged'; version: SurveyVersion } | { kind: 'new'; version: SurveyVersion };

/** Decides whether saving `questions` over `current` makes a new version (numbered one higher), and builds it. */
export function planSurveySave(current: SurveyVersion, questions: SurveyQuestions, meta: { id: string; now: Date }): Result<SurveySave, SurveyQuestionsError> {
  const normal = normalizeSurveyQuestions(questions);
  if (!normal.ok) return normal;
  if (sameSurveyQuestions(current.questions, normal.value)) return ok({ kind: 'unchanged', version: current });
  const at = meta.now.toISOString();
  return ok({ kind: 'new', version: { id: meta.id, version: current.version + 1, questions: normal.value, createdAt: at, updatedAt: at } });
}

/** The answer as the form holds it: a skipped score is null, no choice an empty list, no reason an empty text. */
export interface SurveyAnswerDraft {
  csat: number | null;
  nps: number | null;
  choices: readonly string[];
  why: string;
}

/** What an answer records of the questions. */
export interface SurveyAnswerFields {
  csat: number | null;
  nps: number | null;
  choices: SurveyChoice[];
  why: string;
}

export const SURVEY_ANSWER_ERROR_CODES = ['csat-out-of-range', 'nps-out-of-range', 'choice-unknown', 'why-too-long', 'not-asked', 'nothing-answered'] as const;
export type SurveyAnswerErrorCode = (typeof SURVEY_ANSWER_ERROR_CODES)[number];
/** By field; `form` for what concerns the answer as a whole. */
export type SurveyAnswerErrors = Partial<Record<'csat' | 'nps' | 'choices' | 'why' | 'form', SurveyAnswerErrorCode>>;

export function emptySurveyAnswerDraft(): SurveyAnswerDraft {
  return { csat: null, nps: null, choices: [], why: '' };
}

const inRange = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;

/**
 * Checks an answer against the version it answers: each score a whole number in its range or skipped, choices
 * among the version's options, "why?" within its length; only questions the version asks; at least one answered.
 */
export function validateSurveyAnswer(draft: SurveyAnswerDraft, questions: SurveyQuestions): Result<SurveyAnswerFields, SurveyAnswerErrors> {
  const errors: SurveyAnswerErrors = {};
  if (draft.csat !== null) {
    if (!questions.csat) errors.csat = 'not-asked';
    else if (!inRange(draft.csat, CSAT_MIN, CSAT_MAX)) errors.csat = 'csat-out-of-range';
  }
  if (draft.nps !== null) {
    if (!questions.nps) errors.nps = 'not-asked';
    else if (!inRange(draft.nps, NPS_MIN, NPS_MAX)) errors.nps = 'nps-out-of-range';
  }
  const choices = SURVEY_CHOICES.filter((c) => draft.choices.includes(c));
  if (draft.choices.length > 0) {
    if (!questions.choice) errors.choices = 'not-asked';
    else if (!draft.choices.every((c) => isChoice(c) && questions.choiceOptions.includes(c))) errors.choices = 'choice-unknown';
  }
  const why = draft.why.trim();
  if (why !== '') {
    if (!questions.why) errors.why = 'not-asked';
    else if ([...why].length > SURVEY_WHY_MAX) errors.why = 'why-too-long';
  }
  if (Object.keys(errors).length > 0) return err(errors);
  if (draft.csat === null && draft.nps === null && choices.length === 0 && why === '') return err({ form: 'nothing-answered' });
  return ok({ csat: draft.csat, nps: draft.nps, choices, why });
}

/**
 * Where an answer puts the customer. From NPS when given: promoter 9–10, passive 7–8, detractor 0–6. When NPS was
 * skipped, from CSAT: 4–5 (what CSAT counts as satisfied) promoter, 3 passive, 1–2 detractor (the same answers
 * that need a follow-up). 'unrated' when neither score was given.
 */
export function surveyBand(a: Pick<SurveyAnswerFields, 'csat' | 'nps'>): SurveyBand {
  if (a.nps !== null) return a.nps >= 9 ? 'promoter' : a.nps >= 7 ? 'passive' : 'detractor';
  if (a.csat !== null) return a.csat >= 4 ? 'promoter' : a.csat === 3 ? 'passive' : 'detractor';
  return 'unrated';
}

/** An unhappy answer, which the store follows up: a detractor's NPS (0–6) or a low CSAT (1–2). */
export function needsFollowUp(a: Pick<SurveyAnswerFields, 'csat' | 'nps'>): boolean {
  return (a.nps !== null && a.nps <= 6) || (a.csat !== null && a.csat <= 2);
}

/** When the follow-up of an answer given at `answeredAt` (ISO) is due; null when it needs none. */
export function followUpDueAt(a: Pick<SurveyAnswerFields, 'csat' | 'nps'>, answeredAt: string, settings: Pick<SurveySettings, 'followUpHours'>): string | null {
  if (!needsFollowUp(a)) return null;
  return addHours(new Date(answeredAt), settings.followUpHours).toISOString();
}

/** The answer record: the version it answered, the customer's tier then, and its follow-up (open while due). */
export function newSurveyAnswer(
  fields: SurveyAnswerFields,
  meta: {
    id: string;
    customerId: string;
    survey: Pick<SurveyVersion, 'id' | 'version'>;
    channel: SurveyChannel;
    purchaseId: string | null;
    tierId: string | null;
    now: Date;
    settings: Pick<SurveySettings, 'followUpHours'>;
  },
): SurveyAnswer {
  const at = meta.now.toISOString();
  const due = followUpDueAt(fields, at, meta.settings);
  return {
    id: meta.id,
    customerId: meta.customerId,
    surveyId: meta.survey.id,
    surveyVersion: meta.survey.version,
    answeredAt: at,
    channel: meta.channel,
    purchaseId: meta.purchaseId,
    tierId: meta.tierId,
    csat: fields.csat,
    nps: fields.nps,
    choices: [...fields.choices],
    why: fields.why,
    followUpDueAt: due,
    ...(due !== null && { followUpOpen: due }),
    followUpDoneAt: null,
    complaintId: null,
    createdAt: at,
    updatedAt: at,
  };
}

/** Later answers first: by answer time, then by when recorded, then by id (so ties always fall the same way). */
function isLater(a: SurveyAnswer, b: SurveyAnswer): boolean {
  if (a.answeredAt !== b.answeredAt) return a.answeredAt > b.answeredAt;
  if (a.createdAt !== b.createdAt) return a.createdAt > b.createdAt;
  return a.id > b.id;
}

/** A customer's survey row from all their answers (any order): their latest answer and how many; null without answers. */
export function surveyStateOf(customerId: string, isDeleted: 0 | 1, answers: readonly SurveyAnswer[]): SurveyStateRow | null {
  let last: SurveyAnswer | undefined;
  for (const a of answers) if (!last || isLater(a, last)) last = a;
  if (!last) return null;
  return { id: customerId, isDeleted, lastAnsweredAt: last.answeredAt, lastCsat: last.csat, lastNps: last.nps, lastBand: surveyBand(last), answers: answers.length };
}

/** Whether two survey rows hold the same (null for none). */
export function sameSurveyState(a: SurveyStateRow | null | undefined, b: SurveyStateRow | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.id === b.id && a.isDeleted === b.isDeleted && a.lastAnsweredAt === b.lastAnsweredAt && a.lastCsat === b.lastCsat && a.lastNps === b.lastNps && a.lastBand === b.lastBand && a.answers === b.answers;
}

/** Why a customer may not be asked now. */
export type SurveyNotNow = { reason: 'declined' } | { reason: 'in-trash' } | { reason: 'asked-recently'; askableFrom: string };
export type SurveyEligibility = { ask: true } | ({ ask: false } & SurveyNotNow);

/**
 * The frequency rule: a customer is asked at most once in `askEveryDays` days (counted from their last answer, in
 * calendar days of local time) and never when they declined surveys or are in the trash.
 */
export function surveyEligibility(
  customer: { declined: boolean; isDeleted: boolean; lastAnsweredAt: string | null },
  settings: Pick<SurveySettings, 'askEveryDays'>,
  now: Date,
): SurveyEligibility {
  if (customer.isDeleted) return { ask: false, reason: 'in-trash' };
  if (customer.declined) return { ask: false, reason: 'declined' };
  if (customer.lastAnsweredAt !== null) {
    const askableFrom = addDays(new Date(customer.lastAnsweredAt), settings.askEveryDays);
    if (now.getTime() < askableFrom.getTime()) return { ask: false, reason: 'asked-recently', askableFrom: askableFrom.toISOString() };
  }
  return { ask: true };
}
