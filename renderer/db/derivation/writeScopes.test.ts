// Every write path of the store, run with a DBCore middleware that records each read-write transaction's
// tables and what it changed: a transaction that changes a source table (purchases, customers) must
// hold the tables WRITE_SCOPES declares for that kind of write, and afterwards every customer has
// exactly one state row, its trash state mirrored, no record carries a derived value, and the report tables are
// what building them from every purchase gives.
import 'fake-indexeddb/auto';
import type { DBCore, DBCoreMutateRequest, DBCoreTransaction } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consentStateRow } from '../../../shared/domain/consent';
import { CUSTOMER_DERIVED_KEYS } from '../../../shared/domain/customer';
import { groupPurchasesByCustomer, utcDayOf } from '../../../shared/domain/customerFigures';
import { buildReportRows } from '../../../shared/domain/reports/reportRows';
import { buildStatusCounts } from '../../../shared/domain/reports/statusCounts';
import { buildPointsMonths, isEmptyPointsMonth } from '../../../shared/domain/reports/loyalty';
import { importPurchases, parseDelimited, rowsToDrafts, suggestMapping } from '../../../shared/domain/import';
import { makeCustomerFields, makePhone } from '../../../test/factories/customer';
import { makePurchaseFields } from '../../../test/factories/purchase';
import { createConsentRepository } from '../consents';
import { createCustomerRepository } from '../customers';
import { RegularsDatabase } from '../database';
import { createImportRepository } from '../imports';
import { createInteractionRepository } from '../interactions';
import { mergeCustomers } from '../merge';
import { createCampaignRepository } from '../campaigns';
import { createSavedSegmentRepository } from '../savedSegments';
import { readSegmentFacts } from '../segmentFacts';
import { createPurchaseRepository } from '../purchases';
import { createStoreSetup } from '../storeSetup';
import { createSettingsRepository } from '../settings';
import { createPinRepository } from '../pins';
import { createErasure } from '../erasure';
import { createPointsRepository } from '../points';
import { createSurveyRepository } from '../surveys';
import { createComplaintRepository } from '../complaints';
import { DEFAULT_SURVEY_QUESTIONS } from '../../../shared/domain/survey';
import { DEFAULT_POINTS_RULES, type PointsRules } from '../../../shared/domain/pointsRules';
import { verifyChain } from '../../../shared/domain/auditChain';
import { createDerivation, WRITE_KIND_OF_TABLE, WRITE_SCOPES, writeTransaction, type TableName } from './index';

interface RecordedTransaction {
  tables: string[];
  mutated: Set<string>;
}

let db: RegularsDatabase;
let recorded: RecordedTransaction[];
let clock: Date;
let ids: number;
const deps = () => ({ now: () => clock, newId: () => `id-${String(++ids).padStart(6, '0')}`, dayOf: utcDayOf });

/** Records each read-write transaction's tables and the tables it changed. */
function recordTransactions(target: RegularsDatabase): void {
  const byTransaction = new WeakMap<DBCoreTransaction, RecordedTransaction>();
  target.use({
    stack: 'dbcore',
    name: 'writeScopeRecorder',
    create(down: DBCore): DBCore {
      return {
        ...down,
        transaction(stores, mode, options) {
          const tx = down.transaction(stores, mode, options);
          if (mode === 'readwrite') {
            const entry = { tables: [...stores], mutated: new Set<string>() };
            byTransaction.set(tx, entry);
            recorded.push(entry);
          }
          return tx;
        },
        table(name) {
          const table = down.table(name);
          return {
            ...table,
            mutate(req: DBCoreMutateRequest) {
              byTransaction.get(req.trans)?.mutated.add(name);
              return table.mutate(req);
            },
          };
        },
      };
    },
  });
}

/** The declared tables each recorded transaction left out, by the source table it changed, and a change written without its audit entry. */
function missingScopes(transactions: readonly RecordedTransaction[]): string[] {
  const problems: string[] = [];
  for (const tx of transactions) {
    for (const table of tx.mutated) {
      const kind = WRITE_KIND_OF_TABLE[table as TableName];
      if (!kind) continue;
      const missing = WRITE_SCOPES[kind].filter((t) => !tx.tables.includes(t));
      if (missing.length) problems.push(`changed ${table} without ${missing.join(', ')} (held: ${tx.tables.join(', ')})`);
      else if (!tx.mutated.has('auditLog')) problems.push(`changed ${table} without an audit entry`);
    }
  }
  return problems;
}

