// The customer list's reads: pages of the whole list in any order, search, the tag and status filters,
// the churn-risk list, the trash. Reading needs no pinyin or phone metadata (only writing a record
// derives its index fields with those: customers.ts), so the list's first screen loads without them.
import Dexie, { cmp, type Collection, type Table } from 'dexie';
import type { ChurnLevel } from '../../shared/domain/churn';
import type { Customer, CustomerPointsState, CustomerRecord, CustomerState } from '../../shared/domain/customer';
import type { StatusSettings, TierHistoryEntry } from '../../shared/domain/customerStatus';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../../shared/domain/lifecycle';
import { statusGroups } from '../../shared/domain/statusGroups';
import type { SurveyBand } from '../../shared/domain/surveyRecords';
import { assertNever } from '../../shared/result';
import { matchesAllTerms } from '../../shared/domain/searchQuery';
import type { RegularsDatabase } from './database';
import { idsWithTokenPrefix } from './customerSearch';
import { joinRecords, joinStates, readCustomer, readCustomers } from './derivation';
import { createSettingsRepository } from './settings';
import { createListOrderCache, pageOf, type OrderPlacement, type SortEntry } from './listOrder';
import { churnRiskMarkKey } from '../../shared/domain/reminders';

export const CUSTOMER_SORT_FIELDS = ['name', 'phone', 'tier', 'stage', 'risk', 'tags', 'totalSpent', 'purchaseCount', 'lastPurchase', 'points', 'createdAt', 'updatedAt'] as const;
export type CustomerSortField = (typeof CUSTOMER_SORT_FIELDS)[number];
export type SortDirection = 'asc' | 'desc';

/** Churn levels most at risk first: the order of the risk column sorted ascending. */
export const RISK_ORDER = ['high', 'watch', 'none'] as const satisfies readonly ChurnLevel[];

export interface CustomerListQuery {
  sort: CustomerSortField;
  direction: SortDirection;
  /** Search terms already normalized (see normalizeSearchQuery); every term must match. */
  terms: string[];
  tag: string | null;
  /** Only customers in this group (a stored tierId); null or absent: any. */
  tierId?: string | null;
  stage?: LifecycleStage | null;
  churnLevel?: ChurnLevel | null;
  /** Only customers whose points pass this filter; null or absent: any. */
  points?: PointsQuery | null;
  /** Only customers whose last survey answer is in this band (surveyState's `[isDeleted+lastBand]`); null or absent: any. */
  surveyBand?: SurveyBand | null;
}

/**
 * The points filter as the list reads it: a balance range (either end open, both inclusive) and
 * "points expiring by" (ISO: a batch that still holds points expires at or before it, due ones included).
 * The balance is answered by the points rows' `[isDeleted+pointsBalance]`, the expiry by their `pointsNextExpiryAt`.
 */
export interface PointsQuery {
  min: number | null;
  max: number | null;
  expiringBy: string | null;
}

/** Whether a customer's derived points pass the filter. */
export function matchesPoints(c: Pick<CustomerPointsState, 'pointsBalance' | 'pointsNextExpiryAt'>, points: PointsQuery | null | undefined): boolean {
  if (!points) return true;
  if (points.min !== null && !(c.pointsBalance >= points.min)) return false;
  if (points.max !== null && !(c.pointsBalance <= points.max)) return false;
  return points.expiringBy === null || (c.pointsNextExpiryAt !== undefined && c.pointsNextExpiryAt <= points.expiringBy);
}

/** Whether a points filter narrows anything. */
export const hasPointsFilter = (points: PointsQuery | null | undefined): points is PointsQuery =>
  !!points && (points.min !== null || points.max !== null || points.expiringBy !== null);

/** A points filter as one string (live queries' dependencies, answers' keys); '' when it narrows nothing. */
export const pointsFilterKey = (points: PointsQuery | null | undefined): string =>
  hasPointsFilter(points) ? `${points.min ?? ''}|${points.max ?? ''}|${points.expiringBy ?? ''}` : '';

/** The churn-risk list: which levels (watch, high or both) and, optionally, one group. */
export interface AtRiskQuery {
  levels: readonly Exclude<ChurnLevel, 'none'>[];
  tierId: string | null;
}

export interface AtRiskList {
  /** Most value at risk first (ties: the later id first, as the index walked in reverse gives them). */
  ids: string[];
  /** The sum of their valueAtRiskFen, in minor units. */
  totalValueFen: number;
  /** At risk but snoozed off the list by the clerk (left out of ids). */
  snoozed: number;
}

export interface DuplicateMatches {
  byPhone: Customer[];
  byEmail: Customer[];
}

export interface RepositoryDeps {
  now: () => Date;
  newId: () => string;
}

/** The filters of a narrowed list without search terms: what a large filter's pages are walked by. */
export type ListFilter = Pick<CustomerListQuery, 'tag' | 'tierId' | 'stage' | 'churnLevel' | 'points' | 'surveyBand'>;

