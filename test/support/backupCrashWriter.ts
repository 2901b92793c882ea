// The crash test's child process: writes backups with the real service, one after another, until it is
// killed or the folder holds `target` of them. Prints one JSON line per committed backup.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { OWN_BACKUP_NAME } from '../../shared/backup/format';
import { createBackupService } from '../../electron/services/backup';
import { samplePayload, sha256 } from './backupService';

const [dataFolder, targetText] = process.argv.slice(2);
if (!dataFolder || !targetText) throw new Error('usage: backupCrashWriter <dataFolder> <target>');
const target = Number(targetText);

const service = createBackupService({
  appVersion: '1.0.0',
  dataFolder,
  notify: () => undefined,
  dialogs: null,
  showFolder: async () => undefined,
  protector: null,
  log: () => undefined,
  limits: { sweepEveryMs: 0 },
});
// Keep every backup, so the parent can check that each one it was told about is still intact.
const configured = await service.configure({ retention: { recentHours: 24, recentMax: 1000, dailyDays: 0, monthlyMonths: 0 } });
if (!configured.ok) throw new Error(configured.reason);

// Built once, before "ready", so the writer spends its time writing backups, where the kills should land.
const pool = samplePayload(700_000, 1);
const count = async () => (await readdir(path.join(dataFolder, 'backups')).catch(() => [])).filter((name) => OWN_BACKUP_NAME.test(name)).length;
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);

for (let index = await count(); index < target; index++) {
  const seed = Math.floor(Math.random() * 1e9);
  const start = seed % 100_000;
  const payload = Buffer.concat([Buffer.from(`${JSON.stringify({ seed })}\n`), pool.subarray(start, start + 50_000 + (seed % 550_000))]);
  const begun = await service.begin({ schemaVersion: 3, counts: { customers: seed % 1000 }, payloadFormat: 'crash-test/1', trigger: 'automatic' });
  if (!begun.ok) throw new Error(begun.reason);
  for (let offset = 0; offset < payload.length; offset += 64 * 1024) {
    const appended = await service.append(begun.value.sessionId, offset, payload.subarray(offset, offset + 64 * 1024));
    if (!appended.ok) throw new Error(appended.reason);
  }
  const committed = await service.commit(begun.value.sessionId);
  if (!committed.ok) throw new Error(committed.reason);
  process.stdout.write(`${JSON.stringify({ committed: committed.value.backup.fileName, sha256: sha256(payload) })}\n`);
}
