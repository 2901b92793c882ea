// The backup export: every table of the database as one consistent moment of the store, written as the
// "regulars-tables/1" payload.
//
// IndexedDB makes a write wait for every read transaction that began before it, so a backup read in one
// long transaction would keep the clerk's purchase waiting for as long as the read takes (seconds, for a
// large store). The read is cut into slices instead: each slice is one read transaction of at most
// `sliceMs`. A store small enough for one slice is read in a single transaction, consistent by
// construction. When more slices are needed, the export counts the writes announced meanwhile (Dexie tells
// every context of the origin about each committed write); if there were any, a slice may have seen the
// store before them and a later one after, so the pass is thrown away and read again. After a few passes
// spoiled by writes, the last one is a single transaction, consistent by construction, but only when a
// pass is short enough that a write waiting for it waits no longer than `singlePassMs`; a larger store
// that keeps changing is not backed up now (ExportBusyError), rather than hold the clerk's purchase for
// as long as the whole read takes. The automatic backups try again later.
// The payload is kept until the pass is known good, then handed to `sink`.
import Dexie from 'dexie';
import { encodeRow, PAYLOAD_FORMAT, payloadEndLine, payloadHeaderLine, rowsLine, type PayloadHeader } from '../../shared/domain/backupPayload';
import { primaryKeyOf, primaryKeyPaths } from './backupSchemas';

export { PAYLOAD_FORMAT };

export interface ExportSink {
  /** Called once the read is known good, before the pieces: what the export holds (the counts the backup's header lists). */
  start(info: { schemaVersion: number; counts: Record<string, number> }): void;
  /** The payload, in order. The bytes are the sink's to keep (or transfer). */
  piece(bytes: Uint8Array): void;
  /** Rows read so far in this pass (a pass read again starts from 0). */
  progress(rowsRead: number): void;
}

export interface ExportOptions {
  now: () => Date;
  /** Writes to this database committed so far (any context); see backupChanges.ts. Without it, one transaction. */
  changes?: () => number;
  /** How long one read transaction may go on before the next page goes into a new one. */
  sliceMs?: number;
  /** Passes read in slices before the last, single-transaction one. */
  slicedPasses?: number;
  /** The single-transaction pass is taken only when the last sliced pass took at most this long. */
  singlePassMs?: number;
  /** How long to wait for the news of a write committed during the last slice to arrive. */
  settleMs?: number;
  sleep?: (ms: number) => Promise<void>;
  clock?: () => number;
  /** Rows read per request. */
  pageRows?: number;
  /** About how many characters go into one piece. */
  pieceChars?: number;
}

export interface ExportResult {
  schemaVersion: number;
  counts: Record<string, number>;
  bytes: number;
  /** Read transactions the kept pass took (1: a single transaction), and passes thrown away for writes. */
  slices: number;
  spoiledPasses: number;
}

export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

/** Writes kept coming while a store too large for one short transaction was read: try again later. */
export class ExportBusyError extends ExportError {
  constructor(passes: number) {
    super(`the store changed during each of ${passes} passes`);
    this.name = 'ExportBusyError';
  }
}

/** How an export's failure reaches the page (backup.failures.<reason>). */
export function exportFailureReason(error: unknown): 'export-busy' | 'export-failed' {
  return error instanceof ExportBusyError ? 'export-busy' : 'export-failed';
}

const PAGE_ROWS = 1_000;
const PIECE_CHARS = 256 * 1024;
/** A purchase recorded meanwhile waits at most about this long (plus one page read) for a slice to end. */
export const SLICE_MS = 250;
const SLICED_PASSES = 3;
/** A write may wait this long for the single-transaction pass; a longer read is not done in one. */
export const SINGLE_PASS_MS = 750;
/** Dexie's news of a write travels by BroadcastChannel: a second covers a busy page's delay many times over. */
const SETTLE_MS = 1_000;

interface Pass {
  counts: Record<string, number>;
  /** The rows lines, encoded; the header and end lines are added once the counts are final. */
  pieces: Uint8Array[];
  slices: number;
}

/** Where a pass stands between slices: the table it reads and the last key read there. */
interface Cursor {
  table: number;
  after: unknown;
}

