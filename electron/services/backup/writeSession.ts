// One backup being written: payload pieces in, a verified file with its final name out.
//
// The header holds the payload's length and SHA-256 and is GCM's additional data, so it must be complete
// before the first byte is encrypted, yet it is known only after the last piece arrives. So the pieces are
// compressed into a spool file first (sealed with a throwaway AES-CTR key, so no readable customer data
// touches a synced or removable folder), and at commit the spool is copied behind the header, encrypted
// for real. The copy is of compressed bytes: a fraction of the payload.
import { createCipheriv, createDecipheriv, createHash, type Cipher, type Hash } from 'node:crypto';
import { finished } from 'node:stream/promises';
import path from 'node:path';
import { createGzip, type Gzip } from 'node:zlib';
import {
  BACKUP_FORMAT_NAME,
  BACKUP_FORMAT_VERSION,
  GCM_TAG_BYTES,
  IV_BYTES,
  KEY_BYTES,
  MAX_BODY_BYTES,
  MAX_PAYLOAD_BYTES,
  backupFileName,
  type BackupHeaderV3,
  type PasswordWrap,
  type RecoveryWrap,
  type BackupTrigger,
  type TableCounts,
} from '../../../shared/backup/format';
import { encodePrefix, readLayout, verifyPayload } from './codec';
import { BackupError, errorCode, writeFailureOf } from './errors';
import { readRange, removeFile, renameWithRetry, syncFolder, tempName, writeFully } from './files';
import { wrapForPassword, wrapForRecovery, type RecoveryPublicKey } from './keys';
import type { BackupFileHandle, BackupFs, BackupRandom } from './os';

export interface WriteSessionMeta {
  schemaVersion: number;
  counts: TableCounts;
  payloadFormat: string;
  trigger: BackupTrigger;
}

export interface WriteSessionContext {
  fs: BackupFs;
  random: BackupRandom;
  now: () => Date;
  /** Milliseconds on a clock nobody can set (how long a session sat idle): the PC's clock may jump. */
  elapsed: () => number;
  sleep: (ms: number) => Promise<void>;
  appVersion: string;
  folder: string;
  /** gzip level; 6 (zlib's default) balances a slow PC's CPU against file size. */
  compressionLevel?: number;
  /** MAX_PAYLOAD_BYTES unless a test needs a smaller one. */
  maxPayloadBytes?: number;
}

export interface WrittenBackup {
  header: BackupHeaderV3;
  fileName: string;
  filePath: string;
  fileBytes: number;
  /** SHA-256 of the whole file as written and as read back: the verification record keeps it. */
  fileSha256: string;
}

/**
 * What new backups are encrypted for: the owner's password and the recovery key's public half, either or both
 * (the recovery key alone while encryption is automatic, before the owner chooses a password).
 */
export type BackupWriteKeys = { password: string; recovery: RecoveryPublicKey | null } | { password: null; recovery: RecoveryPublicKey };

interface Encryption {
  /** Random per backup; only its wraps are stored. */
  dataKey: Buffer;
  iv: Buffer;
  password: PasswordWrap | null;
  recovery: RecoveryWrap | null;
}

export class WriteSession {
  readonly id: string;
  readonly createdAt: string;
  lastActivity: number;
  receivedBytes = 0;
  private readonly hash: Hash = createHash('sha256');
  private readonly bodyHash: Hash = createHash('sha256');
  private readonly gzip: Gzip;
  private readonly spoolCipher: Cipher;
  private spoolBytes = 0;
  private spoolWrites: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  private closed = false;

