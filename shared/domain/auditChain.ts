// The audit trail's entries and their hash chain: what an entry holds, how it is hashed, and how a chain is checked.
// SHA-256 from @noble/hashes (synchronous): an entry is hashed inside the IndexedDB transaction that writes it,
// which WebCrypto's promises would let commit before the hash is known.
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { CustomerFields } from './customer';
import { customerFieldsOf } from './customerRecord';
import type { Role } from './permissions';

/** What the trail records; each is translated as audit.kinds.<kind>. Kinds from before version 10 are kept as they were. */
export const AUDIT_KINDS = [
  'customer.create',
  'customer.edit',
  'customer.trash',
  'customer.restore',
  'customer.deleteForGood',
  'customer.erase',
  'customers.merge',
  'purchase.record',
  'purchase.edit',
  'purchase.void',
  'purchase.return',
  'purchase.move',
  'purchase.removeAll',
  'contact.record',
  'contact.edit',
  'contact.remove',
  'contact.followUp',
  'contact.move',
  'contact.removeAll',
  'consent.change',
  'import.customers',
  'import.purchases',
  'import.undo',
  'tierReview.apply',
  'settings.change',
  'pin.change',
  'store.setup',
  'backup.made',
  'backup.restored',
  'backup.settings',
  'backup.password',
  'export.file',
  'points.adjust',
  'points.redeem',
  'points.expire',
  'points.birthdayGift',
  'rewards.change',
  'reminder.mark',
  'complaint.open',
  'complaint.move',
  'complaint.satisfaction',
  'survey.answer',
  'survey.declined',
  'survey.version',
  'campaign.start',
  'campaign.mark',
  'campaign.end',
  'segment.save',
  'segment.update',
  'segment.rename',
  'segment.delete',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export function isAuditKind(kind: string): kind is AuditKind {
  return (AUDIT_KINDS as readonly string[]).includes(kind);
}

/** A fact of an entry: counts, amounts in fen, codes, dates, ids. Never a name, phone, note or address. */
export type AuditFact = string | number | boolean | null;
export type AuditFacts = Readonly<Record<string, AuditFact>>;

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** One entry of the trail as stored (database version 10 on). */
export interface AuditEntry {
  id: string;
  /** 1, 2, 3, … in the order written: the chain's order. */
  seq: number;
  /** ISO 8601 UTC. */
  at: string;
  /** Who was at the keyboard; null for an entry written before the trail knew (before version 10). */
  actor: Role | null;
  kind: string;
  /** The customers the write touched (the viewer's customer filter). */
  customerIds: string[];
  /** Other records the write touched: purchases, contacts, import batches. */
  refs: string[];
  facts: AuditFacts;
  /** What an entry written before version 10 said; such entries were chained as they were. */
  legacy?: { summary: string; details: unknown };
  /**
   * Records as they were before a merge (the store's own record of it). Personal data, so outside the hash:
   * erasing a person may blank it without breaking the chain.
   */
  snapshot?: unknown;
  prevHash: string;
  hash: string;
}

/** What an entry is before it is chained. */
export type AuditContent = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

/** JSON with keys sorted at every level and undefined left out: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`canonicalJson: ${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      const keys = Object.keys(value as object)
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
    }
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      throw new Error(`canonicalJson: a ${typeof value} is not JSON`);
  }
  // typeof has no other answers; TypeScript cannot see that for an unknown.
  throw new Error('canonicalJson: unreachable');
}

/** SHA-256 (hex) over the entry's canonical content, its predecessor's hash included; the snapshot is left out. */
export function hashOfEntry(entry: Omit<AuditEntry, 'hash'> | AuditEntry): string {
  const { snapshot: _snapshot, ...rest } = entry;
  const content: Record<string, unknown> = { ...rest };
  delete content.hash;
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(content))));
}

/** The entry that follows `previous` (null: the first). */
export function chainEntry(previous: Pick<AuditEntry, 'seq' | 'hash'> | null, content: AuditContent): AuditEntry {
  const unhashed = { ...content, seq: (previous?.seq ?? 0) + 1, prevHash: previous?.hash ?? GENESIS_HASH };
  return { ...unhashed, hash: hashOfEntry(unhashed) };
}

/**
 * Why a chain is broken, at the first entry where it shows:
 * - 'edited': the entry's content does not give its hash;
 * - 'missing': entries before it are gone (its number skips);
 * - 'out-of-order': its number is not after the one before (moved, or a copy put in);
 * - 'unlinked': its content is intact but it does not follow the entry before it (one put in or taken out and the rest renumbered).
 */
export type ChainProblem = 'edited' | 'missing' | 'out-of-order' | 'unlinked';

export type ChainCheck =
  | { status: 'intact'; count: number; head: { seq: number; hash: string } | null }
  | { status: 'broken'; count: number; problem: ChainProblem; seq: number; entryId: string };

/** Checks the chain one entry at a time, as stored (in `seq` order); `feed` returns the verdict so far. */
export class ChainChecker {
  private previous: Pick<AuditEntry, 'seq' | 'hash'> | null = null;
  private count = 0;
  private broken: Extract<ChainCheck, { status: 'broken' }> | null = null;

  feed(entries: readonly AuditEntry[]): void {
    for (const entry of entries) {
      this.count += 1;
      if (this.broken) continue;
      const expectedSeq = (this.previous?.seq ?? 0) + 1;
      const fail = (problem: ChainProblem) => (this.broken = { status: 'broken', count: 0, problem, seq: entry.seq, entryId: entry.id });
      if (entry.seq > expectedSeq) fail('missing');
      else if (entry.seq < expectedSeq) fail('out-of-order');
      else if (hashOfEntry(entry) !== entry.hash) fail('edited');
      else if (entry.prevHash !== (this.previous?.hash ?? GENESIS_HASH)) fail('unlinked');
      this.previous = entry;
    }
  }

  result(): ChainCheck {
    if (this.broken) return { ...this.broken, count: this.count };
    return { status: 'intact', count: this.count, head: this.previous ? { seq: this.previous.seq, hash: this.previous.hash } : null };
  }
}

/** Checks a whole chain held in memory. */
export function verifyChain(entries: readonly AuditEntry[]): ChainCheck {
  const checker = new ChainChecker();
  checker.feed(entries);
  return checker.result();
}

/** The names of the fields an edit changed, in the record's order: what a customer edit's entry says, never the values. */
export function changedFieldNames(before: CustomerFields, after: CustomerFields): string[] {
  const was = customerFieldsOf(before) as unknown as Record<string, unknown>;
  const now = customerFieldsOf(after) as unknown as Record<string, unknown>;
  return Object.keys(now).filter((key) => canonicalJson(was[key] ?? null) !== canonicalJson(now[key] ?? null));
}
