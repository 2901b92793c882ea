// The backup channels' request and response shapes; contract.ts puts them on channel names.
import { z } from 'zod';
import { retentionSettingsSchema } from '../domain/backupRetention';
import { scheduleSettingsSchema } from '../domain/backupSchedule';
import { CANONICAL_BASE64 } from './base64';
import { MAX_RECOVERY_KEY_TEXT } from './recoveryKey';
import {
  BACKUP_REFUSALS,
  BACKUP_TRIGGERS,
  MAX_CHUNK_BYTES,
  MAX_PAYLOAD_BYTES,
  appVersionSchema,
  backupFileNameSchema,
  payloadFormatSchema,
  recoveryKeyIdSchema,
  schemaVersionSchema,
  tableCountsSchema,
  utcTimeSchema,
} from './format';

/** Longest base64 text of one chunk. */
export const MAX_CHUNK_BASE64 = Math.ceil(MAX_CHUNK_BYTES / 3) * 4;
const chunkDataSchema = z.string().min(4).max(MAX_CHUNK_BASE64).regex(CANONICAL_BASE64);
const readDataSchema = z.string().max(MAX_CHUNK_BASE64).regex(CANONICAL_BASE64);

/** A folder or file path as the OS spells it; main checks it is absolute for its platform. */
export const osPathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((text) => !text.includes('\u0000'), 'NUL in a path');

/** A backup password. Main stores it (protected by the OS) and asks for it only to read a backup. */
export const backupPasswordSchema = z.string().min(1).max(1024);

/** What the owner typed from the recovery sheet; parsed (check included) by main. */
export const recoveryKeyTextSchema = z.string().min(1).max(MAX_RECOVERY_KEY_TEXT);

export const backupBeginRequestSchema = z
  .object({
    /** The database (Dexie) version the payload is exported from. */
    schemaVersion: schemaVersionSchema,
    /** Records per table in the export, for the list and the restore preview. */
    counts: tableCountsSchema,
    /** What the payload is, e.g. "dexie-export/1"; handed back unchanged on restore. */
    payloadFormat: payloadFormatSchema,
    trigger: z.enum(BACKUP_TRIGGERS),
  })
  .strict();
export type BackupBeginRequest = z.infer<typeof backupBeginRequestSchema>;

export const backupBeginResponseSchema = z.object({
  sessionId: z.uuid(),
  /** True when a backup password is set: the file will be encrypted with it. */
  encrypted: z.boolean(),
});

export const backupAppendRequestSchema = z
  .object({
    sessionId: z.uuid(),
    /** Where this piece starts in the payload: a lost or repeated piece is refused, not written. */
    offset: z.int().min(0).max(MAX_PAYLOAD_BYTES),
    /** Up to MAX_CHUNK_BYTES of payload, base64. */
    data: chunkDataSchema,
  })
  .strict();

export const backupAppendResponseSchema = z.object({ receivedBytes: z.int().min(0) });

export const backupSessionRequestSchema = z.object({ sessionId: z.uuid() }).strict();

/** Browser mode: a backup file picked in the browser, sent to main in pieces (see client.ts sendBackupFile). */
export const backupReceiveBeginRequestSchema = z
  .object({
    /** The picked file's name, shown in the preview; main keeps only a plain file name of it. */
    fileName: z.string().min(1).max(1024),
    sizeBytes: z.int().min(1).max(MAX_PAYLOAD_BYTES * 2),
  })
  .strict();
export const backupReceiveBeginResponseSchema = z.object({ receiveId: z.uuid() });
export const backupReceiveAppendRequestSchema = z
  .object({
    receiveId: z.uuid(),
    offset: z.int().min(0).max(MAX_PAYLOAD_BYTES * 2),
    data: chunkDataSchema,
  })
  .strict();
export const backupReceiveAppendResponseSchema = z.object({ receivedBytes: z.int().min(0) });
export const backupReceiveEndRequestSchema = z.object({ receiveId: z.uuid() }).strict();

/**
 * A file the owner chose in main's own dialog (or, in browser mode, sent from the browser's): the page holds
 * only this handle, main the path. So the page can never make main read a file the owner did not choose.
 */
export const chosenBackupFileSchema = z.object({
  handle: z.uuid(),
  /** The file's own name, for the preview. */
  fileName: z.string().min(1).max(1024),
});
export type ChosenBackupFile = z.infer<typeof chosenBackupFileSchema>;

/** The received copy, chosen like a file picked on the desktop. */
export const backupReceiveEndResponseSchema = chosenBackupFileSchema;

const backupSummaryShape = {
  id: z.uuid(),
  createdAt: utcTimeSchema,
  appVersion: appVersionSchema,
  schemaVersion: schemaVersionSchema,
  formatVersion: z.int().min(1),
  trigger: z.enum(BACKUP_TRIGGERS),
  counts: tableCountsSchema,
  payloadFormat: payloadFormatSchema,
  payloadBytes: z.int().min(0),
  encrypted: z.boolean(),
};

const fileFacts = {
  fileName: backupFileNameSchema,
  sizeBytes: z.int().min(0),
  modifiedAt: z.string(),
};

export const backupEntrySchema = z.object({
  status: z.literal('ok'),
  ...fileFacts,
  ...backupSummaryShape,
  /** Named by the app (regulars-<time>-<id>.rgbackup): retention manages it. Copied or renamed files are left alone. */
  own: z.boolean(),
  /** When the file was last read back and fully checked; null when never (or the record is missing). */
  verifiedAt: utcTimeSchema.nullable(),
});
export type BackupEntry = z.infer<typeof backupEntrySchema>;

