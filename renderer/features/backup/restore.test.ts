// Backup and restore end to end below the UI: the app's export and staging code, the real main-process
// service writing real files through the real IPC contract, fake-indexeddb for the databases. Every record
// of every table comes back equal; every kind of bad file is refused with today's database unchanged.
import 'fake-indexeddb/auto';
// Each backup's password key derived once, however often the test reads the backup (scrypt is pure).
import '../../../test/support/scryptMemo';
import Dexie from 'dexie';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupPreview, BackupSource } from '../../../shared/backup/api';
import { writeBackup } from '../../../shared/backup/client';
import { clockAt } from '../../../shared/clock';
import { encodeRow, PAYLOAD_FORMAT, payloadEndLine, payloadHeaderLine, rowsLine } from '../../../shared/domain/backupPayload';
import { localDayOf, utcDayOf } from '../../../shared/domain/customerFigures';
import { SCHEMA_V1_BACKUP, readSchemaV1Rows } from '../../../test/fixtures/backups/schemaV1';
import { decodeText, importPurchases, parseDelimited, rowsToDrafts, suggestMapping } from '../../../shared/domain/import';
import type { DatabasePointer } from '../../db/activeDatabase';
import { CURRENT_SCHEMA_VERSION } from '../../db/backupSchemas';
import { inProcessBackupWorker, snapshotDatabase, TEST_OWNER_PIN, testBackupApi, type TestBackupApi } from '../../../test/support/backup';
import { syncErasureRegister } from '../customers/erasureRegisterSync';
import { RegularsDatabase, type AuditEntry } from '../../db/database';
import { verifyChain } from '../../../shared/domain/auditChain';
import { createImportRepository } from '../../db/imports';
import { createConsentRepository } from '../../db/consents';
import { createErasure } from '../../db/erasure';
import { createPinRepository } from '../../db/pins';
import { createPointsRepository } from '../../db/points';
import { createReminderRepository } from '../../db/reminders';
import { createSurveyRepository } from '../../db/surveys';
import { createComplaintRepository } from '../../db/complaints';
import { createCampaignRepository } from '../../db/campaigns';
import { createSavedSegmentRepository } from '../../db/savedSegments';
import { readSegmentFacts } from '../../db/segmentFacts';
import { emptySurveyAnswerDraft } from '../../../shared/domain/survey';
import { createSettingsRepository } from '../../db/settings';
import type { OwnerPinRecord } from '../../../shared/domain/ownerPin';
import { createStoreSetup } from '../../db/storeSetup';
import { restoreBackup, type RestoreRequest } from './restoreBackup';
import { restoreTestDue, testRestore } from './restoreTest';
import { runBackup } from './runBackup';
import { storedCustomers } from '../../../test/support/storedCustomers';

