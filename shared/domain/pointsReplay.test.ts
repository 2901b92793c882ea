// The UCI Online Retail sample replayed through the points rules and the ledger (cancellations as returns,
// paying with points, expiry at each visit's rollover), checked against a plain calculation written here.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  derivePointsLedger,
  pointsEntry,
  pointsSummary,
  purchaseReversalEntries,
  rolloverExpiries,
  type PointsEntry,
} from './pointsLedger';
import { batchExpiresAt, DEFAULT_POINTS_RULES, earningEntries, pointsForPurchase, validatePointsRules, type PointsPurchaseLine, type PointsRules } from './pointsRules';
import { pointsPayment } from './rewards';

const EXCLUDED_CODES = ['POST', 'DOT', 'M', 'BANK CHARGES', 'AMAZONFEE'];
const REDEEM_FROM = 100;
const WELCOME = 20;
const RULES: PointsRules = (() => {
  const r = validatePointsRules({
    ...DEFAULT_POINTS_RULES,
    earn: { points: 1, perFen: 100, rounding: 'down' },
    excludedProducts: EXCLUDED_CODES,
    excludedCategories: ['gift voucher'],
    memberDay: { days: { kind: 'month-days', days: [8, 18, 28] }, multiplier: 1.5 },
    birthday: { window: 'none', multiplier: 2 },
    combine: 'multiply',
    welcomeBonus: WELCOME,
    redeem: { points: 100, fen: 100, maxPercent: 50 },
    expiry: [{ kind: 'months', months: 3, from: '1970-01-01T00:00:00.000Z' }],
    negativeBalance: 'stop-at-zero',
  });
  if (!r.ok) throw new Error(r.reason.join());
  return r.value;
})();

interface Line {
  code: string;
  quantity: number;
  priceFen: number;
}
interface Invoice {
  no: string;
  customer: string;
  /** "2010-12-01 08:26:00" as written. */
  when: string;
  lines: Line[];
  cancel: boolean;
}