/** The kinds of the audit entries written since entry `after`, in order. */
async function auditKindsAfter(after: number): Promise<string[]> {
  return (await db.auditLog.where('seq').above(after).toArray()).map((e) => e.kind);
}

/** One state row per customer, its trash state mirrored; no derived value on a record. */
async function expectStateInStep(): Promise<void> {
  const [records, states] = await Promise.all([db.customers.toArray(), db.customerState.toArray()]);
  expect(states.map((s) => [s.id, s.isDeleted])).toEqual(records.map((r) => [r.id, r.isDeleted]));
  for (const r of records) for (const key of CUSTOMER_DERIVED_KEYS) expect(key in r, `${r.id} carries ${key}`).toBe(false);
  // Consent: each customer's current-consent row is what their history gives, and no answer outlives its customer.
  const [events, consent] = await Promise.all([db.consentEvents.toArray(), db.consentState.toArray()]);
  const customerIds = new Set(records.map((r) => r.id));
  for (const e of events) expect(customerIds.has(e.customerId), `answer ${e.id} of a customer gone`).toBe(true);
  const answered = [...new Set(events.map((e) => e.customerId))].sort();
  expect(consent.map((row) => row.id).sort()).toEqual(answered);
  for (const row of consent) expect(row).toEqual(consentStateRow(row.id, events.filter((e) => e.customerId === row.id)));
  // The report tables: what building them from every purchase gives (every customer's entry, the store's days).
  const built = buildReportRows(groupPurchasesByCustomer(await db.purchases.toArray()), utcDayOf);
  expect(await db.visitBuckets.orderBy('bucket').toArray()).toEqual(built.buckets);
  expect(await db.salesDays.orderBy('day').toArray()).toEqual(built.salesDays);
  expect(await db.pointsMonths.orderBy('month').toArray()).toEqual(buildPointsMonths(await db.pointsEntries.toArray(), utcDayOf).filter((m) => !isEmptyPointsMonth(m)));
  // The status counts: what counting every state row gives.
  expect(await db.statusCounts.orderBy('key').toArray()).toEqual(buildStatusCounts(states));
}

beforeEach(async () => {
  db = new RegularsDatabase(`scopes-${crypto.randomUUID()}`);
  recorded = [];
  recordTransactions(db);
  await db.open();
  clock = new Date('2026-03-01T10:00:00Z');
  ids = 0;
});

afterEach(async () => {
  await db.delete();
});

/** Runs a write path and checks what its transactions held and what they left behind. */
async function check(label: string, run: () => Promise<unknown>, sources: readonly TableName[], audited: readonly string[] = []): Promise<void> {
  const from = recorded.length;
  const lastEntry = (await db.auditLog.orderBy('seq').last())?.seq ?? 0;
  await run();
  const mine = recorded.slice(from);
  for (const source of sources) expect(mine.some((tx) => tx.mutated.has(source)), `${label} changes ${source}`).toBe(true);
  expect(missingScopes(mine), label).toEqual([]);
  expect(await auditKindsAfter(lastEntry), `${label}: audit entries`).toEqual(audited);
  await expectStateInStep();
}