let main: TestBackupApi;
let db: RegularsDatabase;
let pointer: DatabasePointer;
let ids = 0;
const PIN: OwnerPinRecord = { version: 1, kdf: 'pbkdf2-sha256', iterations: 210000, salt: 'AAAAAAAAAAAAAAAAAAAAAA==', hash: 'A'.repeat(43) + '=', setAt: '2026-01-01T00:00:00.000Z' };
const deps = () => ({ now: () => new Date('2026-03-01T10:00:00.000Z'), newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}` });

beforeEach(async () => {
  main = await testBackupApi();
  db = new RegularsDatabase(`today-${crypto.randomUUID()}`);
  await db.open();
  pointer = { active: db.name, previous: null, keep: [], movedAt: null };
});

afterEach(async () => {
  vi.useRealTimers();
  db.close();
  for (const { name } of await indexedDB.databases()) if (name) await Dexie.delete(name);
  await main.cleanUp();
});

const clock = clockAt('2026-06-15T10:00:00Z');

function restoreDeps() {
  return {
    api: main.api.backup,
    erasures: main.api.erasures,
    worker: inProcessBackupWorker(() => db, clock),
    newId: () => crypto.randomUUID(),
    now: clock,
    readPointer: async () => ({ ...pointer, keep: [...pointer.keep] }),
    writePointer: async (next: DatabasePointer) => {
      pointer = next;
    },
  };
}

async function backUp(trigger: 'manual' | 'automatic' = 'manual') {
  const made = await runBackup(main.api.backup, inProcessBackupWorker(() => db, clock), trigger);
  if (!made.ok) throw new Error(`backup failed: ${made.reason}`);
  return made.value.backup;
}

async function preview(source: BackupSource, password?: string): Promise<BackupPreview> {
  const inspected = await main.api.backup.inspect({ source, appSchemaVersion: CURRENT_SCHEMA_VERSION, password });
  if (!inspected.ok) throw new Error(`inspect refused: ${inspected.reason}`);
  return inspected.value;
}

/** The owner's path through the restore: the preview (main's full check), then the restore itself. */
async function restoreFrom(source: BackupSource, extra: Partial<RestoreRequest> = {}) {
  const inspected = await main.api.backup.inspect({ source, appSchemaVersion: CURRENT_SCHEMA_VERSION, password: extra.password, recoveryKey: extra.recoveryKey });
  if (!inspected.ok) return { ok: false as const, reason: { reason: inspected.reason }, stage: 'preview' as const };
  // Today's PIN is carried over, as the backup screen does.
  const carry = { ownerPin: await createPinRepository(db).read('owner') };
  const restored = await restoreBackup(restoreDeps(), { source, preview: inspected.value, mode: 'replace', carry, ...extra });
  return { ...restored, stage: 'restore' as const };
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name!).sort();
}

/**
 * Rows of the later versions' tables: points (version 12), a care reminder dismissed (version 14), an unhappy survey
 * answer (its version, its customer's survey row) and the complaint opened from it (version 15). The report tables
 * (version 17) hold the demo store's purchases already. A campaign with its members, one marked (version 18). A saved
 * segment (version 19).
 */
async function addLaterVersionRows() {
  const marked = (await db.customers.orderBy(':id').last())!.id;
  await createReminderRepository(db, deps()).dismiss({ key: `cadence:${marked}:2026-01-10`, kind: 'cadence', customerId: marked });
  const repo = createPointsRepository(db, deps());
  await repo.adjust((await db.customers.orderBy(':id').last())!.id, 120, '开业赠送');
  await repo.saveReward({ id: '00000000-0000-4000-8000-0000000f0001', name: '保温杯', kind: 'gift', pointsCost: 500, stock: 20, voucherFen: null, percentOff: null, validFrom: null, validTo: null, tiersAllowed: [], active: true });
  const answered = await createSurveyRepository(db, deps()).recordAnswer(marked, { ...emptySurveyAnswerDraft(), nps: 3, why: '等太久' }, { channel: 'counter', purchaseId: null });
  if (!answered.ok) throw new Error('the survey answer was refused');
  await createComplaintRepository(db, { ...deps(), timeZone: () => 'Asia/Shanghai' }).open({
    customerId: marked,
    fields: { category: 'waiting', severity: 'normal', said: '结账排队二十分钟', receivedBy: '小王', receivedAt: '2026-03-01T09:00:00.000Z' },
    surveyAnswerId: answered.value.id,
  });
  // A campaign (version 18) to everyone who may get an SMS, one marked sent.
  // A store without consent (an import) is given a few customers who agreed, as the counter would record them.
  const consenting = async () => (await readSegmentFacts(db)).filter((f) => f.consented.includes('sms'));
  if ((await consenting()).length < 2) {
    for (const f of (await readSegmentFacts(db)).slice(0, 5)) await createConsentRepository(db, deps()).grant(f.id, 'sms', 'in-store');
  }
  const facts = await consenting();
  const campaigns = createCampaignRepository(db, { ...deps(), random: () => 0.3 });
  const campaign = await campaigns.start({ name: '中秋回访', conditions: [], channel: 'sms', message: '{称呼}，中秋快乐', costFen: 2_000, windowDays: 30, controlShare: 0.1 }, facts);
  await campaigns.mark(campaign.id, (await campaigns.members(campaign.id, 'contacted'))[0]!.customerId, 'sent');
  // A saved segment (version 19).
  await createSavedSegmentRepository(db, deps()).save('久未到店', [{ kind: 'last-visit', minDays: 60, maxDays: null, includeNever: false }]);
}

async function fillDemoStore() {
  await createStoreSetup(db, deps()).start('demo');
  // A customer import adds an import batch and an audit entry, so every table has rows.
  const csv = ['姓名,手机,邮箱,标签', '张三,13812345678,zs@example.cn,VIP', '陳大文,+85291234567,,老客户'].join('\n');
  const table = parseDelimited(csv);
  const drafts = rowsToDrafts(table, suggestMapping(table.headers), { defaultRegion: 'CN', today: new Date(2026, 0, 15) });
  await createImportRepository(db, { ...deps(), dayOf: utcDayOf }).importCustomers({
    fileName: 'new.csv',
    candidates: drafts.drafts.map((d) => ({ rowNumber: d.rowNumber, fields: d.fields })),
    policy: 'update',
    invalidRows: 0,
    emptyRows: 0,
  });
  // The owner PIN has a table of its own (version 6).
  await createPinRepository(db).write('owner', PIN);
  // The erasure register (version 11): a customer erased travels as an id and a date.
  await createErasure(db, deps()).erase((await db.customers.orderBy(':id').first())!.id, 'anonymise');
  await addLaterVersionRows();
  // Values JSON cannot write, as IndexedDB keeps them (an unknown settings key: the app ignores it).
  // eslint-disable-next-line no-sparse-arrays
  await db.settings.put({ key: 'zz-backup-test', value: { missing: undefined, nan: Number.NaN, negativeZero: -0, at: new Date('2026-01-02T03:04:05.006Z'), holes: [1, , 3] } });
}

async function expectRoundTrip() {
  const before = await snapshotDatabase(db);
  for (const [table, rows] of Object.entries(before)) expect(rows.length, `${table} has rows`).toBeGreaterThan(0);
  const backup = await backUp();
  expect(backup.counts).toEqual(Object.fromEntries(Object.entries(before).map(([t, rows]) => [t, rows.length])));
  expect(backup.payloadFormat).toBe(PAYLOAD_FORMAT);
  const restored = await restoreFrom({ fileName: backup.fileName });
  if (!restored.ok) throw new Error(`restore failed: ${JSON.stringify(restored.reason)}`);
  expect(pointer).toMatchObject({ active: restored.value.database, previous: db.name });
  expect(restored.value.safety?.fileName).toMatch(/\.rgbackup$/);
  expect(restored.value.staged.counts).toEqual(backup.counts);
  const after = new RegularsDatabase(restored.value.database);
  // Exact: undefined stays a property, -0 stays -0, a hole stays a hole, a Date stays a Date.
  await expectRestoredAs(after, before);
  after.close();
  // Today's database is still there, as it was, until the app has opened the restored one.
  expect(await snapshotDatabase(db)).toStrictEqual(before);
}

/** The restored store is the backup's, plus the restore's own audit entry chained onto the backup's last: the chain stays intact. */
async function expectRestoredAs(restoredDb: RegularsDatabase, before: Awaited<ReturnType<typeof snapshotDatabase>>): Promise<void> {
  const after = await snapshotDatabase(restoredDb);
  const entries = after.auditLog as AuditEntry[];
  const known = new Set((before.auditLog as AuditEntry[]).map((e) => e.id));
  const added = entries.filter((e) => !known.has(e.id));
  expect(added.map((e) => e.kind)).toEqual(['backup.restored']);
  expect(added[0]!.seq).toBe(entries.length);
  expect(verifyChain([...entries].sort((a, b) => a.seq - b.seq))).toMatchObject({ status: 'intact', count: entries.length });
  expect({ ...after, auditLog: entries.filter((e) => known.has(e.id)) }).toStrictEqual(before);
}

describe('round trip', () => {
  it('gives back every record of every table of the demo store, equal', async () => {
    await fillDemoStore();
    await expectRoundTrip();
  });

  it('a backup made before an erasure brings no one back: today\'s register erases them again before the swap', async () => {
    await fillDemoStore();
    const backup = await backUp();
    const erased = (await db.customers.orderBy(':id').last())!;
    await createErasure(db, deps()).erase(erased.id, 'delete');
    const restored = await restoreFrom({ fileName: backup.fileName });
    if (!restored.ok) throw new Error(`restore failed: ${JSON.stringify(restored.reason)}`);
    expect(restored.value.staged.erasedAgain).toBe(1);
    const after = new RegularsDatabase(restored.value.database);
    expect(await after.customers.get(erased.id)).toBeUndefined();
    expect(JSON.stringify(await snapshotDatabase(after))).not.toContain(erased.name);
    expect((await after.auditLog.orderBy('seq').toArray()).slice(-2).map((e) => e.kind)).toEqual(['backup.restored', 'customer.erase']);
    expect(await after.erasures.get(erased.id)).toMatchObject({ purchases: 'delete' });
    after.close();
  });

  for (const mode of ['empty', 'recover'] as const) {
    it(`a backup made before an erasure, restored where today's store is gone (${mode}), brings no one back: main's copy of the register knows`, async () => {
      await fillDemoStore();
      const backup = await backUp();
      const erased = (await db.customers.orderBy(':id').last())!;
      await createErasure(db, deps()).erase(erased.id, 'anonymise');
      // The erasure screen hands main the register while the owner is there.
      await main.api.session.unlock(TEST_OWNER_PIN);
      expect(await syncErasureRegister(main.api.erasures, () => createErasure(db, deps()).register())).toEqual({ ok: true, value: { sent: 2 } });
      await main.api.session.lock();

      // A new PC (or a wiped profile): an empty store, no register in IndexedDB; or one that cannot be read.
      db.close();
      await Dexie.delete(db.name);
      db = new RegularsDatabase(`today-${crypto.randomUUID()}`);
      await db.open();
      expect(await db.erasures.count()).toBe(0);
      pointer = { active: db.name, previous: null, keep: [], movedAt: null };

      const inspected = await preview({ fileName: backup.fileName });
      expect(inspected.counts.customers).toBeGreaterThan(0);
      const restored = await restoreBackup(restoreDeps(), { source: { fileName: backup.fileName }, preview: inspected, mode, carry: null });
      if (!restored.ok) throw new Error(`restore failed: ${JSON.stringify(restored.reason)}`);
      expect(restored.value.staged.erasedAgain).toBe(1);
      const after = new RegularsDatabase(restored.value.database);
      expect(await after.customers.get(erased.id)).toBeUndefined();
      expect(JSON.stringify(await snapshotDatabase(after))).not.toContain(erased.name);
      // The register travels on in the restored store, with the date and choice of the erasure itself.
      expect(await after.erasures.get(erased.id)).toEqual({ id: erased.id, erasedAt: deps().now().toISOString(), purchases: 'anonymise' });
      after.close();
    });
  }

  it('stops before anything when main cannot say whom it knows erased', async () => {
    await fillDemoStore();
    const backup = await backUp();
    const inspected = await preview({ fileName: backup.fileName });
    const unavailable = { ...main.api.erasures, list: async () => ({ ok: false as const, reason: 'unavailable' as const }) };
    const restored = await restoreBackup({ ...restoreDeps(), erasures: unavailable }, { source: { fileName: backup.fileName }, preview: inspected, mode: 'replace', carry: null });
    expect(restored).toEqual({ ok: false, reason: { reason: 'unavailable' } });
    expect(pointer.active).toBe(db.name);
    // No safety backup either: the one backup is the one made above.
    const listed = await main.api.backup.list();
    expect(listed.ok && listed.value.entries).toHaveLength(1);
  });

  it('gives back every record of the imported Online Retail sample, equal', async () => {
    const raw = readFileSync(new URL('../../../../shared/data/online-retail-sample.csv', import.meta.url));
    const result = importPurchases(parseDelimited(decodeText(new Uint8Array(raw)).text), { currency: 'GBP', now: new Date(2026, 0, 15), defaultRegion: 'CN' });
    await createImportRepository(db, { ...deps(), dayOf: utcDayOf }).importPurchases({ fileName: 'online-retail-sample.csv', result, externalCustomerName: (id) => `Customer ${id}` });
    await createStoreSetup(db, deps()).start('empty');
    await db.interactions.put({ id: 'i-1', customerId: (await db.customers.toCollection().first())!.id } as never);
    await db.tierHistory.put({ id: 't-1', customerId: 'x', at: '2026-01-01T00:00:00.000Z' } as never);
    await createConsentRepository(db, deps()).grant((await db.customers.toCollection().first())!.id, 'email', 'paper-form');
    await createPinRepository(db).write('owner', PIN);
    await createSettingsRepository(db).write('currency', 'GBP');
    await createErasure(db, deps()).erase((await db.customers.orderBy(':id').last())!.id, 'anonymise');
    await addLaterVersionRows();
    expect(await db.purchases.count()).toBeGreaterThan(500);
    await expectRoundTrip();
  });

  it('restores an encrypted backup with its password', async () => {
    await fillDemoStore();
    await main.api.backup.setPassword('柜台 password 2026');
    const backup = await backUp();
    expect(backup.encrypted).toBe(true);
    const before = await snapshotDatabase(db);
    const restored = await restoreFrom({ fileName: backup.fileName }, { password: '柜台 password 2026' });
    if (!restored.ok) throw new Error(JSON.stringify(restored.reason));
    await expectRestoredAs(new RegularsDatabase(restored.value.database), before);
    // The demo store and slow key derivations, twice: past the default 20 s on a loaded two-core machine.
  }, 60_000);

  it('restores an encrypted backup with the recovery key when the password is forgotten', async () => {
    await fillDemoStore();
    const setUp = await main.api.backup.setUpEncryption('a password nobody remembers');
    if (!setUp.ok) throw new Error(setUp.reason);
    const backup = await backUp();
    expect(backup).toMatchObject({ encrypted: true, formatVersion: 3 });
    const before = await snapshotDatabase(db);
    const restored = await restoreFrom({ fileName: backup.fileName }, { recoveryKey: setUp.value.recoveryKey.toLowerCase() });
    if (!restored.ok) throw new Error(JSON.stringify(restored.reason));
    await expectRestoredAs(new RegularsDatabase(restored.value.database), before);
  }, 60_000);

  it('keeps today\'s owner PIN in the restored store (the owner just typed it)', async () => {
    await fillDemoStore();
    const old = PIN;
    await createPinRepository(db).write('owner', old);
    const backup = await backUp();
    const today = { ...old, salt: 'BBBBBBBBBBBBBBBBBBBBBA==', setAt: '2026-02-01T00:00:00.000Z' };
    const restored = await restoreFrom({ fileName: backup.fileName }, { carry: { ownerPin: today } });
    if (!restored.ok) throw new Error(JSON.stringify(restored.reason));
    expect(restored.value.staged.stagedOwnerPin).toEqual(old);
    const after = new RegularsDatabase(restored.value.database);
    expect(await after.pins.get('owner')).toEqual({ role: 'owner', record: today });
    expect(await createPinRepository(after).read('owner')).toEqual(today);
    after.close();
  });
});

describe('bad files are refused and today\'s data stays exactly as it was', () => {
  let good: Buffer;
  let goodName: string;
  let before: Record<string, unknown[]>;

  beforeEach(async () => {
    await fillDemoStore();
    // Plain files, as the owner gets by turning encryption off: the forgeries below reach the checks after decryption.
    await main.api.backup.setPassword(null);
    const backup = await backUp();
    goodName = backup.fileName;
    good = await readFile(path.join(main.backupFolder, goodName));
    before = await snapshotDatabase(db);
  });

  async function expectRefused(file: Buffer | string, reason: string, extra: Partial<RestoreRequest> = {}) {
    const target = path.join(main.dataFolder, `candidate-${++ids}.rgbackup`);
    await writeFile(target, file);
    const names = await databaseNames();
    const result = await restoreFrom((await main.pick(target)).source, extra);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.reason).toBe(reason);
    expect(await snapshotDatabase(db)).toStrictEqual(before);
    expect(pointer).toEqual({ active: db.name, previous: null, keep: [], movedAt: null });
    expect(await databaseNames()).toEqual(names);
    return result;
  }

  /** The file split as the format lays it out (docs/BACKUP_FORMAT.md). */
  function split(file: Buffer) {
    const length = file.readUInt32BE(8);
    return { header: JSON.parse(file.subarray(12, 12 + length).toString('utf8')) as Record<string, unknown>, rest: file.subarray(12 + length + 32) };
  }

  /** As a forger who knows the format writes it: the header digest recomputed, so main's checks pass. */
  function forge(header: Record<string, unknown>, rest: Buffer): Buffer {
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const prefix = Buffer.concat([good.subarray(0, 8), Buffer.alloc(4), json]);
    prefix.writeUInt32BE(json.length, 8);
    return Buffer.concat([prefix, createHash('sha256').update(prefix).digest(), rest]);
  }

  it('a flipped byte', async () => {
    const flipped = Buffer.from(good);
    flipped[flipped.length - 20]! ^= 0x01;
    await expectRefused(flipped, 'backup-damaged');
  });

  it('a truncated file', async () => {
    await expectRefused(good.subarray(0, good.length - 100), 'backup-truncated');
  });

  it('an edited header', async () => {
    const text = good.toString('latin1').replace('"customers":', '"customerz":');
    await expectRefused(Buffer.from(text, 'latin1'), 'backup-damaged');
  });

  it('an edited header with its digest recomputed: counts that disagree with the rows', async () => {
    const { header, rest } = split(good);
    const counts = header.counts as Record<string, number>;
    const forged = forge({ ...header, counts: { ...counts, customers: counts.customers! + 1 } }, rest);
    await expectRefused(forged, 'restore-counts-mismatch');
  });

  it('a wrong password', async () => {
    await main.api.backup.setPassword('the right one');
    const encrypted = await backUp();
    await main.api.backup.setPassword(null);
    const file = await readFile(path.join(main.backupFolder, encrypted.fileName));
    await expectRefused(file, 'backup-wrong-password', { password: 'the wrong one' });
    await expectRefused(file, 'backup-password-required');
  });

  it('a recovery key that is another one, mistyped, or for a backup without a recovery wrap', async () => {
    const first = await main.api.backup.setUpEncryption('the right one');
    if (!first.ok) throw new Error(first.reason);
    const encrypted = await readFile(path.join(main.backupFolder, (await backUp()).fileName));
    const second = await main.api.backup.setUpEncryption('the right one');
    if (!second.ok) throw new Error(second.reason);
    await main.api.backup.setPassword(null);
    await expectRefused(encrypted, 'backup-wrong-recovery-key', { recoveryKey: second.value.recoveryKey });
    await expectRefused(encrypted, 'backup-recovery-key-invalid', { recoveryKey: `${first.value.recoveryKey.slice(0, -1)}${first.value.recoveryKey.endsWith('0') ? '1' : '0'}` });
    await main.api.backup.setPassword('only a password');
    const passwordOnly = await readFile(path.join(main.backupFolder, (await backUp()).fileName));
    await main.api.backup.setPassword(null);
    await expectRefused(passwordOnly, 'backup-no-recovery-key', { recoveryKey: first.value.recoveryKey });
  });

  it('foreign JSON', async () => {
    await expectRefused(JSON.stringify({ formatName: 'dexie', data: { tables: [] } }), 'not-a-backup');
  });

  /** A file the real service writes around a payload of our choosing: every main-process check passes. */
  async function wellFormed(payload: string, request: { schemaVersion?: number; counts?: Record<string, number>; payloadFormat?: string } = {}) {
    const bytes = new TextEncoder().encode(payload);
    const made = await writeBackup(
      main.api.backup,
      { schemaVersion: request.schemaVersion ?? CURRENT_SCHEMA_VERSION, counts: request.counts ?? { customers: 1 }, payloadFormat: request.payloadFormat ?? PAYLOAD_FORMAT, trigger: 'manual' },
      [bytes],
    );
    if (!made.ok) throw new Error(made.reason);
    return readFile(path.join(main.backupFolder, made.value.backup.fileName));
  }

  it('foreign JSON inside a well-formed backup file', async () => {
    await expectRefused(await wellFormed(JSON.stringify({ formatName: 'dexie', data: { databaseName: 'regulars', tables: [] } })), 'restore-payload-invalid');
    await expectRefused(await wellFormed('{}', { payloadFormat: 'dexie-export/1' }), 'restore-payload-invalid');
  });

  it('a payload cut short inside a well-formed file, and one whose rows break the keys', async () => {
    const lines = (await readPayloadOf(goodName)).split('\n');
    await expectRefused(await wellFormed(lines.slice(0, -3).join('\n') + '\n', { counts: split(good).header.counts as Record<string, number> }), 'restore-payload-invalid');
    const tables = ['auditLog', 'catalog', 'customers', 'imports', 'interactions', 'purchases', 'settings', 'tierHistory'];
    const header = { format: 'regulars-tables' as const, version: 1 as const, schemaVersion: CURRENT_SCHEMA_VERSION, exportedAt: '2026-01-01T00:00:00.000Z', tables: tables.map((name) => ({ name, primaryKey: name === 'settings' || name === 'catalog' ? 'key' : 'id', rows: name === 'customers' ? 2 : 0 })) };
    const twice = payloadHeaderLine(header) + rowsLine('customers', [encodeRow({ id: 'same' }, 'customers'), encodeRow({ id: 'same' }, 'customers')]) + payloadEndLine(2);
    await expectRefused(await wellFormed(twice, { counts: Object.fromEntries(header.tables.map((t) => [t.name, t.rows])) }), 'restore-payload-invalid');
  });

  it('a backup from a newer version of the app', async () => {
    await expectRefused(await wellFormed('{}', { schemaVersion: CURRENT_SCHEMA_VERSION + 1 }), 'backup-newer-schema');
  });

  it('a file replaced between the preview and the restore', async () => {
    const target = path.join(main.dataFolder, 'swapped.rgbackup');
    await writeFile(target, good);
    const picked = await main.pick(target);
    const seen = await preview(picked.source);
    const other = await backUp();
    await writeFile(picked.copy, await readFile(path.join(main.backupFolder, other.fileName)));
    const result = await restoreBackup(restoreDeps(), { source: picked.source, preview: seen, mode: 'replace', carry: { ownerPin: null } });
    expect(result).toEqual({ ok: false, reason: { reason: 'restore-file-changed' } });
    expect(await snapshotDatabase(db)).toStrictEqual(before);
    expect(pointer.active).toBe(db.name);
  });

  it('the owner saying no at the last step', async () => {
    const names = await databaseNames();
    const result = await restoreFrom({ fileName: goodName }, { beforeSwap: async () => false });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.reason).toBe('restore-cancelled');
    expect(pointer.active).toBe(db.name);
    expect(await databaseNames()).toEqual(names);
  });

  /** The payload of a backup in the folder, as main hands it back after every check. */
  async function readPayloadOf(fileName: string): Promise<string> {
    const opened = await main.api.backup.open({ source: { fileName }, appSchemaVersion: CURRENT_SCHEMA_VERSION });
    if (!opened.ok) throw new Error(opened.reason);
    const parts: Uint8Array[] = [];
    for (;;) {
      const piece = await main.api.backup.read(opened.value.readId);
      if (!piece.ok) throw new Error(piece.reason);
      parts.push(piece.value.data);
      if (piece.value.done) break;
    }
    return Buffer.concat(parts).toString('utf8');
  }
});

describe('a backup made at database version 1 (a fixture file)', () => {
  const fixture = fileURLToPath(new URL(`../../../test/fixtures/backups/${SCHEMA_V1_BACKUP.fileName}`, import.meta.url));

  it('is restored after an upgrade to today\'s version: every customer and setting kept, figures and status added', async () => {
    const NOW = '2026-11-23T10:00:00.000Z';
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(NOW));
    await createStoreSetup(db, deps()).start('demo');
    const { source } = await main.pick(fixture);
    const seen = await preview(source);
    expect(seen).toMatchObject({ id: SCHEMA_V1_BACKUP.id, schemaVersion: 1, createdAt: SCHEMA_V1_BACKUP.createdAt, counts: { customers: 3, settings: 2 } });
    const restored = await restoreBackup(restoreDeps(), { source, preview: seen, mode: 'replace', carry: { ownerPin: null } });
    if (!restored.ok) throw new Error(JSON.stringify(restored.reason));
    expect(restored.value.staged).toMatchObject({ migratedFrom: 1, counts: { customers: 3, settings: 2 } });

    const after = new RegularsDatabase(restored.value.database);
    await after.open();
    expect(after.verno).toBe(CURRENT_SCHEMA_VERSION);
    const v1 = readSchemaV1Rows();
    const today = localDayOf(NOW);
    const customers = new Map((await storedCustomers(after).toArray()).map((c) => [c.id, c]));
    expect(customers.size).toBe(v1.customers.length);
    for (const row of v1.customers) {
      expect(customers.get(row.id)).toEqual({
        ...row,
        totalSpentFen: 0,
        purchaseCount: 0,
        firstPurchaseAt: null,
        lastPurchaseAt: null,
        averageGapDays: null,
        medianGapDays: null,
        lastPurchaseSort: '',
        tierId: 'potential',
        lifecycleStage: 'prospect',
        churnLevel: 'none',
        churnReason: { code: 'no-purchases', params: { usualGapDays: null, daysSinceLast: null, basis: null } },
        valueAtRiskFen: 0,
        statusAsOf: today,
        lastTierReviewAt: null,
        pendingTierId: null,
        // Version 14: no contact logged, nothing to count a cadence from.
        lastContactAt: null,
        lastTouchSort: '',
        // Version 12: no points yet.
        pointsBalance: 0,
        pointsExpiringSoon: 0,
        pointsExpiringAt: null,
      });
    }
    // Version 6 keeps configuration in settings and the rest (how the store was started) in bookkeeping.
    expect([...(await after.settings.toArray()), ...(await after.bookkeeping.toArray())]).toEqual(expect.arrayContaining(v1.settings));
    expect(await after.bookkeeping.get('startedAs')).toEqual({ key: 'startedAs', value: 'empty' });
    expect(await after.purchases.count()).toBe(0);
    expect(await after.tierHistory.count()).toBe(0);
    // The indexes of later versions answer over the restored rows.
    expect(await after.customerState.where('[isDeleted+tierId]').equals([0, 'potential']).count()).toBe(2);
    expect(await after.customerSearch.where('tokens').startsWith('91234567').count()).toBe(1);
    // The fixture's customer in the trash is not in the search table.
    expect(await after.customerSearch.count()).toBe(2);
    after.close();
  });
});

describe('the restore test', () => {
  const run = (fileName: string, unchanged: () => boolean) =>
    testRestore({ api: main.api.backup, worker: inProcessBackupWorker(() => db, clock), newId: () => crypto.randomUUID(), pause: async () => undefined }, { fileName }, unchanged);

  it('restores a fresh backup into a scratch database, finds every record equal, and leaves nothing behind', async () => {
    await fillDemoStore();
    const backup = await backUp('automatic');
    const names = await databaseNames();
    const rows = Object.values(backup.counts).reduce((sum, n) => sum + n, 0);
    expect(await run(backup.fileName, () => true)).toEqual({ kind: 'passed', rows });
    expect(await databaseNames()).toEqual(names);
  });

  it('reports a difference as a failure, unless the store changed meanwhile (then it says nothing)', async () => {
    await fillDemoStore();
    const backup = await backUp('automatic');
    await db.customers.update((await db.customers.toCollection().first())!.id, { notes: 'changed after the backup' });
    expect(await run(backup.fileName, () => false)).toEqual({ kind: 'skipped' });
    expect(await run(backup.fileName, () => true)).toEqual({ kind: 'failed', reason: 'restore-test-different' });
  });

  it('reports a backup that cannot be read back', async () => {
    await fillDemoStore();
    const backup = await backUp('automatic');
    const file = path.join(main.backupFolder, backup.fileName);
    const bytes = await readFile(file);
    bytes[bytes.length - 10]! ^= 0x10;
    await writeFile(file, bytes);
    expect(await run(backup.fileName, () => true)).toEqual({ kind: 'failed', reason: 'backup-damaged' });
  });

  it('is due once a day, and again when the clock was put back', () => {
    const now = new Date('2026-11-23T10:00:00.000Z');
    const at = (iso: string) => ({ at: iso, backupCreatedAt: iso, outcome: 'passed' as const, reason: null, rows: 1 });
    expect(restoreTestDue(null, now)).toBe(true);
    expect(restoreTestDue(at('2026-11-23T09:00:00.000Z'), now)).toBe(false);
    expect(restoreTestDue(at('2026-11-22T10:00:00.000Z'), now)).toBe(true);
    expect(restoreTestDue(at('2026-11-24T10:00:00.000Z'), now)).toBe(true);
  });
});
