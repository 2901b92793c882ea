// Backup settings and the backup password, kept by the main process in its data folder. They belong to
// this PC (which folder, which USB drive), not to the store's data, so they are not in the database and a
// restore cannot turn them back; the password is sealed by the OS (DPAPI, Keychain) and never stored plain.
import path from 'node:path';
import { z } from 'zod';
import {
  backupSettingsSchema,
  type BackupConfigureRequest,
  type BackupEncryptionView,
  type BackupSetUpEncryptionResult,
  type BackupSettings,
  type BackupSettingsView,
} from '../../../shared/backup/api';
import { CANONICAL_BASE64 } from '../../../shared/backup/base64';
import { recoveryKeyIdSchema, utcTimeSchema } from '../../../shared/backup/format';
import { RECOVERY_SECRET_BYTES, formatRecoveryKey } from '../../../shared/backup/recoveryKey';
import { DEFAULT_RETENTION_SETTINGS } from '../../../shared/domain/backupRetention';
import { DEFAULT_SCHEDULE_SETTINGS } from '../../../shared/domain/backupSchedule';
import type { FailureReason } from '../../../shared/ipc/contract';
import { err, ok, type Result } from '../../../shared/result';
import type { BackupLocation } from './backupStore';
import { errorCode, writeFailureOf } from './errors';
import { TEMP_NAME, readAt, removeFile, tempName, writeFileAtomic, writeFully } from './files';
import { recoveryPublicKeyOf } from './keys';
import type { BackupFs, BackupRandom } from './os';
import type { BackupWriteKeys } from './writeSession';
import { isSystemFolder, type SystemFolderContext } from './systemFolders';

