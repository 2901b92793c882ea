// Reading the app's own exports back: recognised by their headers in the language they were written in,
// every field read as written, the formula guard taken off; properties over random tricky values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONSENT_CHANNELS, CONSENT_SOURCES, type ConsentAnswer, type CurrentConsent } from '../consent';
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

type WithConsent = CustomerFields & { consent?: CurrentConsent };

function csvOf(customers: WithConsent[], v: ExportVocabulary): string {
  const records = customers.map(({ consent, ...f }, i) => ({ ...newCustomerRecord(f, `id-${i}`, TODAY), consent }));
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
const consentAt = fc.integer({ min: 0, max: 2000 }).map((d) => new Date(Date.UTC(2020, 0, 1 + d, 3)).toISOString());
const consent: fc.Arbitrary<CurrentConsent> = fc.dictionary(
  fc.constantFrom(...CONSENT_CHANNELS),
  fc.record({ state: fc.constantFrom('granted' as const, 'withdrawn' as const, 'declined' as const), at: consentAt, source: fc.constantFrom(...CONSENT_SOURCES) }),
);
/** What an import records of a customer's exported consent: each channel's answer, yes only where granted. */
const answersOf = (c: CurrentConsent): ConsentAnswer[] => CONSENT_CHANNELS.flatMap((channel) => (c[channel] ? [{ channel, granted: c[channel].state === 'granted' }] : []));

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
      fc.property(fc.array(fc.tuple(customer, consent), { minLength: 1, maxLength: 5 }), fc.constantFrom(A, B), (rows, v) => {
        const customers = rows.map(([f]) => f);
        const { result } = readBack(csvOf(rows.map(([f, c]) => ({ ...f, consent: c })), v));
        expect(result.errors).toEqual([]);
        expect(result.drafts.map((d) => d.fields)).toEqual(customers);
        expect(result.drafts.map((d) => d.consents ?? [])).toEqual(rows.map(([, c]) => answersOf(c)));
        expect([...result.ids.values()]).toEqual(customers.map((_, i) => `id-${i}`));
      }),
      { numRuns: 150 },
    );
  });

  it('names a row whose gender or consent it cannot read, by row and column', () => {
    const at = new Date(2025, 0, 2, 10).toISOString();
    const csv = csvOf([{ ...emptyCustomerFields(), name: '张三', consent: { sms: { state: 'granted', at, source: 'in-store' }, email: { state: 'withdrawn', at, source: 'import' } } }], A)
      .replace('gender unspecified 甲', '不知道')
      .replace('states granted 甲', '也许');
    const { result, layout } = readBack(csv);
    expect(result.drafts).toEqual([]);
    expect(result.errors.map((e) => [e.rowNumber, e.field, e.code, e.value, e.column])).toEqual([
      [2, 'gender', 'choice-invalid', '不知道', layout!.columns.gender],
      [2, 'consentSms', 'consent-invalid', '也许 2025-01-02 (sources in-store 甲)', (layout as OwnExportLayout<'customers'>).columns.consentSms],
    ]);
  });

  it('reads the one consent cell of earlier versions\' exports, leaving out the visit channel that was never marketing', () => {
    const t = vocabularyText(A);
    const columns = ['id', 'name', 'gender', 'phone', 'otherPhones', 'birthday', 'birthdayCalendar', 'referredBy', 'preferredChannel', 'consents'];
    const cell = ['channel sms 甲: yesNo yes 甲 2025-01-02', 'channel visit 甲: yesNo yes 甲 2025-01-03', 'channel email 甲: yesNo no 甲 2025-02-03'].join('; ');
    const csv = toCsv(columns.map((c) => t(`export.customer.${c}`)), [['id-0', '王五', '', '', '', '', '', '', '', cell]]);
    const { result } = readBack(csv);
    expect(result.errors).toEqual([]);
    expect(result.drafts[0]!.consents).toEqual([{ channel: 'sms', granted: true }, { channel: 'email', granted: false }]);
  });
});