export const unreadableBackupEntrySchema = z.object({
  status: z.literal('unreadable'),
  ...fileFacts,
  reason: z.enum(BACKUP_REFUSALS),
});
export type UnreadableBackupEntry = z.infer<typeof unreadableBackupEntrySchema>;

export const backupListEntrySchema = z.discriminatedUnion('status', [backupEntrySchema, unreadableBackupEntrySchema]);
export type BackupListEntry = z.infer<typeof backupListEntrySchema>;

export const backupListingSchema = z.object({
  folder: z.string(),
  /** Free space where the backups go, when the OS says; null otherwise. */
  freeBytes: z.int().min(0).nullable(),
  /** Newest first. */
  entries: z.array(backupListEntrySchema),
});
export type BackupListing = z.infer<typeof backupListingSchema>;

export const backupCommitResponseSchema = z.object({
  backup: backupEntrySchema,
  /** File names retention removed after this backup was verified. */
  removed: z.array(backupFileNameSchema),
});
export type BackupCommitResult = z.infer<typeof backupCommitResponseSchema>;

/** A backup in the backup folder (as listed), or a file the owner chose in main's dialog (by its handle, never a path). */
export const backupSourceSchema = z.union([z.object({ fileName: backupFileNameSchema }).strict(), z.object({ handle: z.uuid() }).strict()]);
export type BackupSource = z.infer<typeof backupSourceSchema>;

export const backupInspectRequestSchema = z
  .object({
    source: backupSourceSchema,
    /** The renderer's current database version: a backup from a newer one is refused. */
    appSchemaVersion: schemaVersionSchema,
    password: backupPasswordSchema.optional(),
    /** Instead of the password: the recovery key from the printed sheet. */
    recoveryKey: recoveryKeyTextSchema.optional(),
  })
  .strict();
export type BackupInspectRequest = z.infer<typeof backupInspectRequestSchema>;

export const backupPreviewSchema = z.object({
  ...backupSummaryShape,
  /** The file's own name (any name, for a picked file). */
  fileName: z.string(),
  sizeBytes: z.int().min(0),
});
export type BackupPreview = z.infer<typeof backupPreviewSchema>;

export const backupOpenResponseSchema = z.object({ readId: z.uuid(), preview: backupPreviewSchema });

export const backupReadRequestSchema = z.object({ readId: z.uuid() }).strict();

export const backupReadResponseSchema = z.object({
  /** Where `data` starts in the payload. */
  offset: z.int().min(0),
  data: readDataSchema,
  /**
   * True once the whole payload has been handed over and its length and SHA-256 (and the GCM tag) checked
   * on this read too. Until then what was received is unverified: import it into a staging database only.
   */
  done: z.boolean(),
});

export const backupSettingsSchema = z
  .object({
    /** null: the default folder inside the app's data folder. */
    folder: osPathSchema.nullable(),
    retention: retentionSettingsSchema,
    schedule: scheduleSettingsSchema,
  })
  .strict();
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

/**
 * Whether new backups are encrypted: 'automatic' from the start, for a recovery key this PC holds (its sheet
 * printable by the owner); 'on' with the owner's password and the recovery key; 'off' when the owner turned
 * encryption off on purpose (`offAt`); 'not-set-up' only where this PC cannot keep a key (no OS protected storage).
 */
export const BACKUP_ENCRYPTION_STATES = ['automatic', 'on', 'off', 'not-set-up'] as const;
export type BackupEncryptionState = (typeof BACKUP_ENCRYPTION_STATES)[number];

export const backupEncryptionViewSchema = z.object({
  state: z.enum(BACKUP_ENCRYPTION_STATES),
  /** The recovery key new backups are wrapped for (its id, as the sheet prints it); null when there is none. */
  recoveryKey: z.object({ id: recoveryKeyIdSchema, createdAt: utcTimeSchema }).nullable(),
  /** When the owner turned encryption off; null unless the state is 'off'. */
  offAt: utcTimeSchema.nullable(),
  /** When the owner was last shown the recovery sheet; null when never (automatic: only this PC opens the backups). */
  sheetShownAt: utcTimeSchema.nullable(),
});
export type BackupEncryptionView = z.infer<typeof backupEncryptionViewSchema>;

export const backupSettingsViewSchema = z.object({
  ...backupSettingsSchema.shape,
  encryption: backupEncryptionViewSchema,
  /** Where backups go now: the chosen folder or the default one. */
  effectiveFolder: z.string(),
  defaultFolder: z.string(),
  passwordSet: z.boolean(),
  /** Whether this PC can keep a backup password (the OS's protected storage). */
  passwordStorageAvailable: z.boolean(),
});
export type BackupSettingsView = z.infer<typeof backupSettingsViewSchema>;

export const backupConfigureRequestSchema = backupSettingsSchema.partial().strict();
export type BackupConfigureRequest = z.infer<typeof backupConfigureRequestSchema>;

/** A string sets or changes the password (the recovery key stays); null turns encryption off, dated. */
export const backupPasswordRequestSchema = z.object({ password: backupPasswordSchema.nullable() }).strict();

/** Encryption set up (first time, again after turning it off, or for a new recovery sheet): a password and a new recovery key. */
export const backupSetUpEncryptionRequestSchema = z.object({ password: backupPasswordSchema }).strict();
export const backupSetUpEncryptionResponseSchema = z.object({
  settings: backupSettingsViewSchema,
  /** Shown once, for the printed sheet; main keeps only its public half. */
  recoveryKey: z.string().regex(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/),
});
export type BackupSetUpEncryptionResult = z.infer<typeof backupSetUpEncryptionResponseSchema>;


export const backupChosenFolderSchema = z.object({ folder: z.string() }).nullable();
export const backupChosenFileSchema = chosenBackupFileSchema.nullable();
