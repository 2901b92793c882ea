// Ties each answer of the customer list to the query it answers, so nothing opens or focuses a row that
// answered older text (Enter right after typing, arrow down then Enter, an answer that came late).
import { pointsFilterKey, type CustomerListQuery, type CustomerListResult } from '../../db/customerList';

/** Equal for two queries exactly when they ask the same thing (terms, filters and order). */
export function listQueryKey(query: CustomerListQuery): string {
  return JSON.stringify([query.sort, query.direction, query.terms, query.tag, query.tierId ?? null, query.stage ?? null, query.churnLevel ?? null, pointsFilterKey(query.points), query.surveyBand ?? null]);
}

/** A list answer with the query it answers. */
export interface ListAnswer extends CustomerListResult {
  query: CustomerListQuery;
}

/** The answer if it answers `query`; undefined while the answer to `query` has not come (whatever else has). */
export function answerTo(query: CustomerListQuery, answer: ListAnswer | undefined): ListAnswer | undefined {
  return answer !== undefined && listQueryKey(answer.query) === listQueryKey(query) ? answer : undefined;
}

/** What the keyboard asked of the list from the search box: open the best match, or move into the rows. */
export type ListAction = 'open' | 'focusFirst';

export type ListStep = { kind: 'wait' } | { kind: 'done' } | { kind: 'open'; id: string } | { kind: 'focusFirst' };

/**
 * What to do for a pending action, given the answer to what is in the box now (undefined: not here yet).
 * Nothing to open (no match) ends the action: the list says so.
 */
export function nextListStep(action: ListAction, current: CustomerListResult | undefined): ListStep {
  if (current === undefined) return { kind: 'wait' };
  const first = current.ids[0];
  if (first === undefined) return { kind: 'done' };
  return action === 'open' ? { kind: 'open', id: first } : { kind: 'focusFirst' };
}
