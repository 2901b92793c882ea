// Each report's figures for a window, read from the report tables (salesDays, visitBuckets, pointsMonths) and the
// status rows, and computed by shared/domain/reports only. The reports worker runs these; tests run them on fake-indexeddb.
import Dexie from 'dexie';
import { dayNumber, localDayOf, type DayOf } from '../../shared/domain/customerFigures';
import { type LifecycleRules } from '../../shared/domain/lifecycle';
import { churnByMonth, cohortRetention, customersSummary, boughtAgain, newVsReturning, repurchaseRate, visitFrequencyOfDays, type ChurnMonthRow } from '../../shared/domain/reports/customers';
import { pointsLiability, pointsReport } from '../../shared/domain/reports/loyalty';
import { addDaysToDay, addMonthsToMonth, dayOfNumber, monthOfDay } from '../../shared/domain/reports/periods';
import { entryVisits, isReportCustomer, VISIT_BUCKETS, type VisitBucketRow } from '../../shared/domain/reports/reportRows';
import {
  comparisonWindows,
  type ChurnReportResult,
  type Compared,
  type CustomersReportResult,
  type LoyaltyReportResult,
  type PointsTotals,
  type ReportRequest,
  type ReportWindow,
  type SalesReportResult,
  type StatusReportResult,
} from '../../shared/domain/reports/reportResults';
import { salesDaysNeeded, salesReport, salesTotal } from '../../shared/domain/reports/sales';
import { rfmGrid, stageDistribution, tierDistribution, tierMovement } from '../../shared/domain/reports/status';
import { RFM_GROUPS, rfmTierId } from '../../shared/domain/statusGroups';
import type { RegularsDatabase } from './database';
import { readPointsRules } from './pointsEarning';
import { readChurnRisk, readStatusCountsToday } from './reportStatusCounts';
import { createSettingsRepository } from './settings';

/** A window the reports cannot answer: days not 'yyyy-MM-dd', or the end before the start. */
export class InvalidReportWindow extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidReportWindow';
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkRequest(r: ReportRequest): void {
  for (const day of [r.fromDay, r.toDay, r.asOfDay]) if (typeof day !== 'string' || !DAY.test(day) || dayOfNumber(dayNumber(day)) !== day) throw new InvalidReportWindow(`not a day: ${String(day)}`);
  if (r.toDay < r.fromDay) throw new InvalidReportWindow('the window ends before it starts');
  if (!['day', 'week', 'month'].includes(r.grain)) throw new InvalidReportWindow(`unknown grain ${String(r.grain)}`);
}

function compared<T>(request: ReportRequest, of: (w: ReportWindow) => T): Compared<T> {
  const { previousWindow, lastYearWindow } = comparisonWindows(request, request.grain);
  return { current: of(request), previous: of(previousWindow), lastYear: of(lastYearWindow), previousWindow, lastYearWindow };
}

/** The months of [fromDay, toDay], 'yyyy-MM', oldest first. */
function monthsOf(fromDay: string, toDay: string): string[] {
  const out: string[] = [];
  for (let m = monthOfDay(fromDay); m <= monthOfDay(toDay); m = addMonthsToMonth(m, 1)) out.push(m);
  return out;
}

/** Buckets per read of visitBuckets: several reads asked at once, each unpacked while the database reads the next. */
const BUCKETS_PER_READ = 64;

/** Every customer's visit days and each day's visits from the buckets (the whole table, about a thousand rows). */
export async function readVisits(db: RegularsDatabase): Promise<{ visits: Map<string, string[]>; visitsPerDay: Map<string, number[]> }> {
  const visits = new Map<string, string[]>();
  const visitsPerDay = new Map<string, number[]>();
  const unpack = (rows: readonly VisitBucketRow[]) => {
    for (const row of rows) {
      for (const id in row.customers) {
        if (!isReportCustomer(id)) continue;
        const days: string[] = [];
        const perDay: number[] = [];
        entryVisits(row.customers[id]!, days, perDay);
        if (days.length === 0) continue;
        visits.set(id, days);
        visitsPerDay.set(id, perDay);
      }
    }
  };
  await eachVisitBucket(db, unpack);
  return { visits, visitsPerDay };
}

/**
 * Every row of visitBuckets (or of the first `buckets` of them) handed to `unpack` in one read transaction, in ranges of
 * BUCKETS_PER_READ asked together: IndexedDB reads and copies the later ranges in its own process while this thread
 * unpacks the earlier ones.
 */
