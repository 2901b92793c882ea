// Characters nobody can see that come along in exported files: NUL and other control characters
// (a C program's fixed-width field, a broken export), zero-width spaces and direction marks (copied
// from web pages and chat apps). They are taken out of every imported cell, never stored, and the
// preview names each row and column where it happened.
//
// Kept: tab, line feed and carriage return (notes span lines), and a zero-width joiner or tag
// character inside an emoji sequence (👨‍👩‍👧, flags), where it is part of the picture.
import type { ImportRecord } from './customerRecords';
import type { TabularData } from './tabular';

export const INVISIBLE_KINDS = ['control', 'zero-width'] as const;
export type InvisibleKind = (typeof INVISIBLE_KINDS)[number];

export interface InvisibleRemoval {
  rowNumber: number;
  /** The column's header (tabular files), or the field's key (vCard: name, phone, email…). */
  column: string;
  /** Whether `column` is a header text or a field key to translate. */
  columnIsField: boolean;
  kinds: InvisibleKind[];
  /** The cell as it was, with what was removed made visible (␀, ⟨U+200B⟩). */
  shown: string;
}

// C0 (without tab, LF, CR), DEL and C1: matching them is the point.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
// Soft hyphen, Mongolian vowel separator, zero-width space/non-joiner/joiner, direction marks and
// embeddings, word joiner and invisible operators, isolates, BOM / zero-width no-break space,
// interlinear annotation marks, tag characters.
const ZERO_WIDTH = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}|[\u{1f3fb}-\u{1f3ff}]|\ufe0f/u;
const TAG = /[\u{e0020}-\u{e007f}]/u;

/** A joiner between two pictographs, or a tag after a pictograph or tag (🏴 flags), is part of an emoji. */
function partOfEmoji(ch: string, previous: string, next: string): boolean {
  if (ch === '\u200d') return PICTOGRAPH.test(previous) && PICTOGRAPH.test(next);
  return TAG.test(ch) && (PICTOGRAPH.test(previous) || TAG.test(previous));
}

function kindOf(ch: string): InvisibleKind | null {
  if (CONTROL.test(ch)) return 'control';
  if (ZERO_WIDTH.test(ch)) return 'zero-width';
  return null;
}

function visible(ch: string): string {
  const code = ch.codePointAt(0)!;
  // Control Pictures: ␀ for NUL, ␁ …
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

export interface CleanedText {
  text: string;
  /** What was removed, each kind once; empty when nothing was. */
  removed: InvisibleKind[];
  /** The text as it was, with the removed characters made visible. */
  shown: string;
}

/** Removes control and zero-width characters from one cell. */
export function removeInvisible(text: string): CleanedText {
  if (!CONTROL.test(text) && !ZERO_WIDTH.test(text)) return { text, removed: [], shown: text };
  const chars = [...text];
  let out = '';
  let shown = '';
  const removed = new Set<InvisibleKind>();
  chars.forEach((ch, i) => {
    const kind = kindOf(ch);
    if (kind && !partOfEmoji(ch, chars[i - 1] ?? '', chars[i + 1] ?? '')) {
      removed.add(kind);
      shown += visible(ch);
    } else {
      out += ch;
      shown += ch;
    }
  });
  return { text: out, removed: INVISIBLE_KINDS.filter((k) => removed.has(k)), shown };
}

/** Every cell of a table (and its headers) without invisible characters, and where they were. */
export function removeInvisibleFromTable<T extends TabularData>(table: T): { table: T; removals: InvisibleRemoval[] } {
  const removals: InvisibleRemoval[] = [];
  const headers = table.headers.map((h) => removeInvisible(h).text.trim());
  const rows = table.rows.map((row, r) =>
    row.map((cell, c) => {
      const cleaned = removeInvisible(cell);
      if (cleaned.removed.length > 0) {
        const header = headers[c] ?? '';
        removals.push({ rowNumber: table.rowNumbers[r] ?? r + 2, column: header || String(c + 1), columnIsField: false, kinds: cleaned.removed, shown: cleaned.shown });
      }
      return cleaned.text;
    }),
  );
  return { table: { ...table, headers, rows }, removals };
}

/** The same for records read from vCards, field by field. */
export function removeInvisibleFromRecords(records: ImportRecord[]): { records: ImportRecord[]; removals: InvisibleRemoval[] } {
  const removals: InvisibleRemoval[] = [];
  const cleaned = records.map((record) => {
    const clean = (field: string, value: string) => {
      const c = removeInvisible(value);
      if (c.removed.length > 0) removals.push({ rowNumber: record.rowNumber, column: field, columnIsField: true, kinds: c.removed, shown: c.shown });
      return c.text;
    };
    const r: ImportRecord = { ...record };
    for (const field of ['name', 'firstName', 'lastName', 'gender', 'birthday', 'lunarBirthday', 'company', 'title', 'city', 'address', 'source'] as const) {
      r[field] = clean(field, record[field]);
    }
    r.phones = record.phones.map((p) => ({ ...p, raw: clean('phone', p.raw), label: clean('phone', p.label) }));
    r.emails = record.emails.map((e) => ({ ...e, value: clean('email', e.value) }));
    r.tags = record.tags.map((t) => clean('tags', t));
    r.notes = record.notes.map((n) => clean('notes', n));
    return r;
  });
  return { records: cleaned, removals };
}
