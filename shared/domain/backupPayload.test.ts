import { describe, expect, it } from 'vitest';
import {
  decodeRow,
  encodeRow,
  MAX_PAYLOAD_LINE_CHARS,
  PayloadError,
  PayloadReader,
  payloadEndLine,
  payloadHeaderLine,
  rowsLine,
  UnsupportedValueError,
  type PayloadHeader,
} from './backupPayload';

const roundTrip = (value: unknown) => decodeRow(JSON.parse(encodeRow(value, 't')));

const HEADER: PayloadHeader = {
  format: 'regulars-tables',
  version: 1,
  schemaVersion: 4,
  exportedAt: '2026-11-23T10:00:00.000Z',
  tables: [
    { name: 'customers', primaryKey: 'id', rows: 3 },
    { name: 'settings', primaryKey: 'key', rows: 1 },
  ],
};

function payload(lines: string[]): string {
  return lines.join('');
}

const GOOD = payload([
  payloadHeaderLine(HEADER),
  rowsLine('customers', [encodeRow({ id: 'a', name: '张三' }, 'customers'), encodeRow({ id: 'b', name: '李四' }, 'customers')]),
  rowsLine('settings', [encodeRow({ key: 'currency', value: 'CNY' }, 'settings')]),
  rowsLine('customers', [encodeRow({ id: 'c', name: '陳大文', note: undefined }, 'customers')]),
  payloadEndLine(4),
]);

function readAll(text: string, pieceChars = 7) {
  const reader = new PayloadReader();
  const events = [];
  for (let at = 0; at < text.length; at += pieceChars) events.push(...reader.push(text.slice(at, at + pieceChars)));
  return { events, finished: reader.finish() };
}

describe('rows', () => {
  it('writes plain JSON values as they are', () => {
    const row = { id: 'x', name: '张三', tags: ['VIP'], n: 12, nested: { a: [1, null, 'b'], t: true } };
    expect(encodeRow(row, 't')).toBe(`[${JSON.stringify(row)}]`);
    expect(roundTrip(row)).toEqual(row);
  });

  it('brings back what JSON cannot write: undefined, NaN, ±Infinity, -0, Dates and array holes', () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [1, , 3];
    const row = {
      id: 'x',
      missing: undefined,
      nan: Number.NaN,
      up: Infinity,
      down: -Infinity,
      negativeZero: -0,
      at: new Date('2026-01-02T03:04:05.678Z'),
      list: [undefined, 2, Number.NaN],
      sparse,
      deep: { deeper: { value: undefined, 'dotted.key': -0 } },
    };
    const back = roundTrip(row) as typeof row;
    expect(back).toStrictEqual(row);
    expect(Object.prototype.hasOwnProperty.call(back, 'missing')).toBe(true);
    expect(Object.is(back.negativeZero, -0)).toBe(true);
    expect(Object.is(back.deep.deeper['dotted.key'], -0)).toBe(true);
    expect(1 in back.sparse).toBe(false);
    expect(back.sparse).toHaveLength(3);
    expect(back.at).toBeInstanceOf(Date);
  });

  it('keeps a key named __proto__ as data, never as a prototype', () => {
    const row = JSON.parse('{"id":"x","__proto__":{"polluted":true},"gone":null}') as Record<string, unknown>;
    row.gone = undefined;
    const back = roundTrip(row) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(back, '__proto__')).toBe(true);
  });

  it('refuses values it cannot write rather than losing them', () => {
    expect(() => encodeRow({ id: 'x', when: new Map() }, 'customers')).toThrow(UnsupportedValueError);
    expect(() => encodeRow({ id: 'x', bytes: new Uint8Array(2) }, 'customers')).toThrow(/Uint8Array at bytes/);
    expect(() => encodeRow({ id: 'x', n: 1n }, 'customers')).toThrow(UnsupportedValueError);
    expect(() => encodeRow({ id: 'x', at: new Date(Number.NaN) }, 'customers')).toThrow(/invalid Date/);
    class Shop {
      id = 'x';
    }
    expect(() => encodeRow(new Shop(), 'customers')).toThrow(UnsupportedValueError);
  });

  it('refuses rows that are not what the writer makes', () => {
    const bad = [
      null,
      [],
      ['x'],
      [[1, 2]],
      [{ id: 'x' }, 'specials'],
      [{ id: 'x' }, [[[], 'nan']]],
      [{ id: 'x' }, [[['missing'], 'nan']]],
      [{ id: 'x', n: 5 }, [[['n'], 'nan']]],
      [{ id: 'x', at: 'yesterday' }, [[['at'], 'date']]],
      [{ id: 'x', list: { 0: null } }, [[['list', 0], 'hole']]],
      [{ id: 'x', n: null }, [[['n'], 'bigint']]],
      [{ id: 'x', n: null }, [[['n', 'deeper'], 'nan']]],
    ];
    for (const entry of bad) expect(() => decodeRow(entry), JSON.stringify(entry)).toThrow(PayloadError);
  });
});