  private constructor(
    private readonly ctx: WriteSessionContext,
    private readonly meta: WriteSessionMeta,
    private readonly encryption: Encryption | null,
    private readonly spool: BackupFileHandle,
    private readonly spoolPath: string,
    private readonly spoolKey: Buffer,
    private readonly spoolIv: Buffer,
    id: string,
  ) {
    this.id = id;
    this.createdAt = ctx.now().toISOString();
    this.lastActivity = ctx.elapsed();
    this.spoolCipher = createCipheriv('aes-256-ctr', spoolKey, spoolIv);
    this.gzip = createGzip({ level: ctx.compressionLevel ?? 6 });
    this.gzip.on('data', (compressed: Buffer) => {
      this.bodyHash.update(compressed);
      const sealed = this.spoolCipher.update(compressed);
      const position = this.spoolBytes;
      this.spoolBytes += sealed.length;
      this.spoolWrites = this.spoolWrites.then(() => writeFully(this.spool, sealed, position));
      this.spoolWrites.catch((error: unknown) => this.fail(error));
    });
    this.gzip.on('error', (error) => this.fail(error));
  }

  /** Creates the spool in `ctx.folder` and, when encrypting, makes the data key and wraps it (scrypt for a password: about a second). */
  static async start(ctx: WriteSessionContext, meta: WriteSessionMeta, keys: BackupWriteKeys | null): Promise<WriteSession> {
    const id = ctx.random.uuid();
    let encryption: Encryption | null = null;
    if (keys !== null) {
      const dataKey = ctx.random.bytes(KEY_BYTES);
      encryption = {
        dataKey,
        iv: ctx.random.bytes(IV_BYTES),
        password: keys.password === null ? null : await wrapForPassword(keys.password, dataKey, ctx.random),
        recovery: keys.recovery ? wrapForRecovery(keys.recovery, dataKey, ctx.random) : null,
      };
    }
    const spoolPath = path.join(ctx.folder, tempName(id, 'spool'));
    let spool: BackupFileHandle;
    try {
      spool = await ctx.fs.open(spoolPath, 'wx+');
    } catch (error) {
      throw new BackupError(writeFailureOf(error));
    }
    return new WriteSession(ctx, meta, encryption, spool, spoolPath, ctx.random.bytes(32), ctx.random.bytes(16), id);
  }

  get encrypted(): boolean {
    return this.encryption !== null;
  }

  private fail(error: unknown): void {
    if (this.failure === null) this.failure = error;
  }

  private throwIfFailed(): void {
    if (this.failure !== null) throw this.failure instanceof BackupError ? this.failure : new BackupError(writeFailureOf(this.failure));
  }

  /** Returns once the piece is compressed and on disk, so memory holds no more than a piece or two. */
  async append(bytes: Uint8Array): Promise<number> {
    this.throwIfFailed();
    if (this.receivedBytes + bytes.length > (this.ctx.maxPayloadBytes ?? MAX_PAYLOAD_BYTES)) {
      this.fail(new BackupError('backup-too-large'));
      this.throwIfFailed();
    }
    this.lastActivity = this.ctx.elapsed();
    this.hash.update(bytes);
    this.receivedBytes += bytes.length;
    await new Promise<void>((resolve, reject) => this.gzip.write(bytes, (error) => (error ? reject(error) : resolve()))).catch((error: unknown) => this.fail(error));
    await this.spoolWrites.catch(() => undefined);
    this.throwIfFailed();
    if (this.spoolBytes > MAX_BODY_BYTES) {
      this.fail(new BackupError('backup-too-large'));
      this.throwIfFailed();
    }
    this.lastActivity = this.ctx.elapsed();
    return this.receivedBytes;
  }

