import { describe, expect, it } from 'vitest';
import { emptyCustomerFields, type CustomerFields } from '../customer';
import { rowsToDrafts, suggestMapping } from './customerMapping';
import { importNameKey, mergeConsentAnswers, mergeImportedFields, planImport, sameFields, type ImportLookup, type ImportPlan } from './importPlan';

const CTX = { defaultRegion: 'CN' as const, today: new Date(2025, 5, 15) };
const HEADERS = ['姓名', '手机', '邮箱', '公司', '标签', '备注'];
const ROWS = [
  ['张三', '13812345678', 'zs@example.cn', '', 'VIP', ''],
  ['李四', '13912345678', '', '茶庄', '', '喜欢普洱'],
  ['王五', '', 'ww@example.cn', '', '', ''],
  ['赵六', '', '', '', '', ''],
  ['张三丰', '138 1234 5678', '', '武当', '老客户', ''], // same phone as row 2
  ['王五', '', 'WW@example.cn', '', '', ''], // same e-mail as row 4
];

function candidates(rows = ROWS) {
  const r = rowsToDrafts({ headers: HEADERS, rows, rowNumbers: rows.map((_, i) => i + 2) }, suggestMapping(HEADERS), CTX);
  expect(r.errors).toEqual([]);
  return r.drafts.map((d) => ({ rowNumber: d.rowNumber, fields: d.fields }));
}

/** A toy store with the same duplicate keys the database keeps (phoneKeys, emailKey). */
class Store {
  customers = new Map<string, CustomerFields>();
  private next = 1;
  lookup(): ImportLookup {
    const find = (pred: (f: CustomerFields) => boolean) => [...this.customers].find(([, f]) => pred(f))?.[0];
    return {
      existingByPhone: (key) => find((f) => f.phones.some((p) => p.normalized === key)),
      existingByEmail: (key) => find((f) => f.email.toLowerCase() === key),
      existingFields: (id) => this.customers.get(id),
      existingByName: (key) => [...this.customers].filter(([, f]) => importNameKey(f.name) === key).map(([id]) => id),
    };
  }
  apply(plan: ImportPlan) {
    for (const c of plan.create) this.customers.set(`c${this.next++}`, c.fields);
    for (const u of plan.update) this.customers.set(u.customerId, u.fields);
  }
}