export interface CustomerListResult {
  /** The matches in the list's order; when `paged`, only the first rows (the table pages the rest). */
  ids: string[];
  /** True when a search was too broad to rank every match: only the first SEARCH_HIT_CAP were read. */
  truncated: boolean;
  /** False when the matches are too many to put in the list's order: they come in the index's order. */
  ranked: boolean;
  /**
   * True when the filters (no search terms) hold more customers than are read at once: `ids` are the
   * first rows only, further rows come from listPage with the same filters, the count from countMatching.
   */
  paged?: boolean;
}

/** Search hits up to this many are read and put in the list's order; more are shown in index order. */
const RANK_IN_MEMORY_MAX = 300;

/**
 * Index entries read per search term. A one- or two-digit term matches most of a large store; reading
 * all of it would stall typing for seconds, so a broad term shows its first matches and asks for more.
 */
export const SEARCH_HIT_CAP = 1_000;

/**
 * Up to this many filtered customers are read and sorted in memory; more are put in the sort's kept
 * order (its ids read from the sort index, keys only).
 * Tests lower it (ListTuning) to reach the index paths with a few records.
 */
export const SORT_IN_MEMORY_MAX = 3_000;

/**
 * Pages that start at most this far down the whole list walk the sort index from its top (a first page
 * costs a few ms); pages further down are cut from the kept order (see listOrder.ts), because an
 * offset walk costs every entry skipped: 1.2 s for row 50,000 of 100,000.
 */
const WALK_OFFSET_MAX = 1_000;

/**
 * A large filter's pages that end at most this far down its matches are found by walking the sort's
 * order and checking each customer (a first page of a tag held by a quarter of the store reads about
 * 400 customers); pages further down are cut from the filter's kept order (the sort's kept order less
 * the customers outside the filter), read once.
 */
const FILTER_WALK_ROWS = 300;
/** A walk that has checked this many customers without filling its page goes to the kept order instead. */
const FILTER_WALK_MAX = 10_000;
/** Customers checked by a walk's first step; later steps are sized by the share of matches seen so far. */
const FILTER_WALK_CHUNK = 500;

export interface ListTuning {
  sortInMemoryMax: number;
  walkOffsetMax?: number;
  /** Tests lower these (see FILTER_WALK_ROWS, FILTER_WALK_MAX, FILTER_WALK_CHUNK) to reach every path with a few records. */
  filterWalkRows?: number;
  filterWalkMax?: number;
  filterWalkChunk?: number;
}

/**
 * How a sort field orders the list. 'index': by one value, as its index orders it. 'grouped': by a
 * closed vocabulary in its own order (tiers best first, stages, risk most at risk first), walked as
 * one equality range of the index per value; values the vocabulary no longer knows (a removed tier)
 * come last, in the index's order. `table`: where the index is, the record's (what people typed) or
 * the derived state's (figures, status).
 */
type SortTable = 'customers' | 'customerState' | 'pointsState';
type SortPlan =
  | { kind: 'index'; table: SortTable; index: string; key: keyof Customer }
  | { kind: 'grouped'; table: 'customerState'; index: string; key: 'tierId' | 'lifecycleStage' | 'churnLevel'; order: readonly string[] };

/** `tierOrder`: the group ids best first under the rules in force (only the tier sort uses it). */
function sortPlanOf(field: CustomerSortField, tierOrder: readonly string[]): SortPlan {
  switch (field) {
    case 'name':
      return { kind: 'index', table: 'customers', index: '[isDeleted+nameSort]', key: 'nameSort' };
    case 'phone':
      return { kind: 'index', table: 'customers', index: '[isDeleted+phoneSort]', key: 'phoneSort' };
    case 'tier':
      return { kind: 'grouped', table: 'customerState', index: '[isDeleted+tierId]', key: 'tierId', order: tierOrder };
    case 'stage':
      return { kind: 'grouped', table: 'customerState', index: '[isDeleted+lifecycleStage]', key: 'lifecycleStage', order: LIFECYCLE_STAGES };
    case 'risk':
      return { kind: 'grouped', table: 'customerState', index: '[isDeleted+churnLevel]', key: 'churnLevel', order: RISK_ORDER };
    case 'tags':
      return { kind: 'index', table: 'customers', index: '[isDeleted+tagsSort]', key: 'tagsSort' };
    case 'totalSpent':
      return { kind: 'index', table: 'customerState', index: '[isDeleted+totalSpentFen]', key: 'totalSpentFen' };
    case 'purchaseCount':
      return { kind: 'index', table: 'customerState', index: '[isDeleted+purchaseCount]', key: 'purchaseCount' };
    case 'lastPurchase':
      return { kind: 'index', table: 'customerState', index: '[isDeleted+lastPurchaseSort]', key: 'lastPurchaseSort' };
    case 'points':
      return { kind: 'index', table: 'pointsState', index: '[isDeleted+pointsBalance]', key: 'pointsBalance' };
    case 'createdAt':
      return { kind: 'index', table: 'customers', index: '[isDeleted+createdAt]', key: 'createdAt' };
    case 'updatedAt':
      return { kind: 'index', table: 'customers', index: '[isDeleted+updatedAt]', key: 'updatedAt' };
    default:
      return assertNever(field, 'sort field');
  }
}

const byValueThenId = (x: string | number, y: string | number, a: Customer, b: Customer) =>
  x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The list's order in memory, exactly as walking the plan's index gives it: ties by id. */
