// The backup folder: writing backups (atomically, verified, then retention), listing them, checking one
// for restore and handing its payload back in pieces. Never throws; every failure is a reason code.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type {
  BackupCommitResult,
  BackupEntry,
  BackupListEntry,
  BackupListing,
  BackupPreview,
  BackupSource,
  ChosenBackupFile,
} from '../../../shared/backup/api';
import {
  MAX_CHUNK_BYTES,
  MAX_PAYLOAD_BYTES,
  OWN_BACKUP_NAME,
  backupFileNameSchema,
  checkSchemaVersion,
  isBackupFileName,
  summarizeHeader,
  type BackupRefusal,
  type BackupTrigger,
  type BackupWriteFailure,
} from '../../../shared/backup/format';
import { notifiesOwner } from '../../../shared/domain/backupOutcome';
import { planRetention, type RetentionSettings } from '../../../shared/domain/backupRetention';
import type { FailureReason } from '../../../shared/ipc/contract';
import { err, ok, type Result } from '../../../shared/result';
import { findKey, readLayout, readPayload, refusalOf, verifyPayload, type BackupLayout, type BackupSecrets } from './codec';
import { BackupError, errorCode, readFailureOf, writeFailureOf } from './errors';
import { TEMP_NAME, removeFile } from './files';
import { nodeBackupFs, nodeBackupRandom, realSleep, type BackupFileHandle, type BackupFs, type BackupRandom } from './os';
import type { BackupNotice } from './notices';
import { VERIFICATION_SUFFIX, newVerificationRecord, readVerificationRecord, verificationRecordName, writeVerificationRecord } from './verificationRecord';
import { WriteSession, type BackupWriteKeys, type WriteSessionMeta } from './writeSession';

export interface BackupLocation {
  folder: string;
  /** The default folder (inside the data folder) is created when missing; a chosen one must exist. */
  isDefault: boolean;
}

export interface BackupLimits {
  maxWriteSessions: number;
  maxReadSessions: number;
  /** A session nobody touched for this long belonged to a renderer that went away: it is dropped. */
  idleMs: number;
  /** How often idle sessions are looked for; 0 for never (tests call sweepIdleSessions). */
  sweepEveryMs: number;
  maxPayloadBytes: number;
}

export const DEFAULT_BACKUP_LIMITS: Readonly<BackupLimits> = Object.freeze({
  maxWriteSessions: 2,
  maxReadSessions: 2,
  idleMs: 10 * 60_000,
  sweepEveryMs: 60_000,
  maxPayloadBytes: MAX_PAYLOAD_BYTES,
});

/** Chosen files main remembers at once (a restore needs one; a second window, a retry, a change of mind). */
export const MAX_CHOSEN_FILES = 8;

export interface BackupStoreOptions {
  appVersion: string;
  location: () => BackupLocation;
  retention: () => RetentionSettings;
  notify: (notice: BackupNotice) => void;
  fs?: BackupFs;
  random?: BackupRandom;
  now?: () => Date;
  /**
   * Milliseconds on a monotonic clock (performance.now): idle sessions are timed on it, because the PC's clock
   * can jump. Put back, it kept a dead session (and its place: two make every backup 'backup-busy') for as
   * long as it went back; put forward, it dropped a backup under way.
   */
  elapsed?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Never receives payloads, passwords or paths' contents; paths only where they help the owner. */
  log?: (line: string) => void;
  limits?: Partial<BackupLimits>;
  compressionLevel?: number;
}

export interface BackupReadPiece {
  offset: number;
  data: Buffer;
  done: boolean;
}

