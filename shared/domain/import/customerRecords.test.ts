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
