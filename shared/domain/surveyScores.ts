// Satisfaction figures from survey answers: CSAT and NPS per month and per tier, each with its number of answers,
// and the loop closed on unhappy answers (followed up in time, and of those, who came back). Pure; the clock is passed in.
import { addMonths, format, startOfMonth } from 'date-fns';
import type { SurveyAnswer } from './surveyRecords';

/** Below this many answers a figure is shown with a mark: too few to read much into. */
export const FEW_ANSWERS = 30;

/** The periods the figures screen offers, in months (the current month and the ones before it). */
export const SURVEY_PERIOD_MONTHS = [3, 6, 12] as const;
export type SurveyPeriodMonths = (typeof SURVEY_PERIOD_MONTHS)[number];

/** What the figures read of an answer. */
export type ScoredAnswer = Pick<SurveyAnswer, 'customerId' | 'answeredAt' | 'tierId' | 'csat' | 'nps' | 'followUpDueAt' | 'followUpDoneAt'>;

/** CSAT: the share of satisfied answers (4 or 5) among answered CSAT questions; null without any. */
export interface CsatFigure {
  answers: number;
  satisfied: number;
  /** 0–100. */
  score: number | null;
  fewAnswers: boolean;
}

/** NPS: % promoters (9–10) less % detractors (0–6) among answered NPS questions; null without any. */
export interface NpsFigure {
  answers: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** −100–100. */
  score: number | null;
  fewAnswers: boolean;
}

export interface ScoreFigures {
  csat: CsatFigure;
  nps: NpsFigure;
}

export type NpsBand = 'promoter' | 'passive' | 'detractor';

export function npsBand(nps: number): NpsBand {
  if (nps >= 9) return 'promoter';
  return nps >= 7 ? 'passive' : 'detractor';
}

export function isSatisfied(csat: number): boolean {
  return csat >= 4;
}

/** What a tally counts of a set of answers' scores; a skipped question (null) counts in neither its numerator nor its denominator. */
export interface ScoreCounts {
  csatAnswers: number;
  satisfied: number;
  npsAnswers: number;
  promoters: number;
  passives: number;
  detractors: number;
}

const noScores = (): ScoreCounts => ({ csatAnswers: 0, satisfied: 0, npsAnswers: 0, promoters: 0, passives: 0, detractors: 0 });

function addScores(into: ScoreCounts, a: Pick<ScoredAnswer, 'csat' | 'nps'>): void {
  if (a.csat !== null) {
    into.csatAnswers += 1;
    if (isSatisfied(a.csat)) into.satisfied += 1;
  }
  if (a.nps !== null) {
    into.npsAnswers += 1;
    const band = npsBand(a.nps);
    if (band === 'promoter') into.promoters += 1;
    else if (band === 'passive') into.passives += 1;
    else into.detractors += 1;
  }
}

function addCounts(into: ScoreCounts, c: ScoreCounts): void {
  into.csatAnswers += c.csatAnswers;
  into.satisfied += c.satisfied;
  into.npsAnswers += c.npsAnswers;
  into.promoters += c.promoters;
  into.passives += c.passives;
  into.detractors += c.detractors;
}

function figuresOf(c: ScoreCounts): ScoreFigures {
  const n = c.npsAnswers;
  return {
    csat: { answers: c.csatAnswers, satisfied: c.satisfied, score: c.csatAnswers ? (c.satisfied / c.csatAnswers) * 100 : null, fewAnswers: c.csatAnswers < FEW_ANSWERS },
    nps: {
      answers: n,
      promoters: c.promoters,
      passives: c.passives,
      detractors: c.detractors,
      score: n ? ((c.promoters - c.detractors) / n) * 100 : null,
      fewAnswers: n < FEW_ANSWERS,
    },
  };
}

/** CSAT and NPS of a set of answers. */
export function scoreFigures(answers: Iterable<Pick<ScoredAnswer, 'csat' | 'nps'>>): ScoreFigures {
  const counts = noScores();
  for (const a of answers) addScores(counts, a);
  return figuresOf(counts);
}

/** One calendar month of the period, in the store's local time: `from` inclusive, `to` exclusive (ISO, UTC). */
export interface SurveyMonth {
  /** yyyy-MM. */
  month: string;
  from: string;
  to: string;
}