  /**
   * Writes the file under a temp name, fsyncs it, reads it back through every check, and only then
   * renames it to its final name and fsyncs the folder. A file with a final name is therefore always
   * complete and verified; whatever fails leaves only temp files, which this removes.
   */
  async commit(): Promise<WrittenBackup> {
    const partPath = path.join(this.ctx.folder, tempName(this.id, 'part'));
    try {
      this.throwIfFailed();
      this.gzip.end();
      await finished(this.gzip);
      await this.spoolWrites;
      this.throwIfFailed();

      const header = this.buildHeader();
      const prefix = encodePrefix(header);
      const fileHash = createHash('sha256').update(prefix);
      const part = await this.ctx.fs.open(partPath, 'wx');
      let position = 0;
      try {
        await writeFully(part, prefix, 0);
        position = prefix.length;
        const unseal = createDecipheriv('aes-256-ctr', this.spoolKey, this.spoolIv);
        const gcm = this.encryption
          ? createCipheriv('aes-256-gcm', this.encryption.dataKey, this.encryption.iv, { authTagLength: GCM_TAG_BYTES }).setAAD(prefix)
          : null;
        for await (const sealed of readRange(this.spool, 0, this.spoolBytes)) {
          const compressed = unseal.update(sealed);
          const stored = gcm ? gcm.update(compressed) : compressed;
          await writeFully(part, stored, position);
          fileHash.update(stored);
          position += stored.length;
        }
        if (gcm) {
          gcm.final();
          const tag = gcm.getAuthTag();
          await writeFully(part, tag, position);
          fileHash.update(tag);
          position += tag.length;
        }
        await part.sync();
      } finally {
        await part.close();
      }
      await this.closeSpool();
      const fileSha256 = fileHash.digest('hex');

      await this.verify(partPath, position, fileSha256);

      const fileName = backupFileName(header);
      const filePath = path.join(this.ctx.folder, fileName);
      if (await this.exists(filePath)) throw new BackupError('backup-write-failed');
      await renameWithRetry(this.ctx.fs, partPath, filePath, this.ctx.sleep);
      await syncFolder(this.ctx.fs, this.ctx.folder);
      return { header, fileName, filePath, fileBytes: position, fileSha256 };
    } catch (error) {
      await removeFile(this.ctx.fs, partPath);
      await this.closeSpool();
      throw error instanceof BackupError ? error : new BackupError(writeFailureOf(error));
    }
  }

  /** Stops: the spool is closed and removed. Safe to call more than once, and after a failure. */
  async abort(): Promise<void> {
    this.gzip.destroy();
    await this.spoolWrites.catch(() => undefined);
    await this.closeSpool();
  }

  private async closeSpool(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.spool.close().catch(() => undefined);
    await removeFile(this.ctx.fs, this.spoolPath);
  }

  private buildHeader(): BackupHeaderV3 {
    return {
      format: BACKUP_FORMAT_NAME,
      formatVersion: BACKUP_FORMAT_VERSION,
      id: this.id,
      createdAt: this.createdAt,
      appVersion: this.ctx.appVersion,
      schemaVersion: this.meta.schemaVersion,
      trigger: this.meta.trigger,
      counts: { ...this.meta.counts },
      payload: { format: this.meta.payloadFormat, bytes: this.receivedBytes, sha256: this.hash.digest('hex') },
      body: { compression: 'gzip', bytes: this.spoolBytes, sha256: this.bodyHash.digest('hex') },
      encryption: this.encryption
        ? { cipher: 'aes-256-gcm', iv: this.encryption.iv.toString('base64'), password: this.encryption.password, recovery: this.encryption.recovery }
        : null,
    };
  }

  /** Reads the written file back from disk: the layout, then the payload through decryption, gunzip and SHA-256. */
  private async verify(partPath: string, expectedBytes: number, expectedSha256: string): Promise<void> {
    let handle: BackupFileHandle;
    try {
      handle = await this.ctx.fs.open(partPath, 'r');
    } catch (error) {
      throw new BackupError(writeFailureOf(error));
    }
    try {
      const { size } = await handle.stat();
      const layout = await readLayout(handle, size);
      if (!layout.ok || size !== expectedBytes) throw new BackupError('backup-verify-failed');
      const readBack = createHash('sha256').update(layout.value.prefix);
      const payload = await verifyPayload(handle, layout.value, this.encryption?.dataKey ?? null, { onStoredBytes: (bytes) => readBack.update(bytes) });
      if (!payload.ok || readBack.digest('hex') !== expectedSha256) throw new BackupError('backup-verify-failed');
    } finally {
      await handle.close().catch(() => undefined);
    }
  }

  private async exists(filePath: string): Promise<boolean> {
    try {
      await this.ctx.fs.stat(filePath);
      return true;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false;
      throw error;
    }
  }
}
