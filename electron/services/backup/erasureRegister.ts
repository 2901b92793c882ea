// Main's copies of the erasure register, outside the store's database: one in the data folder and one beside the
// backups (a folder the owner may keep on a USB drive, so a new PC pointed at it knows who was erased). A restore
// erases again whoever the union of both names, even when the store that held the register is gone.
import path from 'node:path';
import { unionOfRegisters, type ErasureEntry } from '../../../shared/domain/erasure';
import type { FailureReason } from '../../../shared/ipc/contract';
import { erasureEntrySchema } from '../../../shared/ipc/erasures';
import { assertNever, err, ok, type Result } from '../../../shared/result';
import type { BackupLocation } from './backupStore';
import { errorCode, writeFailureOf } from './errors';
import { readAt, writeFileAtomic } from './files';
import type { BackupFs, BackupRandom } from './os';

/** The copy in main's data folder. */
export const ERASURE_REGISTER_FILE = 'erasure-register.json';
/** The copy beside the backups (a name no backup or temp file has). */
export const BACKUP_FOLDER_REGISTER_FILE = 'regulars-erasures.json';
export const REGISTER_FORMAT = 'regulars.erasure-register';
export const REGISTER_VERSION = 1;
/** ~100 bytes an entry: tens of thousands of erasures fit; a bigger file is not ours. */
export const MAX_REGISTER_BYTES = 8 * 1024 * 1024;

/**
 * One copy as read: 'missing' (no file, or its folder is not there), 'read' (its valid entries; `damaged` when
 * the file held anything else, so it is set aside before being replaced), or 'unreadable' (the disk refused, or a
 * newer version's file): left alone, never written over.
 */
type Copy = { state: 'missing' } | { state: 'read'; entries: ErasureEntry[]; damaged: boolean } | { state: 'unreadable'; code?: string };

const NOT_THERE = new Set(['ENOENT', 'ENOTDIR']);

export interface ErasureRegisterOptions {
  fs: BackupFs;
  random: BackupRandom;
  sleep: (ms: number) => Promise<void>;
  dataFolder: string;
  /** Where backups go now (the owner may change it). */
  backupFolder: () => BackupLocation;
  log: (line: string) => void;
}

export interface ErasureRegister {
  /** The union of both copies (a damaged one gives what of it is valid). */
  list(): Promise<ErasureEntry[]>;
  /** Adds `entries` to both copies; fails only when the data folder's copy could not take them. */
  record(entries: readonly ErasureEntry[]): Promise<Result<{ known: number }, FailureReason>>;
  /** Brings each copy up to the union (a new backup folder, a copy written before the other). Never fails. */
  sync(): Promise<void>;
}

function sameEntries(a: readonly ErasureEntry[], b: readonly ErasureEntry[]): boolean {
  const key = (entries: readonly ErasureEntry[]) => JSON.stringify(unionOfRegisters(entries));
  return key(a) === key(b);
}

/** A file's text as a register: its valid entries, and whether it held anything else. null: a newer version's. */
export function parseRegister(text: string): { entries: ErasureEntry[]; damaged: boolean } | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { entries: [], damaged: true };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { entries: [], damaged: true };
  const { format, version, entries } = data as { format?: unknown; version?: unknown; entries?: unknown };
  if (format !== REGISTER_FORMAT || !Array.isArray(entries)) return { entries: [], damaged: true };
  if (typeof version === 'number' && Number.isInteger(version) && version > REGISTER_VERSION) return null;
  const valid: ErasureEntry[] = [];
  for (const entry of entries) {
    const parsed = erasureEntrySchema.safeParse(entry);
    if (parsed.success) valid.push(parsed.data);
  }
  const damaged = version !== REGISTER_VERSION || valid.length !== entries.length || Object.keys(data).length !== 3;
  return { entries: unionOfRegisters(valid), damaged };
}

export function registerText(entries: readonly ErasureEntry[]): string {
  return `${JSON.stringify({ format: REGISTER_FORMAT, version: REGISTER_VERSION, entries: unionOfRegisters(entries) }, null, 2)}\n`;
}

