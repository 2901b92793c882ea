// A campaign's segment: the owner's conditions over what the store knows of each customer, all of which must hold.
import { addDays, differenceInCalendarDays, startOfDay } from 'date-fns';
import type { ChurnLevel } from '../churn';
import type { ConsentChannel, ConsentStateRow } from '../consent';
import type { CustomerPointsState, CustomerRecord, CustomerSource, CustomerState } from '../customer';
import type { LifecycleStage } from '../lifecycle';
import { rfmSegment, type RfmSegment } from '../rfm';

/** What a segment reads of one active customer (the trash is never in a segment). */
export interface SegmentFacts {
  id: string;
  tierId: string;
  stage: LifecycleStage;
  churnLevel: ChurnLevel;
  /** null: not scored (no purchases). */
  rfmSegment: RfmSegment | null;
  tags: readonly string[];
  /** ISO; null without a visit. */
  lastVisitAt: string | null;
  totalSpentFen: number;
  /** 1–12 of the birthday as given (a lunar birthday's lunar month); null without one. */
  birthdayMonth: number | null;
  birthdayCalendar: 'solar' | 'lunar' | null;
  pointsBalance: number;
  source: CustomerSource | null;
  /** The channels the customer has granted marketing consent on, now. */
  consented: readonly ConsentChannel[];
}

/** The RFM segment of a stored score ("545"); null when not scored or not a score. */
export function rfmSegmentOfScore(score: string | null | undefined): RfmSegment | null {
  if (!score || !/^[1-5]{3}$/.test(score)) return null;
  return rfmSegment(Number(score[0]), Number(score[1]), Number(score[2]));
}

/** A customer's facts from their record, state, points and consent rows (absent points or consent: none). */
export function segmentFactsOf(
  record: Pick<CustomerRecord, 'id' | 'tags' | 'birthday' | 'source'>,
  state: Pick<CustomerState, 'tierId' | 'lifecycleStage' | 'churnLevel' | 'rfmScore' | 'lastPurchaseAt' | 'totalSpentFen'>,
  points: Pick<CustomerPointsState, 'pointsBalance'> | undefined,
  consent: Pick<ConsentStateRow, 'granted'> | undefined,
): SegmentFacts {
  return {
    id: record.id,
    tierId: state.tierId,
    stage: state.lifecycleStage,
    churnLevel: state.churnLevel,
    rfmSegment: rfmSegmentOfScore(state.rfmScore),
    tags: record.tags,
    lastVisitAt: state.lastPurchaseAt,
    totalSpentFen: state.totalSpentFen,
    birthdayMonth: record.birthday ? record.birthday.month : null,
    birthdayCalendar: record.birthday ? record.birthday.calendar : null,
    pointsBalance: points?.pointsBalance ?? 0,
    source: record.source,
    consented: consent?.granted ?? [],
  };
}

/** One condition of a segment. A list condition holds when the customer's value is any of those listed. */
export type SegmentCondition =
  | { kind: 'tier'; tierIds: string[] }
  | { kind: 'stage'; stages: LifecycleStage[] }
  | { kind: 'churn'; levels: ChurnLevel[] }
  | { kind: 'rfm'; segments: RfmSegment[] }
  | { kind: 'tags'; tags: string[]; match: 'any' | 'all' }
  /**
   * Days since the last visit: at least `minDays` and at most `maxDays` (either may be null, not both unless
   * `includeNever`); `includeNever` also takes customers who never bought (alone, with no range: only them).
   */
  | { kind: 'last-visit'; minDays: number | null; maxDays: number | null; includeNever: boolean }
  | { kind: 'total-spent'; minFen: number | null; maxFen: number | null }
  | { kind: 'birthday-month'; months: number[] }
  | { kind: 'points'; min: number | null; max: number | null }
  | { kind: 'source'; sources: CustomerSource[] }
  | { kind: 'consent'; channel: ConsentChannel };

export type SegmentConditionKind = SegmentCondition['kind'];

export const SEGMENT_CONDITION_KINDS = ['tier', 'stage', 'churn', 'rfm', 'tags', 'last-visit', 'total-spent', 'birthday-month', 'points', 'source', 'consent'] as const satisfies readonly SegmentConditionKind[];

export interface SegmentDefinition {
  conditions: SegmentCondition[];
}

const within = (value: number, min: number | null, max: number | null) => (min === null || value >= min) && (max === null || value <= max);

/** Whether one condition holds for a customer on `today` (the clock passed in). */
export function conditionHolds(condition: SegmentCondition, facts: SegmentFacts, today: Date): boolean {
  switch (condition.kind) {
    case 'tier':
      return condition.tierIds.includes(facts.tierId);
    case 'stage':
      return condition.stages.includes(facts.stage);
    case 'churn':
      return condition.levels.includes(facts.churnLevel);
    case 'rfm':
      return facts.rfmSegment !== null && condition.segments.includes(facts.rfmSegment);
    case 'tags':
      return condition.match === 'all' ? condition.tags.every((t) => facts.tags.includes(t)) : condition.tags.some((t) => facts.tags.includes(t));
    case 'last-visit':
      if (facts.lastVisitAt === null) return condition.includeNever;
      if (condition.minDays === null && condition.maxDays === null) return false;
      return within(differenceInCalendarDays(today, new Date(facts.lastVisitAt)), condition.minDays, condition.maxDays);
    case 'total-spent':
      return within(facts.totalSpentFen, condition.minFen, condition.maxFen);
    case 'birthday-month':
      return facts.birthdayMonth !== null && condition.months.includes(facts.birthdayMonth);
    case 'points':
      return within(facts.pointsBalance, condition.min, condition.max);
    case 'source':
      return facts.source !== null && condition.sources.includes(facts.source);
    case 'consent':
      return facts.consented.includes(condition.channel);
    default: {
      const unexpected: never = condition;
      throw new Error(`segment condition: unexpected ${JSON.stringify(unexpected)}`);
    }
  }
}

