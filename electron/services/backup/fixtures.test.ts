// Files written by every format version (test/fixtures/backups) stay readable by every later reader.
// Each backup's password key derived once, however often the test reads the backup (scrypt is pure).
import '../../../test/support/scryptMemo';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PAYLOAD_FILE, FIXTURES, fixtureRecoveryKey, fixtureSecrets } from '../../../test/fixtures/backups/fixtures';
import type { BackupService } from './index';
import { createTestService, readWhole, scriptedDialogs } from '../../../test/support/backupService';

const fixtureFolder = fileURLToPath(new URL('../../../test/fixtures/backups/', import.meta.url));
let service: BackupService;
let dataFolder: string;
const { dialogs, choose } = scriptedDialogs();
beforeAll(async () => {
  ({ service, dataFolder } = await createTestService({ dialogs }));
});
afterAll(() => rm(dataFolder, { recursive: true, force: true }));

describe.each(FIXTURES)('$fileName', (fixture) => {
  const file = path.join(fixtureFolder, fixture.fileName);
  let source: { handle: string };
  beforeAll(async () => {
    source = await choose(service, file);
  });
  const secrets = fixtureSecrets(fixture);
  const recoveryKey = fixtureRecoveryKey(fixture);

  it('is previewed with the header it was written with', async () => {
    expect(await service.inspect({ source, appSchemaVersion: 3, ...secrets })).toEqual({
      ok: true,
      value: {
        id: fixture.id,
        createdAt: fixture.createdAt,
        appVersion: '0.1.0',
        schemaVersion: fixture.schemaVersion,
        formatVersion: fixture.formatVersion,
        trigger: 'manual',
        counts: fixture.counts,
        payloadFormat: fixture.payloadFormat,
        payloadBytes: (await readFile(path.join(fixtureFolder, FIXTURE_PAYLOAD_FILE))).length,
        encrypted: fixture.encrypted,
        fileName: fixture.fileName,
        sizeBytes: (await readFile(file)).length,
      },
    });
  });

  it('gives back its payload byte for byte', async () => {
    const read = await readWhole(service, { source, appSchemaVersion: 3, ...secrets });
    if (!read.ok) throw new Error(read.reason);
    expect(read.value.payload.equals(await readFile(path.join(fixtureFolder, FIXTURE_PAYLOAD_FILE)))).toBe(true);
  });

  it.runIf(recoveryKey !== null)('gives back its payload with the recovery key, the password forgotten', async () => {
    const read = await readWhole(service, { source, appSchemaVersion: 3, recoveryKey: recoveryKey! });
    if (!read.ok) throw new Error(read.reason);
    expect(read.value.payload.equals(await readFile(path.join(fixtureFolder, FIXTURE_PAYLOAD_FILE)))).toBe(true);
  });

  it('is accepted by an app still at its schema version', async () => {
    expect((await service.inspect({ source, appSchemaVersion: fixture.schemaVersion, ...secrets })).ok).toBe(true);
  });
});

it('asks for the password of the encrypted fixture', async () => {
  const source = await choose(service, path.join(fixtureFolder, 'format-v1-encrypted.rgbackup'));
  expect(await service.inspect({ source, appSchemaVersion: 3 })).toEqual({
    ok: false,
    reason: 'backup-password-required',
  });
});

it('asks another PC for the recovery key of a backup encrypted automatically, and for nothing else', async () => {
  const source = await choose(service, path.join(fixtureFolder, 'format-v3-recovery-key-only.rgbackup'));
  expect(await service.inspect({ source, appSchemaVersion: 3 })).toEqual({ ok: false, reason: 'backup-recovery-key-required' });
  expect(await service.inspect({ source, appSchemaVersion: 3, password: 'any password' })).toEqual({ ok: false, reason: 'backup-recovery-key-required' });
});
