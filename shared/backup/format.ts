// The Regulars backup file format (docs/BACKUP_FORMAT.md): layout, header schema, limits and refusal codes.
import { z } from 'zod';
import { err, ok, type Result } from '../result';
import { CANONICAL_BASE64 } from './base64';

export const BACKUP_FORMAT_NAME = 'regulars-backup';
/**
 * The newest format this build writes and reads. A reader refuses a newer one as 'backup-newer-format'.
 * Version 2: the body is encrypted with a random data key, wrapped for the password and for the recovery key.
 * Version 3: as 2, but the password wrap may be absent: encrypted for the recovery key alone (automatic
 * encryption, before the owner chooses a password).
 */
export const BACKUP_FORMAT_VERSION = 3;
/** Every version this build reads (version 1: no encryption, or a key from the password itself). */
export const READABLE_FORMAT_VERSIONS = [1, 2, 3] as const;
export const BACKUP_FILE_EXTENSION = '.rgbackup';

/**
 * "\x89RGL\r\n\x1a\n". The high first byte catches 7-bit transfers, CR LF catches line-ending conversion,
 * ^Z stops a DOS `type`; it cannot begin a text, JSON or zip file.
 */
export const BACKUP_MAGIC: readonly number[] = Object.freeze([0x89, 0x52, 0x47, 0x4c, 0x0d, 0x0a, 0x1a, 0x0a]);

// The prefix (magic, header length, header, header digest) is fixed for every format version, so that
// any reader can find and check the header before it knows which version wrote the file.
export const MAGIC_BYTES = 8;
export const HEADER_LENGTH_BYTES = 4;
export const HEADER_DIGEST_BYTES = 32;
export const GCM_TAG_BYTES = 16;
export const MIN_HEADER_BYTES = 2;
export const MAX_HEADER_BYTES = 64 * 1024;

/** The renderer's export, uncompressed. Far above a 1,000,000-purchase store; bounds what a hostile header can claim. */
export const MAX_PAYLOAD_BYTES = 16 * 1024 ** 3;
/** gzip can make incompressible data slightly larger; well under AES-GCM's 64 GiB per key and IV. */
export const MAX_BODY_BYTES = MAX_PAYLOAD_BYTES + 64 * 1024 ** 2;
/** One piece of payload across IPC. Its base64 form (~700 KB) fits the IPC string limit and the dev bridge's 1 MB body. */
export const MAX_CHUNK_BYTES = 512 * 1024;

export const SCRYPT_N = 131_072;
export const SCRYPT_R = 8;
export const SCRYPT_P = 1;
/** scrypt needs 128 · N · r bytes (128 MiB here); Node refuses more than 32 MiB unless told. */
export const SCRYPT_MAXMEM = 256 * 1024 * 1024;
export const SALT_BYTES = 16;
export const IV_BYTES = 12;
export const KEY_BYTES = 32;
export const KEY_CHECK_BYTES = 32;
/** A data key wrapped by AES-256-GCM: the 32-byte key and the 16-byte tag. */
export const WRAPPED_KEY_BYTES = KEY_BYTES + GCM_TAG_BYTES;
/** X25519 public keys, raw. */
export const X25519_KEY_BYTES = 32;

export const BACKUP_TRIGGERS = ['manual', 'automatic', 'quit', 'safety'] as const;
export type BackupTrigger = (typeof BACKUP_TRIGGERS)[number];

export const BACKUP_COMPRESSIONS = ['gzip', 'none'] as const;
export type BackupCompression = (typeof BACKUP_COMPRESSIONS)[number];

/**
 * Why a file is refused for restore. The renderer translates each (errors.<code>). 'backup-damaged' covers
 * every content check: header digest, GCM authentication, gzip stream, payload length and SHA-256, trailing bytes.
 */
export const BACKUP_REFUSALS = [
  'backup-not-found',
  'not-a-backup',
  'backup-truncated',
  'backup-damaged',
  'backup-header-invalid',
  'backup-newer-format',
  'backup-newer-schema',
  'backup-password-required',
  'backup-wrong-password',
  /** Encrypted for the recovery key alone (no password), and this PC does not hold that key: the sheet's key is needed. */
  'backup-recovery-key-required',
  'backup-read-failed',
  /** A recovery key was given for a file that has no recovery wrap (format 1, or written before the key existed). */
  'backup-no-recovery-key',
  /** A well-formed recovery key that does not open this backup (another key, an older sheet). */
  'backup-wrong-recovery-key',
  /** The recovery key's text is not a recovery key: a letter missing or mistyped (its check does not match). */
  'backup-recovery-key-invalid',
] as const;
export type BackupRefusal = (typeof BACKUP_REFUSALS)[number];

