import { describe, expect, it } from 'vitest';
import { emptyImportRecord } from './customerRecords';
import { removeInvisible, removeInvisibleFromRecords, removeInvisibleFromTable } from './invisible';

describe('removeInvisible', () => {
  it('takes NUL and other control characters out of a name, and shows where they were', () => {
    expect(removeInvisible('张\u0000三')).toEqual({ text: '张三', removed: ['control'], shown: '张␀三' });
    expect(removeInvisible('李四\u0007')).toMatchObject({ text: '李四', removed: ['control'] });
    expect(removeInvisible('王\u007f五\u0085')).toMatchObject({ text: '王五', shown: '王␡五⟨U+0085⟩' });
  });

  it('takes zero-width spaces and direction marks out of phone numbers and text', () => {
    expect(removeInvisible('13800138000\u200b')).toEqual({ text: '13800138000', removed: ['zero-width'], shown: '13800138000⟨U+200B⟩' });
    expect(removeInvisible('\u202d+86 138 0013 8000\u202c')).toMatchObject({ text: '+86 138 0013 8000', removed: ['zero-width'] });
    expect(removeInvisible('\ufeff张三')).toMatchObject({ text: '张三' });
    expect(removeInvisible('Zhang\u00adSan\u2060')).toMatchObject({ text: 'ZhangSan' });
    expect(removeInvisible('a\u0000b\u200bc')).toMatchObject({ text: 'abc', removed: ['control', 'zero-width'] });
  });

  it('keeps tabs and line breaks, visible text and emoji sequences', () => {
    for (const text of ['喜欢普洱\r\n每周六来', 'a\tb', '张三', '', '👨\u200d👩\u200d👧 family', '🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}', '　全角空格']) {
      expect(removeInvisible(text), JSON.stringify(text)).toEqual({ text, removed: [], shown: text });
    }
    // A joiner that joins nothing is removed.
    expect(removeInvisible('张\u200d三').text).toBe('张三');
  });
});

describe('removing them from a whole file', () => {
  it('cleans every cell and header of a table and names row and column', () => {
    const { table, removals } = removeInvisibleFromTable({
      headers: ['姓名\u200b', '手机'],
      rows: [['张\u0000三', '13800138000\u200b'], ['李四', '13900139000']],
      rowNumbers: [2, 5],
    });
    expect(table.headers).toEqual(['姓名', '手机']);
    expect(table.rows).toEqual([['张三', '13800138000'], ['李四', '13900139000']]);
    expect(removals).toEqual([
      { rowNumber: 2, column: '姓名', columnIsField: false, kinds: ['control'], shown: '张␀三' },
      { rowNumber: 2, column: '手机', columnIsField: false, kinds: ['zero-width'], shown: '13800138000⟨U+200B⟩' },
    ]);
  });

  it('cleans every field of a vCard record', () => {
    const record = { ...emptyImportRecord(3), name: 'Ann\u0000', phones: [{ raw: '13800138000\u200b', label: 'cell', primary: true }], notes: ['ok'], emails: [{ value: 'a@b.cn\u200e' }] };
    const { records, removals } = removeInvisibleFromRecords([record]);
    expect(records[0]).toMatchObject({ name: 'Ann', phones: [{ raw: '13800138000', label: 'cell' }], emails: [{ value: 'a@b.cn' }], notes: ['ok'] });
    expect(removals.map((r) => [r.rowNumber, r.column, r.columnIsField])).toEqual([[3, 'name', true], [3, 'phone', true], [3, 'email', true]]);
  });
});