export interface SurveyPeriod {
  /** The first month's start and the last month's end (ISO). */
  from: string;
  to: string;
  /** Oldest first; the last one is the month of `now`. */
  months: SurveyMonth[];
}

/** The month of `now` and the `months − 1` before it, in the local time of the runtime (the store's, as every day the app counts). */
export function surveyPeriod(now: Date, months: number): SurveyPeriod {
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`surveyPeriod: months must be a whole number ≥ 1, got ${months}`);
  const first = startOfMonth(addMonths(now, -(months - 1)));
  const list: SurveyMonth[] = [];
  for (let i = 0; i < months; i++) {
    const start = addMonths(first, i);
    list.push({ month: format(start, 'yyyy-MM'), from: start.toISOString(), to: addMonths(start, 1).toISOString() });
  }
  return { from: list[0]!.from, to: list[list.length - 1]!.to, months: list };
}

/**
 * Closing the loop on unhappy answers (those given a follow-up) of the period. A follow-up still open before its
 * due time is pending: it is neither in time nor late yet, and stays out of the share.
 */
export interface LoopFigures {
  /** Answers that needed a follow-up. */
  needed: number;
  pending: number;
  /** Done by their due time (followUpDoneAt ≤ followUpDueAt). */
  inTime: number;
  /** Done after their due time, or not done and past it. */
  late: number;
  /** inTime / (inTime + late), 0–100; null when none is decided yet. */
  inTimeShare: number | null;
  /** Of those followed up in time, how many bought again after answering. */
  cameBack: number;
  /** cameBack / inTime, 0–100; null when none was in time. */
  cameBackShare: number | null;
  fewAnswers: boolean;
}

export interface SurveyFigures {
  period: SurveyPeriod;
  total: ScoreFigures;
  months: (ScoreFigures & { month: string })[];
  /** Per tier the customer held when answering (null: none), most answers first. */
  tiers: (ScoreFigures & { tierId: string | null })[];
  loop: LoopFigures;
}


const followedUpInTime = (a: ScoredAnswer) => a.followUpDueAt !== null && a.followUpDoneAt !== null && a.followUpDoneAt <= a.followUpDueAt;

/**
 * The answers of one local month by one tier (table `surveyTally`, version 16 on): what the figures count, kept as
 * answers are written so the figures of a year read a few dozen rows, not every answer. The loop's counts that
 * change with time alone (a follow-up still open turns late when its due time passes; a customer comes back by
 * buying) are read with the figures: the open follow-ups are `followUps − inTime − doneLate`, and the answers
 * followed up in time are listed with their customer.
 */
export interface SurveyTallyRow extends ScoreCounts {
  /** surveyTallyId(month, tierId). */
  id: string;
  /** yyyy-MM, local time. */
  month: string;
  tierId: string | null;
  /** Answers given a follow-up. */
  followUps: number;
  /** Done after their due time. */
  doneLate: number;
  /** The answers followed up in time: [customerId, answeredAt], oldest first. */
  inTime: [string, string][];
}

export const surveyTallyId = (month: string, tierId: string | null): string => `${month}|${tierId ?? ''}`;

/** The local month (yyyy-MM) of an ISO time, as surveyPeriod's months are cut. */
export const surveyMonthOf = (iso: string): string => format(new Date(iso), 'yyyy-MM');

