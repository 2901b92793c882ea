import { describe, expect, it } from 'vitest';
import {
  BACKUP_MAGIC,
  MAGIC_BYTES,
  backupFileName,
  backupFileNameSchema,
  backupHeaderV1Schema as backupHeaderSchema,
  bodyOffset,
  checkSchemaVersion,
  classifyShortFile,
  expectedFileBytes,
  isBackupFileName,
  isBackupMagic,
  OWN_BACKUP_NAME,
  parseBackupHeader,
  summarizeHeader,
  type BackupHeader,
} from './format';

const HEADER: BackupHeader = {
  format: 'regulars-backup',
  formatVersion: 1,
  id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  createdAt: '2026-11-23T09:28:37.123Z',
  appVersion: '0.1.0',
  schemaVersion: 3,
  trigger: 'automatic',
  counts: { customers: 240, purchases: 1800 },
  payload: { format: 'dexie-export/1', bytes: 1000, sha256: 'a'.repeat(64) },
  body: { compression: 'gzip', bytes: 300, sha256: 'b'.repeat(64) },
  encryption: null,
};
const ENCRYPTION = {
  cipher: 'aes-256-gcm',
  kdf: 'scrypt',
  N: 131072,
  r: 8,
  p: 1,
  salt: 'AAAAAAAAAAAAAAAAAAAAAA==',
  iv: 'AAAAAAAAAAAAAAAA',
  keyCheck: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
} as const;

const text = (value: unknown) => JSON.stringify(value);

describe('the layout', () => {
  it('puts the body after magic, length, header and digest, and the tag after the body', () => {
    expect(bodyOffset(100)).toBe(8 + 4 + 100 + 32);
    expect(expectedFileBytes(HEADER, 100)).toBe(144 + 300);
    expect(expectedFileBytes({ ...HEADER, encryption: ENCRYPTION }, 100)).toBe(144 + 300 + 16);
  });

  it('recognises the magic, and tells a cut-off backup from a foreign file', () => {
    expect(isBackupMagic(BACKUP_MAGIC)).toBe(true);
    expect(isBackupMagic([...BACKUP_MAGIC.slice(0, 7), 0])).toBe(false);
    expect(isBackupMagic(BACKUP_MAGIC.slice(0, MAGIC_BYTES - 1))).toBe(false);
    expect(classifyShortFile([])).toBe('backup-truncated');
    expect(classifyShortFile(BACKUP_MAGIC.slice(0, 5))).toBe('backup-truncated');
    expect(classifyShortFile([0x7b, 0x7d])).toBe('not-a-backup');
    expect(classifyShortFile([0x89, 0x50])).toBe('not-a-backup'); // PNG starts like us, then differs
  });
});

const WRAP = { iv: 'AAAAAAAAAAAAAAAA', wrapped: 'A'.repeat(64) } as const;
const PASSWORD_WRAP = { kdf: 'scrypt', N: 131072, r: 8, p: 1, salt: 'AAAAAAAAAAAAAAAAAAAAAA==', ...WRAP } as const;
const RECOVERY_WRAP = { kem: 'x25519-hkdf-sha256', keyId: '0123456789abcdef', ephemeral: 'A'.repeat(43) + '=', ...WRAP } as const;

describe('format 3: the password wrap may be absent, never both wraps', () => {
  const v3 = (password: unknown, recovery: unknown) => text({ ...HEADER, formatVersion: 3, encryption: { cipher: 'aes-256-gcm', iv: 'AAAAAAAAAAAAAAAA', password, recovery } });
  it('reads the recovery key alone (automatic encryption), a password alone, or both', () => {
    expect(parseBackupHeader(v3(null, RECOVERY_WRAP)).ok).toBe(true);
    expect(parseBackupHeader(v3(PASSWORD_WRAP, null)).ok).toBe(true);
    expect(parseBackupHeader(v3(PASSWORD_WRAP, RECOVERY_WRAP)).ok).toBe(true);
  });
  it('refuses a header with no wrap at all: nothing could open it', () => {
    expect(parseBackupHeader(v3(null, null))).toEqual({ ok: false, reason: 'backup-header-invalid' });
  });
  it('keeps format 2 as it was: its password wrap is required', () => {
    const v2 = (password: unknown) => text({ ...HEADER, formatVersion: 2, encryption: { cipher: 'aes-256-gcm', iv: 'AAAAAAAAAAAAAAAA', password, recovery: RECOVERY_WRAP } });
    expect(parseBackupHeader(v2(PASSWORD_WRAP)).ok).toBe(true);
    expect(parseBackupHeader(v2(null))).toEqual({ ok: false, reason: 'backup-header-invalid' });
  });
});

