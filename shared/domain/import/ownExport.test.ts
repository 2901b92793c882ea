// Reading the app's own exports back: recognised by their headers in the language they were written in,
// every field read as written, the formula guard taken off; properties over random tricky values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, GENDERS, SOURCES, emptyCustomerFields, type Birthday, type CustomerFields, type CustomerPhone } from '../customer';
import { newCustomerRecord } from '../customerRecord';
import { customerExportRows, toCsv, unguardFormula } from '../export';
import { exportVocabulary, vocabularyLabel, vocabularyText, type ExportVocabulary } from '../export/vocabulary';
import { decodeText } from './decode';
import { parseDelimited } from './delimited';
import { ownCustomerDrafts, recognizeOwnExport, splitPhoneCell, unguardTable, type OwnExportLayout } from './ownExport';

// Two made-up languages: every key's text is the key with a mark, so labels differ between them.
const vocab = (mark: string): ExportVocabulary => exportVocabulary((key) => `${key.split('.').slice(-2).join(' ')} ${mark}`);
const A = vocab('甲');
const B = vocab('乙');
const TODAY = new Date(2026, 11, 3);

function csvOf(customers: CustomerFields[], v: ExportVocabulary): string {
  const records = customers.map((f, i) => newCustomerRecord(f, `id-${i}`, TODAY));
  const table = customerExportRows(records, { currency: 'CNY', region: 'CN', label: vocabularyLabel(v) });
  return toCsv(table.headers.map(vocabularyText(v)), table.rows);
}

function readBack(csv: string) {
  // Made-up headers are no known header words: the header row is named, as a clerk would.
  const table = unguardTable(parseDelimited(decodeText(new TextEncoder().encode(csv)).text, { headerRow: 1 }));
  const layout = recognizeOwnExport(table.headers, [A, B]);
  expect(layout?.kind).toBe('customers');
  return { layout, result: ownCustomerDrafts(table, layout as OwnExportLayout<'customers'>, { defaultRegion: 'CN', today: TODAY }) };
}

describe('recognizeOwnExport', () => {
  it('knows the customers and purchases exports in the language they were written in, and nothing else', () => {
    const csv = csvOf([{ ...emptyCustomerFields(), name: '张三' }], B);
    const headers = parseDelimited(csv.replace(/^\uFEFF/, ''), { headerRow: 1 }).headers;
    expect(recognizeOwnExport(headers, [A, B])).toMatchObject({ kind: 'customers', vocabulary: B });
    expect(recognizeOwnExport(['姓名', '手机', '生日'], [A, B])).toBeNull();
    expect(recognizeOwnExport(headers.slice(2), [A, B])).toBeNull();
  });
});

describe('the formula guard', () => {
  it('comes off exactly once, so what was written comes back', () => {
    expect(['\'=1+1', "'-5", "'+86 138 0013 8000", "'@x", "''=x", "'x", 'a=b', "'"].map(unguardFormula)).toEqual(['=1+1', '-5', '+86 138 0013 8000', '@x', "'=x", "'x", 'a=b', "'"]);
  });

  it('is taken off cells of other files written the same way', () => {
    const table = unguardTable(parseDelimited("姓名,手机,积分\r\n'=张三,'+86 138 0013 8000,'-5\r\n"));
    expect(table.rows[0]).toEqual(['=张三', '+86 138 0013 8000', '-5']);
  });
});

describe('splitPhoneCell', () => {
  it('takes the label in brackets off the end, and leaves numbers with brackets alone', () => {
    expect(splitPhoneCell('138 1234 5678 (店里)')).toEqual({ number: '138 1234 5678', label: '店里' });
    expect(splitPhoneCell('+852 9123 4567 (Work (HK))')).toEqual({ number: '+852 9123 4567', label: 'Work (HK)' });
    expect(splitPhoneCell('(416) 555-0123')).toEqual({ number: '(416) 555-0123', label: '' });
    expect(splitPhoneCell('95588')).toEqual({ number: '95588', label: '' });
  });
});

