// The report figures on the UCI Online Retail sample, checked against a plain calculation over the file's rows written here.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { utcDayOf } from '../customerFigures';
import { buildCustomerMonths, buildSalesDays, visitDaysByCustomer, type ReportPurchase } from './aggregates';
import { cohortRetention, newVsReturning, repurchaseRate } from './customers';
import { salesReport } from './sales';
import { visitFrequency } from '../../../test/support/reportReference';

interface Row {
  invoice: string;
  customer: string;
  /** 'yyyy-MM-dd HH:mm:ss' as written (the shop's clock; read as UTC on both sides). */
  when: string;
  fen: number;
}

/** The rows with a customer (the app keeps only customers' purchases), each line's amount in whole pence. */
function readRows(): Row[] {
  const text = readFileSync(new URL('../../../../shared/data/online-retail-sample.csv', import.meta.url), 'utf8');
  const parsed = Papa.parse(text, { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...body] = parsed.data;
  const [cNo, cQty, cDate, cPrice, cCust] = ['InvoiceNo', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID'].map((n) => header!.indexOf(n)) as [number, number, number, number, number];
  const out: Row[] = [];
  for (const r of body) {
    const customer = r[cCust] ?? '';
    if (customer === '' || customer === '0.0') continue;
    out.push({ invoice: r[cNo]!, customer, when: r[cDate]!, fen: Number(r[cQty]) * Math.round(Number(r[cPrice]) * 100) });
  }
  return out;
}

/** The app's view: one purchase per invoice, at its first line's time; a cancellation is a return without its original. */
function toPurchases(rows: readonly Row[]): ReportPurchase[] {
  const byInvoice = new Map<string, ReportPurchase>();
  for (const r of rows) {
    const p = byInvoice.get(r.invoice);
    if (p) p.totalFen += r.fen;
    else {
      const purchasedAt = `${r.when.replace(' ', 'T')}.000Z`;
      byInvoice.set(r.invoice, { id: r.invoice, customerId: r.customer, purchasedAt, totalFen: r.fen, isVoided: 0, returnOf: null, paymentNote: '' });
    }
  }
  return [...byInvoice.values()];
}

const rows = readRows();
const purchases = toPurchases(rows);
const AS_OF = '2011-12-09';
const monthOf = (when: string) => when.slice(0, 7);
const dayIndex = (when: string) => Date.UTC(Number(when.slice(0, 4)), Number(when.slice(5, 7)) - 1, Number(when.slice(8, 10))) / 86_400_000;

// ---- the plain calculation: loops over the rows ---------------------------------------------------

function plainMonths(): string[] {
  const months = new Set<string>();
  for (const r of rows) months.add(monthOf(r.when));
  return [...months].sort();
}

function plainSales(): Map<string, { revenue: number; purchases: number }> {
  const out = new Map<string, { revenue: number; purchases: number }>();
  const counted = new Set<string>();
  for (const r of rows) {
    const m = monthOf(r.when);
    const s = out.get(m) ?? { revenue: 0, purchases: 0 };
    s.revenue += r.fen;
    if (!r.invoice.startsWith('C') && !counted.has(r.invoice)) {
      counted.add(r.invoice);
      s.purchases += 1;
    }
    out.set(m, s);
  }
  return out;
}

/** Each customer's purchase days (not cancellations), sorted, each once. */
function plainDays(): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    if (r.invoice.startsWith('C')) continue;
    const set = out.get(r.customer) ?? new Set<string>();
    set.add(r.when.slice(0, 10));
    out.set(r.customer, set);
  }
  return new Map([...out].map(([c, s]) => [c, [...s].sort()]));
}

