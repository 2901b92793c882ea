// Backup files as bytes (docs/BACKUP_FORMAT.md): the prefix, the key, and the payload read back through
// decryption, decompression, length and SHA-256 checks.
import { createDecipheriv, createHash, scrypt, timingSafeEqual, type Hash } from 'node:crypto';
import { Readable, Transform, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import {
  BACKUP_MAGIC,
  GCM_TAG_BYTES,
  HEADER_DIGEST_BYTES,
  HEADER_LENGTH_BYTES,
  KEY_BYTES,
  KEY_CHECK_BYTES,
  MAGIC_BYTES,
  MAX_HEADER_BYTES,
  MIN_HEADER_BYTES,
  SCRYPT_MAXMEM,
  SCRYPT_N,
  SCRYPT_P,
  SCRYPT_R,
  bodyOffset,
  classifyShortFile,
  expectedFileBytes,
  isBackupMagic,
  parseBackupHeader,
  type BackupEncryptionV1,
  type BackupEncryptionV2,
  type BackupEncryptionV3,
  type BackupHeader,
  type BackupRefusal,
} from '../../../shared/backup/format';
import { err, ok, type Result } from '../../../shared/result';
import { BackupError, isOsError, readFailureOf } from './errors';
import { readAt, readRange } from './files';
import { unwrapWithPassword, unwrapWithRecoveryKey } from './keys';
import type { BackupFileHandle } from './os';

export interface DerivedKey {
  key: Buffer;
  /** base64, as the header stores it. */
  keyCheck: string;
}

/**
 * Format 1. scrypt gives 64 bytes: the first 32 are the AES key, the SHA-256 of the other 32 is the key check.
 * The password is NFC-normalised: the same Chinese password typed through two input methods can arrive
 * composed or decomposed.
 */
export function deriveKey(password: string, salt: Uint8Array): Promise<DerivedKey> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES + KEY_CHECK_BYTES, { N: SCRYPT_N, r: SCRYPT_R, p: SCRYPT_P, maxmem: SCRYPT_MAXMEM }, (error, material) => {
      if (error) return reject(error);
      const keyCheck = createHash('sha256').update(material.subarray(KEY_BYTES)).digest('base64');
      resolve({ key: Buffer.from(material.subarray(0, KEY_BYTES)), keyCheck });
    });
  });
}

export function keyMatches(derived: DerivedKey, encryption: BackupEncryptionV1): boolean {
  const expected = Buffer.from(encryption.keyCheck, 'base64');
  const actual = Buffer.from(derived.keyCheck, 'base64');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Magic, header length, header, and the SHA-256 of those three: everything before the body. */
export function encodePrefix(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  if (json.length > MAX_HEADER_BYTES) throw new BackupError('backup-write-failed');
  const length = Buffer.alloc(HEADER_LENGTH_BYTES);
  length.writeUInt32BE(json.length);
  const head = Buffer.concat([Buffer.from(BACKUP_MAGIC), length, json]);
  return Buffer.concat([head, createHash('sha256').update(head).digest()]);
}

export interface BackupLayout {
  header: BackupHeader;
  /** Everything before the body, exactly as stored: GCM's additional authenticated data. */
  prefix: Buffer;
  bodyStart: number;
  bodyEnd: number;
  fileBytes: number;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads and checks everything before the body, and that the file has exactly the length the header
 * implies. Cheap (one small read): the listing uses it for every file.
 */
export async function readLayout(handle: BackupFileHandle, fileBytes: number): Promise<Result<BackupLayout, BackupRefusal>> {
  try {
    const fixed = await readAt(handle, 0, MAGIC_BYTES + HEADER_LENGTH_BYTES);
    if (fixed.length < MAGIC_BYTES) return err(classifyShortFile(fixed));
    if (!isBackupMagic(fixed)) return err('not-a-backup');
    if (fixed.length < MAGIC_BYTES + HEADER_LENGTH_BYTES) return err('backup-truncated');
    const headerBytes = fixed.readUInt32BE(MAGIC_BYTES);
    if (headerBytes < MIN_HEADER_BYTES || headerBytes > MAX_HEADER_BYTES) return err('backup-damaged');
    const prefixBytes = bodyOffset(headerBytes);
    if (fileBytes < prefixBytes) return err('backup-truncated');
    const prefix = await readAt(handle, 0, prefixBytes);
    if (prefix.length < prefixBytes) return err('backup-truncated');
    const digestAt = prefixBytes - HEADER_DIGEST_BYTES;
    const digest = createHash('sha256').update(prefix.subarray(0, digestAt)).digest();
    if (!digest.equals(prefix.subarray(digestAt))) return err('backup-damaged');
    let text: string;
    try {
      text = UTF8.decode(prefix.subarray(MAGIC_BYTES + HEADER_LENGTH_BYTES, digestAt));
    } catch {
      return err('backup-header-invalid');
    }
    const header = parseBackupHeader(text);
    if (!header.ok) return header;
    const expected = expectedFileBytes(header.value, headerBytes);
    if (fileBytes < expected) return err('backup-truncated');
    if (fileBytes > expected) return err('backup-damaged');
    return ok({ header: header.value, prefix, bodyStart: prefixBytes, bodyEnd: prefixBytes + header.value.body.bytes, fileBytes });
  } catch (error) {
    return err(readFailureOf(error));
  }
}

/** What the owner gave to open an encrypted backup: the password, or the recovery key from the sheet. */
export interface BackupSecrets {
  password?: string | null;
  recoveryKey?: string | null;
}

/**
 * The body's key for `header`: format 1 derives it from the password; formats 2 and 3 unwrap the data key
 * with the password or the recovery key. A wrong password or key is told apart from damage, and nothing is read
 * past the header before it is found.
 */
export async function findKey(header: BackupHeader, secrets: BackupSecrets): Promise<Result<Buffer, BackupRefusal>> {
  const { password, recoveryKey } = secrets;
  const encryption = header.encryption;
  if (encryption === null) return err('backup-damaged');
  const hasRecoveryKey = recoveryKey !== null && recoveryKey !== undefined && recoveryKey !== '';
  if (header.formatVersion === 1) {
    if (hasRecoveryKey && (password === null || password === undefined || password === '')) return err('backup-no-recovery-key');
    return keyFromPassword(password)(header.encryption as BackupEncryptionV1);
  }
  const wraps = encryption as BackupEncryptionV2 | BackupEncryptionV3;
  if (hasRecoveryKey) return unwrapWithRecoveryKey(wraps.recovery, recoveryKey);
  // Format 3 written before the owner chose a password: only the recovery key opens it.
  if (wraps.password === null) return err('backup-recovery-key-required');
  if (password === null || password === undefined || password === '') return err('backup-password-required');
  const key = await unwrapWithPassword(wraps.password, password);
  return key ? ok(key) : err('backup-wrong-password');
}

export type KeyLookup = (encryption: BackupEncryptionV1) => Promise<Result<Buffer, BackupRefusal>>;

/** Format 1: the key for a password typed by the owner (or none given): a wrong one is told apart from damage. */
export function keyFromPassword(password: string | null | undefined): KeyLookup {
  return async (encryption) => {
    if (password === null || password === undefined || password === '') return err('backup-password-required');
    const derived = await deriveKey(password, Buffer.from(encryption.salt, 'base64'));
    return keyMatches(derived, encryption) ? ok(derived.key) : err('backup-wrong-password');
  };
}

/** Maps whatever went wrong while reading a body to a refusal: I/O is I/O, everything else is damage. */
export function refusalOf(error: unknown): BackupRefusal {
  if (error instanceof BackupError) return error.reason as BackupRefusal;
  return isOsError(error) ? readFailureOf(error) : 'backup-damaged';
}

export interface PayloadReadOptions {
  /** Sees every stored byte after the prefix (body and tag), for the whole-file hash of a verification record. */
  onStoredBytes?: (bytes: Buffer) => void;
}

/** Passes bytes through, hashing and counting them: the body's check sits between decryption and gunzip. */
class Measure extends Transform {
  readonly hash: Hash = createHash('sha256');
  bytes = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) return done(new BackupError('backup-damaged'));
    this.hash.update(chunk);
    done(null, chunk);
  }
}