/** Electron's safeStorage, or a stand-in. */
export interface SecretProtector {
  isAvailable(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

export const SETTINGS_FILE = 'backup-settings.json';
export const PASSWORD_FILE = 'backup-password.bin';
/**
 * The recovery key's secret, sealed by the OS, kept while encryption is automatic (and after, so this PC still
 * opens the backups it wrote for that key without the sheet): as safe as the sealed password beside it.
 */
export const RECOVERY_SECRET_FILE = 'backup-recovery-key.bin';
/** The recovery key's public half and the date encryption was turned off: nothing secret, so plain JSON. */
export const PROTECTION_FILE = 'backup-protection.json';
export const DEFAULT_BACKUP_FOLDER_NAME = 'backups';
const MAX_SETTINGS_BYTES = 64 * 1024;
const MAX_SEALED_BYTES = 64 * 1024;

export const DEFAULT_BACKUP_SETTINGS: Readonly<BackupSettings> = Object.freeze({
  folder: null,
  retention: { ...DEFAULT_RETENTION_SETTINGS },
  schedule: { ...DEFAULT_SCHEDULE_SETTINGS },
});

const protectionSchema = z
  .object({
    recovery: z.object({ publicKey: z.string().regex(CANONICAL_BASE64).length(44), keyId: recoveryKeyIdSchema, createdAt: utcTimeSchema }).strict().nullable(),
    encryptionOffAt: utcTimeSchema.nullable(),
    /** When the owner was last shown the recovery key's sheet; absent in records written before automatic encryption. */
    sheetShownAt: utcTimeSchema.nullable().optional(),
  })
  .strict();
type Protection = z.infer<typeof protectionSchema>;
const NO_PROTECTION: Protection = { recovery: null, encryptionOffAt: null, sheetShownAt: null };

export interface BackupSettingsStoreOptions {
  fs: BackupFs;
  random: BackupRandom;
  /** Dates "encryption turned off" and a new recovery key; the PC's clock by default. */
  now?: () => Date;
  sleep: (ms: number) => Promise<void>;
  dataFolder: string;
  /** null: the password lives in memory only, until the process ends (browser mode, tests). */
  protector: SecretProtector | null;
  log: (line: string) => void;
  /** Which OS's system folders are refused; this process's by default. */
  system?: SystemFolderContext;
}

export interface BackupSettingsStore {
  /** Reads the settings file (defaults when missing or unreadable) and removes temp files a crash left. */
  load(): Promise<void>;
  settings(): BackupSettings;
  location(): BackupLocation;
  view(): BackupSettingsView;
  configure(patch: BackupConfigureRequest): Promise<Result<BackupSettingsView, FailureReason>>;
  setPassword(password: string | null): Promise<Result<BackupSettingsView, FailureReason>>;
  /** The password new backups are encrypted with; null when none is set. */
  password(): Promise<Result<string | null, FailureReason>>;
  /** What new backups are encrypted for; null when encryption is turned off (or this PC cannot keep a key). */
  writeKeys(): Promise<Result<BackupWriteKeys | null, FailureReason>>;
  /** The recovery key this PC holds, as the sheet prints it: tried first on a backup the owner gives no secret for. */
  heldRecoveryKey(): Promise<string | null>;
  /** While encryption is automatic: the held recovery key's text for its sheet, and the date it was shown. */
  showRecoverySheet(): Promise<Result<BackupSetUpEncryptionResult, FailureReason>>;
  /** A password and a new recovery key (its text returned once, for the sheet); clears "turned off". */
  setUpEncryption(password: string): Promise<Result<BackupSetUpEncryptionResult, FailureReason>>;
  /** A system folder or the top of a drive, by its path or where its links lead (systemFolders.ts). */
  isSystemFolder(folder: string): Promise<boolean>;
}

export function createBackupSettingsStore(options: BackupSettingsStoreOptions): BackupSettingsStore {
  const { fs, random, sleep, dataFolder, protector, log } = options;
  const now = options.now ?? (() => new Date());
  const system = options.system ?? { platform: process.platform, env: process.env };
  const defaultFolder = path.join(dataFolder, DEFAULT_BACKUP_FOLDER_NAME);
  const settingsPath = path.join(dataFolder, SETTINGS_FILE);
  const passwordPath = path.join(dataFolder, PASSWORD_FILE);
  let current: BackupSettings = structuredClone(DEFAULT_BACKUP_SETTINGS) as BackupSettings;
  const protectionPath = path.join(dataFolder, PROTECTION_FILE);
  const recoverySecretPath = path.join(dataFolder, RECOVERY_SECRET_FILE);
  let passwordSet = false;
  let passwordInMemory: string | null = null;
  let recoverySecretInMemory: Buffer | null = null;
  let protection: Protection = NO_PROTECTION;

  const copy = (settings: BackupSettings): BackupSettings => structuredClone(settings);

  async function readSmallFile(file: string, limit: number): Promise<Buffer | null> {
    try {
      const handle = await fs.open(file, 'r');
      try {
        const bytes = await readAt(handle, 0, limit + 1);
        return bytes.length > limit ? null : bytes;
      } finally {
        await handle.close().catch(() => undefined);
      }
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') log(`[backup] ${path.basename(file)} could not be read (${errorCode(error) ?? 'error'})`);
      return null;
    }
  }

  async function load(): Promise<void> {
    try {
      for (const name of await fs.readdir(dataFolder)) {
        if (TEMP_NAME.test(name)) await removeFile(fs, path.join(dataFolder, name));
      }
    } catch {
      // No data folder yet: nothing to clean.
    }
    const bytes = await readSmallFile(settingsPath, MAX_SETTINGS_BYTES);
    if (bytes !== null) {
      try {
        const parsed = backupSettingsSchema.safeParse(JSON.parse(bytes.toString('utf8')));
        const folder = parsed.success ? parsed.data.folder : null;
        if (folder !== null && (!path.isAbsolute(folder) || (await isSystemPath(folder)))) {
          log('[backup] the backup settings name a folder that cannot hold backups; using the defaults');
        } else if (parsed.success) current = parsed.data;
        else log('[backup] the backup settings were not valid; using the defaults');
      } catch {
        log('[backup] the backup settings were not valid JSON; using the defaults');
      }
    }
    passwordSet = protector !== null && (await readSmallFile(passwordPath, MAX_SEALED_BYTES)) !== null;
    const stored = await readSmallFile(protectionPath, MAX_SETTINGS_BYTES);
    protection = NO_PROTECTION;
    if (stored !== null) {
      try {
        const parsed = protectionSchema.safeParse(JSON.parse(stored.toString('utf8')));
        if (parsed.success) protection = parsed.data;
        else log('[backup] the backup protection record was not valid; no recovery key is used');
      } catch {
        log('[backup] the backup protection record was not valid JSON; no recovery key is used');
      }
    }
    await startAutomaticEncryption();
  }

  /**
   * Encrypted unless turned off on purpose: with no password and no "turned off", new backups are encrypted for a
   * recovery key made here, its secret sealed by the OS so this PC opens them, its sheet printable by the owner.
   */
  async function startAutomaticEncryption(): Promise<void> {
    if (hasPassword() || protection.encryptionOffAt !== null) return;
    if (protection.recovery !== null && (await readRecoverySecret()) !== null) return;
    if (protector !== null && !protector.isAvailable()) return;
    const secret = random.bytes(RECOVERY_SECRET_BYTES);
    const kept = await keepRecoverySecret(secret);
    if (!kept.ok) {
      log('[backup] the recovery key for automatic encryption could not be kept; backups are not encrypted');
      return;
    }
    const saved = await saveProtection({ recovery: { ...recoveryPublicKeyOf(secret), createdAt: now().toISOString() }, encryptionOffAt: null, sheetShownAt: null });
    if (!saved.ok) log('[backup] the recovery key for automatic encryption could not be recorded; backups are not encrypted');
  }

  async function keepRecoverySecret(secret: Buffer): Promise<Result<null, FailureReason>> {
    if (protector === null) {
      recoverySecretInMemory = Buffer.from(secret);
      return ok(null);
    }
    let sealed: Buffer;
    try {
      sealed = protector.encrypt(secret.toString('base64'));
    } catch {
      return err('unavailable');
    }
    try {
      await fs.mkdir(dataFolder, { recursive: true });
      await writeFileAtomic(fs, recoverySecretPath, sealed, { uuid: random.uuid(), kind: 'secret', sleep });
      return ok(null);
    } catch (error) {
      return err(writeFailureOf(error));
    }
  }

  /** The held secret, when it is the recovery key new backups are wrapped for; null otherwise. */
  async function readRecoverySecret(): Promise<Buffer | null> {
    let secret: Buffer | null = recoverySecretInMemory;
    if (protector !== null) {
      const sealed = await readSmallFile(recoverySecretPath, MAX_SEALED_BYTES);
      if (sealed === null || !protector.isAvailable()) return null;
      try {
        secret = Buffer.from(protector.decrypt(sealed), 'base64');
      } catch {
        return null;
      }
    }
    if (secret === null || secret.length !== RECOVERY_SECRET_BYTES) return null;
    return secret;
  }

  /** The held secret whatever key it is (a newer key may have replaced it since): it may still open older backups. */
  async function heldRecoveryKey(): Promise<string | null> {
    const secret = await readRecoverySecret();
    return secret === null ? null : formatRecoveryKey(secret);
  }

  /** Automatic: no password, not turned off, and the held secret is the recovery key backups are wrapped for. */
  async function automaticSecret(): Promise<Buffer | null> {
    if (hasPassword() || protection.encryptionOffAt !== null || protection.recovery === null) return null;
    const secret = await readRecoverySecret();
    return secret !== null && recoveryPublicKeyOf(secret).keyId === protection.recovery.keyId ? secret : null;
  }

  const hasPassword = () => (protector === null ? passwordInMemory !== null : passwordSet);

  function encryptionView(): BackupEncryptionView {
    const recoveryKey = protection.recovery ? { id: protection.recovery.keyId, createdAt: protection.recovery.createdAt } : null;
    const sheetShownAt = protection.sheetShownAt ?? null;
    if (hasPassword()) return { state: 'on', recoveryKey, offAt: null, sheetShownAt };
    if (protection.encryptionOffAt !== null) return { state: 'off', recoveryKey: null, offAt: protection.encryptionOffAt, sheetShownAt: null };
    // load() made the automatic key where it could; without one (no OS protected storage), nothing encrypts.
    if (recoveryKey !== null) return { state: 'automatic', recoveryKey, offAt: null, sheetShownAt };
    return { state: 'not-set-up', recoveryKey: null, offAt: null, sheetShownAt: null };
  }

  async function saveProtection(next: Protection): Promise<Result<null, FailureReason>> {
    try {
      await fs.mkdir(dataFolder, { recursive: true });
      await writeFileAtomic(fs, protectionPath, Buffer.from(`${JSON.stringify(next, null, 2)}\n`, 'utf8'), { uuid: random.uuid(), kind: 'settings', sleep });
      protection = next;
      return ok(null);
    } catch (error) {
      return err(writeFailureOf(error));
    }
  }

  function location(): BackupLocation {
    return current.folder === null ? { folder: defaultFolder, isDefault: true } : { folder: current.folder, isDefault: false };
  }

  function view(): BackupSettingsView {
    return {
      ...copy(current),
      effectiveFolder: location().folder,
      defaultFolder,
      passwordSet: hasPassword(),
      encryption: encryptionView(),
      passwordStorageAvailable: protector === null || protector.isAvailable(),
    };
  }

  async function save(next: BackupSettings): Promise<Result<null, FailureReason>> {
    try {
      await fs.mkdir(dataFolder, { recursive: true });
      const bytes = Buffer.from(`${JSON.stringify(next, null, 2)}\n`, 'utf8');
      await writeFileAtomic(fs, settingsPath, bytes, { uuid: random.uuid(), kind: 'settings', sleep });
      current = copy(next);
      return ok(null);
    } catch (error) {
      return err(writeFailureOf(error));
    }
  }

  /** The path, or where its links lead, is a system folder or the top of a drive. */
  async function isSystemPath(folder: string): Promise<boolean> {
    if (isSystemFolder(folder, system)) return true;
    if (!fs.realpath) return false;
    try {
      return isSystemFolder(await fs.realpath(folder), system);
    } catch {
      // A folder that does not exist (yet) leads nowhere else.
      return false;
    }
  }

  /** Absolute, no system folder (by its path or where its links lead), existing, a folder, and writable (a probe file is created and removed). */
  async function checkFolder(folder: string): Promise<Result<string, FailureReason>> {
    if (!path.isAbsolute(folder)) return err('backup-folder-invalid');
    const resolved = path.resolve(folder);
    if (await isSystemPath(folder)) return err('backup-folder-system');
    try {
      if (!(await fs.stat(resolved)).isDirectory()) return err('backup-folder-invalid');
    } catch (error) {
      return err(errorCode(error) === 'ENOTDIR' ? 'backup-folder-invalid' : writeFailureOf(error));
    }
    const probe = path.join(resolved, tempName(random.uuid(), 'probe'));
    try {
      const handle = await fs.open(probe, 'wx');
      try {
        await writeFully(handle, Buffer.from('regulars'), 0);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      await removeFile(fs, probe);
      return err(writeFailureOf(error));
    }
    await removeFile(fs, probe);
    return ok(resolved);
  }

  async function configure(patch: BackupConfigureRequest): Promise<Result<BackupSettingsView, FailureReason>> {
    const next = copy(current);
    if (patch.folder !== undefined) {
      // The default folder is created when needed: choosing it is choosing "no folder of my own".
      if (patch.folder === null || (path.isAbsolute(patch.folder) && path.resolve(patch.folder) === path.resolve(defaultFolder))) next.folder = null;
      else {
        const folder = await checkFolder(patch.folder);
        if (!folder.ok) return folder;
        next.folder = folder.value;
      }
    }
    if (patch.retention !== undefined) next.retention = { ...patch.retention };
    if (patch.schedule !== undefined) next.schedule = { ...patch.schedule };
    const parsed = backupSettingsSchema.safeParse(next);
    if (!parsed.success) return err('invalid-request');
    const saved = await save(parsed.data);
    return saved.ok ? ok(view()) : saved;
  }

  async function storePassword(password: string | null): Promise<Result<BackupSettingsView, FailureReason>> {
    if (protector === null) {
      passwordInMemory = password;
      return ok(view());
    }
    if (password === null) {
      try {
        await fs.unlink(passwordPath);
      } catch (error) {
        if (errorCode(error) !== 'ENOENT') return err(writeFailureOf(error));
      }
      passwordSet = false;
      return ok(view());
    }
    if (!protector.isAvailable()) return err('unavailable');
    let sealed: Buffer;
    try {
      sealed = protector.encrypt(password);
    } catch {
      return err('unavailable');
    }
    try {
      await fs.mkdir(dataFolder, { recursive: true });
      await writeFileAtomic(fs, passwordPath, sealed, { uuid: random.uuid(), kind: 'secret', sleep });
    } catch (error) {
      return err(writeFailureOf(error));
    }
    passwordSet = true;
    return ok(view());
  }

  /** A new password keeps the recovery key; null turns encryption off on purpose, dated, and forgets the recovery key. */
  async function setPassword(password: string | null): Promise<Result<BackupSettingsView, FailureReason>> {
    if (password === null) {
      const removed = await storePassword(null);
      if (!removed.ok) return removed;
      const saved = await saveProtection({ recovery: null, encryptionOffAt: now().toISOString(), sheetShownAt: null });
      return saved.ok ? ok(view()) : saved;
    }
    const stored = await storePassword(password);
    if (!stored.ok || protection.encryptionOffAt === null) return stored;
    const saved = await saveProtection({ ...protection, encryptionOffAt: null });
    return saved.ok ? ok(view()) : saved;
  }

  async function setUpEncryption(password: string): Promise<Result<BackupSetUpEncryptionResult, FailureReason>> {
    if (protector !== null && !protector.isAvailable()) return err('unavailable');
    // From automatic encryption the recovery key stays: the backups already written are wrapped for it, so one
    // sheet opens them all. Otherwise (again after turning off, or a new sheet asked for) a new key.
    const automatic = await automaticSecret();
    const secret = automatic ?? random.bytes(RECOVERY_SECRET_BYTES);
    const shownAt = now().toISOString();
    const recovery = automatic !== null && protection.recovery !== null ? protection.recovery : { ...recoveryPublicKeyOf(secret), createdAt: shownAt };
    // The recovery key first, so no backup is ever wrapped for a password without it; should the password then fail
    // to be stored, the record goes back to what it was: no backup may be wrapped for a key whose sheet was never shown.
    const previous = protection;
    const saved = await saveProtection({ recovery, encryptionOffAt: null, sheetShownAt: shownAt });
    if (!saved.ok) return saved;
    const stored = await storePassword(password);
    if (!stored.ok) {
      const restored = await saveProtection(previous);
      if (!restored.ok) {
        // Neither could be written: keep the record in memory as it was, and say so.
        protection = previous;
        log('[backup] the recovery key record could not be put back after a failed set-up');
      }
      return stored;
    }
    return ok({ settings: stored.value, recoveryKey: formatRecoveryKey(secret) });
  }

  async function showRecoverySheet(): Promise<Result<BackupSetUpEncryptionResult, FailureReason>> {
    const secret = await automaticSecret();
    if (secret === null) return err('unavailable');
    const saved = await saveProtection({ ...protection, sheetShownAt: now().toISOString() });
    if (!saved.ok) return saved;
    return ok({ settings: view(), recoveryKey: formatRecoveryKey(secret) });
  }

  async function password(): Promise<Result<string | null, FailureReason>> {
    if (protector === null) return ok(passwordInMemory);
    if (!passwordSet) return ok(null);
    const sealed = await readSmallFile(passwordPath, MAX_SEALED_BYTES);
    // Set but unreadable (the OS key changed, the file was damaged): never fall back to an unencrypted backup.
    if (sealed === null || !protector.isAvailable()) return err('backup-password-unreadable');
    try {
      return ok(protector.decrypt(sealed));
    } catch {
      return err('backup-password-unreadable');
    }
  }

  async function writeKeys(): Promise<Result<BackupWriteKeys | null, FailureReason>> {
    const secret = await password();
    if (!secret.ok) return secret;
    const recovery = protection.recovery ? { publicKey: protection.recovery.publicKey, keyId: protection.recovery.keyId } : null;
    if (secret.value !== null) return ok({ password: secret.value, recovery });
    if (protection.encryptionOffAt !== null || recovery === null) return ok(null);
    return ok({ password: null, recovery });
  }

  return {
    load,
    settings: () => copy(current),
    location,
    view,
    configure,
    setPassword,
    setUpEncryption,
    showRecoverySheet,
    heldRecoveryKey,
    password,
    writeKeys,
    isSystemFolder: isSystemPath,
  };
}