describe('planImport', () => {
  it('finds duplicates inside the file (phone, then e-mail) and merges them into the first row', () => {
    const plan = planImport(candidates(), new Store().lookup(), 'update');
    expect(plan.counts).toEqual({ rows: 6, create: 4, update: 0, updateChanged: 0, skip: 0, erased: 0, matchedExisting: 0, duplicatesInFile: 2, unmatchable: 0 });
    expect(plan.rows.map((r) => [r.rowNumber, r.action, r.duplicateOf])).toEqual([
      [2, 'create', null], [3, 'create', null], [4, 'create', null], [5, 'create', null],
      [6, 'create', { kind: 'phone', rowNumber: 2 }], [7, 'create', { kind: 'email', rowNumber: 4 }],
    ]);
    expect(plan.create.map((c) => c.rowNumbers)).toEqual([[2, 6], [3], [4, 7], [5]]);
    // Row 6 merged into row 2's new customer: later non-empty values win, tags unioned.
    expect(plan.create[0]!.fields).toMatchObject({ name: '张三丰', company: '武当', email: 'zs@example.cn', tags: ['VIP', '老客户'] });
    expect(plan.create[0]!.fields.phones).toHaveLength(1);
  });

  it("with 'skip' keeps only the first of the file's duplicates", () => {
    const plan = planImport(candidates(), new Store().lookup(), 'skip');
    expect(plan.create.map((c) => c.rowNumbers)).toEqual([[2], [3], [4], [5]]);
    expect(plan.skip).toEqual([{ rowNumber: 6, cause: 'duplicate-in-file' }, { rowNumber: 7, cause: 'duplicate-in-file' }]);
  });

  it("with 'new' imports every row", () => {
    const plan = planImport(candidates(), new Store().lookup(), 'new');
    expect(plan.counts).toMatchObject({ create: 6, skip: 0, duplicatesInFile: 2 });
  });

  it('importing the same file twice creates no new customers with skip or update', () => {
    for (const policy of ['skip', 'update'] as const) {
      const store = new Store();
      store.apply(planImport(candidates(), store.lookup(), policy));
      expect(store.customers.size).toBe(4);
      const second = planImport(candidates(), store.lookup(), policy);
      expect(second.counts.create, policy).toBe(0);
      store.apply(second);
      expect(store.customers.size, policy).toBe(4);
    }
    // Without a name lookup, 赵六 (neither phone nor e-mail) cannot be recognised, and the plan says so.
    const store = new Store();
    const { existingByName: _n, ...withoutNames } = store.lookup();
    store.apply(planImport(candidates(), withoutNames, 'skip'));
    const again = planImport(candidates(), withoutNames, 'skip');
    expect(again.counts).toMatchObject({ create: 1, unmatchable: 1 });
  });

  it('matches existing customers by phone first, then by e-mail', () => {
    const store = new Store();
    store.apply(planImport(candidates(), store.lookup(), 'update'));
    const again = planImport(candidates(), store.lookup(), 'update');
    expect(again.rows.map((r) => r.match?.kind ?? null)).toEqual(['phone', 'phone', 'email', 'name', 'phone', 'email']);
    // Re-importing changes nothing: every update is a no-op the caller can skip.
    expect(again.counts).toMatchObject({ update: 4, updateChanged: 0, create: 0, matchedExisting: 6 });
  });

  it("'update' merges into the stored customer; 'skip' leaves it alone", () => {
    const store = new Store();
    store.apply(planImport(candidates(), store.lookup(), 'update'));
    const changed = ROWS.map((r) => [...r]);
    changed[1]![3] = '新茶庄';
    changed[1]![4] = '批发';
    const skip = planImport(candidates(changed), store.lookup(), 'skip');
    expect(skip.counts).toMatchObject({ create: 0, update: 0, skip: 6 });
    expect(skip.skip.filter((s) => s.cause === 'matches-existing')).toHaveLength(6);
    const update = planImport(candidates(changed), store.lookup(), 'update');
    const li = update.update.find((u) => u.fields.name === '李四')!;
    expect(li).toMatchObject({ changed: true, rowNumbers: [3], fields: { company: '新茶庄', tags: ['批发'], notes: '喜欢普洱' } });
    expect(update.counts.updateChanged).toBe(1);
  });
});

describe('name matching for rows without phone and e-mail', () => {
  it('needs the same name and birthday, and a customer who has no phone or e-mail either', () => {
    const store = new Store();
    const fields = (over: Partial<CustomerFields>): CustomerFields => ({ ...emptyCustomerFields(), name: '赵六', ...over });
    store.customers.set('a', fields({}));
    store.customers.set('b', fields({ name: '钱七', phones: [{ raw: '1', normalized: '+8613812345678', kind: 'validated', label: '', primary: true }] }));
    const birthday = { calendar: 'solar' as const, year: 1980, month: 1, day: 2, leapMonth: false };
    const plan = planImport([
      { rowNumber: 2, fields: fields({ name: ' 赵 六 ' }) },
      { rowNumber: 3, fields: fields({ birthday }) },
      { rowNumber: 4, fields: fields({ name: '钱七' }) },
      { rowNumber: 5, fields: fields({ birthday }) },
    ], store.lookup(), 'skip');
    expect(plan.rows.map((r) => [r.rowNumber, r.match?.customerId ?? null, r.duplicateOf?.rowNumber ?? null, r.action])).toEqual([
      [2, 'a', null, 'skip'], [3, null, null, 'create'], [4, null, null, 'create'], [5, null, 3, 'skip'],
    ]);
  });
});

