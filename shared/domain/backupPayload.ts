// The payload inside a backup file: every table of the database as lines of JSON ("regulars-tables/1").
// The first line names the tables and their row counts, then come lines of rows, then an end line.
// IndexedDB keeps values JSON cannot (undefined, NaN, ±Infinity, -0, Dates, array holes); each row
// that holds one lists where, so every record reads back exactly as it was stored.
import { z } from 'zod';
import { err, ok, type Result } from '../result';

export const PAYLOAD_FORMAT = 'regulars-tables/1';
const FORMAT_NAME = 'regulars-tables';
const FORMAT_VERSION = 1;
/** A line longer than this is not one the exporter writes: refused before it fills the memory. */
export const MAX_PAYLOAD_LINE_CHARS = 64 * 1024 * 1024;

const SPECIAL_TAGS = ['undefined', 'hole', 'nan', 'inf', '-inf', '-0', 'date'] as const;
type SpecialTag = (typeof SPECIAL_TAGS)[number];
type PathSegment = string | number;
type Special = [PathSegment[], SpecialTag];

const tableNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);
const utcTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

export const payloadHeaderSchema = z
  .object({
    format: z.literal(FORMAT_NAME),
    version: z.literal(FORMAT_VERSION),
    /** The database (Dexie) version the rows were read from. */
    schemaVersion: z.int().min(1).max(1_000_000),
    exportedAt: utcTime,
    tables: z
      .array(
        z
          .object({
            name: tableNameSchema,
            /** The table's inline primary key path, as the schema of `schemaVersion` declares it. */
            primaryKey: z.string().min(1).max(200),
            rows: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
          })
          .strict(),
      )
      .max(200)
      .refine((tables) => new Set(tables.map((t) => t.name)).size === tables.length, 'a table named twice'),
  })
  .strict();
export type PayloadHeader = z.infer<typeof payloadHeaderSchema>;

const rowsLineSchema = z.object({ table: tableNameSchema, rows: z.array(z.unknown()) }).strict();
const endLineSchema = z.object({ end: z.literal(true), rows: z.int().min(0) }).strict();

/** Why a payload was refused; the restore names it 'restore-payload-invalid' and logs the detail. */
export class PayloadError extends Error {
  constructor(readonly detail: string) {
    super(`backup payload refused: ${detail}`);
    this.name = 'PayloadError';
  }
}

/** A value IndexedDB holds that this format cannot write (a Blob, a Map, a typed array, a class instance…). */
export class UnsupportedValueError extends Error {
  constructor(readonly table: string, readonly path: string, readonly kind: string) {
    super(`${table}: a ${kind} at ${path || 'the top'} cannot be written to a backup`);
    this.name = 'UnsupportedValueError';
  }
}

// ---------- writing ----------

export function payloadHeaderLine(header: PayloadHeader): string {
  return `${JSON.stringify(payloadHeaderSchema.parse(header))}\n`;
}

export function payloadEndLine(totalRows: number): string {
  return `${JSON.stringify({ end: true, rows: totalRows })}\n`;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function specialNumber(value: number): SpecialTag | null {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (Object.is(value, -0)) return '-0';
  return null;
}

/** Whether JSON.stringify would write this value exactly (the common case, checked without copying). */
function isJsonExact(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return specialNumber(value) === null;
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (let index = 0; index < value.length; index++) if (!(index in value) || !isJsonExact(value[index])) return false;
        return true;
      }
      if (!isPlainObject(value)) return false;
      for (const key in value) {
        if (Object.prototype.hasOwnProperty.call(value, key) && !isJsonExact((value as Record<string, unknown>)[key])) return false;
      }
      return true;
    }
    case 'undefined':
    case 'bigint':
    case 'function':
    case 'symbol':
      return false;
  }
}