function compareBy(plan: SortPlan, direction: SortDirection) {
  const sign = direction === 'asc' ? 1 : -1;
  if (plan.kind === 'index') {
    // Numbers as numbers, strings by code unit, as IndexedDB compares keys.
    return (a: Customer, b: Customer) => byValueThenId(a[plan.key] as string | number, b[plan.key] as string | number, a, b) * sign;
  }
  const rank = new Map(plan.order.map((v, i) => [v, i]));
  const unknown = plan.order.length;
  return (a: Customer, b: Customer) => {
    const x = String(a[plan.key]);
    const y = String(b[plan.key]);
    const byRank = (rank.get(x) ?? unknown) - (rank.get(y) ?? unknown);
    return (byRank !== 0 ? byRank : byValueThenId(x, y, a, b)) * sign;
  };
}

/** Whether IndexedDB can index a value (a row without one is not in the index, nor in its order). */
function isIndexKey(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (typeof value === 'number') return !Number.isNaN(value);
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  return Array.isArray(value) && value.every(isIndexKey);
}

/**
 * Two entries of a plan's ascending order, as walking its index gives them: by the index's value
 * (IndexedDB's comparison), ties by id; a grouped sort first by the vocabulary's order, the values it
 * does not know after them (the gaps, walked in key order).
 */
function compareEntries(plan: SortPlan): (a: SortEntry, b: SortEntry) => number {
  const byKeyThenId = (a: SortEntry, b: SortEntry) => cmp(a.key, b.key) || cmp(a.id, b.id);
  if (plan.kind === 'index') return byKeyThenId;
  const rank = new Map<unknown, number>();
  plan.order.forEach((v, i) => {
    if (!rank.has(v)) rank.set(v, i);
  });
  const unknown = plan.order.length;
  return (a, b) => (rank.get(a.key) ?? unknown) - (rank.get(b.key) ?? unknown) || byKeyThenId(a, b);
}

/** One range of an index over active customers: [0, lower]..[0, upper]. */
interface ActiveRange {
  lower: unknown;
  upper: unknown;
  includeLower: boolean;
  includeUpper: boolean;
}

/**
 * The ranges a plan walks, in ascending order: the whole active range for an index sort; for a
 * grouped sort, each known value in the vocabulary's order, then the gaps between the known values
 * (in key order), where unknown values live. The gaps are empty unless something is stale, and an
 * empty range costs one lookup.
 */
function rangesOf(plan: SortPlan): ActiveRange[] {
  if (plan.kind === 'index') return [WHOLE_RANGE];
  const known = plan.order.map((v) => ({ lower: v, upper: v, includeLower: true, includeUpper: true }));
  const bounds = [...new Set(plan.order)].sort();
  const gaps: ActiveRange[] = [];
  let lower: unknown = Dexie.minKey;
  let includeLower = true;
  for (const b of bounds) {
    gaps.push({ lower, upper: b, includeLower, includeUpper: false });
    lower = b;
    includeLower = false;
  }
  gaps.push({ lower, upper: Dexie.maxKey, includeLower, includeUpper: true });
  return [...known, ...gaps];
}

/** The status rules in force (the group a new customer starts in depends on them). */
export async function statusRules(db: RegularsDatabase): Promise<StatusSettings> {
  return createSettingsRepository(db).statusRules();
}

export class CustomerNotFoundError extends Error {
  constructor(id: string) {
    super(`Customer ${id} not found`);
    this.name = 'CustomerNotFoundError';
  }
}

/** The status filters of a query that are set, as the index and value that answer each. */
function statusFiltersOf(query: Pick<CustomerListQuery, 'tierId' | 'stage' | 'churnLevel'>): { index: string; key: 'tierId' | 'lifecycleStage' | 'churnLevel'; value: string }[] {
  const filters: { index: string; key: 'tierId' | 'lifecycleStage' | 'churnLevel'; value: string }[] = [];
  if (query.tierId != null) filters.push({ index: '[isDeleted+tierId]', key: 'tierId', value: query.tierId });
  if (query.stage != null) filters.push({ index: '[isDeleted+lifecycleStage]', key: 'lifecycleStage', value: query.stage });
  if (query.churnLevel != null) filters.push({ index: '[isDeleted+churnLevel]', key: 'churnLevel', value: query.churnLevel });
  return filters;
}

/** Whether a record passes every filter of the query (search terms and the survey band aside: the band is on its own row). */
function matchesFilters(c: Customer, query: ListFilter): boolean {
  return (
    c.isDeleted === 0 &&
    (query.tag === null || c.tags.includes(query.tag)) &&
    statusFiltersOf(query).every((f) => c[f.key] === f.value) &&
    matchesPoints(c, query.points)
  );
}

/** The ids in every one of the lists (smallest first, so the set built is the smallest). */
function intersect(lists: readonly (readonly string[])[]): Set<string> {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let members = new Set(sorted[0] ?? []);
  for (const keys of sorted.slice(1)) {
    const next = new Set<string>();
    for (const id of keys) if (members.has(id)) next.add(id);
    members = next;
  }
  return members;
}

/** Every id of an index from its first key to its last: the active range of an `[isDeleted+…]` index. */
const WHOLE_RANGE: ActiveRange = { lower: Dexie.minKey, upper: Dexie.maxKey, includeLower: true, includeUpper: true };