export function createErasureRegister(options: ErasureRegisterOptions): ErasureRegister {
  const { fs, random, sleep, dataFolder, log } = options;
  const mainCopy = path.join(dataFolder, ERASURE_REGISTER_FILE);
  const folderCopy = () => path.join(options.backupFolder().folder, BACKUP_FOLDER_REGISTER_FILE);

  // One at a time: a write reads each copy just before replacing it, and nothing may come in between.
  let chain: Promise<unknown> = Promise.resolve();
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const run = chain.then(work);
    chain = run.catch(() => undefined);
    return run;
  }

  async function read(file: string): Promise<Copy> {
    let bytes: Buffer;
    try {
      const handle = await fs.open(file, 'r');
      try {
        bytes = await readAt(handle, 0, MAX_REGISTER_BYTES + 1);
      } finally {
        await handle.close().catch(() => undefined);
      }
    } catch (error) {
      const code = errorCode(error);
      if (code !== undefined && NOT_THERE.has(code)) return { state: 'missing' };
      log(`[erasures] ${path.basename(file)} could not be read (${code ?? 'error'}); it is left as it is`);
      return { state: 'unreadable', code };
    }
    if (bytes.length > MAX_REGISTER_BYTES) {
      log(`[erasures] ${path.basename(file)} is too large to be a register; it is ignored`);
      return { state: 'read', entries: [], damaged: true };
    }
    const parsed = parseRegister(bytes.toString('utf8'));
    if (parsed === null) {
      log(`[erasures] ${path.basename(file)} is of a newer version; it is left as it is`);
      return { state: 'unreadable' };
    }
    if (parsed.damaged) log(`[erasures] ${path.basename(file)} is damaged; only its valid entries (${parsed.entries.length}) are used`);
    return { state: 'read', ...parsed };
  }

  const entriesOf = (copy: Copy) => (copy.state === 'read' ? copy.entries : []);

  /** Replaces a copy with `union` where it lacks some of it; a damaged file is kept aside first, never lost. */
  async function write(file: string, copy: Copy, union: readonly ErasureEntry[], makeFolder: boolean): Promise<void> {
    switch (copy.state) {
      case 'unreadable':
        throw Object.assign(new Error('the copy could not be read, so it is not written over'), { code: copy.code });
      case 'read':
        if (!copy.damaged && sameEntries(copy.entries, union)) return;
        if (copy.damaged) {
          const { name, ext } = path.parse(file);
          const aside = path.join(path.dirname(file), `${name}.damaged-${random.uuid()}${ext}`);
          await fs.rename(file, aside);
          log(`[erasures] ${path.basename(file)} was damaged: kept as ${path.basename(aside)} and written anew`);
        }
        break;
      case 'missing':
        if (union.length === 0) return;
        break;
      default:
        return assertNever(copy, 'register copy');
    }
    if (makeFolder) await fs.mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(fs, file, Buffer.from(registerText(union), 'utf8'), { uuid: random.uuid(), kind: 'settings', sleep });
  }

  /** Both copies read, joined with `added`, and each brought up to the union. The data folder's outcome is returned. */
  async function update(added: readonly ErasureEntry[]): Promise<Result<{ known: number }, FailureReason>> {
    const location = options.backupFolder();
    const beside = folderCopy();
    const [own, backups] = [await read(mainCopy), await read(beside)];
    const union = unionOfRegisters(entriesOf(own), entriesOf(backups), added);
    let outcome: Result<{ known: number }, FailureReason> = ok({ known: union.length });
    try {
      await write(mainCopy, own, union, true);
    } catch (error) {
      log(`[erasures] ${ERASURE_REGISTER_FILE} could not be written (${errorCode(error) ?? 'error'})`);
      outcome = err(writeFailureOf(error));
    }
    try {
      // A folder of the owner's own (a USB drive) is not made when it is not there: it is written when it is back.
      await write(beside, backups, union, location.isDefault);
    } catch (error) {
      log(`[erasures] the backup folder's ${BACKUP_FOLDER_REGISTER_FILE} could not be written (${errorCode(error) ?? 'error'})`);
    }
    return outcome;
  }

  return {
    list: () => serial(async () => unionOfRegisters(entriesOf(await read(mainCopy)), entriesOf(await read(folderCopy())))),
    record: (entries) => serial(() => update(entries)),
    sync: () =>
      serial(async () => {
        await update([]);
      }),
  };
}
