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

/** Tallies answers into a CSAT and an NPS figure; a skipped question (null) counts in neither its numerator nor its denominator. */
class Tally {
  csatAnswers = 0;
  satisfied = 0;
  npsAnswers = 0;
  promoters = 0;
  passives = 0;
  detractors = 0;

  add(a: Pick<ScoredAnswer, 'csat' | 'nps'>): void {
    if (a.csat !== null) {
      this.csatAnswers += 1;
      if (isSatisfied(a.csat)) this.satisfied += 1;
    }
    if (a.nps !== null) {
      this.npsAnswers += 1;
      const band = npsBand(a.nps);
      if (band === 'promoter') this.promoters += 1;
      else if (band === 'passive') this.passives += 1;
      else this.detractors += 1;
    }
  }

  figures(): ScoreFigures {
    const n = this.npsAnswers;
    return {
      csat: { answers: this.csatAnswers, satisfied: this.satisfied, score: this.csatAnswers ? (this.satisfied / this.csatAnswers) * 100 : null, fewAnswers: this.csatAnswers < FEW_ANSWERS },
      nps: {
        answers: n,
        promoters: this.promoters,
        passives: this.passives,
        detractors: this.detractors,
        score: n ? ((this.promoters - this.detractors) / n) * 100 : null,
        fewAnswers: n < FEW_ANSWERS,
      },
    };
  }
}

/** CSAT and NPS of a set of answers. */
export function scoreFigures(answers: Iterable<Pick<ScoredAnswer, 'csat' | 'nps'>>): ScoreFigures {
  const tally = new Tally();
  for (const a of answers) tally.add(a);
  return tally.figures();
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

const inPeriod = (a: Pick<ScoredAnswer, 'answeredAt'>, period: Pick<SurveyPeriod, 'from' | 'to'>) => a.answeredAt >= period.from && a.answeredAt < period.to;

const followedUpInTime = (a: ScoredAnswer) => a.followUpDueAt !== null && a.followUpDoneAt !== null && a.followUpDoneAt <= a.followUpDueAt;

/** The customers whose last purchase the loop figures need: those whose follow-up was done in time, in the period. */
export function customersToCheck(answers: Iterable<ScoredAnswer>, period: Pick<SurveyPeriod, 'from' | 'to'>): string[] {
  const ids = new Set<string>();
  for (const a of answers) if (inPeriod(a, period) && followedUpInTime(a)) ids.add(a.customerId);
  return [...ids];
}

/**
 * The figures of the answers given in `period` (others are left out). ISO times compare as strings (every time is
 * stored by toISOString). `lastPurchaseAt` holds the last purchase of each customer customersToCheck named (absent
 * or null: none); a purchase after the answer is a customer who came back.
 */
export function surveyFigures(answers: Iterable<ScoredAnswer>, period: SurveyPeriod, now: Date, lastPurchaseAt: ReadonlyMap<string, string | null>): SurveyFigures {
  const nowIso = now.toISOString();
  const all = new Tally();
  const byMonth = period.months.map(() => new Tally());
  const byTier = new Map<string | null, Tally>();
  const loop = { needed: 0, pending: 0, inTime: 0, late: 0, cameBack: 0 };
  for (const a of answers) {
    if (!inPeriod(a, period)) continue;
    all.add(a);
    // The month: the last whose start is at or before the answer (binary search; a year is 12 months, but the call is per answer).
    let lo = 0;
    let hi = period.months.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (period.months[mid]!.from <= a.answeredAt) lo = mid;
      else hi = mid - 1;
    }
    byMonth[lo]!.add(a);
    let tier = byTier.get(a.tierId);
    if (!tier) byTier.set(a.tierId, (tier = new Tally()));
    tier.add(a);
    if (a.followUpDueAt === null) continue;
    loop.needed += 1;
    if (followedUpInTime(a)) {
      loop.inTime += 1;
      const bought = lastPurchaseAt.get(a.customerId);
      if (bought != null && bought > a.answeredAt) loop.cameBack += 1;
    } else if (a.followUpDoneAt !== null || a.followUpDueAt < nowIso) loop.late += 1;
    else loop.pending += 1;
  }
  const decided = loop.inTime + loop.late;
  return {
    period,
    total: all.figures(),
    months: period.months.map((m, i) => ({ month: m.month, ...byMonth[i]!.figures() })),
    tiers: [...byTier].map(([tierId, t]) => ({ tierId, ...t.figures() })).sort((a, b) => Math.max(b.csat.answers, b.nps.answers) - Math.max(a.csat.answers, a.nps.answers)),
    loop: {
      ...loop,
      inTimeShare: decided ? (loop.inTime / decided) * 100 : null,
      cameBackShare: loop.inTime ? (loop.cameBack / loop.inTime) * 100 : null,
      fewAnswers: decided < FEW_ANSWERS,
    },
  };
}
