// The timeline page as a live query: it re-reads when a purchase or contact of the customer changes.
import { useLiveQuery } from 'dexie-react-hooks';
import { interactions, purchases } from '../../db';
import { readTimelinePage, type TimelineFilter, type TimelinePage } from './timelinePage';

export { TIMELINE_FILTERS, TIMELINE_PAGE, type ReturnState, type TimelineFilter, type TimelinePage } from './timelinePage';

export function useTimelinePage(customerId: string, filter: TimelineFilter, limit: number): TimelinePage | undefined {
  return useLiveQuery(() => readTimelinePage({ purchases, interactions }, customerId, filter, limit), [customerId, filter, limit]);
}