async function readPass(
  db: Dexie,
  tables: string[],
  keyPaths: Map<string, string>,
  options: { sliceMs: number; pageRows: number; pieceChars: number; clock: () => number; progress: (rows: number) => void },
): Promise<Pass> {
  const encoder = new TextEncoder();
  const pieces: Uint8Array[] = [];
  let buffered: string[] = [];
  let bufferedChars = 0;
  const flush = () => {
    if (bufferedChars === 0) return;
    pieces.push(encoder.encode(buffered.join('')));
    buffered = [];
    bufferedChars = 0;
  };
  const write = (text: string) => {
    buffered.push(text);
    bufferedChars += text.length;
    if (bufferedChars >= options.pieceChars) flush();
  };
  const counts: Record<string, number> = Object.fromEntries(tables.map((name) => [name, 0]));
  const page = (name: string, after: unknown): Promise<unknown[]> => {
    const table = db.table(name);
    return (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(options.pageRows).toArray();
  };
  let cursor: Cursor = { table: 0, after: undefined };
  let read = 0;
  let slices = 0;
  while (cursor.table < tables.length) {
    slices += 1;
    cursor = await db.transaction('r', db.tables, async () => {
      const started = options.clock();
      let at = { ...cursor };
      while (at.table < tables.length) {
        const name = tables[at.table]!;
        let next = page(name, at.after);
        for (;;) {
          const rows = await next;
          if (rows.length === 0) break;
          at = { table: at.table, after: primaryKeyOf(db.table(name), rows[rows.length - 1] as object) };
          const more = rows.length === options.pageRows;
          const inTime = options.clock() - started < options.sliceMs;
          // The next page is asked for before this one is encoded, so the database reads while the worker
          // encodes; a request is pending throughout, which also keeps the transaction open.
          next = more && inTime ? page(name, at.after) : Promise.resolve([]);
          write(rowsLine(name, rows.map((row) => encodeRow(row, name))));
          counts[name]! += rows.length;
          read += rows.length;
          options.progress(read);
          if (more && !inTime) return at;
        }
        at = { table: at.table + 1, after: undefined };
      }
      return at;
    });
  }
  flush();
  return { counts, pieces, slices };
}

export async function exportDatabase(db: Dexie, sink: ExportSink, options: ExportOptions): Promise<ExportResult> {
  if (!db.isOpen()) await db.open();
  const keyPaths = primaryKeyPaths(db);
  if (!keyPaths) throw new ExportError('a table without an inline primary key cannot be exported');
  const tables = db.tables.map((table) => table.name).sort();
  const changes = options.changes;
  const slicedPasses = changes ? (options.slicedPasses ?? SLICED_PASSES) : 0;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const base = { pageRows: options.pageRows ?? PAGE_ROWS, pieceChars: options.pieceChars ?? PIECE_CHARS, clock: options.clock ?? (() => performance.now()), progress: sink.progress };

  let pass: Pass | null = null;
  let spoiledPasses = 0;
  let lastPassMs = 0;
  for (let attempt = 0; pass === null; attempt++) {
    const last = attempt >= slicedPasses;
    if (last && attempt > 0 && lastPassMs > (options.singlePassMs ?? SINGLE_PASS_MS)) throw new ExportBusyError(spoiledPasses);
    const before = changes?.() ?? 0;
    const passStarted = base.clock();
    const candidate = await readPass(db, tables, keyPaths, { ...base, sliceMs: last ? Number.POSITIVE_INFINITY : (options.sliceMs ?? SLICE_MS) });
    lastPassMs = base.clock() - passStarted;
    if (candidate.slices > 1) {
      await sleep(options.settleMs ?? SETTLE_MS);
      if ((changes?.() ?? 0) !== before) {
        spoiledPasses += 1;
        continue;
      }
    }
    pass = candidate;
  }

  const { counts } = pass;
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const encoder = new TextEncoder();
  const header: PayloadHeader = {
    format: 'regulars-tables',
    version: 1,
    schemaVersion: db.verno,
    exportedAt: options.now().toISOString(),
    tables: tables.map((name) => ({ name, primaryKey: keyPaths.get(name)!, rows: counts[name]! })),
  };
  const pieces = [encoder.encode(payloadHeaderLine(header)), ...pass.pieces, encoder.encode(payloadEndLine(total))];
  sink.start({ schemaVersion: db.verno, counts: { ...counts } });
  let bytes = 0;
  for (const piece of pieces) {
    bytes += piece.length;
    sink.piece(piece);
  }
  return { schemaVersion: db.verno, counts, bytes, slices: pass.slices, spoiledPasses };
}
