import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { emptyCustomerFields } from './customer';
import { changedFieldNames, canonicalJson, chainEntry, ChainChecker, GENESIS_HASH, hashOfEntry, verifyChain, type AuditContent, type AuditEntry } from './auditChain';

function content(i: number, over: Partial<AuditContent> = {}): AuditContent {
  return {
    id: `e-${i}`,
    at: `2026-03-01T10:00:${String(i).padStart(2, '0')}.000Z`,
    actor: i % 2 ? 'owner' : 'clerk',
    kind: 'purchase.record',
    customerIds: [`c-${i}`],
    refs: [`p-${i}`],
    facts: { totalFen: 1000 * i, returned: false },
    ...over,
  };
}

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 1; i <= n; i++) out.push(chainEntry(out[out.length - 1] ?? null, content(i)));
  return out;
}

describe('canonicalJson', () => {
  it('sorts keys at every level, leaves undefined out and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: 'x' }, u: undefined })).toBe('{"a":{"c":"x","d":[3,1]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('refuses what JSON cannot say', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(() => canonicalJson({ n: Infinity })).toThrow();
    expect(() => canonicalJson({ f: () => 1 })).toThrow();
  });
});

describe('the hash of an entry', () => {
  it('is SHA-256 over the canonical content, the previous hash included', () => {
    const [first] = chain(1);
    const { hash: _hash, ...rest } = first!;
    expect(first!.hash).toBe(createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex'));
    expect(first!.prevHash).toBe(GENESIS_HASH);
    expect(first!.seq).toBe(1);
  });

  it('leaves the snapshot out, so erasing personal data from it keeps the chain', () => {
    const entry = chainEntry(null, content(1, { snapshot: { name: '张三' } }));
    expect(hashOfEntry({ ...entry, snapshot: null })).toBe(entry.hash);
    expect(verifyChain([{ ...entry, snapshot: undefined }]).status).toBe('intact');
  });

  it('changes with any field, and with Chinese text', () => {
    const base = chainEntry(null, content(1, { facts: { code: '会员' } }));
    for (const changed of [{ actor: 'clerk' as const }, { kind: 'purchase.void' }, { customerIds: ['c-2'] }, { facts: { code: '会員' } }, { at: '2026-03-01T10:00:02.000Z' }]) {
      expect(chainEntry(null, content(1, { facts: { code: '会员' }, ...changed })).hash).not.toBe(base.hash);
    }
  });
});

describe('verifyChain', () => {
  it('passes a clean chain, and an empty one', () => {
    const entries = chain(20);
    expect(verifyChain(entries)).toEqual({ status: 'intact', count: 20, head: { seq: 20, hash: entries[19]!.hash } });
    expect(verifyChain([])).toEqual({ status: 'intact', count: 0, head: null });
  });

  it('detects an edited entry, whichever field changed', () => {
    for (const edit of [
      (e: AuditEntry) => ({ ...e, facts: { ...e.facts, totalFen: 1 } }),
      (e: AuditEntry) => ({ ...e, actor: e.actor === 'owner' ? ('clerk' as const) : ('owner' as const) }),
      (e: AuditEntry) => ({ ...e, at: '2025-01-01T00:00:00.000Z' }),
      (e: AuditEntry) => ({ ...e, customerIds: [] }),
      (e: AuditEntry) => ({ ...e, hash: hashOfEntry({ ...e, kind: 'x' }) }),
    ]) {
      const entries = chain(10);
      entries[4] = edit(entries[4]!);
      expect(verifyChain(entries)).toMatchObject({ status: 'broken', problem: 'edited', seq: 5, entryId: 'e-5', count: 10 });
    }
  });

  it('detects a deleted entry: in the middle, the first, and with the rest renumbered', () => {
    const middle = chain(10).filter((e) => e.seq !== 6);
    expect(verifyChain(middle)).toMatchObject({ status: 'broken', problem: 'missing', seq: 7 });
    const first = chain(5).slice(1);
    expect(verifyChain(first)).toMatchObject({ status: 'broken', problem: 'missing', seq: 2 });
    // Renumbered by hand: the numbers follow on, but each changed entry's hash no longer fits.
    const renumbered = chain(6).filter((e) => e.seq !== 3).map((e, i) => ({ ...e, seq: i + 1 }));
    expect(verifyChain(renumbered)).toMatchObject({ status: 'broken', problem: 'edited', seq: 3 });
  });

  it('detects entries reordered, as stored or by swapping their numbers', () => {
    const entries = chain(6);
    const swapped = [entries[0]!, entries[2]!, entries[1]!, ...entries.slice(3)];
    expect(verifyChain(swapped).status).toBe('broken');
    const renumbered = entries.map((e) => (e.seq === 2 ? { ...e, seq: 3 } : e.seq === 3 ? { ...e, seq: 2 } : e)).sort((a, b) => a.seq - b.seq);
    expect(verifyChain(renumbered)).toMatchObject({ status: 'broken', problem: 'edited', seq: 2 });
  });

  it('detects an entry put in: hashed correctly but not linked, or numbered twice', () => {
    const entries = chain(6);
    // A forger who hashes a new entry onto entry 3 and renumbers the rest still breaks entry 4's link.
    const forged = chainEntry(entries[2]!, content(99));
    const rest = entries.slice(3).map((e) => {
      const renumbered = { ...e, seq: e.seq + 1 };
      return { ...renumbered, hash: hashOfEntry(renumbered) };
    });
    expect(verifyChain([...entries.slice(0, 3), forged, ...rest])).toMatchObject({ status: 'broken', problem: 'unlinked', seq: 5 });
    const twice = [...entries.slice(0, 3), { ...forged, seq: 3 }, ...entries.slice(3)];
    expect(verifyChain(twice)).toMatchObject({ status: 'broken', problem: 'out-of-order', seq: 3 });
  });

  it('checks in pieces as it does in one go', () => {
    const entries = chain(25);
    const checker = new ChainChecker();
    for (let i = 0; i < entries.length; i += 7) checker.feed(entries.slice(i, i + 7));
    expect(checker.result()).toEqual(verifyChain(entries));
    entries[11] = { ...entries[11]!, kind: 'customer.edit' };
    const again = new ChainChecker();
    for (let i = 0; i < entries.length; i += 7) again.feed(entries.slice(i, i + 7));
    expect(again.result()).toEqual(verifyChain(entries));
    expect(again.result()).toMatchObject({ status: 'broken', seq: 12 });
  });
});

describe('changedFieldNames', () => {
  it('names the fields an edit changed, never their values', () => {
    const before = { ...emptyCustomerFields(), name: '张三', city: '杭州', tags: ['VIP'] };
    expect(changedFieldNames(before, { ...before, city: '上海', tags: ['VIP', '老客'] })).toEqual(['city', 'tags']);
    expect(changedFieldNames(before, { ...before })).toEqual([]);
    expect(changedFieldNames(before, { ...before, birthday: { month: 3, day: 4, year: null, lunar: false } as never })).toEqual(['birthday']);
  });
});
