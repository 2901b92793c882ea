// Live-query hooks: how screens read the database. They re-render when the data changes.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Customer } from '../../shared/domain/customer';
import type { StoreSettings } from '../../shared/domain/settings';
import type { CustomerListQuery, DuplicateMatches } from './customers';
import { customers, settings } from './index';

/** undefined while loading, null when there is no such customer. */
export function useCustomer(id: string | null): Customer | null | undefined {
  return useLiveQuery(async () => (id ? ((await customers.get(id)) ?? null) : null), [id]);
}

export function useCustomerIds(query: CustomerListQuery): string[] | undefined {
  return useLiveQuery(() => customers.listIds(query), [query.sort, query.direction, query.tag, query.terms.join('\u0000')]);
}

/** The records behind the visible rows of a virtualized list, by id. */
export function useCustomersByIds(ids: string[]): Map<string, Customer> | undefined {
  return useLiveQuery(async () => {
    const rows = await customers.getMany(ids);
    return new Map(rows.filter((c): c is Customer => !!c).map((c) => [c.id, c]));
  }, [ids.join(',')]);
}

export function useActiveCount(): number | undefined {
  return useLiveQuery(() => customers.countActive(), []);
}

export function useAllTags(): string[] {
  return useLiveQuery(() => customers.allTags(), []) ?? [];
}

export function useTrash(): Customer[] | undefined {
  return useLiveQuery(() => customers.listTrash(), []);
}

export function useSettings(): StoreSettings | undefined {
  return useLiveQuery(() => settings.read(), []);
}

export function useDuplicates(candidate: { phoneKeys: string[]; emailKey: string; excludeId: string | null }): DuplicateMatches | undefined {
  return useLiveQuery(
    () => customers.findDuplicates(candidate),
    [candidate.phoneKeys.join(','), candidate.emailKey, candidate.excludeId],
  );
}

export function useCustomerSearch(terms: string[], limit = 8): Customer[] {
  return useLiveQuery(() => customers.search(terms, limit), [terms.join('\u0000'), limit]) ?? [];
}
