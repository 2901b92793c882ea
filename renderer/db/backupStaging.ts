// A restore's staging database: the backup's payload is written into a new database at the backup's own
// version, checked against the counts the file declares, brought to today's version by RegularsDatabase's
// upgrades and checked again. The app's database is not touched here; the caller moves the pointer
// (activeDatabase.ts) only once this has finished, and deletes the staging database on any failure.
import Dexie from 'dexie';
import { PAYLOAD_FORMAT, PayloadError, PayloadReader, type PayloadEvent, type PayloadHeader } from '../../shared/domain/backupPayload';
import type { OwnerPinRecord } from '../../shared/domain/ownerPin';
import { CURRENT_SCHEMA_VERSION, databaseAtVersion, primaryKeyPaths, tablesHoldingRowsOf } from './backupSchemas';
import { createBookkeepingRepository } from './bookkeeping';
import { canonicalJson } from '../../shared/domain/auditChain';
import { recordAudit, type AuditDeps } from './audit';
import { createPinRepository } from './pins';
import { RegularsDatabase } from './database';
import { unionOfRegisters } from '../../shared/domain/erasure';
import { createErasure, readErasureRegister, type ErasureEntry } from './erasure';

export const RESTORE_FAILURES = [
  /** The payload is not what the exporter writes, or disagrees with itself. */
  'restore-payload-invalid',
  /** The rows read, the file's header and the staging database do not agree on how many rows each table has. */
  'restore-counts-mismatch',
  /** The backup's database version is one this build does not know. */
  'restore-unsupported-schema',
  'restore-migration-failed',
  'restore-storage-full',
  'restore-write-failed',
] as const;
export type RestoreFailure = (typeof RESTORE_FAILURES)[number];

export class RestoreError extends Error {
  constructor(
    readonly reason: RestoreFailure,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'RestoreError';
  }
}

/** What the backup file's header (checked by the main process) says the payload holds. */
export interface StagingExpectation {
  schemaVersion: number;
  counts: Record<string, number>;
  payloadFormat: string;
}

export interface StagedDatabase {
  name: string;
  /** Rows per table as the backup held them. */
  counts: Record<string, number>;
  /** The backup's database version; the staged database is at CURRENT_SCHEMA_VERSION. */
  migratedFrom: number;
  /** The owner PIN record the backup held (before any carry-over); null when none, or not a whole record. */
  stagedOwnerPin: OwnerPinRecord | null;
  /** Erased customers the backup still held, erased again before the swap (a restore only). */
  erasedAgain: number;
}

/** Today's owner PIN, put into the restored store so the PIN the owner just typed stays the PIN. */
export type OwnerPinCarry = { ownerPin: OwnerPinRecord | null } | null;

/** A restore (not a restore test) says so in the restored store's audit trail, chained onto the backup's entries. */
export interface RestoreAudit {
  mode: 'replace' | 'empty' | 'recover';
  /** When the backup was made (ISO). */
  backupCreatedAt: string;
}

/**
 * The erasure register a restore carries into the store it brings: main's copy (`fromMain`, which outlives the
 * store: a new PC, a wiped profile, a store that cannot be read) joined with today's store's where it opened ('replace',
 * 'empty'; it may know of erasures made after the backup). 'recover' cannot be read; a restore test (null) carries none.
 */
export async function erasuresToCarry(today: () => RegularsDatabase, restored: RestoreAudit | null, fromMain: readonly ErasureEntry[] = []): Promise<ErasureEntry[]> {
  if (restored === null) return [];
  const own = restored.mode === 'recover' ? [] : await readErasureRegister(today());
  return unionOfRegisters(own, fromMain);
}

function errorNames(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 4) return [];
  const e = error as { name?: unknown; inner?: unknown; failures?: unknown; cause?: unknown };
  const names = typeof e.name === 'string' ? [e.name] : [];
  names.push(...errorNames(e.inner, depth + 1), ...errorNames(e.cause, depth + 1));
  if (Array.isArray(e.failures)) for (const failure of e.failures.slice(0, 3)) names.push(...errorNames(failure, depth + 1));
  return names;
}

/** Whether an IndexedDB or Dexie error (or one it wraps) says the disk or quota is full. */
/** Deletes a staging database (closing this context's connections to it first). */
export function dropStagedDatabase(name: string): Promise<void> {
  return Dexie.delete(name);
}

export function isStorageFullError(error: unknown): boolean {
  return errorNames(error).includes('QuotaExceededError');
}