/** The tally rows of these answers (any months, any order), sorted by id. */
export function surveyTallyRows(answers: Iterable<ScoredAnswer>): SurveyTallyRow[] {
  const rows = new Map<string, SurveyTallyRow>();
  for (const a of answers) {
    const month = surveyMonthOf(a.answeredAt);
    const id = surveyTallyId(month, a.tierId);
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { id, month, tierId: a.tierId, ...noScores(), followUps: 0, doneLate: 0, inTime: [] }));
    addScores(row, a);
    if (a.followUpDueAt === null) continue;
    row.followUps += 1;
    if (followedUpInTime(a)) row.inTime.push([a.customerId, a.answeredAt]);
    else if (a.followUpDoneAt !== null) row.doneLate += 1;
  }
  for (const row of rows.values()) row.inTime.sort((x, y) => (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return [...rows.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** Whether two tally rows count the same (a row rewritten only when it changed). */
export function sameSurveyTally(a: SurveyTallyRow, b: SurveyTallyRow): boolean {
  const counts = ['csatAnswers', 'satisfied', 'npsAnswers', 'promoters', 'passives', 'detractors', 'followUps', 'doneLate'] as const;
  return (
    a.id === b.id &&
    a.month === b.month &&
    a.tierId === b.tierId &&
    counts.every((k) => a[k] === b[k]) &&
    a.inTime.length === b.inTime.length &&
    a.inTime.every(([customerId, at], i) => b.inTime[i]![0] === customerId && b.inTime[i]![1] === at)
  );
}

/** The customers whose last purchase the loop figures need: those followed up in time, in these tally rows. */
export function customersToCheck(rows: Iterable<Pick<SurveyTallyRow, 'inTime'>>): string[] {
  const ids = new Set<string>();
  for (const row of rows) for (const [customerId] of row.inTime) ids.add(customerId);
  return [...ids];
}

/**
 * The figures of `period` from its months' tally rows (rows of other months are left out). `pending` is the number
 * of the period's answers whose follow-up is open and not yet due at the time of the figures: neither in time nor
 * late yet, and out of the share. `lastPurchaseAt` holds the last purchase of each customer customersToCheck named
 * (absent or null: none); a purchase after the answer is a customer who came back. ISO times compare as strings
 * (every time is stored by toISOString).
 */
export function surveyFiguresOfTally(rows: Iterable<SurveyTallyRow>, period: SurveyPeriod, pending: number, lastPurchaseAt: ReadonlyMap<string, string | null>): SurveyFigures {
  const monthIndex = new Map(period.months.map((m, i) => [m.month, i]));
  const all = noScores();
  const byMonth = period.months.map(noScores);
  const byTier = new Map<string | null, ScoreCounts>();
  const loop = { needed: 0, pending, inTime: 0, late: 0, cameBack: 0 };
  for (const row of rows) {
    const i = monthIndex.get(row.month);
    if (i === undefined) continue;
    addCounts(all, row);
    addCounts(byMonth[i]!, row);
    let tier = byTier.get(row.tierId);
    if (!tier) byTier.set(row.tierId, (tier = noScores()));
    addCounts(tier, row);
    loop.needed += row.followUps;
    loop.inTime += row.inTime.length;
    // Open follow-ups that are not pending are past due: late, as those done late.
    loop.late += row.followUps - row.inTime.length;
    for (const [customerId, answeredAt] of row.inTime) {
      const bought = lastPurchaseAt.get(customerId);
      if (bought != null && bought > answeredAt) loop.cameBack += 1;
    }
  }
  loop.late -= pending;
  const decided = loop.inTime + loop.late;
  return {
    period,
    total: figuresOf(all),
    months: period.months.map((m, i) => ({ month: m.month, ...figuresOf(byMonth[i]!) })),
    tiers: [...byTier].map(([tierId, t]) => ({ tierId, ...figuresOf(t) })).sort((a, b) => Math.max(b.csat.answers, b.nps.answers) - Math.max(a.csat.answers, a.nps.answers)),
    loop: {
      ...loop,
      inTimeShare: decided ? (loop.inTime / decided) * 100 : null,
      cameBackShare: loop.inTime ? (loop.cameBack / loop.inTime) * 100 : null,
      fewAnswers: decided < FEW_ANSWERS,
    },
  };
}

/** Whether an answer's follow-up is open and not yet due at `nowIso`: pending in the figures. */
export const followUpPending = (a: Pick<ScoredAnswer, 'followUpDueAt' | 'followUpDoneAt'>, nowIso: string): boolean => a.followUpDueAt !== null && a.followUpDoneAt === null && a.followUpDueAt >= nowIso;

/** The figures of the answers given in `period` (others are left out), through their tally rows. */
export function surveyFigures(answers: Iterable<ScoredAnswer>, period: SurveyPeriod, now: Date, lastPurchaseAt: ReadonlyMap<string, string | null>): SurveyFigures {
  const nowIso = now.toISOString();
  const inPeriod = [...answers].filter((a) => a.answeredAt >= period.from && a.answeredAt < period.to);
  return surveyFiguresOfTally(surveyTallyRows(inPeriod), period, inPeriod.filter((a) => followUpPending(a, nowIso)).length, lastPurchaseAt);
}
