// The verification record beside each backup ("<file>.verified"): when the file was last read back and
// fully checked, and the SHA-256 of exactly the bytes that were checked.
import path from 'node:path';
import { z } from 'zod';
import { sha256HexSchema, utcTimeSchema } from '../../../shared/backup/format';
import { readAt, writeFileAtomic } from './files';
import type { BackupFs } from './os';

export const VERIFICATION_SUFFIX = '.verified';
const MAX_RECORD_BYTES = 4096;

const recordSchema = z
  .object({
    format: z.literal('regulars-backup-verification'),
    version: z.literal(1),
    backupId: z.uuid(),
    fileBytes: z.int().min(0),
    fileSha256: sha256HexSchema,
    verifiedAt: utcTimeSchema,
  })
  .strict();
export type VerificationRecord = z.infer<typeof recordSchema>;

export function verificationRecordName(backupFileName: string): string {
  return `${backupFileName}${VERIFICATION_SUFFIX}`;
}

export function newVerificationRecord(fields: Omit<VerificationRecord, 'format' | 'version'>): VerificationRecord {
  return { format: 'regulars-backup-verification', version: 1, ...fields };
}

export async function writeVerificationRecord(
  fs: BackupFs,
  folder: string,
  backupFileName: string,
  record: VerificationRecord,
  options: { uuid: string; sleep: (ms: number) => Promise<void> },
): Promise<void> {
  const bytes = Buffer.from(`${JSON.stringify(record, null, 2)}\n`, 'utf8');
  await writeFileAtomic(fs, path.join(folder, verificationRecordName(backupFileName)), bytes, { uuid: options.uuid, kind: 'verified', sleep: options.sleep });
}

/** The record, when there is one that parses; a missing or damaged record just means "not verified". */
export async function readVerificationRecord(fs: BackupFs, folder: string, backupFileName: string): Promise<VerificationRecord | null> {
  try {
    const handle = await fs.open(path.join(folder, verificationRecordName(backupFileName)), 'r');
    try {
      const bytes = await readAt(handle, 0, MAX_RECORD_BYTES + 1);
      if (bytes.length > MAX_RECORD_BYTES) return null;
      const parsed = recordSchema.safeParse(JSON.parse(bytes.toString('utf8')));
      return parsed.success ? parsed.data : null;
    } finally {
      await handle.close().catch(() => undefined);
    }
  } catch {
    return null;
  }
}