/** Whether every condition holds (a segment without conditions is every active customer). */
export function inSegment(segment: SegmentDefinition, facts: SegmentFacts, today: Date): boolean {
  return segment.conditions.every((c) => conditionHolds(c, facts, today));
}

/**
 * conditionHolds for one condition and day, with what does not depend on the customer worked out once: the builder
 * counts every customer at each change, and date-fns' calendar-day difference per customer alone takes longer than
 * the count may (a quarter of a second for 100,000 here).
 */
export function conditionTest(condition: SegmentCondition, today: Date): (facts: SegmentFacts) => boolean {
  if (condition.kind !== 'last-visit') return (facts) => conditionHolds(condition, facts, today);
  const { minDays, maxDays, includeNever } = condition;
  if ((minDays !== null && !Number.isInteger(minDays)) || (maxDays !== null && !Number.isInteger(maxDays))) return (facts) => conditionHolds(condition, facts, today);
  if (minDays === null && maxDays === null) return (facts) => facts.lastVisitAt === null && includeNever;
  // At least `minDays` calendar days ago: before the start of the day `minDays - 1` days before today; at most
  // `maxDays`: from the start of the day `maxDays` days before (addDays and startOfDay count days of the local clock).
  const before = minDays === null ? Infinity : startOfDay(addDays(today, 1 - minDays)).getTime();
  const from = maxDays === null ? -Infinity : startOfDay(addDays(today, -maxDays)).getTime();
  return (facts) => {
    if (facts.lastVisitAt === null) return includeNever;
    const at = Date.parse(facts.lastVisitAt);
    return at < before && at >= from;
  };
}

/** The customers of a segment, in the order given. */
export function segmentMembers(segment: SegmentDefinition, customers: Iterable<SegmentFacts>, today: Date): SegmentFacts[] {
  const tests = segment.conditions.map((c) => conditionTest(c, today));
  const out: SegmentFacts[] = [];
  outer: for (const c of customers) {
    for (const test of tests) if (!test(c)) continue outer;
    out.push(c);
  }
  return out;
}

/** What the store knows now that a condition may name: the tier ids of the rules in force, the tags customers carry. */
export interface SegmentVocabulary {
  tierIds: readonly string[];
  tags: readonly string[];
}

/**
 * The values a condition names that the store no longer knows, in the condition's order: a tier gone from the rules
 * (or a grouping switched), a tag no customer carries any more (tags live on customers: one edited away on the last
 * of them is gone, which is all a rename or a removal of a tag is). Such a value matches nobody, so a saved segment
 * holding one would count fewer than its owner meant.
 */
export function unknownValues(condition: SegmentCondition, known: SegmentVocabulary): string[] {
  switch (condition.kind) {
    case 'tier':
      return condition.tierIds.filter((id) => !known.tierIds.includes(id));
    case 'tags':
      return condition.tags.filter((tag) => !known.tags.includes(tag));
    case 'stage':
    case 'churn':
    case 'rfm':
    case 'last-visit':
    case 'total-spent':
    case 'birthday-month':
    case 'points':
    case 'source':
    case 'consent':
      return [];
    default: {
      const unexpected: never = condition;
      throw new Error(`segment condition: unexpected ${JSON.stringify(unexpected)}`);
    }
  }
}

/** Why a condition cannot be used as it stands; null when it can. */
export type SegmentConditionProblem = 'empty-choice' | 'range-reversed' | 'range-negative' | 'range-empty' | 'unknown-tier' | 'unknown-tag';

/** What is wrong with a condition; given what the store knows now, also a tier or tag it names that is gone (unknownValues). */
export function conditionProblem(condition: SegmentCondition, known?: SegmentVocabulary): SegmentConditionProblem | null {
  const shape = shapeProblem(condition);
  if (shape !== null || known === undefined || unknownValues(condition, known).length === 0) return shape;
  return condition.kind === 'tier' ? 'unknown-tier' : 'unknown-tag';
}

function shapeProblem(condition: SegmentCondition): SegmentConditionProblem | null {
  const range = (min: number | null, max: number | null, allowNegative: boolean): SegmentConditionProblem | null => {
    if (min === null && max === null) return 'range-empty';
    if (!allowNegative && ((min !== null && min < 0) || (max !== null && max < 0))) return 'range-negative';
    if (min !== null && max !== null && min > max) return 'range-reversed';
    return null;
  };
  switch (condition.kind) {
    case 'tier':
      return condition.tierIds.length ? null : 'empty-choice';
    case 'stage':
      return condition.stages.length ? null : 'empty-choice';
    case 'churn':
      return condition.levels.length ? null : 'empty-choice';
    case 'rfm':
      return condition.segments.length ? null : 'empty-choice';
    case 'tags':
      return condition.tags.length ? null : 'empty-choice';
    case 'birthday-month':
      return condition.months.length ? null : 'empty-choice';
    case 'source':
      return condition.sources.length ? null : 'empty-choice';
    case 'consent':
      return null;
    case 'last-visit':
      return condition.minDays === null && condition.maxDays === null && condition.includeNever ? null : range(condition.minDays, condition.maxDays, false);
    case 'total-spent':
      return range(condition.minFen, condition.maxFen, false);
    case 'points':
      return range(condition.min, condition.max, true);
    default: {
      const unexpected: never = condition;
      throw new Error(`segment condition: unexpected ${JSON.stringify(unexpected)}`);
    }
  }
}
