// The navigation's count of complaints not closed: one index count, in a module of its own so the first screen
// does not load the complaints repository (and the points module behind it) to show it.
import { useLiveQuery } from 'dexie-react-hooks';
import { database } from './database';

/** How many complaints are not closed; undefined until asked (`ask` false) or while counting. */
export function useOpenComplaintCount(ask = true): number | undefined {
  return useLiveQuery(async () => (ask ? database().complaints.orderBy('openDue').count() : undefined), [ask]);
}