/** Why writing a backup failed. Earlier backups are untouched in every case. */
export const BACKUP_WRITE_FAILURES = [
  'backup-disk-full',
  'backup-folder-missing',
  'backup-no-permission',
  'backup-write-failed',
  'backup-verify-failed',
  'backup-too-large',
] as const;
export type BackupWriteFailure = (typeof BACKUP_WRITE_FAILURES)[number];

/** Requests about sessions and settings the service turns down. */
export const BACKUP_SERVICE_FAILURES = [
  'backup-session-expired',
  'backup-busy',
  'backup-folder-invalid',
  /** A system folder (C:\Windows, /System, ...) or the top of a drive: never the backup folder. */
  'backup-folder-system',
  'backup-password-unreadable',
] as const;
export type BackupServiceFailure = (typeof BACKUP_SERVICE_FAILURES)[number];

export type BackupFailure = BackupRefusal | BackupWriteFailure | BackupServiceFailure;

/** Canonical padded base64 of exactly `bytes` bytes (the length alone would also admit one or two fewer). */
const base64OfLength = (bytes: number) =>
  z
    .string()
    .length(Math.ceil(bytes / 3) * 4)
    .regex(CANONICAL_BASE64)
    .refine((text) => (text.length / 4) * 3 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0) === bytes, 'wrong length');

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);
/** Table names as Dexie spells them. */
export const tableNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);
export const MAX_TABLES = 200;
export const tableCountsSchema = z
  .record(tableNameSchema, z.int().min(0).max(Number.MAX_SAFE_INTEGER))
  .refine((counts) => Object.keys(counts).length <= MAX_TABLES, 'too many tables');
export type TableCounts = z.infer<typeof tableCountsSchema>;

/** What the payload bytes are, for the renderer that reads them back (e.g. "dexie-export/1"). Opaque to main. */
export const payloadFormatSchema = z.string().regex(/^[a-z0-9][a-z0-9.+/-]{0,63}$/);
export const schemaVersionSchema = z.int().min(1).max(1_000_000);
export const appVersionSchema = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.+-]{0,63}$/);
/** UTC with milliseconds, as Date.prototype.toISOString writes it. */
export const utcTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/).refine((text) => {
  const time = Date.parse(text);
  return Number.isFinite(time) && new Date(time).toISOString() === text;
}, 'not a real time');

export const encryptionSchema = z
  .object({
    cipher: z.literal('aes-256-gcm'),
    kdf: z.literal('scrypt'),
    N: z.literal(SCRYPT_N),
    r: z.literal(SCRYPT_R),
    p: z.literal(SCRYPT_P),
    salt: base64OfLength(SALT_BYTES),
    iv: base64OfLength(IV_BYTES),
    /**
     * SHA-256 of the second half of the scrypt output. Tells a wrong password from a damaged file, which
     * GCM alone cannot; it helps a guesser no more than trying the key on the body would.
     */
    keyCheck: base64OfLength(KEY_CHECK_BYTES),
  })
  .strict();
export type BackupEncryptionV1 = z.infer<typeof encryptionSchema>;

/** The data key wrapped for the password: AES-256-GCM under scrypt(password), literals as in version 1. */
export const passwordWrapSchema = z
  .object({
    kdf: z.literal('scrypt'),
    N: z.literal(SCRYPT_N),
    r: z.literal(SCRYPT_R),
    p: z.literal(SCRYPT_P),
    salt: base64OfLength(SALT_BYTES),
    iv: base64OfLength(IV_BYTES),
    wrapped: base64OfLength(WRAPPED_KEY_BYTES),
  })
  .strict();
export type PasswordWrap = z.infer<typeof passwordWrapSchema>;

/** Which recovery key: the first 8 bytes of the SHA-256 of its public key, hex (printed on the sheet too). */
export const recoveryKeyIdSchema = z.string().regex(/^[0-9a-f]{16}$/);

