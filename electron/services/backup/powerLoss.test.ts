// Durability against power loss, as far as a test can prove it: the service writes encrypted backups with
// retention on, onto a disk (test/support/powerLossDisk.ts) that loses whatever was not fsynced when the
// power goes, at many different moments. After each loss: every backup the service said was written is
// still there (unless retention said it removed it), every backup listed is whole and opens with the
// password and with the recovery key, and encryption is still on. Remove an fsync (of the file or of its
// folder) from writeSession.ts, files.ts or settingsStore.ts and this test fails.
// Each backup's password key derived once, however often the test reads the backup (scrypt is pure).
import '../../../test/support/scryptMemo';
import path from 'node:path';
import { expect, it } from 'vitest';
import { OWN_BACKUP_NAME } from '../../../shared/backup/format';
import { createPowerLossDisk } from '../../../test/support/powerLossDisk';
import { createTestService, readWhole, samplePayload, sha256, testClock, writeWhole } from '../../../test/support/backupService';
import type { SecretProtector } from './settingsStore';

const DATA = '/store/regulars';
const BACKUPS = path.join(DATA, 'backups');
const PASSWORD = '停电也不怕 2026';
const ROUNDS = 24;
const protector: SecretProtector = {
  isAvailable: () => true,
  encrypt: (plain) => Buffer.from(`sealed:${Buffer.from(plain).toString('base64')}`),
  decrypt: (sealed) => Buffer.from(sealed.toString().slice('sealed:'.length), 'base64').toString(),
};

/** A deterministic sequence, so a failure is the same failure every run. */
function sequence(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state % below;
  };
}

it('loses no backup it reported, and lists none that is incomplete, whenever the power goes', { timeout: 240_000 }, async () => {
  const disk = createPowerLossDisk();
  const clock = testClock(new Date('2026-12-04T08:00:00.000Z'));
  const next = sequence(14);
  await disk.fs.mkdir(BACKUPS, { recursive: true });
  const start = () => createTestService({ dataFolder: DATA, fs: disk.fs, receiveFs: disk.receiveFs, protector, now: clock.now, elapsed: clock.elapsed });

  // Set up before the first cut: encryption with a recovery key, and retention that keeps little.
  const first = await start();
  const setUp = await first.service.setUpEncryption(PASSWORD);
  if (!setUp.ok) throw new Error(setUp.reason);
  const recoveryKey = setUp.value.recoveryKey;
  expect((await first.service.configure({ retention: { recentHours: 1, recentMax: 1, dailyDays: 1, monthlyMonths: 1 } })).ok).toBe(true);
  // How many operations one backup takes, so the cuts fall anywhere inside the next two.
  const before = disk.operations;
  clock.advance(3_600_000);
  const measured = await writeWhole(first.service, samplePayload(50_000, 99), { trigger: 'automatic' }, 16 * 1024);
  if (!measured.ok) throw new Error(measured.reason);
  const perBackup = disk.operations - before;
  await first.service.dispose();

  const reported = new Map<string, string>();
  const removed = new Set<string>();
  let losses = 0;
  /** Power lost while a backup was being written (its commit included), not between backups. */
  let lossesWhileWriting = 0;
  let retentionRemovals = 0;

  for (let round = 0; round < ROUNDS; round++) {
    const { service } = await start();
    // Retention reads every backup in the folder, so a backup takes more operations as the folder fills.
    disk.cutAfter(1 + next((round % 2 === 0 ? 2 : 8) * perBackup));
    for (let backup = 0; backup < 2 && !disk.dead; backup++) {
      clock.advance(13 * 3_600_000);
      const payload = samplePayload(20_000 + next(60_000), round * 10 + backup + 1);
      const written = await writeWhole(service, payload, { trigger: 'automatic' }, 16 * 1024);
      if (written.ok) {
        reported.set(written.value.backup.fileName, sha256(payload));
        for (const name of written.value.removed) removed.add(name);
        retentionRemovals += written.value.removed.length;
      } else if (!disk.dead) throw new Error(`round ${round}: ${written.reason} with the power on`);
    }
    if (disk.dead) lossesWhileWriting++;
    else disk.cutAfter(1);
    await service.dispose().catch(() => undefined);
    disk.powerOn();
    losses++;

    // The PC starts again.
    const { service: after } = await start();
    await after.startUp();
    expect(await after.getSettings(), `round ${round}`).toMatchObject({ ok: true, value: { encryption: { state: 'on', recoveryKey: { id: setUp.value.settings.encryption.recoveryKey!.id } } } });
    const listing = await after.list();
    if (!listing.ok) throw new Error(listing.reason);
    const names = listing.value.entries.map((entry) => entry.fileName);
    for (const entry of listing.value.entries) {
      expect(entry, `round ${round}: ${entry.fileName} is listed whole`).toMatchObject({ status: 'ok', encrypted: true });
      expect(entry.fileName).toMatch(OWN_BACKUP_NAME);
    }
    for (const name of reported.keys()) {
      if (!removed.has(name)) expect(names, `round ${round}: ${name} was reported written`).toContain(name);
    }
    // The newest listed backup opens whole with the password and with the recovery key (each listed one is
    // checked for its header and exact length above; the newest is what a restore after the outage takes).
    const newest = names[0];
    if (newest !== undefined) {
      const byPassword = await readWhole(after, { source: { fileName: newest }, appSchemaVersion: 3, password: PASSWORD });
      expect(byPassword.ok, `round ${round}: ${newest} ${byPassword.ok ? '' : byPassword.reason}`).toBe(true);
      if (byPassword.ok && reported.has(newest)) expect(sha256(byPassword.value.payload)).toBe(reported.get(newest));
      const byRecovery = await readWhole(after, { source: { fileName: newest }, appSchemaVersion: 3, recoveryKey });
      if (byRecovery.ok && byPassword.ok) expect(byRecovery.value.payload.equals(byPassword.value.payload)).toBe(true);
      expect(byRecovery.ok, `round ${round}: ${newest} by the recovery key`).toBe(true);
    }
    expect((await disk.fs.readdir(BACKUPS)).filter((name) => name.startsWith('.regulars-tmp-'))).toEqual([]);
    await after.dispose();
  }

  expect(losses).toBe(ROUNDS);
  expect(lossesWhileWriting).toBeGreaterThanOrEqual(ROUNDS / 2);
  expect(reported.size).toBeGreaterThanOrEqual(10);
  expect(retentionRemovals).toBeGreaterThanOrEqual(3);
});