describe('write scopes', () => {
  it('every write path holds the declared tables of the writes it makes, and keeps customerState in step', async () => {
    const customers = createCustomerRepository(db, deps());
    const purchases = createPurchaseRepository(db, deps());
    const derivation = createDerivation(db, deps());
    const imports = createImportRepository(db, deps());
    const interactions = createInteractionRepository(db, deps());

    await check('store setup (demo)', () => createStoreSetup(db, deps()).start('demo'), ['customers', 'purchases'], ['store.setup']);
    const a = await customers.create(makeCustomerFields({ name: '张三', phones: [makePhone('+8613812345678', { raw: '13812345678' })] }));
    await check('create', () => customers.create(makeCustomerFields({ name: '李四' })), ['customers'], ['customer.create']);
    await check('create with consent', () => customers.create(makeCustomerFields({ name: '钱七' }), { answers: [{ channel: 'sms', granted: true }], source: 'in-store' }), ['customers', 'consentEvents'], ['customer.create']);
    const consents = createConsentRepository(db, deps());
    await check('grant', () => consents.grant(a.id, 'wechat', 'paper-form'), ['consentEvents'], ['consent.change']);
    await check('withdraw', () => consents.withdraw(a.id, 'wechat'), ['consentEvents'], ['consent.change']);
    await check('update', () => customers.update(a.id, makeCustomerFields({ name: '张三', phones: [makePhone('+8613812345678', { raw: '13812345678' })], city: '杭州' })), ['customers'], ['customer.edit']);

    let sale = await purchases.record(a.id, makePurchaseFields({ purchasedAt: '2026-02-01T03:00:00.000Z', totalFen: 90_000 }));
    await check('record', async () => (sale = await purchases.record(a.id, makePurchaseFields({ purchasedAt: '2026-02-10T03:00:00.000Z', totalFen: 80_000 }))), ['purchases'], ['purchase.record']);
    await check('return', () => purchases.recordReturn(sale.id, makePurchaseFields({ purchasedAt: '2026-02-11T03:00:00.000Z', totalFen: -10_000 })), ['purchases'], ['purchase.return']);
    const other = await purchases.record(a.id, makePurchaseFields({ purchasedAt: '2026-02-12T03:00:00.000Z', totalFen: 5_000 }));
    await check('edit', () => purchases.edit(other.id, makePurchaseFields({ purchasedAt: '2026-02-12T03:00:00.000Z', totalFen: 4_000 })), ['purchases'], ['purchase.edit']);
    await check('void', () => purchases.void(other.id, '录错了'), ['purchases'], ['purchase.void']);

    const b = await customers.create(makeCustomerFields({ name: '王五' }));
    await purchases.record(b.id, makePurchaseFields({ purchasedAt: '2026-02-13T03:00:00.000Z' }));
    await check('move purchases', () => purchases.moveAll(b.id, a.id), ['purchases'], ['purchase.move']);
    await check('remove purchases', () => purchases.removeAllForCustomer(b.id), [], ['purchase.removeAll']);
    await check('contact', () => interactions.record(a.id, { at: '2026-02-14T03:00:00.000Z', channel: 'phone', direction: 'out', summary: '回访', outcome: '', followUpDate: null }), ['interactions'], ['contact.record']);
    const surveys = createSurveyRepository(db, deps());
    await check('survey answer', () => surveys.recordAnswer(a.id, { csat: 2, nps: 3, choices: ['waiting'], why: '' }, { channel: 'counter', purchaseId: null }), ['surveyAnswers', 'surveys'], ['survey.answer']);
    await check('survey version', () => surveys.saveSurvey({ ...DEFAULT_SURVEY_QUESTIONS, why: false }), ['surveys'], ['survey.version']);
    await check('survey declined', () => surveys.setDeclined(a.id, true), ['customers'], ['survey.declined']);
    const complaints = createComplaintRepository(db, { ...deps(), timeZone: () => 'Asia/Shanghai' });
    const complaintFields = { category: 'service' as const, severity: 'high' as const, said: '等太久', receivedBy: '小王', receivedAt: '2026-03-01T09:00:00.000Z' };
    const [answer] = await db.surveyAnswers.toArray();
    await check('complaint from an answer', () => complaints.open({ customerId: a.id, fields: complaintFields, surveyAnswerId: answer!.id }), ['complaints', 'surveyAnswers'], ['complaint.open']);
    const [complaint] = await db.complaints.toArray();
    await check(
      'complaint resolved with points',
      () => complaints.move(complaint!.id, { to: 'resolved', by: '小王', note: '', resolution: '致歉', compensation: { points: 100, rewardId: null, refundFen: 0, pointsReason: '投诉补偿' } }),
      ['complaints', 'pointsEntries'],
      ['points.adjust', 'complaint.move'],
    );
    await check('complaint satisfaction', () => complaints.recordSatisfaction(complaint!.id, true), ['complaints'], ['complaint.satisfaction']);
    const campaigns = createCampaignRepository(db, { ...deps(), random: () => 0.5 });
    // Everyone agrees to SMS first: a start takes only those the store holds as consenting.
    for (const f of await readSegmentFacts(db)) if (!f.consented.includes('sms')) await createConsentRepository(db, deps()).grant(f.id, 'sms', 'in-store');
    const facts = await readSegmentFacts(db);
    const draft = { name: '回访', conditions: [], channel: 'sms' as const, message: '您好', costFen: 0, windowDays: 30, controlShare: 0 };
    const campaign = await campaigns.start(draft, facts);
    await check('campaign start', () => campaigns.start(draft, facts), ['campaigns', 'campaignMembers'], ['campaign.start']);
    await check('campaign mark', () => campaigns.mark(campaign.id, a.id, 'sent'), ['campaignMembers', 'interactions'], ['campaign.mark']);
    await check('campaign end', () => campaigns.end(campaign.id), ['campaigns'], ['campaign.end']);
    const savedSegments = createSavedSegmentRepository(db, deps());
    let segmentId = '';
    await check('segment save', async () => (segmentId = (await savedSegments.save('老客', [{ kind: 'stage', stages: ['loyal'] }])).id), ['savedSegments'], ['segment.save']);
    await check('segment update', () => savedSegments.update(segmentId, []), ['savedSegments'], ['segment.update']);
    await check('segment rename', () => savedSegments.rename(segmentId, '全部客户'), ['savedSegments'], ['segment.rename']);
    await check('segment delete', () => savedSegments.remove(segmentId), ['savedSegments'], ['segment.delete']);

    // Points of a customer deleted for good leave the store's months with them.
    await createPointsRepository(db, deps()).adjust(b.id, 50, '补发');
    await check('trash', () => customers.moveToTrash(b.id), ['customers'], ['customer.trash']);
    await check('restore', () => customers.restoreFromTrash(b.id), ['customers'], ['customer.restore']);
    await customers.moveToTrash(b.id);
    await check('delete for good', () => customers.deleteForever(b.id), ['customers'], ['customer.deleteForGood']);

    const table = parseDelimited(['姓名,手机,短信营销许可', '张三,13812345678,是', '赵六,13900000001,否'].join('\n'));
    const drafts = rowsToDrafts(table, suggestMapping(table.headers), { defaultRegion: 'CN', today: new Date(2026, 0, 15) });
    const candidates = drafts.drafts.map((d) => ({ rowNumber: d.rowNumber, fields: d.fields, consents: d.consents }));
    let customerBatch = '';
    await check(
      'customers import',
      async () => (customerBatch = (await imports.importCustomers({ fileName: 'c.csv', candidates, policy: 'update', invalidRows: 0, emptyRows: 0 })).batchId),
      ['customers', 'consentEvents', 'imports'],
      ['import.customers'],
    );
    const csv = ['手机,日期,金额,订单号', '13812345678,2026-02-20,800.00,B1', '13900000001,2026-02-21,20.00,B2'].join('\n');
    const result = importPurchases(parseDelimited(csv), { currency: 'CNY', now: new Date(2026, 2, 1), defaultRegion: 'CN' });
    let purchaseBatch = '';
    await check(
      'purchases import',
      async () => (purchaseBatch = (await imports.importPurchases({ fileName: 'p.csv', result, externalCustomerName: (id) => id })).batchId),
      ['purchases', 'imports'],
      ['import.purchases'],
    );
    await check('undo purchases import', () => imports.undo(purchaseBatch), ['purchases', 'imports'], ['import.undo']);
    await check('undo customers import', () => imports.undo(customerBatch), ['customers', 'imports'], ['import.undo']);
    // A customer number the store does not know (Online Retail's): the import creates the customer, and its undo removes them.
    const numbered = importPurchases(
      parseDelimited(['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country', '536365,85123A,CUP,6,2026-02-20 08:26,2.55,17850,United Kingdom', 'C536379,85123A,CUP,-1,2026-02-24 09:41,2.55,17850,United Kingdom'].join('\n')),
      { currency: 'CNY', now: new Date(2026, 2, 1), defaultRegion: 'CN' },
    );
    let numberedBatch = '';
    await check(
      'purchases import creating a customer',
      async () => (numberedBatch = (await imports.importPurchases({ fileName: 'n.csv', result: numbered, externalCustomerName: (id) => id })).batchId),
      ['purchases', 'customers', 'imports'],
      ['import.purchases'],
    );
    await check('undo the import that created a customer', () => imports.undo(numberedBatch), ['purchases', 'customers', 'imports'], ['import.undo']);

    const c = await customers.create(makeCustomerFields({ name: '张三', city: '上海' }));
    await purchases.record(c.id, makePurchaseFields({ purchasedAt: '2026-02-22T03:00:00.000Z' }));
    await check('merge', () => mergeCustomers(db, deps())([a.id, c.id], { survivorId: a.id, picks: {} }), ['customers', 'purchases'], ['customers.merge']);

    clock = new Date('2026-09-01T10:00:00Z');
    await check('recomputation', () => derivation.recomputeAllStatus(), []);
    await check('tier review', () => derivation.applyTierReview(), [], ['tierReview.apply']);
    await check('refresh', () => derivation.refreshFigures([a.id]), []);
    await check('contact edit', async () => {
      const [contact] = await interactions.listForCustomer(a.id, 1);
      await interactions.edit(contact!.id, { at: '2026-02-14T03:00:00.000Z', channel: 'phone', direction: 'out', summary: '回访', outcome: '好', followUpDate: '2026-09-02' });
      await interactions.markFollowUpDone(contact!.id);
      await interactions.remove(contact!.id);
    }, ['interactions'], ['contact.edit', 'contact.followUp', 'contact.remove']);
    await check('settings', () => createSettingsRepository(db, deps()).write('currency', 'HKD'), ['settings'], ['settings.change']);
    await check('owner PIN', () => createPinRepository(db, deps()).write('owner', null), ['pins'], ['pin.change']);
    const points = createPointsRepository(db, deps());
    await check('points rules', () => points.saveRules({ ...DEFAULT_POINTS_RULES, expiry: [{ kind: 'months', months: 1, from: '1970-01-01T00:00:00.000Z' }] } as PointsRules), ['settings'], ['settings.change']);
    await check('points adjustment', () => points.adjust(a.id, 500, '补发'), ['pointsEntries'], ['points.adjust']);
    const cup = { id: 'r-1', name: '保温杯', kind: 'gift' as const, pointsCost: 100, stock: 3, voucherFen: null, percentOff: null, validFrom: null, validTo: null, tiersAllowed: [], active: true };
    await check('reward', () => points.saveReward(cup), ['rewards'], ['rewards.change']);
    await check('gift redeemed', () => points.redeemReward(a.id, cup.id), ['pointsEntries', 'rewards'], ['points.redeem']);
    let withGift = '';
    await check('gift redeemed with a purchase', async () => {
      withGift = (await purchases.record(a.id, makePurchaseFields({ purchasedAt: '2026-02-23T04:00:00.000Z', totalFen: 3_000 }), { rewardId: cup.id })).id;
    }, ['purchases', 'pointsEntries', 'rewards'], ['purchase.record', 'points.redeem']);
    await check('gift given back by a void', () => purchases.void(withGift, '顾客取消'), ['purchases', 'pointsEntries', 'rewards'], ['purchase.void']);
    clock = new Date('2026-12-01T10:00:00Z');
    await check('points rollover', () => points.rolloverExpiries(), ['pointsEntries'], ['points.expire']);
    await points.saveRules({ ...DEFAULT_POINTS_RULES, birthdayGift: 88 } as PointsRules);
    await customers.update(a.id, makeCustomerFields({ name: '张三', phones: [makePhone('+8613812345678', { raw: '13812345678' })], birthday: { calendar: 'solar', year: 1990, month: 12, day: 1, leapMonth: false } }));
    await check('birthday gifts', () => points.birthdayGifts(), ['pointsEntries'], ['points.birthdayGift']);
    await check('points recomputation', () => points.recomputeAll(), []);
    await check('erase', () => createErasure(db, deps()).erase(a.id, 'anonymise'), ['customers', 'purchases', 'erasures', 'pointsEntries'], ['customer.erase']);

    // Every entry written above, chained in the order written, and the chain intact.
    const entries = await db.auditLog.orderBy('seq').toArray();
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(verifyChain(entries)).toMatchObject({ status: 'intact', count: entries.length });
    expect(new Set(entries.map((e) => e.actor))).toEqual(new Set(['clerk']));
  }, 120_000);

  it('fails a write that changes purchases without the tables its derivation needs', async () => {
    const a = await createCustomerRepository(db, deps()).create(makeCustomerFields());
    const from = recorded.length;
    await db.transaction('rw', [db.purchases], () => db.purchases.put({ ...makePurchaseFields(), id: 'p-x', customerId: a.id } as never));
    expect(missingScopes(recorded.slice(from))).toEqual([
      'changed purchases without customerState, statusCounts, settings, bookkeeping, tierHistory, visitBuckets, salesDays, auditLog (held: purchases)',
    ]);
  });

  it('fails a write that holds its scope but writes no audit entry', async () => {
    const a = await createCustomerRepository(db, deps()).create(makeCustomerFields());
    const from = recorded.length;
    await writeTransaction(db, ['contact'], [], () => db.interactions.put({ id: 'i-x', customerId: a.id, at: '2026-03-01T10:00:00.000Z' } as never));
    await writeTransaction(db, ['settings'], [], () => db.settings.put({ key: 'currency', value: 'HKD' }));
    expect(missingScopes(recorded.slice(from))).toEqual(['changed interactions without an audit entry', 'changed settings without an audit entry']);
  });
});
