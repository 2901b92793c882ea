// The import session as the worker runs it, with a store that holds nobody (the repository is the
// pure planner over an empty lookup): what the preview says about a file's encoding, dates, phones and
// hidden characters.
import { describe, expect, it } from 'vitest';
import { clockAt } from '../../shared/clock';
import { planImport } from '../../shared/domain/import';
import { encodeBig5, encodeGbk } from '../../test/support/gbk';
import type { RegularsDatabase } from '../db/database';
import type { ImportRepository } from '../db/imports';
import { createImportSession } from './importSession';
import type { CustomerOptions } from './importProtocol';

const emptyLookup = { existingByPhone: () => undefined, existingByEmail: () => undefined, existingFields: () => undefined };
const repo = { planCustomers: async (c: Parameters<typeof planImport>[0], policy: CustomerOptions['policy']) => planImport(c, emptyLookup, policy) } as unknown as ImportRepository;
const db = { customers: { bulkGet: async (ids: string[]) => ids.map(() => undefined) } } as unknown as RegularsDatabase;
const noXlsx = async (): Promise<never> => {
  throw new Error('no xlsx here');
};
const clock = clockAt('2026-06-15T10:00:00Z');
const session = () => createImportSession(db, repo, noXlsx, clock);
const options = (o: Partial<CustomerOptions> = {}): CustomerOptions => ({ mapping: { 0: 'name', 1: 'mobile' }, policy: 'skip', defaultRegion: 'CN', dateOrder: 'mdy', ...o });

describe('import session: encoding', () => {
  // GBK bytes that are valid UTF-8 from start to end: read as UTF-8 they were stored as mojibake.
  const NAMES = 'name,phone\r\n叶小英,13812345678\r\n谢雪,13912345678\r\n姚思远,13712345678\r\n';

  it('reads a GBK file that is also valid UTF-8 as GBK, and shows the names and the other readings', async () => {
    const s = session();
    const bytes = encodeGbk(NAMES);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
    const file = await s.load('客户.csv', bytes, null);
    expect(file).toMatchObject({ encoding: 'gb18030', encodingChosenBy: 'text', encodingSample: ['叶小英', '谢雪', '姚思远'] });
    expect(file.encodingAlternatives.map((a) => a.encoding)).toEqual(['utf-8', 'big5']);
    expect(file.encodingAlternatives[0]!.values[0]).not.toBe('叶小英');
    const preview = await s.previewCustomers(options());
    expect(preview).toMatchObject({ validRows: 3, invalidRows: 0 });
  });

  it('switches encoding when the clerk chooses another, and back', async () => {
    const s = session();
    const bytes = encodeGbk(NAMES);
    expect((await s.load('a.csv', bytes, 'utf-8')).encodingChosenBy).toBe('user');
    expect((await s.load('a.csv', bytes, 'utf-8')).encodingSample[0]).not.toBe('叶小英');
    expect((await s.load('a.csv', bytes, null)).encodingSample[0]).toBe('叶小英');
  });

  it('reads a Big5 file from Taiwan as Big5', async () => {
    const file = await session().load('客戶.csv', encodeBig5('姓名,電話\r\n陳大文,0912345678\r\n林美玲,0922333444\r\n'), null);
    expect(file).toMatchObject({ encoding: 'big5', encodingSample: ['陳大文', '林美玲'] });
  });
});

describe('import session: hidden characters', () => {
  it('removes a NUL inside a name and a zero-width space after a phone, names both cells, and stores the clean values', async () => {
    const s = session();
    const file = await s.load('a.csv', new TextEncoder().encode('姓名,手机\r\n张\u0000三,13800138000\u200b\r\n李四,13900139000\r\n'), null);
    expect(file.invisibleCount).toBe(2);
    expect(file.invisible.map((r) => [r.rowNumber, r.column, r.kinds])).toEqual([[2, '姓名', ['control']], [2, '手机', ['zero-width']]]);
    expect(file.samples[0]).toEqual(['张三', '13800138000']);
    const preview = await s.previewCustomers(options());
    expect(preview).toMatchObject({ validRows: 2, invalidRows: 0 });
  });

  it('does the same for a vCard', async () => {
    const s = session();
    const file = await s.load('c.vcf', new TextEncoder().encode('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王\u0000五\r\nTEL;TYPE=CELL:13700137000\u200b\r\nEND:VCARD\r\n'), null);
    expect(file.invisible.map((r) => [r.rowNumber, r.column, r.columnIsField])).toEqual([[1, 'name', true], [1, 'phone', true]]);
    expect(await s.previewCustomers(options({ mapping: {} }))).toMatchObject({ validRows: 1, invalidRows: 0 });
  });

  it('says nothing for a clean file', async () => {
    expect((await session().load('a.csv', new TextEncoder().encode('姓名\r\n张三\r\n'), null)).invisibleCount).toBe(0);
  });
});

