// The audit trail: the one way every write path records who did what and when, chained by hash inside the
// write's own transaction, and the owner's reads (the viewer's filters, the chain check).
import Dexie from 'dexie';
import {
  AUDIT_KINDS,
  chainEntry,
  ChainChecker,
  type AuditEntry,
  type AuditFacts,
  type AuditKind,
  type ChainCheck,
} from '../../shared/domain/auditChain';
import type { Role } from '../../shared/domain/permissions';
import type { RegularsDatabase } from './database';
import { writeTransaction } from './derivation/scopes';

export { AUDIT_KINDS, type AuditEntry, type AuditKind, type ChainCheck };

let actorNow: () => Role = () => 'clerk';

/**
 * Who is at the keyboard, asked at each write: the app points it at the owner session at start-up (renderer/db
 * does not reach the session); a worker follows the page's answer, stamped on each request. Until then: the clerk.
 */
export function configureAuditActor(actor: () => Role): void {
  actorNow = actor;
}

export function auditActor(): Role {
  return actorNow();
}

/** What a write records. Ids and facts only: never a name, phone, note or address. */
export interface AuditEvent {
  kind: AuditKind;
  customerIds?: readonly string[];
  refs?: readonly string[];
  facts?: AuditFacts;
  /** Records as they were (a merge's): personal data, kept outside the hash. */
  snapshot?: unknown;
}

export interface AuditDeps {
  now: () => Date;
  newId: () => string;
}

/**
 * Appends one entry after the newest. Inside the write's transaction (every declared write scope holds the
 * audit log); called alone it opens its own. Transactions that hold the log run one at a time, so the chain
 * cannot fork.
 */
export function recordAudit(db: RegularsDatabase, deps: AuditDeps, event: AuditEvent): Promise<AuditEntry> {
  return writeTransaction(db, ['audit'], [], async () => {
    const last = await db.auditLog.orderBy('seq').last();
    const entry = chainEntry(last ?? null, {
      id: deps.newId(),
      at: deps.now().toISOString(),
      actor: auditActor(),
      kind: event.kind,
      customerIds: [...new Set(event.customerIds ?? [])],
      refs: [...new Set(event.refs ?? [])],
      facts: { ...(event.facts ?? {}) },
      ...(event.snapshot === undefined ? {} : { snapshot: event.snapshot }),
    });
    await db.auditLog.add(entry);
    return entry;
  });
}

/** The viewer's filters; each one left out (null) does not narrow. `from`/`to`: ISO instants, `to` excluded. */
export interface AuditFilter {
  kinds: readonly string[] | null;
  customerId: string | null;
  from: string | null;
  to: string | null;
}

export const NO_AUDIT_FILTER: AuditFilter = { kinds: null, customerId: null, from: null, to: null };

export interface AuditPage {
  /** Newest first, at most the limit asked. */
  entries: AuditEntry[];
  /** Whether more entries match than were read. */
  more: boolean;
}

/** Entries are read this many at a time for the chain check and the export. */
const READ_CHUNK = 2_000;

export function createAuditReader(db: RegularsDatabase) {
  const matches = (filter: AuditFilter) => (e: AuditEntry) =>
    (filter.kinds === null || filter.kinds.includes(e.kind)) &&
    (filter.customerId === null || e.customerIds.includes(filter.customerId)) &&
    (filter.from === null || e.at >= filter.from) &&
    (filter.to === null || e.at < filter.to);

  return {
    /**
     * The newest entries that match, up to `limit` (all when absent). A customer's entries are read from their
     * index; a date range from the time index; otherwise newest first along the chain.
     */
    async query(filter: AuditFilter, limit?: number): Promise<AuditPage> {
      const keep = matches(filter);
      return db.transaction('r', db.auditLog, async () => {
        let rows: AuditEntry[];
        if (filter.customerId !== null) {
          rows = (await db.auditLog.where('customerIds').equals(filter.customerId).toArray()).filter(keep).sort((a, b) => b.seq - a.seq);
        } else {
          const range =
            filter.from !== null || filter.to !== null
              ? db.auditLog.where('at').between(filter.from ?? Dexie.minKey, filter.to ?? Dexie.maxKey, true, false).reverse()
              : db.auditLog.orderBy('seq').reverse();
          const filtered = range.filter(keep);
          rows = limit === undefined ? await filtered.toArray() : await filtered.limit(limit + 1).toArray();
          rows.sort((a, b) => b.seq - a.seq);
        }
        if (limit !== undefined && rows.length > limit) return { entries: rows.slice(0, limit), more: true };
        return { entries: rows, more: false };
      });
    },

    /** How many entries the log holds. */
    count(): Promise<number> {
      return db.auditLog.count();
    },

    /** Walks the whole chain in its order, a chunk at a time, and says whether it is intact. */
    async checkChain(): Promise<ChainCheck> {
      const checker = new ChainChecker();
      let after: number | null = null;
      for (;;) {
        const rows: AuditEntry[] = await (after === null ? db.auditLog.orderBy('seq') : db.auditLog.where('seq').above(after)).limit(READ_CHUNK).toArray();
        if (rows.length === 0) break;
        checker.feed(rows);
        after = rows[rows.length - 1]!.seq;
      }
      return checker.result();
    },
  };
}

export type AuditReader = ReturnType<typeof createAuditReader>;
