import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  derivePointsLedger,
  orderPointsEntries,
  pointsEntry,
  pointsEntryProblems,
  pointsSummary,
  purchasePoints,
  purchaseReversalEntries,
  rolloverExpiries,
  type PointsEntry,
  type PointsEntryDraft,
  type PurchaseReversalOptions,
} from './pointsLedger';

const C = 'cust-1';
const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T10:00:00.000Z');
const at = (days: number) => new Date(T0 + days * DAY).toISOString();

function idMaker() {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

function ledger() {
  const newId = idMaker();
  const entries: PointsEntry[] = [];
  const add = (d: Omit<PointsEntryDraft, 'customerId'>) => {
    const e = pointsEntry({ customerId: C, ...d }, newId);
    entries.push(e);
    return e;
  };
  return { entries, add, newId };
}

const sum = (entries: readonly PointsEntry[]) => entries.reduce((s, e) => s + e.points, 0);

function options(newId: () => string, over: Partial<PurchaseReversalOptions> = {}): PurchaseReversalOptions {
  return { customerId: C, at: at(50), allowNegative: true, restoredExpiresAt: null, newId, ...over };
}

describe('derivePointsLedger', () => {
  it('balance is the sum; a redemption takes from the oldest batch first', () => {
    const l = ledger();
    const a = l.add({ kind: 'opening', points: 50, createdAt: at(0) });
    const b = l.add({ kind: 'earn', points: 100, createdAt: at(1), purchaseId: 'p1' });
    const c = l.add({ kind: 'bonus', points: 30, createdAt: at(2), rule: 'welcome' });
    l.add({ kind: 'redeem', points: -70, createdAt: at(3), rewardId: 'r1' });
    const s = derivePointsLedger(l.entries);
    expect(s.balance).toBe(110);
    expect(s.deficit).toBe(0);
    expect(s.batches.map((x) => [x.entryId, x.remaining])).toEqual([
      [a.id, 0],
      [b.id, 80],
      [c.id, 30],
    ]);
  });

  it('does not depend on the order the entries are read in; credits of one moment come before its debits', () => {
    const l = ledger();
    l.add({ kind: 'earn', points: 10, createdAt: at(0) });
    l.add({ kind: 'redeem', points: -15, createdAt: at(1) });
    l.add({ kind: 'earn', points: 20, createdAt: at(1) });
    l.add({ kind: 'earn', points: 5, createdAt: at(2) });
    const forward = derivePointsLedger(l.entries);
    const backward = derivePointsLedger([...l.entries].reverse());
    expect(backward).toEqual(forward);
    expect(forward.deficit).toBe(0);
    expect(forward.batches.map((b) => b.remaining)).toEqual([0, 15, 5]);
    expect(orderPointsEntries([...l.entries].reverse()).map((e) => e.points)).toEqual([10, 20, -15, 5]);
  });

  it('a debit beyond every batch is a deficit (a negative balance) that the next credits pay first', () => {
    const l = ledger();
    l.add({ kind: 'earn', points: 10, createdAt: at(0) });
    l.add({ kind: 'reverse', points: -25, createdAt: at(1), purchaseId: 'p', reverses: 'earned' });
    expect(derivePointsLedger(l.entries)).toMatchObject({ balance: -15, deficit: 15 });
    l.add({ kind: 'earn', points: 40, createdAt: at(2) });
    const s = derivePointsLedger(l.entries);
    expect(s).toMatchObject({ balance: 25, deficit: 0 });
    expect(s.batches.map((b) => b.remaining)).toEqual([0, 25]);
  });

  it('a redemption after a batch expired does not take from it, so the rollover still writes it off whole', () => {
    const l = ledger();
    l.add({ kind: 'earn', points: 100, createdAt: at(0), expiresAt: at(10) });
    l.add({ kind: 'earn', points: 100, createdAt: at(5), expiresAt: at(100) });
    l.add({ kind: 'redeem', points: -30, createdAt: at(12) });
    const s = derivePointsLedger(l.entries);
    expect(s.batches.map((b) => b.remaining)).toEqual([100, 70]);
    expect(pointsSummary(s, new Date(at(12)))).toMatchObject({ balance: 170, available: 70, dueToExpire: 100 });
  });
});

describe('expiry', () => {
  it('expiring soon: the points and the earliest date within the window; nothing when the window ends earlier', () => {
    const l = ledger();
    l.add({ kind: 'earn', points: 10, createdAt: at(0), expiresAt: at(40) });
    l.add({ kind: 'earn', points: 20, createdAt: at(1), expiresAt: at(45) });
    l.add({ kind: 'earn', points: 40, createdAt: at(2), expiresAt: at(90) });
    l.add({ kind: 'earn', points: 80, createdAt: at(3), expiresAt: null });
    l.add({ kind: 'redeem', points: -4, createdAt: at(4) });
    const s = derivePointsLedger(l.entries);
    expect(pointsSummary(s, new Date(at(20)), 30)).toEqual({
      balance: 146,
      available: 146,
      dueToExpire: 0,
      expiringSoon: { points: 26, earliestAt: at(40) },
    });
    expect(pointsSummary(s, new Date(at(20)), 10).expiringSoon).toEqual({ points: 0, earliestAt: null });
    expect(pointsSummary(s, new Date(at(42)), 30)).toMatchObject({ available: 140, dueToExpire: 6, expiringSoon: { points: 20, earliestAt: at(45) } });
  });

  it('the rollover writes off what remains of each expired batch, dated at its expiry, and never twice', () => {
    const l = ledger();
    const a = l.add({ kind: 'earn', points: 10, createdAt: at(0), expiresAt: at(40) });
    const b = l.add({ kind: 'earn', points: 20, createdAt: at(1), expiresAt: at(45) });
    l.add({ kind: 'earn', points: 40, createdAt: at(2), expiresAt: at(90) });
    l.add({ kind: 'redeem', points: -15, createdAt: at(4) });
    const due = rolloverExpiries(derivePointsLedger(l.entries), C, new Date(at(50)), l.newId);
    expect(due.map((e) => [e.kind, e.points, e.batchId, e.createdAt, e.rule])).toEqual([['expire', -15, b.id, at(45), 'rollover']]);
    expect(due.some((e) => e.batchId === a.id)).toBe(false);
    l.entries.push(...due);
    const after = derivePointsLedger(l.entries);
    expect(after.balance).toBe(40);
    expect(after.batches.find((x) => x.entryId === b.id)).toMatchObject({ remaining: 0, writtenOff: true });
    expect(rolloverExpiries(after, C, new Date(at(60)), l.newId)).toEqual([]);
    expect(rolloverExpiries(after, C, new Date(at(90)), l.newId).map((e) => e.points)).toEqual([-40]);
  });
});

describe('purchaseReversalEntries', () => {
  function purchase(allowNegative = true) {
    const l = ledger();
    l.add({ kind: 'earn', points: 500, createdAt: at(0), purchaseId: 'old' });
    l.add({ kind: 'redeem', points: -200, createdAt: at(10), purchaseId: 'p' });
    l.add({ kind: 'earn', points: 99, createdAt: at(10), purchaseId: 'p' });
    l.add({ kind: 'bonus', points: 1, createdAt: at(10), purchaseId: 'p', rule: 'welcome' });
    return { ...l, opts: options(l.newId, { allowNegative }) };
  }
  const target = { purchaseId: 'p', totalFen: 10_000, returnedFen: 0, voided: false };

  it('a void reverses what the purchase earned and gives back what it spent', () => {
    const l = purchase();
    const out = purchaseReversalEntries(l.entries, { ...target, voided: true }, l.opts);
    expect(out.map((e) => [e.kind, e.points, e.reverses, e.purchaseId])).toEqual([
      ['reverse', 200, 'spent', 'p'],
      ['reverse', -100, 'earned', 'p'],
    ]);
    expect(sum([...l.entries, ...out])).toBe(500);
    expect(out.every((e) => pointsEntryProblems(e).length === 0)).toBe(true);
  });

  it('a return takes back the share returned, rounded down, of both sides; later returns add up to the whole', () => {
    const l = purchase();
    const first = purchaseReversalEntries(l.entries, { ...target, returnedFen: 3_333 }, l.opts);
    // 100 × 0.3333 = 33.33 → 33 earned back; 200 × 0.3333 = 66.66 → 66 spent returned.
    expect(first.map((e) => e.points)).toEqual([66, -33]);
    l.entries.push(...first);
    expect(purchaseReversalEntries(l.entries, { ...target, returnedFen: 3_333 }, l.opts)).toEqual([]);
    const second = purchaseReversalEntries(l.entries, { ...target, returnedFen: 6_666 }, l.opts);
    expect(second.map((e) => e.points)).toEqual([67, -33]);
    l.entries.push(...second);
    const last = purchaseReversalEntries(l.entries, { ...target, returnedFen: 10_000 }, l.opts);
    l.entries.push(...last);
    expect(purchasePoints(l.entries, 'p')).toMatchObject({ earned: 100, spent: 200, reversedEarned: 100, returnedSpent: 200 });
    expect(purchaseReversalEntries(l.entries, { ...target, voided: true }, l.opts)).toEqual([]);
  });

  it('an edit that earns less lowers what the purchase earned: a later return takes its share of the corrected earning', () => {
    const l = purchase();
    // The edit: 99 earned becomes 59 (a correction of the earning, not a reversal).
    l.add({ kind: 'reverse', points: -40, createdAt: at(11), purchaseId: 'p', reverses: 'earned', rule: 'purchase' });
    expect(purchasePoints(l.entries, 'p')).toMatchObject({ earned: 60, reversedEarned: 0 });
    const half = purchaseReversalEntries(l.entries, { ...target, returnedFen: 5_000 }, l.opts);
    expect(half.map((e) => [e.reverses, e.points])).toEqual([
      ['spent', 100],
      ['earned', -30],
    ]);
    l.entries.push(...half);
    const voided = purchaseReversalEntries(l.entries, { ...target, voided: true }, l.opts);
    l.entries.push(...voided);
    expect(sum(l.entries)).toBe(500);
  });

  it('a reward redeemed with the purchase comes back on its own entry naming it, its share rounded down apart from the points paid', () => {
    const l = purchase();
    l.add({ kind: 'redeem', points: -50, createdAt: at(10), purchaseId: 'p', rewardId: 'voucher' });
    const third = purchaseReversalEntries(l.entries, { ...target, returnedFen: 3_333 }, l.opts);
    // 200 × 0.3333 → 66 of the points paid; 50 × 0.3333 → 16 of the reward's (together 82, not 83).
    expect(third.map((e) => [e.reverses, e.rewardId, e.points])).toEqual([
      ['spent', null, 66],
      ['spent', 'voucher', 16],
      ['earned', null, -33],
    ]);
    l.entries.push(...third);
    const voided = purchaseReversalEntries(l.entries, { ...target, voided: true }, l.opts);
    expect(voided.map((e) => [e.reverses, e.rewardId, e.points])).toEqual([
      ['spent', null, 134],
      ['spent', 'voucher', 34],
      ['earned', null, -67],
    ]);
    l.entries.push(...voided);
    expect(sum(l.entries)).toBe(500);
    expect(purchasePoints(l.entries, 'p').bySpend.get('voucher')).toEqual({ spent: 50, returned: 50 });
  });

  it('a voided return gives back what it took', () => {
    const l = purchase();
    l.entries.push(...purchaseReversalEntries(l.entries, { ...target, returnedFen: 5_000 }, l.opts));
    const undo = purchaseReversalEntries(l.entries, { ...target, returnedFen: 0 }, l.opts);
    expect(undo.map((e) => [e.points, e.reverses])).toEqual([
      [-100, 'spent'],
      [50, 'earned'],
    ]);
    l.entries.push(...undo);
    expect(sum(l.entries)).toBe(400);
  });

  it('stop at zero: the part of a reversal below zero is written off by its own entry; allowed: the balance goes negative', () => {
    const l = ledger();
    l.add({ kind: 'earn', points: 300, createdAt: at(0), purchaseId: 'p' });
    l.add({ kind: 'redeem', points: -250, createdAt: at(1), rewardId: 'gift' });
    const stop = purchaseReversalEntries(l.entries, { ...target, voided: true }, options(l.newId, { allowNegative: false }));
    expect(stop.map((e) => [e.kind, e.points, e.rule])).toEqual([
      ['reverse', -300, null],
      ['adjust', 250, 'reversal-write-off'],
    ]);
    const stopped = derivePointsLedger([...l.entries, ...stop]);
    expect(stopped).toMatchObject({ balance: 0, deficit: 0 });
    expect(stopped.batches.every((b) => b.remaining === 0)).toBe(true);
    const allow = purchaseReversalEntries(l.entries, { ...target, voided: true }, options(l.newId));
    expect(sum([...l.entries, ...allow])).toBe(-250);
  });

  it('stop at zero leaves a balance that was already negative as it was', () => {
    const l = ledger();
    l.add({ kind: 'earn', points: 10, createdAt: at(0), purchaseId: 'p' });
    l.add({ kind: 'adjust', points: -30, createdAt: at(1), note: 'typo' });
    const out = purchaseReversalEntries(l.entries, { ...target, voided: true }, options(l.newId, { allowNegative: false }));
    expect(out.map((e) => e.points)).toEqual([-10, 10]);
    expect(sum([...l.entries, ...out])).toBe(-20);
  });
});

describe('pointsEntryProblems', () => {
  const base = () => pointsEntry({ customerId: C, kind: 'earn', points: 5, createdAt: at(0) }, idMaker());
  it('accepts a well-formed entry and names each problem', () => {
    expect(pointsEntryProblems(base())).toEqual([]);
    expect(pointsEntryProblems({ ...base(), points: 1.5 })).toEqual(['points-not-integer']);
    expect(pointsEntryProblems({ ...base(), points: 0 })).toEqual(['points-zero']);
    expect(pointsEntryProblems({ ...base(), points: -5 })).toEqual(['points-sign-invalid']);
    expect(pointsEntryProblems({ ...base(), kind: 'redeem' })).toEqual(['points-sign-invalid']);
    expect(pointsEntryProblems({ ...base(), createdAt: 'soon' })).toEqual(['created-at-invalid']);
    expect(pointsEntryProblems({ ...base(), kind: 'expire', points: -5 })).toEqual(['expire-without-batch']);
    expect(pointsEntryProblems({ ...base(), kind: 'reverse' })).toEqual(['reverse-without-purchase', 'reverse-side-invalid']);
    expect(pointsEntryProblems({ ...base(), kind: 'adjust', points: -3 })).toEqual(['adjust-without-note']);
    expect(pointsEntryProblems({ ...base(), kind: 'adjust', points: -3, note: 'broken gift' })).toEqual([]);
  });
  it('a debit never carries an expiry', () => {
    expect(pointsEntry({ customerId: C, kind: 'redeem', points: -5, createdAt: at(0), expiresAt: at(9) }, idMaker()).expiresAt).toBeNull();
  });
});

// ---- properties ---------------------------------------------------------------------------------

type Op = { t: 'earn'; points: number } | { t: 'redeem'; share: number } | { t: 'adjust'; points: number } | { t: 'expire'; pick: number; points: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('earn' as const), points: fc.integer({ min: 1, max: 1000 }) }),
  fc.record({ t: fc.constant('redeem' as const), share: fc.double({ min: 0, max: 1.5, noNaN: true }) }),
  fc.record({ t: fc.constant('adjust' as const), points: fc.integer({ min: -500, max: 500 }).filter((n) => n !== 0) }),
  fc.record({ t: fc.constant('expire' as const), pick: fc.nat(), points: fc.integer({ min: 1, max: 800 }) }),
);