// ---- properties ---------------------------------------------------------------------------------

const mobile = fc.tuple(fc.constantFrom('138', '139', '150', '186', '177'), fc.integer({ min: 0, max: 99_999_999 })).map(([p, n]) => `${p}${String(n).padStart(8, '0')}`);
// eslint-disable-next-line no-control-regex -- generated text without control characters, which the import removes
const text = (max: number) => fc.string({ maxLength: max }).map((s) => s.replace(/[\s\u0000-\u001f\u007f-\u009f]/g, '').trim());
const name = fc.tuple(fc.constantFrom('=', '+', '-', '@', "'=", "'", ''), fc.constantFrom('张三', 'SUM(A1)', '1+1', '王', 'Ann Lee')).map(([a, b]) => `${a}${b}`);
const label = fc.constantFrom('', '店里', 'Work (HK)', '家', 'mobile');
const birthday: fc.Arbitrary<Birthday | null> = fc.oneof(
  fc.constant(null),
  fc.record({ calendar: fc.constant('solar' as const), year: fc.option(fc.integer({ min: 1950, max: 2010 }), { nil: null }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }), leapMonth: fc.constant(false) }),
  fc.record({ calendar: fc.constant('lunar' as const), year: fc.constant(null), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 30 }), leapMonth: fc.boolean() }),
);
const consentDate = fc.integer({ min: 0, max: 2000 }).map((d) => new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10));

const customer: fc.Arbitrary<CustomerFields> = fc
  .record({
    name,
    gender: fc.constantFrom(...GENDERS),
    phones: fc.uniqueArray(fc.tuple(mobile, label), { maxLength: 3, selector: ([m]) => m }),
    birthday,
    company: text(10),
    notes: fc.constantFrom('', '-退货多', '=备注', '第一行\n第二行'),
    source: fc.option(fc.constantFrom(...SOURCES), { nil: null }),
    preferredChannel: fc.option(fc.constantFrom(...CHANNELS), { nil: null }),
    consents: fc.dictionary(fc.constantFrom(...CHANNELS), fc.record({ granted: fc.boolean(), date: consentDate })),
    tags: fc.uniqueArray(fc.constantFrom('VIP', '茶友', '=老客', '-新'), { maxLength: 3 }),
  })
  .map((r) => ({
    ...emptyCustomerFields(),
    ...r,
    phones: r.phones.map(([m, l], i): CustomerPhone => ({ raw: `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`, normalized: `+86${m}`, kind: 'validated', label: l, primary: i === 0 })),
  }));

describe('own customers export, read back', () => {
  it('gives every field back as it was, in either language (property)', () => {
    fc.assert(
      fc.property(fc.array(customer, { minLength: 1, maxLength: 5 }), fc.constantFrom(A, B), (customers, v) => {
        const { result } = readBack(csvOf(customers, v));
        expect(result.errors).toEqual([]);
        expect(result.drafts.map((d) => d.fields)).toEqual(customers);
        expect([...result.ids.values()]).toEqual(customers.map((_, i) => `id-${i}`));
      }),
      { numRuns: 150 },
    );
  });

  it('names a row whose gender or consent it cannot read, by row and column', () => {
    const csv = csvOf([{ ...emptyCustomerFields(), name: '张三', consents: { sms: { granted: true, date: '2025-01-02' } } }], A)
      .replace('gender unspecified 甲', '不知道')
      .replace('channel sms 甲', '信鸽');
    const { result } = readBack(csv);
    expect(result.drafts).toEqual([]);
    expect(result.errors.map((e) => [e.rowNumber, e.field, e.code, e.value])).toEqual([
      [2, 'gender', 'choice-invalid', '不知道'],
      [2, 'notes', 'choice-invalid', '信鸽: yesNo yes 甲 2025-01-02'],
    ]);
  });
});
