import { describe, expect, it } from 'vitest';
import { createRng } from '../../shared/domain/random';
import { buildDataset, seededUuid, selectSpread } from './dataset';

const NOW = Date.parse('2026-11-23T10:00:00.000Z');

describe('bench dataset', () => {
  it('selects exactly the asked count, in order, spread over the whole list', () => {
    const items = Array.from({ length: 1_000 }, (_, i) => i);
    const picked = selectSpread(items, 250, createRng(1));
    expect(picked).toHaveLength(250);
    expect([...picked].sort((a, b) => a - b)).toEqual(picked);
    expect(new Set(picked).size).toBe(250);
    expect(picked.filter((i) => i < 500).length).toBeGreaterThan(90);
    expect(picked.filter((i) => i >= 500).length).toBeGreaterThan(90);
    expect(selectSpread(items, 5_000, createRng(1))).toHaveLength(1_000);
  });

  it('makes version-4 UUIDs', () => {
    const rng = createRng(3);
    for (let i = 0; i < 50; i++) expect(seededUuid(rng)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('builds the asked counts, the same for the same options, purchases and contacts only of customers with a phone', () => {
    const options = { customers: 200, purchases: 3_000, contacts: 600, seed: 11, nowMs: NOW };
    const a = buildDataset(options);
    const b = buildDataset(options);
    expect(a.customers).toHaveLength(200);
    expect(a.purchases).toHaveLength(3_000);
    expect(a.contacts).toHaveLength(600);
    // 200 customers make about 2,200 purchases per pass: 3,000 needs a second pass.
    expect(a.extraPasses).toBeGreaterThan(0);
    expect(b.purchases.map((p) => p.id)).toEqual(a.purchases.map((p) => p.id));
    expect(new Set(a.purchases.map((p) => p.id)).size).toBe(3_000);
    const withPhone = new Set(a.customers.filter((c) => c.fields.phones.length > 0).map((c) => c.id));
    expect(a.purchases.every((p) => withPhone.has(p.customerId))).toBe(true);
    expect(a.contacts.every((i) => withPhone.has(i.customerId))).toBe(true);
    const times = a.purchases.map((p) => p.purchasedAt);
    expect([...times].sort()).toEqual(times);
    expect(times.every((t) => Date.parse(t) <= NOW)).toBe(true);
  });
});
