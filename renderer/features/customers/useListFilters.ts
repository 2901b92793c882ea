// The customer list's filters as the list and the export of "the current list" both read them.
import { useDeferredValue, useMemo } from 'react';
import { addDays, parseISO } from 'date-fns';
import type { ChurnLevel } from '../../../shared/domain/churn';
import type { LifecycleStage } from '../../../shared/domain/lifecycle';
import { normalizeSearchQuery } from '../../../shared/domain/searchQuery';
import { statusGroups } from '../../../shared/domain/statusGroups';
import type { SurveyBand } from '../../../shared/domain/surveyRecords';
import type { PointsQuery } from '../../db/customerList';
import { useClock } from '../../platform/clock';
import { useUiStore } from '../../stores/ui';
import type { ListPointsFilter } from '../../ui/routes';
import { localToday } from '../contacts/contactForm';
import type { StatusWording } from '../status/statusText';

export interface ListFilters {
  /** The search box as typed (for showing it), and its normalized terms (for the query). */
  search: string;
  terms: string[];
  tag: string | null;
  tierId: string | null;
  stage: LifecycleStage | null;
  churnLevel: ChurnLevel | null;
  /** The points filter as the store holds it (for showing it), and as the list reads it; null: any. */
  pointsFilter: ListPointsFilter | null;
  points: PointsQuery | null;
  /** The last survey's band; null: any. */
  surveyBand: SurveyBand | null;
  /** Whether anything narrows the list. */
  filtered: boolean;
  /**
   * `terms` and `filtered` for the text in the box this moment. With `deferSearch` the query may still
   * ask for older text; only an answer to this may be acted on.
   */
  typed: { terms: string[]; filtered: boolean };
}

/** The days ahead the list's "points expiring" filter looks at (as the customer page's "expiring soon"). */
export const POINTS_EXPIRING_DAYS = 30;

/** `deferSearch`: let typing stay responsive while the list catches up (the list screen does; an export does not need to). */
export function useListFilters(rules: StatusWording['status'], deferSearch: boolean): ListFilters {
  const search = useUiStore((s) => s.search);
  const tag = useUiStore((s) => s.tag);
  const tierFilter = useUiStore((s) => s.tierFilter);
  const stage = useUiStore((s) => s.stageFilter);
  const churnLevel = useUiStore((s) => s.riskFilter);
  const pointsFilter = useUiStore((s) => s.pointsFilter);
  const surveyBand = useUiStore((s) => s.surveyFilter);
  const clock = useClock();
  // Points whose last valid day is within the next 30 days: their (exclusive) expiry is at most the start of
  // day 31. Counted in days, so the query changes once a day, not on every render.
  const today = localToday(clock());
  const expiringBy = useMemo(() => addDays(parseISO(today), POINTS_EXPIRING_DAYS + 1).toISOString(), [today]);
  const points = useMemo(
    () => (pointsFilter === null ? null : { min: pointsFilter.min, max: pointsFilter.max, expiringBy: pointsFilter.expiring ? expiringBy : null }),
    [pointsFilter, expiringBy],
  );
  const deferred = useDeferredValue(search);
  const typed = deferSearch ? deferred : search;
  const terms = useMemo(() => normalizeSearchQuery(typed), [typed]);
  const typedTerms = useMemo(() => (typed === search ? terms : normalizeSearchQuery(search)), [typed, search, terms]);
  // A tier picked before the rules changed (removed, or the grouping switched) filters nothing.
  const tierId = useMemo(() => (tierFilter !== null && statusGroups(rules).some((g) => g.id === tierFilter) ? tierFilter : null), [tierFilter, rules]);
  const narrowed = tag !== null || tierId !== null || stage !== null || churnLevel !== null || points !== null || surveyBand !== null;
  const filtered = terms.length > 0 || narrowed;
  const typedFiltered = typedTerms.length > 0 || narrowed;
  const now = useMemo(() => ({ terms: typedTerms, filtered: typedFiltered }), [typedTerms, typedFiltered]);
  return { search, terms, tag, tierId, stage, churnLevel, pointsFilter, points, surveyBand, filtered, typed: now };
}