describe('mergeImportedFields', () => {
  const phone = (normalized: string, primary = false) => ({ raw: normalized, normalized, kind: 'validated' as const, label: '', primary });
  const existing: CustomerFields = {
    ...emptyCustomerFields(),
    name: '张三', gender: 'male', phones: [phone('+8613812345678', true), phone('+8613912345678')], email: 'a@x.cn',
    company: '旧公司', tags: ['VIP', '茶'], notes: '店员备注',
  };

  it('overwrites with non-empty values, keeps the rest, unions phones and tags, appends notes', () => {
    const imported: CustomerFields = {
      ...emptyCustomerFields(),
      name: '张三', phones: [phone('+8613700000000', true), phone('+8613912345678')], company: '新公司', tags: ['vip', '咖啡'],
      notes: '导入备注', birthday: { calendar: 'solar', year: 1990, month: 5, day: 17, leapMonth: false },
    };
    const merged = mergeImportedFields(existing, imported);
    expect(merged).toMatchObject({ name: '张三', gender: 'male', email: 'a@x.cn', company: '新公司', tags: ['VIP', '茶', '咖啡'], notes: '店员备注\n导入备注' });
    expect(merged.birthday).toEqual(imported.birthday);
    expect(merged.phones.map((p) => [p.normalized, p.primary])).toEqual([
      ['+8613812345678', true], ['+8613912345678', false], ['+8613700000000', false],
    ]);
    expect(sameFields(mergeImportedFields(merged, imported), merged)).toBe(true);
  });

  it('takes the imported primary when the customer had no phone', () => {
    const merged = mergeImportedFields({ ...existing, phones: [] }, { ...existing, phones: [phone('+1', false), phone('+2', true)] });
    expect(merged.phones.map((p) => p.primary)).toEqual([false, true]);
  });
});

describe('consent answers in a plan', () => {
  it('merges the rows of one customer, a later answer for a channel winning, and updates only what changes the stored consent', () => {
    const store = new Store();
    store.customers.set('c-old', { ...emptyCustomerFields(), name: '张三', phones: candidates()[0]!.fields.phones });
    const rows = candidates().slice(0, 2);
    const lookup: ImportLookup = {
      ...store.lookup(),
      existingConsent: (id) => (id === 'c-old' ? { sms: { state: 'granted', at: '2026-01-01T00:00:00.000Z', source: 'in-store' } } : undefined),
    };
    const plan = planImport(
      [
        { ...rows[0]!, fields: store.customers.get('c-old')!, consents: [{ channel: 'sms', granted: true }, { channel: 'email', granted: true }] },
        { ...rows[1]!, consents: [{ channel: 'wechat', granted: true }] },
        { ...rows[1]!, rowNumber: 9, consents: [{ channel: 'wechat', granted: false }, { channel: 'phone', granted: true }] },
      ],
      lookup,
      'update',
    );
    // The stored customer: SMS already granted, so only the e-mail answer is new; its fields did not change.
    expect(plan.update).toEqual([expect.objectContaining({ customerId: 'c-old', consents: [{ channel: 'email', granted: true }], fieldsChanged: false, changed: true })]);
    expect(plan.counts.updateChanged).toBe(1);
    // The new customer from two rows: WeChat's later "no" replaces the earlier "yes".
    expect(plan.create.map((c) => c.consents)).toEqual([[{ channel: 'wechat', granted: false }, { channel: 'phone', granted: true }]]);
    expect(mergeConsentAnswers([{ channel: 'sms', granted: true }], undefined)).toEqual([{ channel: 'sms', granted: true }]);
  });
});

describe('rows of erased customers', () => {
  it('leaves out, under every policy, a row whose own id was erased, and its repeats; drops an erased referrer', () => {
    const rows = candidates().slice(0, 3);
    const erased: Record<string, string> = { 'c-gone': '2026-03-02T10:00:00.000Z' };
    const lookup: ImportLookup = { ...new Store().lookup(), erasedAt: (id) => erased[id] };
    const given = [
      { ...rows[0]!, id: 'c-gone' },
      { ...rows[1]!, id: 'c-kept', fields: { ...rows[1]!.fields, referredBy: 'c-gone' } },
      { ...rows[2]!, rowNumber: 9, id: 'c-gone' },
    ];
    for (const policy of ['skip', 'update', 'new'] as const) {
      const plan = planImport(given, lookup, policy);
      expect(plan.erased).toEqual([
        { rowNumber: 2, erasedAt: '2026-03-02T10:00:00.000Z' },
        { rowNumber: 9, erasedAt: '2026-03-02T10:00:00.000Z' },
      ]);
      expect(plan.counts).toMatchObject({ rows: 3, create: 1, erased: 2, skip: 0 });
      expect(plan.rows.map((r) => r.rowNumber)).toEqual([3]);
      expect(plan.create).toEqual([expect.objectContaining({ id: 'c-kept', fields: expect.objectContaining({ name: '李四', referredBy: null }) })]);
    }
    // Without a register every row is planned as before.
    expect(planImport(given, new Store().lookup(), 'new').counts).toMatchObject({ create: 3, erased: 0 });
  });
});