export interface BackupStore {
  /** Removes temp files a crash left in the backup folder, and records whose backup is gone. */
  cleanUpOrphans(): Promise<number>;
  begin(meta: WriteSessionMeta, keys: BackupWriteKeys | null): Promise<Result<{ sessionId: string; encrypted: boolean }, FailureReason>>;
  append(sessionId: string, offset: number, bytes: Uint8Array): Promise<Result<{ receivedBytes: number }, FailureReason>>;
  commit(sessionId: string): Promise<Result<BackupCommitResult, FailureReason>>;
  abort(sessionId: string): Promise<Result<null, FailureReason>>;
  list(): Promise<Result<BackupListing, FailureReason>>;
  inspect(source: BackupSource, appSchemaVersion: number, secrets?: BackupSecrets): Promise<Result<BackupPreview, FailureReason>>;
  open(source: BackupSource, appSchemaVersion: number, secrets?: BackupSecrets): Promise<Result<{ readId: string; preview: BackupPreview }, FailureReason>>;
  read(readId: string): Promise<Result<BackupReadPiece, FailureReason>>;
  close(readId: string): Promise<Result<null, FailureReason>>;
  /** A file the owner chose in main's dialog: the handle the page may name it by (the page never sees the path). */
  admitChosenFile(filePath: string): ChosenBackupFile;
  /** Drops every open session and every chosen file's handle: the renderer calls it when it starts, after a reload left some behind. */
  reset(): Promise<void>;
  sweepIdleSessions(): Promise<void>;
  dispose(): Promise<void>;
}

interface OpenWrite {
  session: WriteSession;
  trigger: BackupTrigger;
  /** Pieces are handled one at a time, in the order they arrived. */
  queue: Promise<unknown>;
}

interface OpenRead {
  handle: BackupFileHandle;
  layout: BackupLayout;
  key: Buffer | null;
  pieces: AsyncGenerator<Buffer> | null;
  carry: Buffer | null;
  offset: number;
  lastActivity: number;
  queue: Promise<unknown>;
}

interface ResolvedSource {
  filePath: string;
  fileName: string;
  /** A file in the backup folder: checking it refreshes its verification record. */
  inFolder: boolean;
}