function writeFailure(error: unknown): RestoreError {
  if (error instanceof RestoreError) return error;
  if (error instanceof PayloadError) return new RestoreError('restore-payload-invalid', error.detail);
  const names = errorNames(error);
  if (names.includes('QuotaExceededError')) return new RestoreError('restore-storage-full', names.join(' < '));
  // A key that is not a key, or one used twice: the payload, not the disk.
  if (names.includes('ConstraintError') || names.includes('DataError')) return new RestoreError('restore-payload-invalid', names.join(' < '));
  return new RestoreError('restore-write-failed', names.join(' < ') || String(error));
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => b[key] === a[key]);
}

async function countsOf(db: Dexie, tables: Iterable<string>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of tables) counts[name] = await db.table(name).count();
  return counts;
}

export interface StagingImport {
  /** The next piece of the payload, in order. */
  push(bytes: Uint8Array): Promise<void>;
  /** After the whole payload was pushed (and the main process said every check passed). */
  /**
   * `erasures`: the register carried in (erasuresToCarry: main's copy and today's store's). With the backup's own
   * register it is applied to the restored store before the swap, so a customer erased since the backup was made
   * stays erased.
   */
  finish(carry: OwnerPinCarry, restored?: { audit: RestoreAudit; deps: AuditDeps } | null, erasures?: readonly ErasureEntry[]): Promise<StagedDatabase>;
  /** Closes and deletes the staging database. Safe to call at any point, more than once. */
  discard(): Promise<void>;
}