describe('parseBackupHeader', () => {
  it('reads a valid header, with or without encryption', () => {
    expect(parseBackupHeader(text(HEADER))).toEqual({ ok: true, value: HEADER });
    expect(parseBackupHeader(text({ ...HEADER, encryption: ENCRYPTION })).ok).toBe(true);
  });

  it('names a newer format version before judging fields it cannot know', () => {
    expect(parseBackupHeader(text({ format: 'regulars-backup', formatVersion: 4, whatever: true }))).toEqual({ ok: false, reason: 'backup-newer-format' });
    expect(parseBackupHeader(text({ ...HEADER, formatVersion: 99 }))).toEqual({ ok: false, reason: 'backup-newer-format' });
  });

  it.each([
    ['not JSON', '{'],
    ['an array', '[]'],
    ['null', 'null'],
    ['another format', text({ ...HEADER, format: 'other' })],
    ['version 0', text({ ...HEADER, formatVersion: 0 })],
    ['a fractional version', text({ ...HEADER, formatVersion: 1.5 })],
    ['a string version', text({ ...HEADER, formatVersion: '1' })],
    ['an unknown field', text({ ...HEADER, extra: 1 })],
    ['a missing field', text({ ...HEADER, counts: undefined })],
    ['a bad id', text({ ...HEADER, id: 'x' })],
    ['a local time', text({ ...HEADER, createdAt: '2026-11-23T09:28:37.123+08:00' })],
    ['an impossible date', text({ ...HEADER, createdAt: '2026-02-30T09:28:37.123Z' })],
    ['a negative count', text({ ...HEADER, counts: { customers: -1 } })],
    ['a fractional count', text({ ...HEADER, counts: { customers: 1.5 } })],
    ['an odd table name', text({ ...HEADER, counts: { 'customers; drop': 1 } })],
    ['too many tables', text({ ...HEADER, counts: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`t${i}`, 0])) })],
    ['an uppercase hash', text({ ...HEADER, payload: { ...HEADER.payload, sha256: 'A'.repeat(64) } })],
    ['a short hash', text({ ...HEADER, body: { ...HEADER.body, sha256: 'b'.repeat(63) } })],
    ['a huge payload', text({ ...HEADER, payload: { ...HEADER.payload, bytes: 2 ** 53 } })],
    ['an unknown trigger', text({ ...HEADER, trigger: 'cron' })],
    ['an unknown compression', text({ ...HEADER, body: { ...HEADER.body, compression: 'zstd' } })],
    ['weaker scrypt', text({ ...HEADER, encryption: { ...ENCRYPTION, N: 16384 } })],
    ['another cipher', text({ ...HEADER, encryption: { ...ENCRYPTION, cipher: 'aes-128-cbc' } })],
    ['a short salt', text({ ...HEADER, encryption: { ...ENCRYPTION, salt: 'AAAA' } })],
    ['non-canonical base64', text({ ...HEADER, encryption: { ...ENCRYPTION, iv: 'AAAAAAAAAAAAAAAB'.slice(0, 15) + '=' } })],
  ])('refuses %s as invalid', (_name, header) => {
    expect(parseBackupHeader(header)).toEqual({ ok: false, reason: 'backup-header-invalid' });
  });
});

describe('schema versions', () => {
  it('accepts the same or an older schema (it is migrated) and refuses a newer one', () => {
    expect(checkSchemaVersion(HEADER, 3).ok).toBe(true);
    expect(checkSchemaVersion(HEADER, 7).ok).toBe(true);
    expect(checkSchemaVersion(HEADER, 2)).toEqual({ ok: false, reason: 'backup-newer-schema' });
  });
});

describe('file names', () => {
  it('names a backup by its UTC time and id, in a form only our own files match', () => {
    const name = backupFileName(HEADER);
    expect(name).toBe('regulars-2026-11-23-092837Z-1a2b3c4d.rgbackup');
    expect(OWN_BACKUP_NAME.test(name)).toBe(true);
    expect(OWN_BACKUP_NAME.test('my regulars backup.rgbackup')).toBe(false);
    expect(backupFileNameSchema.safeParse(name).success).toBe(true);
  });

  it('lists any visible *.rgbackup file, and hands out only plain names', () => {
    expect(isBackupFileName('before the move.RGBACKUP')).toBe(true);
    expect(isBackupFileName('.rgbackup')).toBe(false);
    expect(isBackupFileName('.hidden.rgbackup')).toBe(false);
    expect(isBackupFileName('notes.txt')).toBe(false);
    for (const bad of ['../x.rgbackup', 'a/b.rgbackup', 'a\\b.rgbackup', 'C:x.rgbackup', 'a\u0000.rgbackup', 'tab\t.rgbackup', `${'x'.repeat(250)}.rgbackup`]) {
      expect(backupFileNameSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe('summarizeHeader', () => {
  it('shows what a preview needs and no crypto details', () => {
    const summary = summarizeHeader({ ...HEADER, encryption: ENCRYPTION });
    expect(summary).toEqual({
      id: HEADER.id, createdAt: HEADER.createdAt, appVersion: '0.1.0', schemaVersion: 3, formatVersion: 1, trigger: 'automatic',
      counts: HEADER.counts, payloadFormat: 'dexie-export/1', payloadBytes: 1000, encrypted: true,
    });
    expect(JSON.stringify(summary)).not.toContain('salt');
    summary.counts.customers = 0;
    expect(HEADER.counts.customers).toBe(240);
  });

  it('keeps the schema and the type in step', () => {
    expect(backupHeaderSchema.parse(HEADER)).toEqual(HEADER);
  });
});