/**
 * The data key wrapped for the recovery key without its secret: X25519 between a throwaway key pair
 * (`ephemeral` is its public half) and the recovery key's public key, through HKDF-SHA-256, then AES-256-GCM.
 */
export const recoveryWrapSchema = z
  .object({
    kem: z.literal('x25519-hkdf-sha256'),
    keyId: recoveryKeyIdSchema,
    ephemeral: base64OfLength(X25519_KEY_BYTES),
    iv: base64OfLength(IV_BYTES),
    wrapped: base64OfLength(WRAPPED_KEY_BYTES),
  })
  .strict();
export type RecoveryWrap = z.infer<typeof recoveryWrapSchema>;

export const encryptionV2Schema = z
  .object({
    cipher: z.literal('aes-256-gcm'),
    /** The body's IV under the data key. */
    iv: base64OfLength(IV_BYTES),
    password: passwordWrapSchema,
    /** null: no recovery key existed when the backup was written. */
    recovery: recoveryWrapSchema.nullable(),
  })
  .strict();
export type BackupEncryptionV2 = z.infer<typeof encryptionV2Schema>;

/** Version 3: a wrap for the password, for the recovery key, or both; never neither. */
export const encryptionV3Schema = encryptionV2Schema
  .extend({ password: passwordWrapSchema.nullable() })
  .strict()
  .refine((encryption) => encryption.password !== null || encryption.recovery !== null, 'no wrap opens the data key');
export type BackupEncryptionV3 = z.infer<typeof encryptionV3Schema>;
export type BackupEncryption = BackupEncryptionV1 | BackupEncryptionV2 | BackupEncryptionV3;

const headerFields = {
  format: z.literal(BACKUP_FORMAT_NAME),
  id: z.uuid(),
  createdAt: utcTimeSchema,
  appVersion: appVersionSchema,
  /** The database (Dexie) version the payload was exported from. */
  schemaVersion: schemaVersionSchema,
  trigger: z.enum(BACKUP_TRIGGERS),
  counts: tableCountsSchema,
  /** The renderer's export as it handed it over: what the SHA-256 and length describe. */
  payload: z
    .object({
      format: payloadFormatSchema,
      bytes: z.int().min(0).max(MAX_PAYLOAD_BYTES),
      sha256: sha256HexSchema,
    })
    .strict(),
  /**
   * The payload compressed: its length (which encryption keeps) and SHA-256. Stored after the header digest,
   * encrypted when `encryption` is set; the hash is of the compressed bytes, before encryption, so every
   * stored byte of an unencrypted file is covered too (gzip's own header fields are not checked by gunzip).
   */
  body: z
    .object({
      compression: z.enum(BACKUP_COMPRESSIONS),
      bytes: z.int().min(0).max(MAX_BODY_BYTES),
      sha256: sha256HexSchema,
    })
    .strict(),
};

export const backupHeaderV1Schema = z.object({ ...headerFields, formatVersion: z.literal(1), encryption: encryptionSchema.nullable() }).strict();
export const backupHeaderV2Schema = z.object({ ...headerFields, formatVersion: z.literal(2), encryption: encryptionV2Schema.nullable() }).strict();
export type BackupHeaderV1 = z.infer<typeof backupHeaderV1Schema>;
export const backupHeaderV3Schema = z.object({ ...headerFields, formatVersion: z.literal(3), encryption: encryptionV3Schema.nullable() }).strict();
export type BackupHeaderV2 = z.infer<typeof backupHeaderV2Schema>;
export type BackupHeaderV3 = z.infer<typeof backupHeaderV3Schema>;
export type BackupHeader = BackupHeaderV1 | BackupHeaderV2 | BackupHeaderV3;

/** Where the body starts, for a header of `headerBytes` UTF-8 bytes. */
export function bodyOffset(headerBytes: number): number {
  return MAGIC_BYTES + HEADER_LENGTH_BYTES + headerBytes + HEADER_DIGEST_BYTES;
}

/** The exact size of a well-formed file with this header. */
export function expectedFileBytes(header: BackupHeader, headerBytes: number): number {
  return bodyOffset(headerBytes) + header.body.bytes + (header.encryption === null ? 0 : GCM_TAG_BYTES);
}