/** A JSON-exact copy of `value` with placeholders, and where each special value was. */
function tagged(value: unknown, path: PathSegment[], specials: Special[], table: string): unknown {
  const describe = () => path.join('.');
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number': {
      const tag = specialNumber(value);
      if (tag === null) return value;
      specials.push([path, tag]);
      return null;
    }
    case 'undefined':
      specials.push([path, 'undefined']);
      return null;
    case 'object': {
      if (value === null) return null;
      if (value instanceof Date) {
        const time = value.getTime();
        if (Number.isNaN(time)) throw new UnsupportedValueError(table, describe(), 'invalid Date');
        specials.push([path, 'date']);
        return value.toISOString();
      }
      if (Array.isArray(value)) {
        const copy: unknown[] = new Array(value.length);
        for (let index = 0; index < value.length; index++) {
          if (!(index in value)) {
            specials.push([[...path, index], 'hole']);
            copy[index] = null;
          } else copy[index] = tagged(value[index], [...path, index], specials, table);
        }
        return copy;
      }
      if (!isPlainObject(value)) throw new UnsupportedValueError(table, describe(), Object.prototype.toString.call(value).slice(8, -1));
      const copy: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        Object.defineProperty(copy, key, { value: tagged((value as Record<string, unknown>)[key], [...path, key], specials, table), enumerable: true, writable: true, configurable: true });
      }
      return copy;
    }
    case 'bigint':
    case 'function':
    case 'symbol':
      throw new UnsupportedValueError(table, describe(), typeof value);
  }
}

/** One row as the JSON of `[value]`, or `[value, specials]` when it holds values JSON cannot write. */
export function encodeRow(value: unknown, table: string): string {
  if (isJsonExact(value)) return `[${JSON.stringify(value)}]`;
  const specials: Special[] = [];
  const copy = tagged(value, [], specials, table);
  return JSON.stringify([copy, specials]);
}

/** A line of rows of one table: `rows` are encodeRow results. */
export function rowsLine(table: string, encodedRows: readonly string[]): string {
  return `{"table":${JSON.stringify(table)},"rows":[${encodedRows.join(',')}]}\n`;
}

// ---------- reading ----------

function setOwn(container: Record<string | number, unknown>, key: PathSegment, value: unknown) {
  Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });
}

function restoreSpecial(root: unknown, [path, tag]: Special): void {
  if (path.length === 0) throw new PayloadError('a special value at the top of a row');
  let container: unknown = root;
  for (const segment of path.slice(0, -1)) {
    if (typeof container !== 'object' || container === null || !Object.prototype.hasOwnProperty.call(container, segment)) throw new PayloadError('a special value at a path the row lacks');
    container = (container as Record<PathSegment, unknown>)[segment];
  }
  const last = path[path.length - 1]!;
  if (typeof container !== 'object' || container === null || !Object.prototype.hasOwnProperty.call(container, last)) throw new PayloadError('a special value at a path the row lacks');
  const target = container as Record<PathSegment, unknown>;
  const placeholder = target[last];
  if (tag === 'date') {
    if (typeof placeholder !== 'string' || !utcTime.safeParse(placeholder).success) throw new PayloadError('a date that is not a time');
    setOwn(target, last, new Date(placeholder));
    return;
  }
  if (placeholder !== null) throw new PayloadError('a special value over a real one');
  switch (tag) {
    case 'undefined':
      setOwn(target, last, undefined);
      return;
    case 'hole':
      if (!Array.isArray(target) || typeof last !== 'number') throw new PayloadError('a hole outside an array');
      delete target[last];
      return;
    case 'nan':
      setOwn(target, last, Number.NaN);
      return;
    case 'inf':
      setOwn(target, last, Infinity);
      return;
    case '-inf':
      setOwn(target, last, -Infinity);
      return;
    case '-0':
      setOwn(target, last, -0);
      return;
    default: {
      const never: never = tag;
      throw new PayloadError(`an unknown special value ${String(never)}`);
    }
  }
}

const specialSchema = z.tuple([z.array(z.union([z.string(), z.int().min(0)])).max(64), z.enum(SPECIAL_TAGS)]);
const rowEntrySchema = z.union([z.tuple([z.unknown()]), z.tuple([z.unknown(), z.array(specialSchema)])]);

