// Live-query hooks: how screens read the database. They re-render when the data changes.
import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ConsentEvent, ConsentStateRow } from '../../shared/domain/consent';
import type { Customer } from '../../shared/domain/customer';
import type { TierHistoryEntry } from '../../shared/domain/customerStatus';
import type { Interaction } from '../../shared/domain/interaction';
import type { CatalogEntry, Purchase } from '../../shared/domain/purchase';
import type { Bookkeeping } from '../../shared/domain/bookkeeping';
import type { OwnerPinRecord } from '../../shared/domain/ownerPin';
import type { SettingsRead, StoreSettings } from '../../shared/domain/settings';
import { mergeTimeline, TIMELINE_KINDS, type TimelineEntry, type TimelineKind } from '../../shared/domain/timeline';
import { pointsFilterKey, type AtRiskList, type AtRiskQuery, type CustomerListQuery, type CustomerListResult, type CustomerSortField, type DuplicateMatches, type ListFilter, type SortDirection } from './customerList';
import type { DueFollowUp } from './interactions';
// The everyday repositories only (appRepositories.ts): the customer list's first screen loads this module.
import { auditTrail, bookkeeping, catalog, consents, customerReads as customers, interactions, pins, pointsTimeline, purchases, settings, surveys, complaintReads } from './appRepositories';
import type { AuditFilter, AuditPage } from './audit';
import { readTimelinePage, type TimelineFilter, type TimelinePage } from './timelinePage';
import { dropPrimedPage, primedPage } from './firstPage';
import { database } from './database';

/** The audit log's newest entries that match, up to `limit`, kept current as entries are written; undefined while loading. */
export function useAuditEntries(filter: AuditFilter, limit: number): (AuditPage & { filter: AuditFilter }) | undefined {
  return useLiveQuery(async () => ({ ...(await auditTrail.query(filter, limit)), filter }), [filter.kinds?.join('\u0000'), filter.customerId, filter.from, filter.to, limit]);
}

/** undefined while loading, null when there is no such customer. */
export function useCustomer(id: string | null): Customer | null | undefined {
  return useLiveQuery(async () => (id ? ((await customers.get(id)) ?? null) : null), [id]);
}

/** Rows the list reads at a time: a page of the whole list, or the first rows of a large filter. */
export const LIST_PAGE_ROWS = 100;

/**
 * A filtered list (search, tag, tier, stage or risk): its ordered ids, or for a large filter its first
 * rows (`paged`: page the rest with useCustomerPage, count with useMatchingCount), with the query they
 * answer. While a new query is read the previous answer stays, so check which query an answer is for
 * before acting on it. Pass null when browsing the whole list.
 */
export function useCustomerList(query: CustomerListQuery | null): (CustomerListResult & { query: CustomerListQuery }) | undefined {
  return useLiveQuery(
    async () => (query ? { ...(await customers.openList(query, LIST_PAGE_ROWS)), query } : undefined),
    [query?.sort, query?.direction, query?.tag, query?.terms.join('\u0000'), query?.tierId, query?.stage, query?.churnLevel, pointsFilterKey(query?.points), query?.surveyBand],
  );
}

/** The churn-risk list's ordered ids and total value at risk; undefined while loading. */
/** `now`: who is snoozed off the list (read again when a mark changes, or `now` moves to another minute). */
export function useAtRiskList(query: AtRiskQuery, now: Date): AtRiskList | undefined {
  const minute = Math.floor(now.getTime() / 60_000);
  return useLiveQuery(() => customers.listAtRisk(query, now), [query.levels.join(','), query.tierId, minute]);
}

/** A customer's tier changes, newest first (read through [customerId+at]); undefined while loading. */
export function useTierHistory(customerId: string | null): TierHistoryEntry[] | undefined {
  return useLiveQuery(async () => (customerId ? customers.tierHistory(customerId) : []), [customerId]);
}

/** A customer's current consent (null when they never answered) and every answer, newest first; undefined while loading. */
export function useConsent(customerId: string): { current: ConsentStateRow | null; history: ConsentEvent[] } | undefined {
  return useLiveQuery(async () => {
    const [current, history] = await Promise.all([consents.current(customerId), consents.history(customerId)]);
    return { current: current ?? null, history };
  }, [customerId]);
}

/** Rows offset..offset+limit of the whole list, or of a large filter's matches, in its order (null: not paging). */
export function useCustomerPage(
  page: { sort: CustomerSortField; direction: SortDirection; offset: number; limit: number; filter: ListFilter | null } | null,
): Customer[] | undefined {
  const filter = page?.filter ?? null;
  // At start-up the first page may be read already (firstPage.ts): shown until this read answers.
  const primed = primedPage(page);
  const rows = useLiveQuery(
    async () => (page ? customers.listPage(page.sort, page.direction, page.offset, page.limit, page.filter) : undefined),
    [page?.sort, page?.direction, page?.offset, page?.limit, filter?.tag, filter?.tierId, filter?.stage, filter?.churnLevel, pointsFilterKey(filter?.points), filter?.surveyBand],
    primed,
  );
  useEffect(() => {
    if (rows !== undefined && rows !== primed) dropPrimedPage();
  }, [rows, primed]);
  return rows;
}

/** How many active customers a large filter holds (null: none asked); undefined while counting. */
export function useMatchingCount(filter: ListFilter | null): number | undefined {
  return useLiveQuery(
    async () => (filter ? customers.countMatching(filter) : undefined),
    [filter === null, filter?.tag, filter?.tierId, filter?.stage, filter?.churnLevel, pointsFilterKey(filter?.points), filter?.surveyBand],
  );
}