describe('PayloadReader', () => {
  it('reads a payload in pieces of any size, lines spanning pieces', () => {
    for (const size of [1, 7, 64, GOOD.length]) {
      const { events, finished } = readAll(GOOD, size);
      expect(events.map((e) => e.kind)).toEqual(['header', 'rows', 'rows', 'rows', 'end']);
      expect(events.flatMap((e) => (e.kind === 'rows' ? e.rows : []))).toEqual([
        { id: 'a', name: '张三' },
        { id: 'b', name: '李四' },
        { key: 'currency', value: 'CNY' },
        { id: 'c', name: '陳大文', note: undefined },
      ]);
      expect(finished).toEqual({ ok: true, value: { header: HEADER, counts: { customers: 3, settings: 1 } } });
    }
  });

  it.each([
    ['no header', payload([rowsLine('customers', ['[{"id":"a"}]']), payloadEndLine(1)])],
    ['foreign JSON', '{"customers":[{"id":"a"}]}\n'],
    ['a header of another format', `${JSON.stringify({ ...HEADER, format: 'dexie' })}\n`],
    ['a table named twice', `${JSON.stringify({ ...HEADER, tables: [...HEADER.tables, HEADER.tables[0]] })}\n`],
    ['rows of an unknown table', payload([payloadHeaderLine(HEADER), rowsLine('secrets', ['[{"id":"a"}]'])])],
    ['more rows than the header says', payload([payloadHeaderLine(HEADER), rowsLine('settings', ['[{"key":"a"}]', '[{"key":"b"}]'])])],
    ['fewer rows than the header says', payload([payloadHeaderLine(HEADER), rowsLine('settings', ['[{"key":"a"}]']), payloadEndLine(1)])],
    ['an end line with another total', GOOD.replace('{"end":true,"rows":4}', '{"end":true,"rows":5}')],
    ['text after the end line', `${GOOD}${rowsLine('settings', [])}`],
    ['a line that is not JSON', `${payloadHeaderLine(HEADER)}{"table":"settings","rows":[\n`],
  ])('refuses %s', (_what, text) => {
    expect(() => readAll(text)).toThrow(PayloadError);
  });

  it('refuses a payload that stops early, at any line', () => {
    const lines = GOOD.split('\n').filter(Boolean);
    for (let keep = 0; keep < lines.length; keep++) {
      const cut = lines.slice(0, keep).map((l) => `${l}\n`).join('');
      let result;
      try {
        result = readAll(cut).finished;
      } catch (error) {
        expect(error).toBeInstanceOf(PayloadError);
        continue;
      }
      expect(result.ok, `kept ${keep} lines`).toBe(false);
    }
    expect(readAll(GOOD.slice(0, -1)).finished.ok).toBe(false);
  });

  it('refuses a line too long to be one the exporter writes, before holding it all', () => {
    const reader = new PayloadReader();
    reader.push(payloadHeaderLine(HEADER));
    expect(() => reader.push('x'.repeat(MAX_PAYLOAD_LINE_CHARS + 1))).toThrow(PayloadError);
  });
});
