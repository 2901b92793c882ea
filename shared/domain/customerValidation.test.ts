import { describe, expect, it } from 'vitest';
import { emptyCustomerFields } from './customer';
import { ALL_ERROR_CODES, FIELD_LIMITS, validateCustomerDraft, type CustomerDraft, type FieldErrors } from './customerValidation';

const CTX = { defaultRegion: 'CN' as const, today: new Date(2025, 5, 15, 10, 0) };

function draft(over: Partial<CustomerDraft> = {}): CustomerDraft {
  const { phones: _p, birthday: _b, ...rest } = emptyCustomerFields();
  return { ...rest, name: '张三', phones: [], birthday: null, ...over };
}
const phone = (raw: string, over: Partial<CustomerDraft['phones'][number]> = {}) => ({ raw, label: '', primary: false, keepAsIs: false, ...over });

function fields(d: CustomerDraft) {
  const r = validateCustomerDraft(d, CTX);
  if (!r.ok) throw new Error(JSON.stringify(r.reason));
  return r.value;
}
function errors(d: CustomerDraft): FieldErrors {
  const r = validateCustomerDraft(d, CTX);
  if (r.ok) throw new Error('expected errors');
  for (const code of Object.values(r.reason)) expect(ALL_ERROR_CODES).toContain(code);
  return r.reason;
}