describe('import session: date order', () => {
  const FILE = ['姓名,生日', ...['03/04/1990', '01/02/1991', '05/06/1992', '07/08/1993', '09/10/1994', '11/12/1995', '02/03/1996', '04/05/1997', '06/07/1998', '08/09/1999'].map((d, i) => `客户${i + 1},${d}`), '错字,13/12/2010'].join('\r\n');
  const mapping = { 0: 'name', 1: 'birthday' } as const;

  it('asks for ten month/day dates and one typo, and names the typo under month/day', async () => {
    const s = session();
    await s.load('a.csv', new TextEncoder().encode(FILE), null);
    const preview = await s.previewCustomers(options({ mapping, dateOrder: 'mdy' }));
    expect(preview.dateOrder).toMatchObject({ ask: true, suggested: null, ambiguous: 10, dmyOnly: 1 });
    expect(preview.validRows).toBe(10);
    expect(preview.errors).toEqual([{ rowNumber: 12, field: 'birthday', code: 'date-order-impossible', value: '13/12/2010', column: 1 }]);
  });

  it('under day/month reads the typo and the other ten the other way round', async () => {
    const s = session();
    await s.load('a.csv', new TextEncoder().encode(FILE), null);
    const preview = await s.previewCustomers(options({ mapping, dateOrder: 'dmy' }));
    expect(preview).toMatchObject({ validRows: 11, invalidRows: 0 });
  });
});

describe('import session: accepted spellings', () => {
  it('reads ="…" phone cells, (+86) numbers and 农历生日 without a prefix; keeps 95588 when asked', async () => {
    const s = session();
    const csv = '姓名,手机,农历生日\r\n张三,="13800138000",八月十五\r\n李四,(+86)13800138006,1990年闰五月初三\r\n工行,95588,\r\n';
    const file = await s.load('a.csv', new TextEncoder().encode(csv), null);
    expect(file.samples[0]).toEqual(['张三', '13800138000', '八月十五']);
    const mapping = { 0: 'name', 1: 'mobile', 2: 'lunarBirthday' } as const;
    const strict = await s.previewCustomers(options({ mapping }));
    expect(strict.errors.map((e) => [e.rowNumber, e.code])).toEqual([[4, 'phone-too-short']]);
    expect(await s.previewCustomers(options({ mapping, keepInvalidPhones: true }))).toMatchObject({ validRows: 3, invalidRows: 0 });
  });
});

describe('import session: numbers from abroad', () => {
  it('names a Toronto number in a vCard and keeps it as typed, or adds +1 when chosen', async () => {
    const s = session();
    const vcf = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Doe\r\nTEL;type=HOME:416 535 5341\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:张三\r\nTEL;TYPE=CELL:13812345678\r\nEND:VCARD\r\n';
    await s.load('c.vcf', new TextEncoder().encode(vcf), null);
    const kept = await s.previewCustomers(options({ mapping: {} }));
    expect(kept).toMatchObject({ validRows: 2, foreignPhoneCount: 1 });
    expect(kept.foreignPhones).toEqual([{ rowNumber: 1, raw: '416 535 5341', region: 'CA', international: '+14165355341' }]);
    expect((await s.previewCustomers(options({ mapping: {}, foreignPhones: 'add-code' }))).foreignPhoneCount).toBe(1);
  });
});

describe('import session: vCard phone labels', () => {
  it('stores the app labels in the page language, never the raw TYPE', async () => {
    const s = session();
    const vcf = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\nTEL;TYPE=CELL:13812345678\r\nTEL;TYPE=WORK,VOICE:010 6512 3456\r\nTEL;TYPE=X-CUSTOM:13912345678\r\nEND:VCARD\r\n';
    await s.load('c.vcf', new TextEncoder().encode(vcf), null, undefined, {}, { mobile: '手机', work: '单位', other: '其他' });
    expect((await s.previewCustomers(options({ mapping: {} }))).validRows).toBe(1);
    let written: { candidates: { fields: { phones: { label: string }[] } }[] } | null = null;
    const capturing = { ...repo, importCustomers: async (input: typeof written) => ((written = input), { batchId: 'b', counts: {} }) } as unknown as ImportRepository;
    const s2 = createImportSession(db, capturing, noXlsx, clock);
    await s2.load('c.vcf', new TextEncoder().encode(vcf), null, undefined, {}, { mobile: '手机', work: '单位', other: '其他' });
    await s2.importCustomers(options({ mapping: {} }), {});
    expect(written!.candidates[0]!.fields.phones.map((p) => p.label)).toEqual(['手机', '单位', '其他']);
  });
});