/**
 * The payload, decrypted and decompressed, in pieces. Throws BackupError('backup-damaged') when the GCM
 * tag, the body's length or SHA-256, the gzip stream, or the payload's length or SHA-256 disagree; a caller
 * must treat what it was given as unverified until the generator has finished without throwing.
 */
export async function* readPayload(handle: BackupFileHandle, layout: BackupLayout, key: Buffer | null, options: PayloadReadOptions = {}): AsyncGenerator<Buffer> {
  const { header } = layout;
  const stages: Transform[] = [];
  let tag: Buffer | null = null;
  if (header.encryption !== null) {
    if (key === null) throw new BackupError('backup-password-required');
    tag = await readAt(handle, layout.bodyEnd, GCM_TAG_BYTES);
    if (tag.length !== GCM_TAG_BYTES) throw new BackupError('backup-truncated');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.encryption.iv, 'base64'), { authTagLength: GCM_TAG_BYTES });
    decipher.setAAD(layout.prefix);
    decipher.setAuthTag(tag);
    stages.push(decipher);
  }
  const body = new Measure(header.body.bytes);
  stages.push(body);
  if (header.body.compression === 'gzip') stages.push(createGunzip({ chunkSize: 64 * 1024 }));

  const stored = readRange(handle, layout.bodyStart, layout.bodyEnd);
  const tapped = options.onStoredBytes ? tap(stored, options.onStoredBytes) : stored;
  const source = Readable.from(tapped, { objectMode: false });
  const output = pipeline([source, ...stages], () => undefined) as unknown as Readable;

  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const piece of output as AsyncIterable<Buffer>) {
      bytes += piece.length;
      // A gzip bomb, or a body that is not what the header says: stop before it fills memory.
      if (bytes > header.payload.bytes) throw new BackupError('backup-damaged');
      hash.update(piece);
      yield piece;
    }
  } catch (error) {
    throw new BackupError(refusalOf(error));
  } finally {
    source.destroy();
  }
  if (tag !== null) options.onStoredBytes?.(tag);
  if (body.bytes !== header.body.bytes || body.hash.digest('hex') !== header.body.sha256) throw new BackupError('backup-damaged');
  if (bytes !== header.payload.bytes || hash.digest('hex') !== header.payload.sha256) throw new BackupError('backup-damaged');
}

async function* tap(source: AsyncIterable<Buffer>, see: (bytes: Buffer) => void): AsyncGenerator<Buffer> {
  for await (const piece of source) {
    see(piece);
    yield piece;
  }
}

/** Reads the whole payload through every check, keeping none of it. */
export async function verifyPayload(handle: BackupFileHandle, layout: BackupLayout, key: Buffer | null, options: PayloadReadOptions = {}): Promise<Result<null, BackupRefusal>> {
  try {
    for await (const piece of readPayload(handle, layout, key, options)) void piece;
    return ok(null);
  } catch (error) {
    return err(refusalOf(error));
  }
}
