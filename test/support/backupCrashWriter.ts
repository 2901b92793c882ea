// The crash test's child process: writes `count` backups with the real service, encrypted (a password and a
// recovery key) and with retention on, one after another, until it is killed. Prints one JSON line per backup
// begun (its key derived and its spool open) and per backup committed (with what retention removed), and the
// recovery key once, when it sets encryption up.
import { createBackupService } from '../../electron/services/backup';
import { CRASH_PASSWORD, samplePayload, sha256, testProtector as protector } from './backupService';

const [dataFolder, countText] = process.argv.slice(2);
if (!dataFolder || !countText) throw new Error('usage: backupCrashWriter <dataFolder> <count>');
const count = Number(countText);


const service = createBackupService({
  appVersion: '1.0.0',
  dataFolder,
  notify: () => undefined,
  dialogs: null,
  showFolder: async () => undefined,
  protector,
  log: () => undefined,
  limits: { sweepEveryMs: 0 },
});
const settings = await service.getSettings();
if (!settings.ok) throw new Error(settings.reason);
if (settings.value.encryption.state !== 'on') {
  const setUp = await service.setUpEncryption(CRASH_PASSWORD);
  if (!setUp.ok) throw new Error(setUp.reason);
  process.stdout.write(`${JSON.stringify({ recoveryKey: setUp.value.recoveryKey })}\n`);
}
// Retention on, keeping few, so kills also land while it deletes.
const configured = await service.configure({ retention: { recentHours: 24, recentMax: 4, dailyDays: 0, monthlyMonths: 0 } });
if (!configured.ok) throw new Error(configured.reason);

// Built once, before the first backup, so the writer spends its time writing backups, where the kills should land.
const pool = samplePayload(700_000, 1);

for (let index = 0; index < count; index++) {
  const seed = Math.floor(Math.random() * 1e9);
  const start = seed % 100_000;
  const payload = Buffer.concat([Buffer.from(`${JSON.stringify({ seed })}\n`), pool.subarray(start, start + 50_000 + (seed % 550_000))]);
  const begun = await service.begin({ schemaVersion: 3, counts: { customers: seed % 1000 }, payloadFormat: 'crash-test/1', trigger: 'automatic' });
  if (!begun.ok) throw new Error(begun.reason);
  if (!begun.value.encrypted) throw new Error('a backup was about to be written unencrypted');
  process.stdout.write(`${JSON.stringify({ begun: index + 1 })}\n`);
  for (let offset = 0; offset < payload.length; offset += 64 * 1024) {
    const appended = await service.append(begun.value.sessionId, offset, payload.subarray(offset, offset + 64 * 1024));
    if (!appended.ok) throw new Error(appended.reason);
  }
  const committed = await service.commit(begun.value.sessionId);
  if (!committed.ok) throw new Error(committed.reason);
  process.stdout.write(`${JSON.stringify({ committed: committed.value.backup.fileName, sha256: sha256(payload), removed: committed.value.removed })}\n`);
}