describe('validateCustomerDraft', () => {
  it('accepts a customer with only a name', () => {
    expect(fields(draft({ name: '  张三  ' }))).toEqual({ ...emptyCustomerFields(), name: '张三' });
  });

  it('requires a name of at most 80 characters', () => {
    expect(errors(draft({ name: '   ' }))).toEqual({ name: 'name-required' });
    expect(errors(draft({ name: '张'.repeat(81) }))).toEqual({ name: 'name-too-long' });
    expect(fields(draft({ name: '张'.repeat(80) })).name).toHaveLength(80);
    expect(fields(draft({ name: 'Anna   Müller' })).name).toBe('Anna Müller');
  });

  it('validates and normalises phones, dropping empty rows', () => {
    const f = fields(
      draft({ phones: [phone(''), phone('138 1234 5678', { label: ' 手机 ' }), phone('   '), phone('95588', { keepAsIs: true })] }),
    );
    expect(f.phones).toEqual([
      { raw: '138 1234 5678', normalized: '+8613812345678', kind: 'validated', label: '手机', primary: true },
      { raw: '95588', normalized: '95588', kind: 'kept', label: '', primary: false },
    ]);
  });

  it('reports each bad phone at its row in the form', () => {
    expect(errors(draft({ phones: [phone(''), phone('95588'), phone('138abc'), phone('12', { keepAsIs: true })] }))).toEqual({
      'phones.1.raw': 'phone-too-short',
      'phones.2.raw': 'phone-bad-characters',
      'phones.3.raw': 'phone-too-short',
    });
  });

  it('rejects the same number twice, however it is written', () => {
    expect(errors(draft({ phones: [phone('13812345678'), phone('+86 138-1234-5678')] }))).toEqual({ 'phones.1.raw': 'phone-duplicate' });
  });

  it('keeps exactly one primary phone', () => {
    const none = fields(draft({ phones: [phone('13812345678'), phone('13912345678')] }));
    expect(none.phones.map((p) => p.primary)).toEqual([true, false]);
    const second = fields(draft({ phones: [phone('13812345678'), phone('13912345678', { primary: true })] }));
    expect(second.phones.map((p) => p.primary)).toEqual([false, true]);
    const both = fields(draft({ phones: [phone('13812345678', { primary: true }), phone('13912345678', { primary: true })] }));
    expect(both.phones.map((p) => p.primary)).toEqual([true, false]);
    const emptyPrimary = fields(draft({ phones: [phone('', { primary: true }), phone('13912345678')] }));
    expect(emptyPrimary.phones.map((p) => p.primary)).toEqual([true]);
  });

  it('limits phone labels', () => {
    expect(errors(draft({ phones: [phone('13812345678', { label: 'x'.repeat(21) })] }))).toEqual({ 'phones.0.label': 'text-too-long' });
  });

  it('uses the default region for numbers without a country code', () => {
    const r = validateCustomerDraft(draft({ phones: [phone('2123 4567')] }), { ...CTX, defaultRegion: 'HK' });
    expect(r.ok && r.value.phones[0]!.normalized).toBe('+85221234567');
  });

  it('validates the e-mail', () => {
    expect(fields(draft({ email: ' Zhang@QQ.com ' })).email).toBe('Zhang@qq.com');
    expect(errors(draft({ email: 'zhang@' }))).toEqual({ email: 'email-invalid' });
  });

  it('parses the birthday as typed', () => {
    expect(fields(draft({ birthday: { calendar: 'solar', year: '1990', month: '3', day: '08', leapMonth: false } })).birthday).toEqual({
      calendar: 'solar',
      year: 1990,
      month: 3,
      day: 8,
      leapMonth: false,
    });
    expect(fields(draft({ birthday: { calendar: 'lunar', year: '', month: '８', day: '１５', leapMonth: false } })).birthday).toEqual({
      calendar: 'lunar',
      year: null,
      month: 8,
      day: 15,
      leapMonth: false,
    });
    expect(fields(draft({ birthday: { calendar: 'solar', year: '', month: '', day: ' ', leapMonth: false } })).birthday).toBeNull();
  });

  it('reports a bad birthday with the birthday validator’s code', () => {
    const b = (year: string, month: string, day: string, calendar: 'solar' | 'lunar' = 'solar', leapMonth = false) =>
      errors(draft({ birthday: { calendar, year, month, day, leapMonth } })).birthday;
    expect(b('1990', '2', '30')).toBe('birthday-invalid-date');
    expect(b('1990', '', '3')).toBe('birthday-invalid-date');
    expect(b('1990', '3', 'x')).toBe('birthday-invalid-date');
    expect(b('19900', '3', '1')).toBe('birthday-invalid-date');
    expect(b('-1', '3', '1')).toBe('birthday-invalid-date');
    expect(b('2026', '1', '1')).toBe('birthday-in-future');
    expect(b('1850', '1', '1')).toBe('birthday-too-old');
    expect(b('2021', '4', '1', 'lunar', true)).toBe('birthday-lunar-invalid');
  });

  it('cleans tags: trimmed, empty dropped, case-insensitive duplicates dropped', () => {
    expect(fields(draft({ tags: [' 常客 ', '', 'VIP', 'vip', '常客', '  ', 'Vip'] })).tags).toEqual(['常客', 'VIP']);
    expect(errors(draft({ tags: ['ok', 'x'.repeat(31)] }))).toEqual({ 'tags.1': 'tag-too-long' });
    expect(fields(draft({ tags: ['x'.repeat(30)] })).tags).toHaveLength(1);
  });

  it('limits notes and other text fields', () => {
    expect(fields(draft({ notes: 'n'.repeat(FIELD_LIMITS.notes) })).notes).toHaveLength(5000);
    expect(errors(draft({ notes: 'n'.repeat(5001) }))).toEqual({ notes: 'notes-too-long' });
    expect(errors(draft({ company: 'c'.repeat(101), address: 'a'.repeat(201) }))).toEqual({
      company: 'text-too-long',
      address: 'text-too-long',
    });
    expect(fields(draft({ city: ' 深圳 ', title: ' 经理 ' }))).toMatchObject({ city: '深圳', title: '经理' });
  });

  it('keeps the preferred form of address and the honorific, trimmed; absent ones are none', () => {
    expect(fields(draft({ addressAs: '  小美姐 ', honorific: 'given-name' }))).toMatchObject({ addressAs: '小美姐', honorific: 'given-name' });
    const { addressAs: _a, honorific: _h, ...older } = draft();
    expect(fields(older)).toMatchObject({ addressAs: '', honorific: null });
    expect(errors(draft({ addressAs: '好'.repeat(FIELD_LIMITS.addressAs + 1) }))).toEqual({ addressAs: 'text-too-long' });
    expect(errors(draft({ honorific: 'sir' as never }))).toEqual({ honorific: 'choice-invalid' });
  });

  it('rejects values outside the closed vocabularies', () => {
    const bad = draft({
      gender: 'robot' as never,
      source: 'tv' as never,
      preferredChannel: 'fax' as never,
    });
    expect(errors(bad)).toEqual({
      gender: 'choice-invalid',
      source: 'choice-invalid',
      preferredChannel: 'choice-invalid',
    });
    expect(fields(draft({ source: '' as never, preferredChannel: 'wechat' }))).toMatchObject({ source: null, preferredChannel: 'wechat' });
  });

  it('keeps referredBy, with blank meaning none', () => {
    expect(fields(draft({ referredBy: ' abc ' })).referredBy).toBe('abc');
    expect(fields(draft({ referredBy: '  ' })).referredBy).toBeNull();
  });

  it('reports every bad field at once', () => {
    const e = errors(
      draft({
        name: '',
        phones: [phone('abc')],
        email: 'x',
        birthday: { calendar: 'solar', year: '1990', month: '2', day: '30', leapMonth: false },
        tags: ['t'.repeat(40)],
      }),
    );
    expect(Object.keys(e).sort()).toEqual(['birthday', 'email', 'name', 'phones.0.raw', 'tags.0']);
  });
});

describe('ALL_ERROR_CODES', () => {
  it('lists each code once, as kebab-case codes', () => {
    expect(new Set(ALL_ERROR_CODES).size).toBe(ALL_ERROR_CODES.length);
    for (const code of ALL_ERROR_CODES) expect(code).toMatch(/^[a-z]+(-[a-z]+)+$/);
  });

  it('includes the codes of the phone, e-mail and birthday validators', () => {
    expect(ALL_ERROR_CODES).toEqual(
      expect.arrayContaining([
        'phone-empty',
        'phone-bad-characters',
        'phone-too-short',
        'phone-too-long',
        'phone-invalid',
        'phone-duplicate',
        'email-invalid',
        'birthday-invalid-date',
        'birthday-in-future',
        'birthday-too-old',
        'birthday-lunar-invalid',
      ]),
    );
  });
});