export async function eachVisitBucket(db: RegularsDatabase, unpack: (rows: readonly VisitBucketRow[]) => void, buckets = VISIT_BUCKETS): Promise<void> {
  await db.transaction('r', db.visitBuckets, () => {
    const reads: Promise<void>[] = [];
    for (let from = 0; from < buckets; from += BUCKETS_PER_READ) reads.push(db.visitBuckets.where(':id').between(from, Math.min(from + BUCKETS_PER_READ, buckets), true, false).toArray().then(unpack));
    return Dexie.Promise.all(reads);
  });
}

export function createReportFigures(db: RegularsDatabase, dayOf: DayOf = localDayOf) {
  const settings = createSettingsRepository(db);

  /**
   * The last audit entry's number: every write of purchases or rules writes one in its transaction (the writeScopes
   * test holds every write path to it), so what is read of the buckets, and the churn series worked out from them,
   * hold until it moves. The screen asks its reports together: customers, churn and tiers share one read.
   */
  const auditSeq = async (): Promise<number> => ((await db.auditLog.orderBy('seq').lastKey()) as number | undefined) ?? 0;
  let visitsRead: { seq: number; value: Promise<Awaited<ReturnType<typeof readVisits>>> } | null = null;
  let churnKept: { key: string; rows: Map<string, ChurnMonthRow> } | null = null;

  async function visitsNow(): Promise<{ seq: number } & Awaited<ReturnType<typeof readVisits>>> {
    // The number first: a write between the two leaves an older number on newer rows, read again next time.
    const seq = await auditSeq();
    if (visitsRead?.seq !== seq) visitsRead = { seq, value: readVisits(db) };
    const read = visitsRead;
    try {
      return { seq, ...(await read.value) };
    } catch (error) {
      if (visitsRead === read) visitsRead = null;
      throw error;
    }
  }

  /** churnByMonth's rows of [fromMonth, toMonth] (a month's row does not depend on the months asked with it), kept for the next report. */
  function churnRows(seq: number, visits: ReadonlyMap<string, readonly string[]>, fromMonth: string, toMonth: string, asOfDay: string, rules: LifecycleRules): ChurnMonthRow[] {
    const key = `${seq}|${asOfDay}|${JSON.stringify(rules)}`;
    if (churnKept?.key !== key) churnKept = { key, rows: new Map() };
    const months = monthsOf(`${fromMonth}-01`, `${toMonth}-01`).filter((m) => m <= monthOfDay(asOfDay));
    if (!months.every((m) => churnKept!.rows.has(m))) for (const row of churnByMonth(visits, fromMonth, toMonth, asOfDay, rules)) churnKept.rows.set(row.month, row);
    return months.map((m) => churnKept!.rows.get(m)!);
  }

  async function sales(request: ReportRequest): Promise<SalesReportResult> {
    checkRequest(request);
    const { previousWindow, lastYearWindow } = comparisonWindows(request, request.grain);
    const from = [salesDaysNeeded(request.fromDay, request.grain), previousWindow.fromDay, lastYearWindow.fromDay].sort()[0]!;
    const days = await db.salesDays.where(':id').between(from, request.toDay, true, true).toArray();
    return { request, rows: salesReport(days, request.fromDay, request.toDay, request.grain), totals: compared(request, (w) => salesTotal(days, w.fromDay, w.toDay)) };
  }

  async function customers(request: ReportRequest): Promise<CustomersReportResult> {
    checkRequest(request);
    const { visits, visitsPerDay } = await visitsNow();
    const { fromDay, toDay, grain, asOfDay } = request;
    return {
      request,
      newVsReturning: newVsReturning(visits, fromDay, toDay, grain),
      repurchase: repurchaseRate(visits, fromDay, toDay, grain, asOfDay),
      boughtAgain: boughtAgain(visits, fromDay, toDay, grain),
      cohorts: cohortRetention(visits, monthOfDay(fromDay), asOfDay),
      frequency: visitFrequencyOfDays(visits, visitsPerDay, monthOfDay(fromDay), monthOfDay(toDay)),
      totals: compared(request, (w) => customersSummary(visits, w.fromDay, w.toDay, asOfDay)),
    };
  }

  /** churnByMonth once over the months of the window and the two compared (one pass of every customer), cut into each. */
  async function churn(request: ReportRequest): Promise<ChurnReportResult> {
    checkRequest(request);
    const { seq, visits } = await visitsNow();
    const { previousWindow, lastYearWindow } = comparisonWindows(request, request.grain);
    const first = [request.fromDay, previousWindow.fromDay, lastYearWindow.fromDay].sort()[0]!;
    const rules = (await settings.statusRules()).lifecycleRules;
    const rows = churnRows(seq, visits, monthOfDay(first), monthOfDay(request.toDay), request.asOfDay, rules);
    const inWindow = (w: ReportWindow) => rows.filter((r) => r.month >= monthOfDay(w.fromDay) && r.month <= monthOfDay(w.toDay));
    const totalOf = (w: ReportWindow) => {
      let churned = 0;
      let base = 0;
      let cameBack = 0;
      for (const r of inWindow(w)) {
        churned += r.churned;
        base += r.base;
        cameBack += r.cameBack;
      }
      return { churned, base, cameBack, rate: base === 0 ? null : churned / base };
    };
    return { request, months: inWindow(request), totals: compared(request, totalOf) };
  }

  /** `n` rows of each value, for the domain's distributions (they count rows; the index gave the counts). */
  function* rowsOf<K extends string | null, T>(counts: ReadonlyMap<K, number>, row: (value: K) => T): Generator<T> {
    for (const [value, n] of counts) {
      const r = row(value);
      for (let i = 0; i < n; i++) yield r;
    }
  }

  async function status(request: ReportRequest): Promise<StatusReportResult> {
    checkRequest(request);
    const rules = await settings.statusRules();
    const tierOrder = rules.grouping === 'rfm' ? RFM_GROUPS.map(rfmTierId) : rules.scheme.tiers.map((t) => t.id);
    const months = monthsOf(request.fromDay, request.toDay);
    // A day before the first month's start in UTC covers its local start in any zone; the month is then by dayOf.
    const first = `${months[0]!}-01`;
    // Every active row has a tier and a stage. Both groupings' ids are known: rows the other grouping wrote stay until the pass after a switch.
    const knownTiers = [...new Set([...tierOrder, ...rules.scheme.tiers.map((t) => t.id), ...RFM_GROUPS.map(rfmTierId)])];
    // Asked together: the database reads the tier history while this thread takes in another read's rows.
    const [counts, historyRows, { seq, visits }] = await Promise.all([
      readStatusCountsToday(db, knownTiers),
      db.tierHistory.where('at').aboveOrEqual(`${addDaysToDay(first, -1)}T00:00:00.000Z`).toArray(),
      visitsNow(),
    ]);
    const risk = await readChurnRisk(db, counts);
    // The churn series of the months shown only (the churn report's, when it was asked first).
    const churnOfMonths = churnRows(seq, visits, months[0]!, months[months.length - 1]!, request.asOfDay, rules.lifecycleRules);
    const history = historyRows.filter((e) => dayOf(e.at) >= first);
    return {
      request,
      grouping: rules.grouping,
      tierOrder,
      tiers: tierDistribution(rowsOf(counts.tiers, (tierId) => ({ isDeleted: 0 as const, tierId })), tierOrder),
      stages: stageDistribution(rowsOf(counts.stages, (lifecycleStage) => ({ isDeleted: 0 as const, lifecycleStage }))),
      movement: tierMovement(history, tierOrder, months, dayOf, churnOfMonths),
      rfm: rfmGrid(rowsOf(counts.scores, (rfmScore) => ({ isDeleted: 0 as const, rfmScore }))),
      risk,
    };
  }

  async function loyalty(request: ReportRequest): Promise<LoyaltyReportResult> {
    checkRequest(request);
    // The store's months (a few dozen rows): the balance at a month's end counts every month before it.
    const pointsMonths = await db.pointsMonths.orderBy(':id').toArray();
    // Only active customers with points to spend: one range of the list's index.
    const liabilityRows = await db.pointsState.where('[isDeleted+pointsBalance]').between([0, 1], [0, Dexie.maxKey], true, true).toArray();
    const totalOf = (w: ReportWindow): PointsTotals => {
      const t = { issued: 0, redeemed: 0, expired: 0, adjusted: 0 };
      for (const m of pointsMonths) {
        if (m.month < monthOfDay(w.fromDay) || m.month > monthOfDay(w.toDay)) continue;
        t.issued += m.issued;
        t.redeemed += m.redeemed;
        t.expired += m.expired;
        t.adjusted += m.adjusted;
      }
      return t;
    };
    return {
      request,
      months: pointsReport(pointsMonths, monthsOf(request.fromDay, request.toDay)),
      totals: compared(request, totalOf),
      liability: pointsLiability(liabilityRows, await readPointsRules(db)),
    };
  }

  return { sales, customers, churn, status, loyalty };
}

export type ReportFigures = ReturnType<typeof createReportFigures>;
