import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makePurchase } from '../../test/factories/purchase';
import { ANONYMOUS_CUSTOMER_ID, anonymisedPurchases, batchWithout, entriesMissingFrom, personIds, unionOfRegisters, type ErasableBatch, type ErasureEntry } from './erasure';

describe('anonymisedPurchases', () => {
  it('keeps the amounts, lines, dates, voids and returns and drops the customer and every free text', () => {
    const p = makePurchase({ id: 'p-1', customerId: 'c-1', note: '送到家', paymentNote: '他的卡', totalFen: 12_300 });
    const voided = { ...p, voidedAt: '2026-02-01T00:00:00.000Z', isVoided: 1 as const, voidReason: '张三买错了', returnOf: 'p-0' };
    const out = anonymisedPurchases([voided], '2026-03-01T00:00:00.000Z', () => 'n-1');
    expect(out.purchases).toEqual([
      { ...voided, id: 'n-1', customerId: ANONYMOUS_CUSTOMER_ID, note: '', paymentNote: '', voidReason: '', updatedAt: '2026-03-01T00:00:00.000Z' },
    ]);
    expect(out.ids).toEqual(new Map([['p-1', 'n-1']]));
  });

  it('gives every purchase a new id, none of the old ones, and a return among them its original\'s new id', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.nat(), { maxLength: 12 }), (n, links) => {
        const old = Array.from({ length: n }, (_, i) => makePurchase({ id: `p-${i}`, customerId: 'c-1', totalFen: 100 * (i + 1) }));
        // Some purchases are returns of an earlier one among them, one of a purchase that is not.
        links.forEach((l, i) => {
          const target = old[i % n]!;
          if (i % n !== 0) target.returnOf = l % 3 === 0 ? 'elsewhere' : `p-${l % (i % n)}`;
        });
        let next = 0;
        const out = anonymisedPurchases(old, '2026-03-01T00:00:00.000Z', () => `n-${next++}`);
        const oldIds = new Set(old.map((p) => p.id));
        expect(out.purchases.some((p) => oldIds.has(p.id) || (p.returnOf !== null && oldIds.has(p.returnOf)))).toBe(false);
        expect(new Set(out.purchases.map((p) => p.id)).size).toBe(n);
        out.purchases.forEach((p, i) => {
          const before = old[i]!.returnOf;
          expect(p.returnOf).toBe(before === null ? null : (out.ids.get(before) ?? before));
          expect(p.totalFen).toBe(old[i]!.totalFen);
        });
      }),
    );
  });
});

describe('personIds', () => {
  const merges: Record<string, string[][]> = {
    a: [['a', 'b']],
    b: [['a', 'b'], ['b', 'c']],
    c: [['b', 'c']],
    x: [],
  };
  const mergesOf = async (id: string) => (merges[id] ?? []).map((customerIds) => ({ customerIds }));

  it('follows merges to every record merged in, however deep, each once', async () => {
    expect((await personIds('a', mergesOf)).sort()).toEqual(['a', 'b', 'c']);
  });

  it('is the customer alone when nothing was merged', async () => {
    expect(await personIds('x', mergesOf)).toEqual(['x']);
  });
});

describe('batchWithout', () => {
  const batch: ErasableBatch & { fileName: string } = {
    fileName: 'vip.csv',
    createdCustomerIds: ['a', 'k'],
    updatedCustomers: [{ id: 'b', before: { name: '张三' } }, { id: 'k2', before: { name: '李四' } }],
    purchaseIds: ['p1', 'p2'],
    interactionIds: ['i1'],
    consentEventIds: ['e1', 'e2'],
  };

  it('leaves out the erased ids, their kept records and what the erasure removed; keeps the rest', () => {
    expect(batchWithout(batch, new Set(['a', 'b']), new Set(['p2', 'e1', 'i1']))).toEqual({
      fileName: 'vip.csv',
      createdCustomerIds: ['k'],
      updatedCustomers: [{ id: 'k2', before: { name: '李四' } }],
      purchaseIds: ['p1'],
      interactionIds: [],
      consentEventIds: ['e2'],
    });
  });

  it('lists a purchase kept anonymised under its new id', () => {
    expect(batchWithout(batch, new Set(['z']), new Set(), new Map([['p2', 'n2']]))).toEqual({ ...batch, purchaseIds: ['p1', 'n2'] });
  });

  it('is null for a batch that named none of it, and keeps a batch without consent ids so', () => {
    expect(batchWithout(batch, new Set(['z']), new Set(['q']))).toBeNull();
    const { consentEventIds: _ids, ...old } = batch;
    const out = batchWithout(old, new Set(['a']), new Set());
    expect(out).not.toBeNull();
    expect('consentEventIds' in out!).toBe(false);
  });
});

describe('unionOfRegisters', () => {
  const entry = (id: string, day: number, purchases: ErasureEntry['purchases'] = 'delete'): ErasureEntry => ({
    id,
    erasedAt: `2026-03-${String(day).padStart(2, '0')}T10:00:00.000Z`,
    purchases,
  });

  it('names every id once, with its earliest erasure and the choice made then, oldest first', () => {
    const union = unionOfRegisters([entry('b', 5, 'anonymise'), entry('a', 9)], [entry('b', 2), entry('c', 1)]);
    expect(union).toEqual([entry('c', 1), entry('b', 2), entry('a', 9)]);
  });

  it('never loses an entry and never depends on the order it was given the copies in', () => {
    const arbEntry = fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), day: fc.integer({ min: 1, max: 28 }), purchases: fc.constantFrom('delete' as const, 'anonymise' as const) });
    const arbRegister = fc.array(arbEntry.map((e) => entry(e.id, e.day, e.purchases)), { maxLength: 8 });
    fc.assert(
      fc.property(arbRegister, arbRegister, (x, y) => {
        const union = unionOfRegisters(x, y);
        expect(new Set(union.map((e) => e.id))).toEqual(new Set([...x, ...y].map((e) => e.id)));
        for (const e of [...x, ...y]) expect(union.find((u) => u.id === e.id)!.erasedAt <= e.erasedAt).toBe(true);
        expect(unionOfRegisters(y, x).map((e) => [e.id, e.erasedAt])).toEqual(union.map((e) => [e.id, e.erasedAt]));
        expect(unionOfRegisters(union, x)).toEqual(union);
      }),
    );
  });
});

describe('entriesMissingFrom', () => {
  it('is what the other copy lacks, or knows only with a later date', () => {
    const a = { id: 'a', erasedAt: '2026-03-01T00:00:00.000Z', purchases: 'delete' as const };
    const b = { id: 'b', erasedAt: '2026-03-02T00:00:00.000Z', purchases: 'delete' as const };
    expect(entriesMissingFrom([a, b], [b])).toEqual([a]);
    expect(entriesMissingFrom([a], [{ ...a, erasedAt: '2026-03-05T00:00:00.000Z' }])).toEqual([a]);
    expect(entriesMissingFrom([a], [{ ...a, erasedAt: '2026-02-05T00:00:00.000Z' }])).toEqual([]);
  });
});