describe('ledger properties', () => {
  it('balance is the sum of the entries, no batch goes below zero, and sum(remaining) − deficit = balance', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 60, maxLength: 60 }), (ops, dayOf) => {
        const l = ledger();
        ops.forEach((op, i) => {
          const createdAt = at(dayOf[i]!);
          const balance = sum(l.entries);
          if (op.t === 'earn') l.add({ kind: 'earn', points: op.points, createdAt, expiresAt: op.points % 3 === 0 ? at(3) : null });
          else if (op.t === 'adjust') l.add({ kind: 'adjust', points: op.points, createdAt, note: 'x' });
          else if (op.t === 'redeem') {
            const p = Math.floor(Math.max(balance, 10) * op.share);
            if (p > 0) l.add({ kind: 'redeem', points: -p, createdAt });
          } else {
            const credits = l.entries.filter((e) => e.points > 0);
            const batch = credits[op.pick % Math.max(1, credits.length)];
            if (batch) l.add({ kind: 'expire', points: -op.points, createdAt, batchId: batch.id });
          }
        });
        const s = derivePointsLedger(l.entries);
        expect(s.balance).toBe(sum(l.entries));
        expect(s.deficit).toBeGreaterThanOrEqual(0);
        for (const b of s.batches) {
          expect(b.remaining).toBeGreaterThanOrEqual(0);
          expect(b.remaining).toBeLessThanOrEqual(b.points);
        }
        expect(s.batches.reduce((a, b) => a + b.remaining, 0) - s.deficit).toBe(s.balance);
      }),
      { numRuns: 300 },
    );
  });

  it('a void after any earns and redemptions (and partial returns) restores the balance before the purchase', () => {
    const ops = fc.array(fc.oneof(fc.record({ t: fc.constant('earn' as const), points: fc.integer({ min: 1, max: 1000 }) }), fc.record({ t: fc.constant('redeem' as const), share: fc.double({ min: 0, max: 1, noNaN: true }) })), {
      maxLength: 20,
    });
    fc.assert(
      fc.property(
        ops,
        fc.integer({ min: 0, max: 2000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ops,
        fc.array(fc.integer({ min: 1, max: 9_999 }), { maxLength: 3 }),
        fc.boolean(),
        (before, earned, spendShare, after, returns, allowNegative) => {
          const l = ledger();
          let day = 0;
          const run = (list: typeof before) => {
            for (const op of list) {
              day += 1;
              if (op.t === 'earn') l.add({ kind: 'earn', points: op.points, createdAt: at(day), purchaseId: `other-${day}` });
              else {
                const p = Math.floor(Math.max(0, sum(l.entries)) * op.share);
                if (p > 0) l.add({ kind: 'redeem', points: -p, createdAt: at(day), rewardId: 'r' });
              }
            }
          };
          run(before);
          const balanceBefore = sum(l.entries);
          day += 1;
          const spent = Math.floor(balanceBefore * spendShare);
          if (spent > 0) l.add({ kind: 'redeem', points: -spent, createdAt: at(day), purchaseId: 'p' });
          if (earned > 0) l.add({ kind: 'earn', points: earned, createdAt: at(day), purchaseId: 'p' });
          const mark = l.entries.length;
          run(after);
          const afterNet = sum(l.entries.slice(mark));
          const opts = options(l.newId, { allowNegative });
          let returned = 0;
          for (const r of returns) {
            returned = Math.min(10_000, returned + r);
            day += 1;
            l.entries.push(...purchaseReversalEntries(l.entries, { purchaseId: 'p', totalFen: 10_000, returnedFen: returned, voided: false }, { ...opts, at: at(day) }));
          }
          day += 1;
          l.entries.push(...purchaseReversalEntries(l.entries, { purchaseId: 'p', totalFen: 10_000, returnedFen: returned, voided: true }, { ...opts, at: at(day) }));
          const s = derivePointsLedger(l.entries);
          const writtenOff = sum(l.entries.filter((e) => e.rule === 'reversal-write-off'));
          expect(s.balance).toBe(sum(l.entries));
          expect(s.balance).toBe(balanceBefore + afterNet + writtenOff);
          if (allowNegative) expect(writtenOff).toBe(0);
          else expect(s.balance).toBeGreaterThanOrEqual(0);
          expect(purchaseReversalEntries(l.entries, { purchaseId: 'p', totalFen: 10_000, returnedFen: returned, voided: true }, opts)).toEqual([]);
          for (const b of s.batches) expect(b.remaining).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('expiry takes the oldest first: after each rollover only the newest batches hold points, all but the first untouched', () => {
    type Step = { t: 'earn'; points: number; gap: number } | { t: 'redeem'; share: number; gap: number } | { t: 'rollover'; gap: number };
    const gap = fc.integer({ min: 0, max: 15 });
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ t: fc.constant('earn' as const), points: fc.integer({ min: 1, max: 500 }), gap }),
      fc.record({ t: fc.constant('redeem' as const), share: fc.double({ min: 0, max: 1, noNaN: true }), gap }),
      fc.record({ t: fc.constant('rollover' as const), gap }),
    );
    /** Oldest first: of the batches still valid at `now`, those holding points are the newest, and only the first of them was taken from. */
    const expectFifo = (s: ReturnType<typeof derivePointsLedger>, now: Date) => {
      const valid = s.batches.filter((b) => Date.parse(b.expiresAt!) > now.getTime());
      const first = valid.findIndex((b) => b.remaining > 0);
      if (first < 0) return;
      for (let i = first + 1; i < valid.length; i++) expect(valid[i]!.remaining).toBe(valid[i]!.points);
    };
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 50 }), fc.integer({ min: 10, max: 150 }), (steps, lifeDays) => {
        const l = ledger();
        let day = 0;
        for (const s of steps) {
          day += s.gap;
          const now = new Date(at(day));
          if (s.t === 'earn') l.add({ kind: 'earn', points: s.points, createdAt: at(day), expiresAt: at(day + lifeDays) });
          else if (s.t === 'redeem') {
            const p = Math.floor(pointsSummary(derivePointsLedger(l.entries), now).available * s.share);
            if (p > 0) l.add({ kind: 'redeem', points: -p, createdAt: at(day) });
          } else {
            const state = derivePointsLedger(l.entries);
            const due = rolloverExpiries(state, C, now, l.newId);
            for (const e of due) {
              const b = state.batches.find((x) => x.entryId === e.batchId)!;
              expect(Date.parse(b.expiresAt!)).toBeLessThanOrEqual(now.getTime());
              expect(e.points).toBe(-b.remaining);
            }
            l.entries.push(...due);
            const after = derivePointsLedger(l.entries);
            expect(rolloverExpiries(after, C, now, l.newId)).toEqual([]);
            expect(after.deficit).toBe(0);
            // Written off: only batches older than every batch still holding points, and none still holds expired points.
            const firstHolding = after.batches.findIndex((b) => b.remaining > 0);
            const lastWrittenOff = Math.max(-1, ...after.batches.map((b, i) => (b.writtenOff ? i : -1)));
            if (firstHolding >= 0) expect(lastWrittenOff).toBeLessThan(firstHolding);
            for (const b of after.batches) if (b.remaining > 0) expect(Date.parse(b.expiresAt!)).toBeGreaterThan(now.getTime());
          }
          const state = derivePointsLedger(l.entries);
          expectFifo(state, now);
          expect(state.balance).toBe(sum(l.entries));
        }
      }),
      { numRuns: 300 },
    );
  });
});
