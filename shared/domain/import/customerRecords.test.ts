import { describe, expect, it } from 'vitest';
import { emptyImportRecord, recordsToDrafts, type ImportContext, type ImportRecord } from './customerRecords';

const CTX: ImportContext = { defaultRegion: 'CN', today: new Date(2026, 0, 15) };
const record = (rowNumber: number, fields: Partial<ImportRecord>): ImportRecord => ({ ...emptyImportRecord(rowNumber), name: `客户${rowNumber}`, ...fields });

describe('birthdays in the file date order', () => {
  const rows = [record(2, { birthday: '03/04/1990' }), record(3, { birthday: '13/12/1985' }), record(4, { birthday: '05/06/1992' })];

  it('names a birthday that reads only in the other order as an error, and reads the rest in the chosen order', () => {
    const r = recordsToDrafts(rows, { ...CTX, dateOrder: 'mdy', strictDateOrder: true });
    expect(r.errors).toEqual([{ rowNumber: 3, field: 'birthday', code: 'date-order-impossible', value: '13/12/1985' }]);
    expect(r.drafts.map((d) => [d.rowNumber, d.fields.birthday?.month, d.fields.birthday?.day])).toEqual([[2, 3, 4], [4, 5, 6]]);
  });

  it('reads every row under day/month', () => {
    const r = recordsToDrafts(rows, { ...CTX, dateOrder: 'dmy', strictDateOrder: true });
    expect(r.errors).toEqual([]);
    expect(r.drafts.map((d) => [d.fields.birthday?.month, d.fields.birthday?.day])).toEqual([[4, 3], [12, 13], [6, 5]]);
  });

  it('keeps the unreadable apart from the order problem', () => {
    const r = recordsToDrafts([record(2, { birthday: '13/13/1990' })], { ...CTX, dateOrder: 'mdy', strictDateOrder: true });
    expect(r.errors.map((e) => e.code)).toEqual(['birthday-invalid-date']);
  });
});

describe('accepted spellings', () => {
  it('reads lunar birthdays in a 农历生日 column without a 农历 prefix, leap months too', () => {
    const r = recordsToDrafts(
      [record(2, { lunarBirthday: '八月十五' }), record(3, { lunarBirthday: '1990年闰五月初三' }), record(4, { lunarBirthday: '农历腊月廿三' }), record(5, { lunarBirthday: '1985-08-15' })],
      CTX,
    );
    expect(r.errors).toEqual([]);
    expect(r.drafts.map((d) => d.fields.birthday)).toEqual([
      { calendar: 'lunar', year: null, month: 8, day: 15, leapMonth: false },
      { calendar: 'lunar', year: 1990, month: 5, day: 3, leapMonth: true },
      { calendar: 'lunar', year: null, month: 12, day: 23, leapMonth: false },
      { calendar: 'lunar', year: 1985, month: 8, day: 15, leapMonth: false },
    ]);
  });

  it('reads phones written with the country code in brackets', () => {
    for (const raw of ['(+86)13800138006', '(+86) 138 0013 8006', '（+86）13800138006', '( +86 )138-0013-8006']) {
      const r = recordsToDrafts([record(2, { phones: [{ raw, label: '', primary: false }] })], CTX);
      expect(r.errors, raw).toEqual([]);
      expect(r.drafts[0]!.fields.phones[0]!.normalized, raw).toBe('+8613800138006');
    }
  });

  it('keeps service numbers as typed only when the clerk chose it', () => {
    const rows = ['95588', '10086', '400-820-8820'].map((raw, i) => record(i + 2, { phones: [{ raw, label: '', primary: false }] }));
    expect(recordsToDrafts(rows, CTX).errors.map((e) => [e.rowNumber, e.code])).toEqual([[2, 'phone-too-short'], [3, 'phone-too-short']]);
    const kept = recordsToDrafts(rows, { ...CTX, keepInvalidPhones: true });
    expect(kept.errors).toEqual([]);
    expect(kept.drafts.map((d) => [d.fields.phones[0]!.normalized, d.fields.phones[0]!.kind])).toEqual([['95588', 'kept'], ['10086', 'kept'], ['+864008208820', 'validated']]);
  });
});

describe('numbers that do not look like the store region', () => {
  const rows = [record(2, { phones: [{ raw: '416 535 5341', label: '', primary: false, column: 1 }] }), record(3, { phones: [{ raw: '13812345678', label: '', primary: false, column: 1 }] })];

  it('names them and keeps them as typed by default choice', () => {
    const r = recordsToDrafts(rows, { ...CTX, foreignPhones: 'keep' });
    expect(r.foreignPhones).toEqual([{ rowNumber: 2, raw: '416 535 5341', region: 'CA', international: '+14165355341', column: 1 }]);
    expect(r.drafts[0]!.fields.phones[0]).toMatchObject({ normalized: '4165355341', kind: 'kept' });
    expect(r.drafts[1]!.fields.phones[0]).toMatchObject({ normalized: '+8613812345678', kind: 'validated' });
  });

  it('adds the guessed country code when chosen', () => {
    const r = recordsToDrafts(rows, { ...CTX, foreignPhones: 'add-code' });
    expect(r.drafts[0]!.fields.phones[0]).toMatchObject({ normalized: '+14165355341', kind: 'validated' });
    // Without a guess, adding a code is not possible: the number is kept as typed.
    const noGuess = recordsToDrafts([record(2, { phones: [{ raw: '755 8888 8888', label: '', primary: false }] })], { ...CTX, foreignPhones: 'add-code' });
    expect(noGuess.drafts[0]!.fields.phones[0]).toMatchObject({ normalized: '75588888888', kind: 'kept' });
  });

  it('reads them as the region numbers when the clerk says they are', () => {
    const r = recordsToDrafts(rows, { ...CTX, foreignPhones: 'local' });
    expect(r.foreignPhones).toHaveLength(1);
    expect(r.drafts[0]!.fields.phones[0]).toMatchObject({ normalized: '+864165355341', kind: 'validated' });
  });

  it('is not looked for unless asked (callers that do not show it)', () => {
    expect(recordsToDrafts(rows, CTX).foreignPhones).toBeUndefined();
  });
});