/** Reads the sort's kept order ahead once `ready` (the list's first rows are shown), so a jump down the list finds it ready. */
export function useWarmListOrder(sort: CustomerSortField, ready: boolean): void {
  useEffect(() => {
    if (ready) void customers.warmOrder(sort);
  }, [sort, ready]);
}

/** The records behind the visible rows of a virtualized list, by id. */
export function useCustomersByIds(ids: string[]): Map<string, Customer> | undefined {
  return useLiveQuery(async () => {
    const rows = await customers.getMany(ids);
    return new Map(rows.filter((c): c is Customer => !!c).map((c) => [c.id, c]));
  }, [ids.join(',')]);
}

/** The active customers' count; undefined while loading, and until `ask` (a count reads every customer record). */
export function useActiveCount(ask = true): number | undefined {
  return useLiveQuery(async () => (ask ? customers.countActive() : undefined), [ask]);
}

export function useAllTags(): string[] {
  return useLiveQuery(() => customers.allTags(), []) ?? [];
}

export function useTrash(): Customer[] | undefined {
  return useLiveQuery(() => customers.listTrash(), []);
}

/** The owner's configuration (phone region, currency, status rules). */
export function useSettings(): StoreSettings | undefined {
  return useLiveQuery(() => settings.read(), []);
}

/** The configuration with the keys whose stored value could not be read (their default stands in). */
export function useSettingsChecked(): SettingsRead | undefined {
  return useLiveQuery(() => settings.readChecked(), []);
}

/** What the app keeps for itself: how the store was started, the last recomputation and tier review. */
export function useBookkeeping(): Bookkeeping | undefined {
  return useLiveQuery(() => bookkeeping.read(), []);
}

/** The owner PIN's record: null when none is set, undefined while loading. */
export function useOwnerPin(): OwnerPinRecord | null | undefined {
  return useLiveQuery(() => pins.read('owner'), []);
}

export function useDuplicates(candidate: { phoneKeys: string[]; emailKey: string; excludeId: string | null }): DuplicateMatches | undefined {
  return useLiveQuery(
    () => customers.findDuplicates(candidate),
    [candidate.phoneKeys.join(','), candidate.emailKey, candidate.excludeId],
  );
}

/** The first matches for these terms, with the terms they answer (the previous answer stays while the next is read). */
export function useCustomerSearch(terms: string[], limit = 8): { terms: string[]; rows: Customer[] } | undefined {
  return useLiveQuery(async () => ({ terms, rows: await customers.search(terms, limit) }), [terms.join('\u0000'), limit]);
}

/** A customer's purchases and returns (voided ones too), newest first; undefined while loading. */
export function usePurchases(customerId: string | null, limit?: number): Purchase[] | undefined {
  return useLiveQuery(async () => (customerId ? purchases.listForCustomer(customerId, limit) : []), [customerId, limit]);
}

/** A customer's contacts, newest first. */
export function useInteractions(customerId: string | null, limit?: number): Interaction[] | undefined {
  return useLiveQuery(async () => (customerId ? interactions.listForCustomer(customerId, limit) : []), [customerId, limit]);
}

/** Purchases and contacts in one list, newest first, of the kinds asked for. */
export function useCustomerTimeline(customerId: string | null, kinds: readonly TimelineKind[] = TIMELINE_KINDS): TimelineEntry[] | undefined {
  return useLiveQuery(async () => {
    if (!customerId) return [];
    const [p, i] = await Promise.all([
      kinds.includes('purchase') ? purchases.listForCustomer(customerId) : Promise.resolve([]),
      kinds.includes('interaction') ? interactions.listForCustomer(customerId) : Promise.resolve([]),
    ]);
    return mergeTimeline(p, i, kinds);
  }, [customerId, kinds.join(',')]);
}

/** Products starting with what the clerk typed, most used first. */
export function useProductSuggestions(prefix: string, limit = 8): CatalogEntry[] {
  return useLiveQuery(() => catalog.suggestProducts(prefix, limit), [prefix, limit]) ?? [];
}

export function useCategorySuggestions(prefix: string, limit = 8): string[] {
  return useLiveQuery(() => catalog.suggestCategories(prefix, limit), [prefix, limit]) ?? [];
}

/** Open follow-ups due on or before `today` (yyyy-MM-dd, the local day), with their customers. */
export function useDueFollowUps(today: string): DueFollowUp[] | undefined {
  return useLiveQuery(() => interactions.dueFollowUps(today), [today]);
}

/** One page of a customer's timeline; re-read when a purchase or contact of the customer changes. */
export function useTimelinePage(customerId: string, filter: TimelineFilter, limit: number): TimelinePage | undefined {
  return useLiveQuery(() => readTimelinePage({ purchases, interactions, points: pointsTimeline, surveys, complaints: complaintReads }, customerId, filter, limit), [customerId, filter, limit]);
}

/** How many returns of a purchase are not voided (while any are, the purchase cannot be voided). */
export function useActiveReturnCount(purchaseId: string): number | undefined {
  return useLiveQuery(async () => (await purchases.returnsOf(purchaseId)).filter((r) => r.isVoided === 0).length, [purchaseId]);
}

/**
 * A marker of the report tables: the sales days' keys (a few hundred a year) and the status counts (a few dozen rows),
 * read again by every purchase write that changes a day's figures and every state row write that moves a count (the
 * daily rollover's re-levelling, a customer to the trash), so a report screen asks its worker again. Undefined until
 * first read.
 */
export function useReportTablesMarker(): unknown {
  return useLiveQuery(async () => [await database().salesDays.toCollection().primaryKeys(), await database().statusCounts.toArray()]);
}