export function isBackupMagic(bytes: ArrayLike<number>): boolean {
  if (bytes.length < MAGIC_BYTES) return false;
  return BACKUP_MAGIC.every((byte, index) => bytes[index] === byte);
}

/** A file shorter than the magic: truncated if what is there is where a backup would begin, foreign otherwise. */
export function classifyShortFile(bytes: ArrayLike<number>): 'backup-truncated' | 'not-a-backup' {
  for (let index = 0; index < bytes.length && index < MAGIC_BYTES; index++) {
    if (bytes[index] !== BACKUP_MAGIC[index]) return 'not-a-backup';
  }
  return 'backup-truncated';
}

/**
 * The header from its JSON text, in the order that gives the truest reason: a newer version is named as
 * such before the strict schema (which only knows this version's fields) is applied.
 */
export function parseBackupHeader(text: string): Result<BackupHeader, 'backup-header-invalid' | 'backup-newer-format'> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err('backup-header-invalid');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return err('backup-header-invalid');
  const fields = raw as Record<string, unknown>;
  if (fields.format !== BACKUP_FORMAT_NAME) return err('backup-header-invalid');
  const version = fields.formatVersion;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) return err('backup-header-invalid');
  if (version > BACKUP_FORMAT_VERSION) return err('backup-newer-format');
  const parsed = version === 1 ? backupHeaderV1Schema.safeParse(raw) : version === 2 ? backupHeaderV2Schema.safeParse(raw) : backupHeaderV3Schema.safeParse(raw);
  return parsed.success ? ok(parsed.data) : err('backup-header-invalid');
}

/** Restorable by an app whose database is at `appSchemaVersion`: older schemas are migrated, newer ones refused. */
export function checkSchemaVersion(header: BackupHeader, appSchemaVersion: number): Result<BackupHeader, 'backup-newer-schema'> {
  return header.schemaVersion > appSchemaVersion ? err('backup-newer-schema') : ok(header);
}

/** What a restore preview shows: everything in the header except the crypto details. */
export interface BackupSummary {
  id: string;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  formatVersion: number;
  trigger: BackupTrigger;
  counts: TableCounts;
  payloadFormat: string;
  payloadBytes: number;
  encrypted: boolean;
}

export function summarizeHeader(header: BackupHeader): BackupSummary {
  return {
    id: header.id,
    createdAt: header.createdAt,
    appVersion: header.appVersion,
    schemaVersion: header.schemaVersion,
    formatVersion: header.formatVersion,
    trigger: header.trigger,
    counts: { ...header.counts },
    payloadFormat: header.payload.format,
    payloadBytes: header.payload.bytes,
    encrypted: header.encryption !== null,
  };
}

const UTC_FILE_TIME = (time: string) => `${time.slice(0, 10)}-${time.slice(11, 13)}${time.slice(14, 16)}${time.slice(17, 19)}Z`;

/**
 * "regulars-2026-11-23-092837Z-1a2b3c4d.rgbackup": UTC, so names sort by time and no DST hour repeats; the
 * id's first 8 hex digits keep two backups of one second apart. Only files named like this are ever deleted
 * by retention: a backup the owner copied or renamed is left alone.
 */
export function backupFileName(header: Pick<BackupHeader, 'createdAt' | 'id'>): string {
  return `regulars-${UTC_FILE_TIME(header.createdAt)}-${header.id.slice(0, 8).toLowerCase()}${BACKUP_FILE_EXTENSION}`;
}

export const OWN_BACKUP_NAME = /^regulars-\d{4}-\d{2}-\d{2}-\d{6}Z-[0-9a-f]{8}\.rgbackup$/;

/** Any backup the folder listing shows: our own names and any other *.rgbackup file put there. */
export function isBackupFileName(name: string): boolean {
  return name.toLowerCase().endsWith(BACKUP_FILE_EXTENSION) && name.length > BACKUP_FILE_EXTENSION.length && !name.startsWith('.');
}

/** A plain file name (no folders, no Windows-reserved characters); what list() hands out as a backup's handle. */
export const backupFileNameSchema = z
  .string()
  .min(BACKUP_FILE_EXTENSION.length + 1)
  .max(255)
  .regex(/^[^\\/:*?"<>|]+$/)
  .refine((name) => isBackupFileName(name) && ![...name].some((char) => char.charCodeAt(0) < 0x20), 'not a backup file name');