describe('report figures on the online retail sample', () => {
  const months = plainMonths();
  const from = `${months[0]}-01`;

  it('revenue, purchases and average ticket per month, and the change on the month before', () => {
    const report = salesReport(buildSalesDays(purchases, utcDayOf), from, AS_OF, 'month');
    const plain = plainSales();
    expect(report.map((r) => r.period)).toEqual(months);
    let before: { revenue: number; purchases: number } | undefined;
    for (const r of report) {
      const p = plain.get(r.period)!;
      expect([r.period, r.revenueFen, r.purchases]).toEqual([r.period, p.revenue, p.purchases]);
      expect(r.averageTicketFen).toBe(Math.round(p.revenue / p.purchases));
      if (before && !r.partial) expect(r.vsPrevious.revenue).toBeCloseTo(((p.revenue - before.revenue) / Math.abs(before.revenue)) * 100, 9);
      before = p;
    }
    expect(report.reduce((s, r) => s + r.purchases, 0)).toBe(new Set(rows.filter((r) => !r.invoice.startsWith('C')).map((r) => r.invoice)).size);
  });

  const visits = visitDaysByCustomer(buildCustomerMonths(purchases, utcDayOf));

  it('every customer has the same visit days as the plain reading', () => {
    expect(visits).toEqual(plainDays());
  });

  it('new against returning customers per month', () => {
    const days = plainDays();
    const expected = months.map((m) => {
      let newCustomers = 0;
      let returning = 0;
      for (const list of days.values()) {
        if (!list.some((d) => d.startsWith(m))) continue;
        if (monthOf(list[0]!) === m) newCustomers += 1;
        else returning += 1;
      }
      return { period: m, newCustomers, returning, active: newCustomers + returning };
    });
    expect(newVsReturning(visits, from, AS_OF, 'month')).toEqual(expected);
  });

  it('the repurchase rate within 90 days, per month of first purchase', () => {
    const days = plainDays();
    const today = dayIndex(AS_OF);
    const expected = months.map((m) => {
      let firstTimers = 0;
      let repeated = 0;
      let pending = 0;
      for (const list of days.values()) {
        if (monthOf(list[0]!) !== m) continue;
        firstTimers += 1;
        const gap = list.length > 1 ? dayIndex(list[1]!) - dayIndex(list[0]!) : Infinity;
        if (gap <= 90) repeated += 1;
        else if (today - dayIndex(list[0]!) < 90) pending += 1;
      }
      const decided = firstTimers - pending;
      return { period: m, firstTimers, repeated, pending, rate: decided === 0 ? null : repeated / decided };
    });
    const report = repurchaseRate(visits, from, AS_OF, 'month', AS_OF);
    expect(report).toEqual(expected);
    // Not a comparison of two zeros: 158 of the 852 customers came on more than one day; of December 2010's 394 first-timers 67 came back within 90 days.
    expect(report[0]).toMatchObject({ period: '2010-12', firstTimers: 394, repeated: 67, pending: 0 });
    expect([...visits.values()].filter((d) => d.length > 1)).toHaveLength(158);
  });

  it('the cohort table', () => {
    const days = plainDays();
    const expected = months.map((cohort, ci) => {
      const members = [...days.values()].filter((list) => monthOf(list[0]!) === cohort);
      const active = months.slice(ci).map((m) => members.filter((list) => list.some((d) => d.startsWith(m))).length);
      return { cohort, customers: members.length, active, shares: active.map((n) => (members.length === 0 ? 0 : n / members.length)) };
    });
    expect(cohortRetention(visits, months[0]!, AS_OF)).toEqual(expected);
  });

  it('the visit frequency over the whole year', () => {
    const perCustomer = new Map<string, Set<string>>();
    for (const r of rows) {
      if (r.invoice.startsWith('C')) continue;
      const set = perCustomer.get(r.customer) ?? new Set<string>();
      set.add(r.invoice);
      perCustomer.set(r.customer, set);
    }
    const counts = [...perCustomer.values()].map((s) => s.size);
    const inRange = (lo: number, hi: number) => counts.filter((n) => n >= lo && n <= hi).length;
    const buckets = visitFrequency(buildCustomerMonths(purchases, utcDayOf), months[0]!, months[months.length - 1]!);
    expect(buckets.map((b) => b.customers)).toEqual([inRange(1, 1), inRange(2, 2), inRange(3, 3), inRange(4, 4), inRange(5, 9), inRange(10, Infinity)]);
    expect(buckets.reduce((s, b) => s + b.customers, 0)).toBe(perCustomer.size);
  });
});
