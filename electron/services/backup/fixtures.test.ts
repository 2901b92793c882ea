// Files written by every format version (test/fixtures/backups) stay readable by every later reader.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, FIXTURE_PAYLOAD_FILE, FIXTURE_RECOVERY_KEY, FIXTURES } from '../../../test/fixtures/backups/fixtures';
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
  const password = fixture.encrypted ? FIXTURE_PASSWORD : undefined;

  it('is previewed with the header it was written with', async () => {
    expect(await service.inspect({ source, appSchemaVersion: 3, password })).toEqual({
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
    const read = await readWhole(service, { source, appSchemaVersion: 3, password });
    if (!read.ok) throw new Error(read.reason);
    expect(read.value.payload.equals(await readFile(path.join(fixtureFolder, FIXTURE_PAYLOAD_FILE)))).toBe(true);
  });

  it.runIf(fixture.formatVersion >= 2)('gives back its payload with the recovery key, the password forgotten', async () => {
    const read = await readWhole(service, { source, appSchemaVersion: 3, recoveryKey: FIXTURE_RECOVERY_KEY });
    if (!read.ok) throw new Error(read.reason);
    expect(read.value.payload.equals(await readFile(path.join(fixtureFolder, FIXTURE_PAYLOAD_FILE)))).toBe(true);
  });

  it('is accepted by an app still at its schema version', async () => {
    expect((await service.inspect({ source, appSchemaVersion: fixture.schemaVersion, password })).ok).toBe(true);
  });
});

it('asks for the password of the encrypted fixture', async () => {
  const source = await choose(service, path.join(fixtureFolder, 'format-v1-encrypted.rgbackup'));
  expect(await service.inspect({ source, appSchemaVersion: 3 })).toEqual({
    ok: false,
    reason: 'backup-password-required',
  });
});
