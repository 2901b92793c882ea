// The whole list's first page, read at start-up beside the app's first render (main.tsx), so the list's
// first rows do not wait for that render to ask for them; the list shows it until its own live read answers.
import type { Customer } from '../../shared/domain/customer';
import { customerReads } from './appRepositories';
import type { CustomerSortField, ListFilter, SortDirection } from './customerList';

interface Primed {
  sort: CustomerSortField;
  direction: SortDirection;
  limit: number;
  rows: Customer[];
}

let primed: Primed | null = null;

/** Reads rows 0..limit of the whole list in this order and keeps them for the list's first render. */
export async function primeFirstPage(sort: CustomerSortField, direction: SortDirection, limit: number): Promise<void> {
  try {
    primed = { sort, direction, limit, rows: await customerReads.listPage(sort, direction, 0, limit) };
  } catch {
    // The list's own read meets the same failure and shows it.
    primed = null;
  }
}

/** The primed rows when they answer exactly this page of the whole list; undefined otherwise. */
export function primedPage(
  page: { sort: CustomerSortField; direction: SortDirection; offset: number; limit: number; filter: ListFilter | null } | null,
): Customer[] | undefined {
  if (!primed || !page || page.offset !== 0 || page.filter !== null) return undefined;
  return page.sort === primed.sort && page.direction === primed.direction && page.limit === primed.limit ? primed.rows : undefined;
}

/** Once the list's own read has answered, the primed rows are never shown again (they age). */
export function dropPrimedPage(): void {
  primed = null;
}
