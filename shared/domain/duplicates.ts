// Finding customers who are probably the same person, and planning the merge the owner chooses.
import type { Birthday, Customer, CustomerFields, CustomerPhone } from './customer';
import { foldText } from './searchQuery';

export const DUPLICATE_REASONS = ['same-phone', 'same-email', 'same-name-birthday', 'same-name-similar-phone'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export type DuplicateCandidate = Pick<Customer, 'id' | 'name' | 'phoneKeys' | 'emailKey' | 'birthday' | 'phones'>;

export interface DuplicateGroup {
  /** Ids in the group, in the order the candidates were given. */
  ids: string[];
  /** Why the group was formed: every reason that links two of its members. */
  reasons: DuplicateReason[];
}

function nameKey(name: string): string {
  return foldText(name).replace(/\s+/g, '');
}

function birthdayKey(b: Birthday | null): string | null {
  return b ? `${b.calendar}:${b.year ?? ''}:${b.month}:${b.day}:${b.leapMonth ? 1 : 0}` : null;
}

function digitsOf(p: CustomerPhone): string {
  return p.normalized.replace(/\D/g, '');
}

/** One digit wrong or two neighbouring digits swapped: the usual ways a phone number is mistyped. */
export function phonesLookAlike(a: string, b: string): boolean {
  if (a === b || a.length !== b.length || a.length < 7) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      diff.push(i);
      if (diff.length > 2) return false;
    }
  }
  if (diff.length === 1) return true;
  const [i, j] = diff as [number, number];
  return j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/**
 * Groups candidates linked by any reason (transitively: A~B and B~C put A, B, C in one group).
 * Linear in the number of candidates apart from the per-name phone comparison, which only runs
 * inside groups of customers with the same name.
 */
export function findDuplicateGroups(candidates: readonly DuplicateCandidate[]): DuplicateGroup[] {
  const index = new Map(candidates.map((c, i) => [c.id, i]));
  const parent = candidates.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const linkReasons = new Map<number, Set<DuplicateReason>>();
  const union = (a: number, b: number, reason: DuplicateReason) => {
    const ra = find(a);
    const rb = find(b);
    const root = Math.min(ra, rb);
    const other = Math.max(ra, rb);
    parent[other] = root;
    const reasons = linkReasons.get(root) ?? new Set<DuplicateReason>();
    for (const r of linkReasons.get(other) ?? []) reasons.add(r);
    reasons.add(reason);
    linkReasons.set(root, reasons);
    if (other !== root) linkReasons.delete(other);
  };
  const byKey = (reason: DuplicateReason, keysOf: (c: DuplicateCandidate) => (string | null)[]) => {
    const first = new Map<string, number>();
    candidates.forEach((c, i) => {
      for (const key of keysOf(c)) {
        if (!key) continue;
        const seen = first.get(key);
        if (seen === undefined) first.set(key, i);
        else union(seen, i, reason);
      }
    });
  };
  byKey('same-phone', (c) => c.phoneKeys);
  byKey('same-email', (c) => [c.emailKey || null]);
  byKey('same-name-birthday', (c) => {
    const b = birthdayKey(c.birthday);
    const n = nameKey(c.name);
    return [b && n ? `${n}|${b}` : null];
  });

  const byName = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    const n = nameKey(c.name);
    if (!n) return;
    const list = byName.get(n);
    if (list) list.push(i);
    else byName.set(n, [i]);
  });
  for (const members of byName.values()) {
    if (members.length < 2) continue;
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const a = candidates[members[x]!]!;
        const b = candidates[members[y]!]!;
        const similar = a.phones.some((pa) => b.phones.some((pb) => phonesLookAlike(digitsOf(pa), digitsOf(pb))));
        if (similar) union(members[x]!, members[y]!, 'same-name-similar-phone');
      }
    }
  }

  const groups = new Map<number, string[]>();
  candidates.forEach((c, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(c.id);
    else groups.set(root, [c.id]);
  });
  return [...groups.entries()]
    .filter(([, ids]) => ids.length > 1)
    .map(([root, ids]) => ({
      ids: ids.sort((a, b) => index.get(a)! - index.get(b)!),
      reasons: DUPLICATE_REASONS.filter((r) => linkReasons.get(root)?.has(r)),
    }));
}

/** The fields the owner picks one customer's value for; the rest are combined. */
export const PICKED_FIELDS = [
  'name', 'gender', 'email', 'birthday', 'company', 'title', 'city', 'address', 'source', 'referredBy', 'preferredChannel', 'notes',
] as const satisfies readonly (keyof CustomerFields)[];
export type PickedField = (typeof PICKED_FIELDS)[number];

export interface MergeChoice {
  /** The customer whose file survives (its id, created time and history stay). */
  survivorId: string;
  /** For each picked field, whose value to keep; the survivor's when not given. */
  picks: Partial<Record<PickedField, string>>;
}

/**
 * The merged customer's fields: picked values as chosen; phones and tags combined without repeats
 * (the survivor's primary stays primary). Consent is not a field: the merge keeps every customer's
 * consent history (renderer/db/merge.ts), and the latest answer per channel stands.
 */
export function planMerge(customers: readonly Customer[], choice: MergeChoice): CustomerFields {
  const byId = new Map(customers.map((c) => [c.id, c]));
  const survivor = byId.get(choice.survivorId);
  if (!survivor || customers.length < 2) throw new Error('A merge needs a survivor among at least two customers');
  const ordered = [survivor, ...customers.filter((c) => c.id !== survivor.id)];
  const mergedIds = new Set(customers.map((c) => c.id));

  const picked = {} as Pick<CustomerFields, PickedField>;
  for (const field of PICKED_FIELDS) {
    const from = byId.get(choice.picks[field] ?? survivor.id) ?? survivor;
    (picked as Record<PickedField, unknown>)[field] = from[field];
  }
  // A merged customer cannot have been referred by one of the people it now is.
  if (picked.referredBy && mergedIds.has(picked.referredBy)) picked.referredBy = null;

  const phones: CustomerPhone[] = [];
  for (const c of ordered) {
    for (const p of c.phones) {
      if (!phones.some((q) => q.normalized === p.normalized)) phones.push({ ...p, primary: false });
    }
  }
  const primary = survivor.phones.find((p) => p.primary)?.normalized ?? phones[0]?.normalized;
  for (const p of phones) p.primary = p.normalized === primary;

  const tags: string[] = [];
  for (const c of ordered) for (const t of c.tags) if (!tags.some((x) => x.toLowerCase() === t.toLowerCase())) tags.push(t);

  return { ...picked, phones, tags };
}