export function createStagingImport(name: string, expected: StagingExpectation): StagingImport {
  const reader = new PayloadReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let staging: Dexie | null = null;
  let header: PayloadHeader | null = null;
  let finished = false;

  async function begin(found: PayloadHeader): Promise<void> {
    if (found.schemaVersion !== expected.schemaVersion) {
      throw new RestoreError('restore-payload-invalid', `the payload is of version ${found.schemaVersion}, the file says ${expected.schemaVersion}`);
    }
    const counts = Object.fromEntries(found.tables.map((table) => [table.name, table.rows]));
    if (!sameCounts(counts, expected.counts)) throw new RestoreError('restore-counts-mismatch', 'the payload and the file header list different rows');
    if (await Dexie.exists(name)) throw new RestoreError('restore-write-failed', `${name} exists already`);
    // Bulk writes need not each reach the disk; the last transaction (finish) is strict and carries them.
    const db = databaseAtVersion(name, found.schemaVersion, { chromeTransactionDurability: 'relaxed' });
    if (!db) throw new RestoreError('restore-unsupported-schema', `version ${found.schemaVersion}`);
    staging = db;
    await db.open();
    const keyPaths = primaryKeyPaths(db);
    const declared = new Map(found.tables.map((table) => [table.name, table.primaryKey]));
    if (!keyPaths || keyPaths.size !== declared.size || [...keyPaths].some(([table, keyPath]) => declared.get(table) !== keyPath)) {
      throw new RestoreError('restore-payload-invalid', `the tables are not those of version ${found.schemaVersion}`);
    }
    header = found;
  }

  async function apply(event: PayloadEvent): Promise<void> {
    switch (event.kind) {
      case 'header':
        await begin(event.header);
        return;
      case 'rows':
        if (!staging) throw new RestoreError('restore-payload-invalid', 'rows before the header');
        if (event.rows.length > 0) await staging.table(event.table).bulkAdd(event.rows);
        return;
      case 'end':
        return;
      default: {
        const never: never = event;
        throw new RestoreError('restore-payload-invalid', `unexpected ${JSON.stringify(never)}`);
      }
    }
  }

  async function applyAll(events: PayloadEvent[]): Promise<void> {
    for (const event of events) await apply(event);
  }

  // The rows of one piece are written while the next piece is read and parsed (write-behind): a push
  // answers once its piece is parsed and the previous piece's rows are written, so at most one piece
  // waits in memory. The writes are chained, so they keep the payload's order even if pushes overlap;
  // a write's failure is thrown by the next push, or by finish.
  let writing: Promise<void> = Promise.resolve();

  function enqueue(events: PayloadEvent[]): Promise<void> {
    const previous = writing;
    const mine = previous.then(() => applyAll(events));
    mine.catch(() => undefined);
    writing = mine;
    return previous;
  }

  function decode(bytes?: Uint8Array): string {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new RestoreError('restore-payload-invalid', 'the payload is not UTF-8 text');
    }
  }

  return {
    async push(bytes) {
      if (finished) throw new RestoreError('restore-payload-invalid', 'more payload after the end');
      if (expected.payloadFormat !== PAYLOAD_FORMAT) throw new RestoreError('restore-payload-invalid', `payload format ${expected.payloadFormat}`);
      try {
        await enqueue(reader.push(decode(bytes)));
      } catch (error) {
        throw writeFailure(error);
      }
    },

    async finish(carry, restored = null, erasures = []) {
      finished = true;
      let counts: Record<string, number>;
      let fromVersion: number;
      try {
        await enqueue(reader.push(decode()));
        await writing;
        const read = reader.finish();
        if (!read.ok) throw new RestoreError('restore-payload-invalid', read.reason);
        if (!staging || !header) throw new RestoreError('restore-payload-invalid', 'no header');
        counts = read.value.counts;
        fromVersion = header.schemaVersion;
        if (!sameCounts(counts, expected.counts)) throw new RestoreError('restore-counts-mismatch', 'the rows read and the file header differ');
        // At today's version nothing runs between this close and the open below, so the count after the
        // open (one pass over every table, not two) is the check; an older backup is counted before its
        // upgrade too, since the upgrade may move rows.
        if (header.schemaVersion !== CURRENT_SCHEMA_VERSION && !sameCounts(await countsOf(staging, Object.keys(counts)), counts)) {
          throw new RestoreError('restore-counts-mismatch', 'the staging database holds other counts than were read');
        }
        staging.close();
        staging = null;
      } catch (error) {
        throw writeFailure(error);
      }

      // Opening it with the app's own class runs every upgrade from the backup's version to today's.
      const upgraded = new RegularsDatabase(name, { chromeTransactionDurability: 'strict' });
      staging = upgraded;
      try {
        await upgraded.open();
      } catch (error) {
        if (isStorageFullError(error)) throw new RestoreError('restore-storage-full', errorNames(error).join(' < '));
        throw new RestoreError('restore-migration-failed', errorNames(error).join(' < ') || String(error));
      }
      try {
        if (upgraded.verno !== CURRENT_SCHEMA_VERSION) throw new RestoreError('restore-migration-failed', `at version ${upgraded.verno}`);
        // An upgrade may add tables, fields and rows (a setting it caches), and move rows to a new table
        // (counted where they went); it must never lose a row.
        const now = await countsOf(upgraded, upgraded.tables.map((table) => table.name));
        if (fromVersion === CURRENT_SCHEMA_VERSION) {
          if (!Object.entries(counts).every(([table, rows]) => now[table] === rows)) {
            throw new RestoreError('restore-counts-mismatch', 'the staging database holds other counts than were read');
          }
        } else {
          const held = (table: string) => tablesHoldingRowsOf(table, fromVersion).reduce((sum, name) => sum + (now[name] ?? 0), 0);
          if (!Object.entries(counts).every(([table, rows]) => held(table) >= rows)) throw new RestoreError('restore-migration-failed', 'rows were lost in the upgrade');
        }
        const pins = createPinRepository(upgraded, restored?.deps);
        const stagedOwnerPin = await pins.read('owner');
        // The staging database before the swap, not the store: no derived value follows these tables.
        // eslint-disable-next-line no-restricted-syntax
        await upgraded.transaction('rw', [upgraded.pins, upgraded.bookkeeping, upgraded.auditLog], async () => {
          // Written only when it differs: the same PIN is no change for the audit trail.
          if (carry !== null && canonicalJson(carry.ownerPin) !== canonicalJson(stagedOwnerPin)) await pins.write('owner', carry.ownerPin);
          if (restored !== null) {
            await recordAudit(upgraded, restored.deps, {
              kind: 'backup.restored',
              facts: { mode: restored.audit.mode, backupCreatedAt: restored.audit.backupCreatedAt, fromVersion, rows: Object.values(counts).reduce((a, b) => a + b, 0) },
            });
          }
          await createBookkeepingRepository(upgraded).touchRestoreCommit();
        });
        // Before the swap, so nothing shows them: whoever the register names is erased again (a restore test,
        // compared with today's store and then deleted, is left as the backup holds it).
        const erasedAgain = restored === null ? [] : await createErasure(upgraded, restored.deps).reapply(erasures);
        upgraded.close();
        staging = null;
        return { name, counts, migratedFrom: fromVersion, stagedOwnerPin, erasedAgain: erasedAgain.length };
      } catch (error) {
        throw writeFailure(error);
      }
    },

    async discard() {
      // Rows still being written: the database is closed and deleted only after them.
      await writing.catch(() => undefined);
      staging?.close();
      staging = null;
      await Dexie.delete(name);
    },
  };
}