export function decodeRow(entry: unknown): unknown {
  const parsed = rowEntrySchema.safeParse(entry);
  if (!parsed.success) throw new PayloadError('a row that is not [value] or [value, specials]');
  const [value, specials] = parsed.data as [unknown, Special[] | undefined];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new PayloadError('a row that is not a record');
  for (const special of specials ?? []) restoreSpecial(value, special);
  return value;
}

export type PayloadEvent = { kind: 'header'; header: PayloadHeader } | { kind: 'rows'; table: string; rows: unknown[] } | { kind: 'end'; counts: Record<string, number> };

/**
 * Reads a payload line by line as its text arrives. Refuses anything the exporter would not write: a
 * missing or second header, rows of a table the header does not name, more rows than it says, text
 * after the end line, an end line that disagrees with the rows read, or no end line at all (`finish`).
 */
export class PayloadReader {
  private header: PayloadHeader | null = null;
  private readonly seen = new Map<string, number>();
  private ended = false;
  private pending = '';

  /** The events of every whole line in `text` (a part of the payload; a line may span parts). */
  push(text: string): PayloadEvent[] {
    const events: PayloadEvent[] = [];
    let start = 0;
    for (;;) {
      const newline = text.indexOf('\n', start);
      if (newline === -1) break;
      const line = this.pending + text.slice(start, newline);
      this.pending = '';
      events.push(this.line(line));
      start = newline + 1;
    }
    this.pending += text.slice(start);
    if (this.pending.length > MAX_PAYLOAD_LINE_CHARS) throw new PayloadError('a line longer than any the exporter writes');
    return events;
  }

  /** The rows per table, once the whole payload was read and agrees with itself. */
  finish(): Result<{ header: PayloadHeader; counts: Record<string, number> }, string> {
    if (this.pending !== '') return err('text after the last line');
    if (!this.header) return err('no header');
    if (!this.ended) return err('no end line');
    return ok({ header: this.header, counts: Object.fromEntries(this.seen) });
  }

  private parse(line: string): unknown {
    try {
      return JSON.parse(line);
    } catch {
      throw new PayloadError('a line that is not JSON');
    }
  }

  private line(line: string): PayloadEvent {
    if (this.ended) throw new PayloadError('text after the end line');
    const value = this.parse(line);
    if (!this.header) {
      const header = payloadHeaderSchema.safeParse(value);
      if (!header.success) throw new PayloadError('the first line is not a Regulars payload header');
      this.header = header.data;
      for (const table of header.data.tables) this.seen.set(table.name, 0);
      return { kind: 'header', header: header.data };
    }
    if (typeof value === 'object' && value !== null && 'end' in value) {
      const end = endLineSchema.safeParse(value);
      if (!end.success) throw new PayloadError('an end line that is not one');
      for (const table of this.header.tables) {
        if (this.seen.get(table.name) !== table.rows) throw new PayloadError(`${table.name}: ${this.seen.get(table.name)} rows, the header says ${table.rows}`);
      }
      const total = [...this.seen.values()].reduce((sum, n) => sum + n, 0);
      if (total !== end.data.rows) throw new PayloadError(`${total} rows, the end line says ${end.data.rows}`);
      this.ended = true;
      return { kind: 'end', counts: Object.fromEntries(this.seen) };
    }
    const parsed = rowsLineSchema.safeParse(value);
    if (!parsed.success) throw new PayloadError('a line that is neither rows nor the end');
    const { table, rows } = parsed.data;
    const declared = this.header.tables.find((t) => t.name === table);
    if (!declared) throw new PayloadError(`rows of ${table}, a table the header does not name`);
    const count = (this.seen.get(table) ?? 0) + rows.length;
    if (count > declared.rows) throw new PayloadError(`${table}: more rows than the header says`);
    this.seen.set(table, count);
    return { kind: 'rows', table, rows: rows.map(decodeRow) };
  }
}