export function createBackupStore(options: BackupStoreOptions): BackupStore {
  const fs = options.fs ?? nodeBackupFs;
  const random = options.random ?? nodeBackupRandom;
  const now = options.now ?? (() => new Date());
  const elapsed = options.elapsed ?? (() => performance.now());
  const sleep = options.sleep ?? realSleep;
  const log = options.log ?? ((line: string) => console.error(line));
  const limits: BackupLimits = { ...DEFAULT_BACKUP_LIMITS, ...options.limits };
  const writes = new Map<string, OpenWrite>();
  const reads = new Map<string, OpenRead>();
  /** Handle → absolute path of files the owner chose; the oldest is forgotten past MAX_CHOSEN_FILES. */
  const chosenFiles = new Map<string, string>();
  let folderLock: Promise<unknown> = Promise.resolve();

  /** Retention and verification records change the folder; one change at a time. */
  function withFolderLock<T>(work: () => Promise<T>): Promise<T> {
    const run = folderLock.then(work, work);
    folderLock = run.catch(() => undefined);
    return run;
  }

  function enqueue<T>(holder: { queue: Promise<unknown> }, work: () => Promise<T>): Promise<T> {
    const run = holder.queue.then(work, work);
    holder.queue = run.catch(() => undefined);
    return run;
  }

  const timer = limits.sweepEveryMs > 0 ? setInterval(() => void sweepIdleSessions(), limits.sweepEveryMs) : null;
  timer?.unref();

  async function prepareFolder(): Promise<Result<string, BackupWriteFailure>> {
    const { folder, isDefault } = options.location();
    try {
      if (isDefault) await fs.mkdir(folder, { recursive: true });
      const stat = await fs.stat(folder);
      if (!stat.isDirectory()) return err('backup-folder-missing');
      return ok(folder);
    } catch (error) {
      return err(writeFailureOf(error));
    }
  }

  function failWrite(reason: BackupWriteFailure, trigger: BackupTrigger): Result<never, FailureReason> {
    // A backup put off (the page abandons one whose store kept changing: an abort, not a failure) is not news.
    if (!notifiesOwner(reason)) return err(reason);
    try {
      options.notify({ kind: 'backup-failed', reason, trigger });
    } catch {
      log('[backup] the failure notification could not be shown');
    }
    return err(reason);
  }

  function writeReasonOf(error: unknown): BackupWriteFailure {
    if (error instanceof BackupError) return error.reason as BackupWriteFailure;
    return writeFailureOf(error);
  }

  async function begin(meta: WriteSessionMeta, keys: BackupWriteKeys | null): Promise<Result<{ sessionId: string; encrypted: boolean }, FailureReason>> {
    if (writes.size >= limits.maxWriteSessions) return err('backup-busy');
    const folder = await prepareFolder();
    if (!folder.ok) return failWrite(folder.reason, meta.trigger);
    try {
      const session = await WriteSession.start(
        { fs, random, now, elapsed, sleep, appVersion: options.appVersion, folder: folder.value, compressionLevel: options.compressionLevel, maxPayloadBytes: limits.maxPayloadBytes },
        meta,
        keys,
      );
      if (writes.size >= limits.maxWriteSessions) {
        await session.abort();
        return err('backup-busy');
      }
      writes.set(session.id, { session, trigger: meta.trigger, queue: Promise.resolve() });
      return ok({ sessionId: session.id, encrypted: session.encrypted });
    } catch (error) {
      return failWrite(writeReasonOf(error), meta.trigger);
    }
  }

  async function append(sessionId: string, offset: number, bytes: Uint8Array): Promise<Result<{ receivedBytes: number }, FailureReason>> {
    const open = writes.get(sessionId);
    if (!open) return err('backup-session-expired');
    if (bytes.length > MAX_CHUNK_BYTES) return err('invalid-request');
    return enqueue(open, async () => {
      if (writes.get(sessionId) !== open) return err('backup-session-expired');
      if (offset !== open.session.receivedBytes) return err('invalid-request');
      try {
        return ok({ receivedBytes: await open.session.append(bytes) });
      } catch (error) {
        writes.delete(sessionId);
        await open.session.abort();
        return failWrite(writeReasonOf(error), open.trigger);
      }
    });
  }

  async function commit(sessionId: string): Promise<Result<BackupCommitResult, FailureReason>> {
    const open = writes.get(sessionId);
    if (!open) return err('backup-session-expired');
    return enqueue(open, async () => {
      if (writes.get(sessionId) !== open) return err('backup-session-expired');
      // From here on the session is the commit's alone: neither abort nor the idle sweep can reach it.
      writes.delete(sessionId);
      let written;
      try {
        written = await open.session.commit();
      } catch (error) {
        return failWrite(writeReasonOf(error), open.trigger);
      }
      const folder = path.dirname(written.filePath);
      return withFolderLock(async () => {
        const verifiedAt = now().toISOString();
        let recorded = true;
        try {
          await writeVerificationRecord(
            fs,
            folder,
            written.fileName,
            newVerificationRecord({ backupId: written.header.id, fileBytes: written.fileBytes, fileSha256: written.fileSha256, verifiedAt }),
            { uuid: random.uuid(), sleep },
          );
        } catch (error) {
          recorded = false;
          log(`[backup] the verification record could not be written (${errorCode(error) ?? 'error'})`);
        }
        const removed = await applyRetention(folder, written.fileName);
        const modifiedAt = await fs.stat(written.filePath).then(
          (stat) => new Date(stat.mtimeMs).toISOString(),
          () => now().toISOString(),
        );
        const backup: BackupEntry = {
          status: 'ok',
          fileName: written.fileName,
          sizeBytes: written.fileBytes,
          modifiedAt,
          ...summarizeHeader(written.header),
          own: true,
          verifiedAt: recorded ? verifiedAt : null,
        };
        return ok({ backup, removed });
      });
    });
  }

  async function abort(sessionId: string): Promise<Result<null, FailureReason>> {
    const open = writes.get(sessionId);
    if (!open) return ok(null);
    writes.delete(sessionId);
    await open.session.abort();
    return ok(null);
  }

  /** Deletes what the retention plan drops: only files with our own names, and never the one just written. */
  async function applyRetention(folder: string, justWritten: string): Promise<string[]> {
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch (error) {
      log(`[backup] retention could not read the folder (${errorCode(error) ?? 'error'})`);
      return [];
    }
    const entries = [];
    for (const name of names.filter((n) => OWN_BACKUP_NAME.test(n)).sort()) {
      const listed = await describeFile(folder, name);
      // An unreadable file is never deleted: it may be the owner's only copy of something.
      if (listed?.status !== 'ok') continue;
      entries.push({ id: name, createdAt: new Date(listed.createdAt), verified: listed.verifiedAt !== null, safety: listed.trigger === 'safety' });
    }
    const plan = planRetention(entries, now(), options.retention());
    const removed: string[] = [];
    for (const name of plan.remove) {
      if (name === justWritten) continue;
      if (await removeFile(fs, path.join(folder, name))) {
        removed.push(name);
        await removeFile(fs, path.join(folder, verificationRecordName(name)));
      } else {
        log('[backup] retention could not remove an old backup');
      }
    }
    return removed;
  }

  /** One file of the folder as the list shows it; null when it is not a file. */
  async function describeFile(folder: string, name: string): Promise<BackupListEntry | null> {
    const filePath = path.join(folder, name);
    let size: number;
    let modifiedAt: string;
    try {
      const stat = await fs.stat(filePath);
      if (!stat.isFile()) return null;
      size = stat.size;
      modifiedAt = new Date(stat.mtimeMs).toISOString();
    } catch {
      return null;
    }
    const unreadable = (reason: BackupRefusal): BackupListEntry => ({ status: 'unreadable', fileName: name, sizeBytes: size, modifiedAt, reason });
    let handle: BackupFileHandle;
    try {
      handle = await fs.open(filePath, 'r');
    } catch (error) {
      return unreadable(readFailureOf(error));
    }
    try {
      const layout = await readLayout(handle, size);
      if (!layout.ok) return unreadable(layout.reason);
      const record = await readVerificationRecord(fs, folder, name);
      const verified = record !== null && record.backupId === layout.value.header.id && record.fileBytes === size;
      return {
        status: 'ok',
        fileName: name,
        sizeBytes: size,
        modifiedAt,
        ...summarizeHeader(layout.value.header),
        own: OWN_BACKUP_NAME.test(name),
        verifiedAt: verified ? record.verifiedAt : null,
      };
    } finally {
      await handle.close().catch(() => undefined);
    }
  }

  async function freeBytes(folder: string): Promise<number | null> {
    if (!fs.statfs) return null;
    try {
      const stats = await fs.statfs(folder);
      const free = Number(stats.bavail) * Number(stats.bsize);
      return Number.isSafeInteger(free) && free >= 0 ? free : null;
    } catch {
      return null;
    }
  }

  async function list(): Promise<Result<BackupListing, FailureReason>> {
    const { folder, isDefault } = options.location();
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch (error) {
      // The default folder appears with the first backup; a chosen one that is gone (a USB drive taken out) is news.
      if (isDefault && errorCode(error) === 'ENOENT') return ok({ folder, freeBytes: null, entries: [] });
      return err(writeFailureOf(error));
    }
    const entries: BackupListEntry[] = [];
    for (const name of names.filter(isBackupFileName)) {
      if (!backupFileNameSchema.safeParse(name).success) continue;
      const entry = await describeFile(folder, name);
      if (entry) entries.push(entry);
    }
    const timeOf = (entry: BackupListEntry) => (entry.status === 'ok' ? entry.createdAt : entry.modifiedAt);
    entries.sort((a, b) => (timeOf(a) < timeOf(b) ? 1 : timeOf(a) > timeOf(b) ? -1 : a.fileName < b.fileName ? -1 : 1));
    return ok({ folder, freeBytes: await freeBytes(folder), entries });
  }

  function admitChosenFile(filePath: string): ChosenBackupFile {
    const handle = random.uuid();
    chosenFiles.set(handle, path.resolve(filePath));
    for (const oldest of chosenFiles.keys()) {
      if (chosenFiles.size <= MAX_CHOSEN_FILES) break;
      chosenFiles.delete(oldest);
    }
    return { handle, fileName: path.basename(filePath) };
  }

  function resolveSource(source: BackupSource): Result<ResolvedSource, FailureReason> {
    const folder = path.resolve(options.location().folder);
    if ('fileName' in source) {
      if (!backupFileNameSchema.safeParse(source.fileName).success || path.basename(source.fileName) !== source.fileName) return err('invalid-request');
      return ok({ filePath: path.join(folder, source.fileName), fileName: source.fileName, inFolder: true });
    }
    // A handle main did not hand out (or has forgotten: a reload, a restart) names nothing: choose the file again.
    const filePath = typeof source.handle === 'string' ? chosenFiles.get(source.handle) : undefined;
    if (filePath === undefined) return err('backup-session-expired');
    const fileName = path.basename(filePath);
    return ok({ filePath, fileName, inFolder: path.dirname(filePath) === folder && isBackupFileName(fileName) });
  }

  interface Checked {
    handle: BackupFileHandle;
    layout: BackupLayout;
    key: Buffer | null;
    preview: BackupPreview;
  }

  /**
   * Everything, before anything changes: the file is a regular file, its layout and header are sound, its
   * format and schema are not newer than this app, the password is right, and the whole payload decrypts,
   * decompresses and matches its length and SHA-256. On success the open handle is handed on, so what is
   * read next is the file that was checked, even if another file takes its name meanwhile.
   */
  async function check(source: BackupSource, appSchemaVersion: number, secrets: BackupSecrets): Promise<Result<Checked, FailureReason>> {
    const resolved = resolveSource(source);
    if (!resolved.ok) return resolved;
    const { filePath, fileName, inFolder } = resolved.value;
    try {
      const stat = await fs.stat(filePath);
      if (!stat.isFile()) return err('not-a-backup');
    } catch (error) {
      return err(readFailureOf(error));
    }
    let handle: BackupFileHandle;
    try {
      handle = await fs.open(filePath, 'r');
    } catch (error) {
      return err(readFailureOf(error));
    }
    let handedOver = false;
    try {
      const { size } = await handle.stat();
      const layout = await readLayout(handle, size);
      if (!layout.ok) return layout;
      const { header } = layout.value;
      const schema = checkSchemaVersion(header, appSchemaVersion);
      if (!schema.ok) return schema;
      let key: Buffer | null = null;
      if (header.encryption !== null) {
        const found = await findKey(header, secrets);
        if (!found.ok) return found;
        key = found.value;
      }
      const fileHash = createHash('sha256').update(layout.value.prefix);
      const payload = await verifyPayload(handle, layout.value, key, { onStoredBytes: (bytes) => fileHash.update(bytes) });
      if (!payload.ok) return payload;
      if (inFolder) {
        const record = newVerificationRecord({ backupId: header.id, fileBytes: size, fileSha256: fileHash.digest('hex'), verifiedAt: now().toISOString() });
        await withFolderLock(() => writeVerificationRecord(fs, path.dirname(filePath), fileName, record, { uuid: random.uuid(), sleep })).catch(() =>
          log('[backup] the verification record could not be refreshed'),
        );
      }
      handedOver = true;
      return ok({ handle, layout: layout.value, key, preview: { ...summarizeHeader(header), fileName, sizeBytes: size } });
    } catch (error) {
      return err(refusalOf(error));
    } finally {
      if (!handedOver) await handle.close().catch(() => undefined);
    }
  }

  async function inspect(source: BackupSource, appSchemaVersion: number, secrets: BackupSecrets = {}): Promise<Result<BackupPreview, FailureReason>> {
    const checked = await check(source, appSchemaVersion, secrets);
    if (!checked.ok) return checked;
    await checked.value.handle.close().catch(() => undefined);
    return ok(checked.value.preview);
  }

  async function open(source: BackupSource, appSchemaVersion: number, secrets: BackupSecrets = {}): Promise<Result<{ readId: string; preview: BackupPreview }, FailureReason>> {
    if (reads.size >= limits.maxReadSessions) return err('backup-busy');
    const checked = await check(source, appSchemaVersion, secrets);
    if (!checked.ok) return checked;
    if (reads.size >= limits.maxReadSessions) {
      await checked.value.handle.close().catch(() => undefined);
      return err('backup-busy');
    }
    const readId = random.uuid();
    const { handle, layout, key, preview } = checked.value;
    reads.set(readId, { handle, layout, key, pieces: null, carry: null, offset: 0, lastActivity: elapsed(), queue: Promise.resolve() });
    return ok({ readId, preview });
  }

  async function closeRead(readId: string): Promise<void> {
    const open = reads.get(readId);
    if (!open) return;
    reads.delete(readId);
    await open.pieces?.return(undefined).catch(() => undefined);
    await open.handle.close().catch(() => undefined);
  }

  /**
   * The next piece of payload, up to MAX_CHUNK_BYTES. The file is read through every check again as it
   * goes; `done` comes only after the last check passed, and a failure ends the session with its reason.
   */
  async function read(readId: string): Promise<Result<BackupReadPiece, FailureReason>> {
    const open = reads.get(readId);
    if (!open) return err('backup-session-expired');
    return enqueue(open, async () => {
      if (reads.get(readId) !== open) return err('backup-session-expired');
      open.lastActivity = elapsed();
      open.pieces ??= readPayload(open.handle, open.layout, open.key);
      const parts: Buffer[] = open.carry ? [open.carry] : [];
      let size = open.carry?.length ?? 0;
      open.carry = null;
      let finished = false;
      try {
        while (size < MAX_CHUNK_BYTES) {
          const next = await open.pieces.next();
          if (next.done) {
            finished = true;
            break;
          }
          parts.push(next.value);
          size += next.value.length;
        }
      } catch (error) {
        await closeRead(readId);
        return err(refusalOf(error));
      }
      let data = Buffer.concat(parts, size);
      if (data.length > MAX_CHUNK_BYTES) {
        open.carry = data.subarray(MAX_CHUNK_BYTES);
        data = data.subarray(0, MAX_CHUNK_BYTES);
      }
      const offset = open.offset;
      open.offset += data.length;
      open.lastActivity = elapsed();
      const done = finished && open.carry === null;
      if (done) await closeRead(readId);
      return ok({ offset, data, done });
    });
  }

  async function close(readId: string): Promise<Result<null, FailureReason>> {
    const open = reads.get(readId);
    if (open) await enqueue(open, () => closeRead(readId));
    return ok(null);
  }

  async function sweepIdleSessions(): Promise<void> {
    const cutoff = elapsed() - limits.idleMs;
    for (const [id, open] of [...writes]) {
      if (open.session.lastActivity < cutoff) {
        writes.delete(id);
        await open.session.abort();
        log('[backup] dropped a backup that was left unfinished');
      }
    }
    for (const [id, open] of [...reads]) {
      if (open.lastActivity < cutoff) await closeRead(id);
    }
  }

  async function reset(): Promise<void> {
    chosenFiles.clear();
    for (const [id, open] of [...writes]) {
      writes.delete(id);
      await open.session.abort();
    }
    for (const id of [...reads.keys()]) await closeRead(id);
  }

  function cleanUpOrphans(): Promise<number> {
    return withFolderLock(async () => {
      const { folder } = options.location();
      let names: string[];
      try {
        names = await fs.readdir(folder);
      } catch {
        return 0;
      }
      const present = new Set(names);
      const active = [...writes.keys()];
      let removed = 0;
      for (const name of names) {
        const backupName = name.slice(0, -VERIFICATION_SUFFIX.length);
        const orphanRecord = name.endsWith(VERIFICATION_SUFFIX) && OWN_BACKUP_NAME.test(backupName) && !present.has(backupName);
        const orphanTemp = TEMP_NAME.test(name) && !active.some((id) => name.includes(id));
        if (!orphanTemp && !orphanRecord) continue;
        if (await removeFile(fs, path.join(folder, name))) removed++;
      }
      return removed;
    });
  }

  async function dispose(): Promise<void> {
    if (timer) clearInterval(timer);
    await reset();
  }

  return { cleanUpOrphans, begin, append, commit, abort, list, inspect, open, read, close, admitChosenFile, reset, sweepIdleSessions, dispose };
}