/** Invoices with a customer, in the file's order (which is by time). */
function readInvoices(): Invoice[] {
  const text = readFileSync(new URL('../../../shared/data/online-retail-sample.csv', import.meta.url), 'utf8');
  const rows = Papa.parse(text, { skipEmptyLines: true }).data;
  const [header, ...body] = rows;
  const col = (n: string) => header!.indexOf(n);
  const [cNo, cCode, cQty, cDate, cPrice, cCust] = ['InvoiceNo', 'StockCode', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID'].map(col) as [number, number, number, number, number, number];
  const byNo = new Map<string, Invoice>();
  for (const r of body) {
    const customer = r[cCust]!;
    if (customer === '' || customer === '0.0') continue;
    const no = r[cNo]!;
    const inv = byNo.get(no) ?? { no, customer, when: r[cDate]!, lines: [], cancel: no.startsWith('C') };
    inv.lines.push({ code: r[cCode]!, quantity: Number(r[cQty]), priceFen: Math.round(Number(r[cPrice]) * 100) });
    byNo.set(no, inv);
  }
  return [...byNo.values()].sort((a, b) => (a.when < b.when ? -1 : a.when > b.when ? 1 : 0));
}

/** The invoice's local time (the file has no zone; the shop's clock is local), so its day of month is the file's. */
function localTime(when: string): Date {
  const [d, t] = when.split(' ') as [string, string];
  const [y, mo, day] = d.split('-').map(Number) as [number, number, number];
  const [h, mi] = t.split(':').map(Number) as [number, number];
  return new Date(y, mo - 1, day, h, mi);
}

const totalOf = (inv: Invoice) => inv.lines.reduce((s, l) => s + l.quantity * l.priceFen, 0);
const isVip = (customer: string) => Number.parseInt(customer, 10) % 5 === 0;

/** What a cancellation returns of which invoice: of the customer's latest earlier invoice not yet returned in full, at most what is left of it. */
type Match = { original: Invoice; fen: number } | null;

/**
 * The file does not say which invoice a cancellation cancels (and the sample often holds none of it):
 * the customer's latest earlier invoice with enough left, else their latest with anything left
 * (returning what is left of it); null when none.
 */
function matchCancellations(invoices: Invoice[]): Map<string, Match> {
  const left = new Map<string, number>();
  const seen = new Map<string, Invoice[]>();
  const out = new Map<string, Match>();
  for (const inv of invoices) {
    const mine = seen.get(inv.customer) ?? [];
    if (inv.cancel) {
      const amount = -totalOf(inv);
      const newestFirst = [...mine].reverse();
      const original = newestFirst.find((o) => left.get(o.no)! >= amount) ?? newestFirst.find((o) => left.get(o.no)! > 0) ?? null;
      if (original) {
        const fen = Math.min(amount, left.get(original.no)!);
        left.set(original.no, left.get(original.no)! - fen);
        out.set(inv.no, { original, fen });
      } else out.set(inv.no, null);
    } else if (totalOf(inv) > 0) {
      mine.push(inv);
      left.set(inv.no, totalOf(inv));
      seen.set(inv.customer, mine);
    }
  }
  return out;
}

interface Outcome {
  balance: number;
  earned: number;
  bonus: number;
  redeemed: number;
  expired: number;
  reversedEarned: number;
  returnedSpent: number;
  writtenOff: number;
}
const zero = (): Outcome => ({ balance: 0, earned: 0, bonus: 0, redeemed: 0, expired: 0, reversedEarned: 0, returnedSpent: 0, writtenOff: 0 });

/** Through the domain modules, as the app will. */
function replayThroughLedger(invoices: Invoice[], originals: Map<string, Match>, end: Date) {
  let n = 0;
  const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  const ledgers = new Map<string, PointsEntry[]>();
  const bought = new Set<string>();
  const returned = new Map<string, number>();
  for (const inv of invoices) {
    const at = localTime(inv.when);
    const iso = at.toISOString();
    const entries = ledgers.get(inv.customer) ?? [];
    ledgers.set(inv.customer, entries);
    entries.push(...rolloverExpiries(derivePointsLedger(entries), inv.customer, at, newId));
    const total = totalOf(inv);
    if (inv.cancel) {
      const match = originals.get(inv.no);
      if (!match) continue;
      const { original } = match;
      const r = (returned.get(original.no) ?? 0) + match.fen;
      returned.set(original.no, r);
      entries.push(
        ...purchaseReversalEntries(
          entries,
          { purchaseId: original.no, totalFen: totalOf(original), returnedFen: r, voided: false },
          { customerId: inv.customer, at: iso, allowNegative: RULES.negativeBalance === 'allow', restoredExpiresAt: batchExpiresAt(RULES, at), newId },
        ),
      );
      continue;
    }
    if (total <= 0) continue;
    const { available } = pointsSummary(derivePointsLedger(entries), at);
    let paidWithPointsFen = 0;
    if (available >= REDEEM_FROM) {
      const pay = pointsPayment(RULES, total, available, available);
      paidWithPointsFen = pay.fen;
      if (pay.points > 0) entries.push(pointsEntry({ customerId: inv.customer, kind: 'redeem', points: -pay.points, createdAt: iso, purchaseId: inv.no }, newId));
    }
    const lines: PointsPurchaseLine[] = inv.lines.map((l) => ({ product: l.code, category: l.code.startsWith('gift_') ? 'Gift Voucher' : 'goods', quantity: l.quantity, unitPriceFen: l.priceFen }));
    const earning = pointsForPurchase(
      RULES,
      { purchasedAt: iso, lines, totalFen: total, paidWithPointsFen },
      { tierId: null, tierMultiplier: isVip(inv.customer) ? 2 : 1, birthday: null, isFirstPurchase: !bought.has(inv.customer) },
      at,
    );
    bought.add(inv.customer);
    entries.push(...earningEntries(earning, { customerId: inv.customer, purchaseId: inv.no }, iso, newId));
  }
  const out = new Map<string, Outcome>();
  for (const [customer, entries] of ledgers) {
    entries.push(...rolloverExpiries(derivePointsLedger(entries), customer, end, newId));
    const o = zero();
    o.balance = pointsSummary(derivePointsLedger(entries), end).available;
    for (const e of entries) {
      if (e.kind === 'earn') o.earned += e.points;
      else if (e.kind === 'bonus') o.bonus += e.points;
      else if (e.kind === 'redeem') o.redeemed -= e.points;
      else if (e.kind === 'expire') o.expired -= e.points;
      else if (e.kind === 'reverse' && e.reverses === 'earned') o.reversedEarned -= e.points;
      else if (e.kind === 'reverse') o.returnedSpent += e.points;
      else if (e.kind === 'adjust' && e.rule === 'reversal-write-off') o.writtenOff += e.points;
    }
    expect(o.balance).toBe(entries.reduce((s, e) => s + e.points, 0));
    out.set(customer, o);
  }
  return out;
}

/** The same story told plainly: batches in an array, oldest first, each with its expiry. */
function replayPlainly(invoices: Invoice[], originals: Map<string, Match>, end: Date) {
  type Batch = { left: number; expires: number };
  const state = new Map<string, { batches: Batch[]; o: Outcome }>();
  const perPurchase = new Map<string, { earned: number; spent: number; reversed: number; back: number; returned: number; total: number }>();
  const bought = new Set<string>();
  const daysIn = (y: number, m0: number) => new Date(y, m0 + 1, 0).getDate();
  // Three months on, the day clamped to the month's end; valid through that day.
  const expiryOf = (at: Date) => {
    const y = at.getFullYear();
    const m0 = at.getMonth() + 3;
    return new Date(y, m0, Math.min(at.getDate(), daysIn(y, m0)) + 1).getTime();
  };
  const expire = (s: { batches: Batch[]; o: Outcome }, t: number) => {
    for (const b of s.batches) {
      if (b.expires <= t && b.left > 0) {
        s.o.expired += b.left;
        b.left = 0;
      }
    }
  };
  const take = (s: { batches: Batch[] }, points: number) => {
    let need = points;
    for (const b of s.batches) {
      const x = Math.min(b.left, need);
      b.left -= x;
      need -= x;
    }
    return need;
  };
  const excluded = new Set(EXCLUDED_CODES.map((c) => c.toUpperCase()));
  for (const inv of invoices) {
    const at = localTime(inv.when);
    const t = at.getTime();
    const s = state.get(inv.customer) ?? { batches: [], o: zero() };
    state.set(inv.customer, s);
    expire(s, t);
    const total = totalOf(inv);
    const holding = () => s.batches.reduce((a, b) => a + b.left, 0);
    if (inv.cancel) {
      const match = originals.get(inv.no);
      if (!match) continue;
      const p = perPurchase.get(match.original.no)!;
      p.returned += match.fen;
      const reversed = Math.floor((p.earned * p.returned) / p.total) - p.reversed;
      const back = Math.floor((p.spent * p.returned) / p.total) - p.back;
      p.reversed += reversed;
      p.back += back;
      s.o.reversedEarned += reversed;
      s.o.returnedSpent += back;
      if (back > 0) s.batches.push({ left: back, expires: expiryOf(at) });
      s.o.writtenOff += take(s, reversed);
      continue;
    }
    if (total <= 0) continue;
    let spent = 0;
    if (holding() >= REDEEM_FROM) {
      spent = Math.min(holding(), Math.floor(total / 2));
      take(s, spent);
      s.o.redeemed += spent;
    }
    const paid = total - spent;
    const all = inv.lines.reduce((a, l) => a + l.quantity * l.priceFen, 0);
    const earning = inv.lines.filter((l) => !excluded.has(l.code.toUpperCase()) && !l.code.startsWith('gift_')).reduce((a, l) => a + l.quantity * l.priceFen, 0);
    const eligible = earning >= all ? paid : earning <= 0 ? 0 : Math.floor((paid * earning) / all);
    const base = Math.floor(eligible / 100);
    const memberDay = [8, 18, 28].includes(Number(inv.when.slice(8, 10)));
    const earned = Math.floor(base * (isVip(inv.customer) ? 2 : 1) * (memberDay ? 1.5 : 1));
    const bonus = bought.has(inv.customer) ? 0 : WELCOME;
    bought.add(inv.customer);
    s.batches.push({ left: earned + bonus, expires: expiryOf(at) });
    s.o.earned += earned;
    s.o.bonus += bonus;
    perPurchase.set(inv.no, { earned: earned + bonus, spent, reversed: 0, back: 0, returned: 0, total });
  }
  const out = new Map<string, Outcome>();
  for (const [customer, s] of state) {
    expire(s, end.getTime());
    s.o.balance = s.batches.reduce((a, b) => a + b.left, 0);
    out.set(customer, s.o);
  }
  return out;
}

describe('points replay of the Online Retail sample', () => {
  it('gives every customer what a plain calculation gives: earned, bonuses, redeemed, expired, reversed, written off, balance', () => {
    const invoices = readInvoices();
    const originals = matchCancellations(invoices);
    const last = invoices[invoices.length - 1]!;
    const end = new Date(localTime(last.when).getTime() + 86_400_000);
    const ledger = replayThroughLedger(invoices, originals, end);
    const plain = replayPlainly(invoices, originals, end);
    // 875 CustomerIDs in the file, one of them "0.0" (none).
    expect(ledger.size).toBe(874);
    expect([...ledger.keys()].sort()).toEqual([...plain.keys()].sort());
    for (const [customer, o] of ledger) expect({ customer, ...o }).toEqual({ customer, ...plain.get(customer) });

    // The replay goes through every path, not only earning.
    const sum = (k: keyof Outcome) => [...ledger.values()].reduce((a, o) => a + o[k], 0);
    const matched = [...originals.values()].filter((o) => o !== null).length;
    expect(originals.size).toBe(42);
    expect(matched).toBe(11);
    expect(sum('earned')).toBeGreaterThan(100_000);
    expect(sum('bonus')).toBe(WELCOME * [...new Set(invoices.filter((i) => !i.cancel && totalOf(i) > 0).map((i) => i.customer))].length);
    for (const k of ['redeemed', 'expired', 'reversedEarned', 'returnedSpent', 'writtenOff'] as const) expect(sum(k)).toBeGreaterThan(0);
    expect(sum('balance')).toBe(sum('earned') + sum('bonus') - sum('redeemed') - sum('expired') - sum('reversedEarned') + sum('returnedSpent') + sum('writtenOff'));
  });
});