/** The list's reads over `db`; one per database, since it keeps the list's orders between reads. */
export function createCustomerReads(db: RegularsDatabase, tuning: ListTuning = { sortInMemoryMax: SORT_IN_MEMORY_MAX }) {

  /** The sort plan of a field; the tier order comes from the rules in force. */
  async function planFor(sort: CustomerSortField): Promise<SortPlan> {
    return sortPlanOf(sort, sort === 'tier' ? statusGroups(await statusRules(db)).map((g) => g.id) : []);
  }

  /** The ranges of a plan in the order the list walks them. */
  function walkOrder(plan: SortPlan, direction: SortDirection): ActiveRange[] {
    const ranges = rangesOf(plan);
    return direction === 'asc' ? ranges : ranges.reverse();
  }

  function sortTable(plan: SortPlan): Table<Record<string, unknown>, string> {
    return db.table(plan.table);
  }

  function rangeCollection(plan: SortPlan, r: ActiveRange, direction: SortDirection): Collection<CustomerRecord | CustomerState | CustomerPointsState, string, unknown> {
    const collection = sortTable(plan).where(plan.index).between([0, r.lower], [0, r.upper], r.includeLower, r.includeUpper);
    return (direction === 'desc' ? collection.reverse() : collection) as unknown as Collection<CustomerRecord | CustomerState | CustomerPointsState, string, unknown>;
  }

  /** Rows read from a plan's table, joined into customers. */
  async function joinedRows(plan: SortPlan, rows: readonly (CustomerRecord | CustomerState | CustomerPointsState)[]): Promise<Customer[]> {
    switch (plan.table) {
      case 'customers':
        return joinRecords(db, rows as CustomerRecord[]);
      case 'customerState':
        return joinStates(db, rows as CustomerState[]);
      case 'pointsState':
        return (await readCustomers(db, rows.map((r) => r.id))).filter((c): c is Customer => c !== undefined);
      default:
        return assertNever(plan, 'sort table');
    }
  }

  /** A kept order's name: its index, and for a grouped sort the vocabulary's order too. */
  const orderName = (plan: SortPlan) => (plan.kind === 'index' ? plan.index : [plan.index, ...plan.order].join('\u0000'));

  // Writes to these tables change the indexes the list's orders are read from.
  const orders = createListOrderCache(db.name, ['customers', 'customerState', 'pointsState', 'surveyState']);

  /**
   * Every active id in the plan's ascending order, kept between reads until a write (one keys-only
   * read of the sort index per range, no records). A live query that reads it also reads the first key
   * of the sort index, so it still reruns when that index changes.
   */
  async function ascendingIds(plan: SortPlan): Promise<readonly string[]> {
    await rangeCollection(plan, WHOLE_RANGE, 'asc').limit(1).primaryKeys();
    return orders.ascending(
      orderName(plan),
      async () => {
        const parts: string[][] = [];
        for (const range of walkOrder(plan, 'asc')) parts.push((await rangeCollection(plan, range, 'asc').primaryKeys()) as string[]);
        return parts.flat();
      },
      placementOf(plan),
    );
  }

  /** How customers a write changed are put back into a plan's kept order: by the value its index holds now. */
  function placementOf(plan: SortPlan): OrderPlacement {
    const table = sortTable(plan);
    return {
      async entries(ids) {
        const rows = await table.bulkGet([...ids]);
        return rows.map((row, i) => (row && row.isDeleted === 0 && isIndexKey(row[plan.key]) ? { id: ids[i]!, key: row[plan.key] } : null));
      },
      compare: compareEntries(plan),
    };
  }

  /** Every active id in the plan's order, from the index alone (descending: the ascending walk reversed, ties included). */
  async function orderedIds(plan: SortPlan, direction: SortDirection): Promise<string[]> {
    const ascending = await ascendingIds(plan);
    return direction === 'asc' ? [...ascending] : [...ascending].reverse();
  }

  /**
   * Active customers carrying every term. Each term is answered by the token index; the term with
   * the fewest hits decides which records are read, and the others are checked on those records.
   */
  /** Per term, the ids the token index holds (at most SEARCH_HIT_CAP entries), fewest-hits term first. */
  async function termHits(terms: string[]): Promise<{ keys: string[]; complete: boolean }> {
    let best: { keys: string[]; complete: boolean } | null = null;
    for (const term of terms) {
      const raw = await idsWithTokenPrefix(db, term, SEARCH_HIT_CAP);
      const candidate = { keys: [...new Set(raw)], complete: raw.length < SEARCH_HIT_CAP };
      if (!best || (candidate.complete && !best.complete) || (candidate.complete === best.complete && candidate.keys.length < best.keys.length)) {
        best = candidate;
      }
      if (candidate.complete && candidate.keys.length === 0) break;
    }
    return best ?? { keys: [], complete: true };
  }

  /** Active customers carrying every term; the other terms are checked on the fewest-hits term's records. */
  async function searchCandidates(terms: string[]): Promise<{ rows: Customer[]; truncated: boolean }> {
    const best = await termHits(terms);
    const records = (await db.customers.bulkGet(best.keys)).filter(
      (c): c is CustomerRecord => !!c && c.isDeleted === 0 && matchesAllTerms(c.searchTokens, terms),
    );
    return { rows: await joinRecords(db, records), truncated: !best.complete };
  }

  /**
   * Each set filter's index range, keys only (the keys are customer ids); the tag index and the points'
   * expiry index hold the trash too. A balance range is one range of `[isDeleted+pointsBalance]`.
   */
  function filterSources(filter: ListFilter): (() => Collection<unknown, string, unknown>)[] {
    const points = hasPointsFilter(filter.points) ? filter.points : null;
    return [
      ...statusFiltersOf(filter).map((f) => () => db.customerState.where(f.index).equals([0, f.value]) as Collection<unknown, string, unknown>),
      ...(filter.tag === null ? [] : [() => db.customers.where('tags').equals(filter.tag!) as Collection<unknown, string, unknown>]),
      ...(points === null || (points.min === null && points.max === null)
        ? []
        : [
            () =>
              db.pointsState
                .where('[isDeleted+pointsBalance]')
                .between([0, points.min ?? -Infinity], [0, points.max ?? Infinity], true, true) as Collection<unknown, string, unknown>,
          ]),
      ...(points?.expiringBy == null ? [] : [() => db.pointsState.where('pointsNextExpiryAt').belowOrEqual(points.expiringBy) as Collection<unknown, string, unknown>]),
      ...(filter.surveyBand == null ? [] : [() => db.surveyState.where('[isDeleted+lastBand]').equals([0, filter.surveyBand!]) as Collection<unknown, string, unknown>]),
    ];
  }

  /** Whether a filter's sources hold customers in the trash (they are taken out of its members). */
  const holdsTrash = (filter: ListFilter) => filter.tag !== null || (hasPointsFilter(filter.points) && filter.points.expiringBy !== null);

  const filterName = (filter: ListFilter) =>
    JSON.stringify([filter.tag, filter.tierId ?? null, filter.stage ?? null, filter.churnLevel ?? null, hasPointsFilter(filter.points) ? filter.points : null, filter.surveyBand ?? null]);

  /** The active customers in every filter: their index ranges intersected, keys only. */
  async function memberIds(filter: ListFilter): Promise<Set<string>> {
    const members = intersect(await Promise.all(filterSources(filter).map(async (source) => (await source().primaryKeys()) as string[])));
    if (holdsTrash(filter)) for (const id of (await trash().primaryKeys()) as string[]) members.delete(id);
    return members;
  }

  /** Per id, whether it is an active customer in every filter; reads only the tables the filters need. */
  async function matchingIds(ids: readonly string[], filter: ListFilter): Promise<boolean[]> {
    const status = statusFiltersOf(filter);
    const points = hasPointsFilter(filter.points) ? filter.points : null;
    const band = filter.surveyBand ?? null;
    const [records, states, pointsRows, surveyRows] = await Promise.all([
      filter.tag === null ? null : db.customers.bulkGet([...ids]),
      status.length === 0 ? null : db.customerState.bulkGet([...ids]),
      points === null ? null : db.pointsState.bulkGet([...ids]),
      band === null ? null : db.surveyState.bulkGet([...ids]),
    ]);
    return ids.map((_, i) => {
      const record = records?.[i];
      const state = states?.[i];
      const pointsRow = pointsRows?.[i];
      const surveyRow = surveyRows?.[i];
      if (surveyRows && !(surveyRow && surveyRow.isDeleted === 0 && surveyRow.lastBand === band)) return false;
      if (records && !(record && record.isDeleted === 0 && record.tags.includes(filter.tag!))) return false;
      if (states && !(state && state.isDeleted === 0 && status.every((f) => state[f.key] === f.value))) return false;
      if (pointsRows && !(pointsRow && pointsRow.isDeleted === 0 && matchesPoints(pointsRow, points))) return false;
      return true;
    });
  }

  /**
   * The filter's matches in the plan's ascending order: the sort's kept order less the customers outside
   * the filter, itself kept between reads (a few writes are placed in it, as in the sort's own order).
   */
  async function filteredAscending(plan: SortPlan, filter: ListFilter): Promise<readonly string[]> {
    // An order in memory reads no index: these reads tie a live query to the filter's ranges.
    await Promise.all(filterSources(filter).map((source) => source().limit(1).primaryKeys()));
    const base = placementOf(plan);
    return orders.ascending(
      `${orderName(plan)}\u0001${filterName(filter)}`,
      async () => {
        const [ascending, members] = await Promise.all([ascendingIds(plan), memberIds(filter)]);
        return ascending.filter((id) => members.has(id));
      },
      {
        async entries(ids) {
          const [entries, matching] = await Promise.all([base.entries(ids), matchingIds(ids, filter)]);
          return entries.map((entry, i) => (matching[i] ? entry : null));
        },
        compare: base.compare,
      },
    );
  }

  /**
   * The first `upTo` ids of the whole list in the plan's order walked `direction` (all of them, `end`, when
   * there are fewer): from the sort's kept order when it is in memory, else from the sort index, keys only
   * (each call reads a range from its top again, which costs far less than the records the walk checks).
   */
  function orderReader(plan: SortPlan, direction: SortDirection): (upTo: number) => Promise<{ ids: readonly string[]; end: boolean }> {
    if (orders.isKept(orderName(plan))) {
      return async (upTo) => {
        const ascending = await ascendingIds(plan);
        return { ids: pageOf(ascending, direction, 0, upTo), end: upTo >= ascending.length };
      };
    }
    const ranges = walkOrder(plan, direction);
    const read: string[][] = ranges.map(() => []);
    const complete = ranges.map(() => false);
    return async (upTo) => {
      let before = 0;
      for (const [i, range] of ranges.entries()) {
        if (before >= upTo) break;
        if (!complete[i] && read[i]!.length < upTo - before) {
          const want = upTo - before;
          read[i] = (await rangeCollection(plan, range, direction).limit(want).primaryKeys()) as string[];
          complete[i] = read[i]!.length < want;
        }
        before += read[i]!.length;
      }
      const ids = read.flat().slice(0, upTo);
      return { ids, end: ids.length < upTo };
    };
  }

  /** A large filter's walk so far (see filteredPage), kept until a write to the list's tables. */
  interface FilterWalk {
    key: string;
    writes: number;
    read: (upTo: number) => Promise<{ ids: readonly string[]; end: boolean }>;
    hits: string[];
    seen: Set<string>;
    checked: number;
    end: boolean;
  }
  let lastWalk: FilterWalk | null = null;

  /**
   * Rows offset..offset+limit of the filter's matches in the list's order. Near the top: walk the sort's
   * order checking each customer, each step sized by the share of matches seen so far, and keep the walk
   * for the next page (the table asks again for the first rows the list opened with). Further down, or
   * when the matches are too sparse for a walk: cut from the filter's kept order.
   */
  async function filteredPage(plan: SortPlan, direction: SortDirection, filter: ListFilter, offset: number, limit: number): Promise<string[]> {
    const wanted = offset + limit;
    if (wanted <= (tuning.filterWalkRows ?? FILTER_WALK_ROWS)) {
      const first = tuning.filterWalkChunk ?? FILTER_WALK_CHUNK;
      const most = tuning.filterWalkMax ?? FILTER_WALK_MAX;
      // A walk kept from before reads nothing: these reads tie a live query to the sort's and the filters' ranges.
      await Promise.all([
        rangeCollection(plan, WHOLE_RANGE, direction).limit(1).primaryKeys(),
        ...filterSources(filter).map((source) => source().limit(1).primaryKeys()),
      ]);
      const key = `${orderName(plan)}\u0001${direction}\u0001${filterName(filter)}`;
      const writes = orders.writes();
      const walk: FilterWalk =
        lastWalk && lastWalk.key === key && lastWalk.writes === writes
          ? lastWalk
          : { key, writes, read: orderReader(plan, direction), hits: [], seen: new Set(), checked: 0, end: false };
      lastWalk = walk;
      while (walk.hits.length < wanted && !walk.end && walk.checked < most) {
        const share = walk.checked === 0 ? 0 : walk.hits.length / walk.checked;
        const guess = share > 0 ? Math.ceil(((wanted - walk.hits.length) / share) * 1.25) : Math.max(first, walk.checked);
        const step = Math.max(1, Math.min(Math.max(guess, first), most - walk.checked));
        const { ids, end } = await walk.read(walk.checked + step);
        const fresh = ids.slice(walk.checked);
        const matching = await matchingIds(fresh, filter);
        fresh.forEach((id, i) => {
          if (matching[i] && !walk.seen.has(id)) {
            walk.seen.add(id);
            walk.hits.push(id);
          }
        });
        walk.checked = ids.length;
        walk.end = end;
      }
      // A write while it walked: this answer stands (the live query reads again), the walk is not kept.
      if (orders.writes() !== writes && lastWalk === walk) lastWalk = null;
      if (walk.hits.length >= wanted || walk.end) return walk.hits.slice(offset, wanted);
    }
    return pageOf(await filteredAscending(plan, filter), direction, offset, limit);
  }

  /** Of these customers, those whose last survey answer is in `band` (all of them when no band is asked); the survey rows are apart from the joined customer. */
  async function inSurveyBand(rows: Customer[], band: SurveyBand | null | undefined): Promise<Customer[]> {
    if (band == null || rows.length === 0) return rows;
    const surveyRows = await db.surveyState.bulkGet(rows.map((c) => c.id));
    return rows.filter((_, i) => surveyRows[i]?.lastBand === band && surveyRows[i]?.isDeleted === 0);
  }

  /** The trash, as a range of the customers' `[isDeleted+createdAt]` index. */
  const trash = () => db.customers.where('[isDeleted+createdAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]);

  /** All customers less the trash: counting the store and the (small) trash index is far cheaper than the active range. */
  async function countActive(): Promise<number> {
    const [all, trashed] = await Promise.all([db.customers.count(), trash().count()]);
    return all - trashed;
  }

  /** The ordered ids of the active customers that match the query. */
  async function listIds(query: CustomerListQuery): Promise<CustomerListResult> {
    const plan = await planFor(query.sort);
    const filters = statusFiltersOf(query);
    const narrowed = query.tag !== null || filters.length > 0 || hasPointsFilter(query.points) || query.surveyBand != null;
    if (query.terms.length === 1 && !narrowed) {
      // One broad term: show the index's order and read only the rows on screen. Reading and
      // ranking a thousand records per keystroke is what made typing stutter at 100,000 customers.
      const best = await termHits(query.terms);
      if (best.keys.length > RANK_IN_MEMORY_MAX) return { ids: best.keys, truncated: !best.complete, ranked: false };
    }
    if (query.terms.length > 0) {
      const { rows, truncated } = await searchCandidates(query.terms);
      const ids = (await inSurveyBand(rows.filter((c) => matchesFilters(c, query)), query.surveyBand))
        .sort(compareBy(plan, query.direction))
        .map((c) => c.id);
      return { ids, truncated, ranked: true };
    }
    if (!narrowed) return { ids: await orderedIds(plan, query.direction), truncated: false, ranked: true };

    // Each filter's index answers it. A filter that holds few customers decides which records are
    // read, and the others are checked on those records; when every filter holds many, their ids
    // are intersected (keys only, no records) and put in the sort's kept order.
    const sources = filterSources(query);
    // A lone filter is read whole at once (keys only): the answer needs all of its keys either way.
    const limited = sources.length > 1;
    const firsts = await Promise.all(
      sources.map(async (source) => (await (limited ? source().limit(tuning.sortInMemoryMax + 1) : source()).primaryKeys()) as string[]),
    );
    const complete = (keys: string[]) => !limited || keys.length <= tuning.sortInMemoryMax;
    // With the sort's order kept, a lone filter of any size is put in it without reading a record.
    const inKeptOrder = !limited && orders.isKept(orderName(plan));
    const small = inKeptOrder ? undefined : firsts.filter((keys) => keys.length <= tuning.sortInMemoryMax).sort((a, b) => a.length - b.length)[0];
    let candidates: string[];
    if (small) {
      candidates = small;
    } else {
      const members = intersect(
        await Promise.all(sources.map(async (source, i) => (complete(firsts[i]!) ? firsts[i]! : ((await source().primaryKeys()) as string[])))),
      );
      if (members.size > tuning.sortInMemoryMax || inKeptOrder) {
        const ordered = await orderedIds(plan, query.direction);
        return { ids: ordered.filter((id) => members.has(id)), truncated: false, ranked: true };
      }
      candidates = [...members];
    }
    const rows = await inSurveyBand((await readCustomers(db, candidates)).filter((c): c is Customer => !!c && matchesFilters(c, query)), query.surveyBand);
    return { ids: rows.sort(compareBy(plan, query.direction)).map((c) => c.id), truncated: false, ranked: true };
  }

  return {
    get(id: string): Promise<Customer | undefined> {
      return readCustomer(db, id);
    },

    async getMany(ids: string[]): Promise<(Customer | undefined)[]> {
      return readCustomers(db, ids);
    },

    /**
     * What the list screen shows for a query: every match in order (listIds), or, when the filters (no
     * search terms) each hold more customers than are sorted in memory, the first `firstRows` only,
     * `paged`: the rest come a page at a time (listPage with the same filters) and the count apart
     * (countMatching), so a tag held by a quarter of the store shows its first rows without reading
     * every customer carrying it.
     */
    async openList(query: CustomerListQuery, firstRows: number): Promise<CustomerListResult> {
      const sources = query.terms.length === 0 ? filterSources(query) : [];
      if (sources.length > 0) {
        const max = tuning.sortInMemoryMax;
        const firsts = await Promise.all(sources.map(async (source) => ((await source().limit(max + 1).primaryKeys()) as string[]).length));
        if (firsts.every((n) => n > max)) {
          const ids = await filteredPage(await planFor(query.sort), query.direction, query, 0, firstRows);
          return { ids, truncated: false, ranked: true, paged: true };
        }
      }
      return listIds(query);
    },

    /** How many active customers pass every filter: a lone status filter is counted by its index, else the ids are intersected. */
    async countMatching(filter: ListFilter): Promise<number> {
      const sources = filterSources(filter);
      if (sources.length === 0) return countActive();
      if (sources.length === 1 && !holdsTrash(filter)) return sources[0]!().count();
      return (await memberIds(filter)).size;
    },

    /** Reads the sort's kept order ahead (the list calls it once its first rows are shown), so a jump down the list finds it ready. */
    async warmOrder(sort: CustomerSortField): Promise<void> {
      await ascendingIds(await planFor(sort));
    },

    /** The ordered ids of the active customers that match the query. */
    listIds,

    /**
     * One page of the list in its order, the whole list or (`filter`) a large filter's matches: the
     * screen reads only the rows it shows, so opening the list costs the same at 100 customers as at 100,000.
     */
    async listPage(sort: CustomerSortField, direction: SortDirection, offset: number, limit: number, filter?: ListFilter | null): Promise<Customer[]> {
      const plan = await planFor(sort);
      if (filter && filterSources(filter).length > 0) {
        const ids = await filteredPage(plan, direction, filter, offset, limit);
        return (await readCustomers(db, ids)).filter((c): c is Customer => !!c && matchesFilters(c, filter));
      }
      if (offset > (tuning.walkOffsetMax ?? WALK_OFFSET_MAX)) {
        const ids = pageOf(await ascendingIds(plan), direction, offset, limit);
        return (await readCustomers(db, ids)).filter((c): c is Customer => !!c && c.isDeleted === 0);
      }
      const rows: (CustomerRecord | CustomerState | CustomerPointsState)[] = [];
      let skip = offset;
      for (const range of walkOrder(plan, direction)) {
        if (rows.length >= limit) break;
        if (skip > 0) {
          // Only a grouped sort has more than one range; whole groups before the page are counted, not read.
          const size = await rangeCollection(plan, range, direction).count();
          if (skip >= size) {
            skip -= size;
            continue;
          }
        }
        rows.push(...(await rangeCollection(plan, range, direction).offset(skip).limit(limit - rows.length).toArray()));
        skip = 0;
      }
      return joinedRows(plan, rows);
    },

    /**
     * The churn-risk list: active customers at the levels asked for (and in the group, when given),
     * most value at risk first, with the total. Few enough are read and sorted in memory; more come
     * from walking the value-at-risk index in reverse, keys only, keeping the ones that match.
     */
    /** `now`: customers the clerk snoozed off the list until later than it are left out (counted in `snoozed`). */
    async listAtRisk(query: AtRiskQuery, now?: Date): Promise<AtRiskList> {
      const levelIds = await Promise.all(
        query.levels.map(async (level) => (await db.customerState.where('[isDeleted+churnLevel]').equals([0, level]).primaryKeys()) as string[]),
      );
      let members = new Set(levelIds.flat());
      let snoozed = 0;
      if (now) {
        // The list's marks are one key range: 'churn-risk:' and the customer's id.
        for (const mark of await db.reminderMarks.where('key').startsWith(churnRiskMarkKey('')).toArray()) {
          if (mark.status === 'snoozed' && mark.until !== undefined && Date.parse(mark.until) > now.getTime() && members.delete(mark.customerId)) snoozed++;
        }
      }
      if (query.tierId !== null && members.size > 0) {
        const inTier = (await db.customerState.where('[isDeleted+tierId]').equals([0, query.tierId]).primaryKeys()) as string[];
        const next = new Set<string>();
        for (const id of inTier) if (members.has(id)) next.add(id);
        members = next;
      }
      if (members.size <= tuning.sortInMemoryMax) {
        const levels = new Set<string>(query.levels);
        const rows = (await db.customerState.bulkGet([...members])).filter(
          (c): c is CustomerState => !!c && c.isDeleted === 0 && levels.has(c.churnLevel) && (query.tierId === null || c.tierId === query.tierId),
        );
        rows.sort((a, b) => b.valueAtRiskFen - a.valueAtRiskFen || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
        return { ids: rows.map((c) => c.id), totalValueFen: rows.reduce((sum, c) => sum + c.valueAtRiskFen, 0), snoozed };
      }
      const ids: string[] = [];
      let totalValueFen = 0;
      await db.customerState
        .where('[isDeleted+valueAtRiskFen]')
        .between([0, Dexie.minKey], [0, Dexie.maxKey])
        .reverse()
        .eachKey((key, cursor) => {
          const id = cursor.primaryKey as string;
          if (!members.has(id)) return;
          ids.push(id);
          totalValueFen += (key as [number, number])[1];
        });
      return { ids, totalValueFen, snoozed };
    },

    /** A customer's tier changes, newest first. */
    tierHistory(customerId: string): Promise<TierHistoryEntry[]> {
      return db.tierHistory.where('[customerId+at]').between([customerId, Dexie.minKey], [customerId, Dexie.maxKey]).reverse().toArray();
    },

    /** Quick search for pickers: the first few active matches, sorted by name. */
    async search(terms: string[], limit = 20): Promise<Customer[]> {
      if (terms.length === 0) return [];
      const { rows } = await searchCandidates(terms);
      return rows.sort(compareBy(sortPlanOf('name', []), 'asc')).slice(0, limit);
    },

    countActive,

    /** Other customers (trash included, so nothing is silently doubled) sharing a phone or the email. */
    async findDuplicates(candidate: { phoneKeys: string[]; emailKey: string; excludeId: string | null }): Promise<DuplicateMatches> {
      const keys = candidate.phoneKeys.filter(Boolean);
      const byPhone = keys.length ? await db.customers.where('phoneKeys').anyOf(keys).distinct().toArray() : [];
      const byEmail = candidate.emailKey ? await db.customers.where('emailKey').equals(candidate.emailKey).toArray() : [];
      const other = (c: CustomerRecord) => c.id !== candidate.excludeId;
      return { byPhone: await joinRecords(db, byPhone.filter(other)), byEmail: await joinRecords(db, byEmail.filter(other)) };
    },

    /** Every tag in use (trash included), for suggestions and the tag filter. */
    async allTags(): Promise<string[]> {
      const tags = (await db.customers.orderBy('tags').uniqueKeys()) as string[];
      return tags;
    },

    /** The trash, most recently deleted first. */
    async listTrash(): Promise<Customer[]> {
      return joinRecords(db, await db.customers.where('[isDeleted+deletedAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]).reverse().toArray());
    },
  };
}

export type CustomerReads = ReturnType<typeof createCustomerReads>;
