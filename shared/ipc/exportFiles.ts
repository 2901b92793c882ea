// The export-file channels: the page builds a CSV or XLSX file (in a worker), or a report chart's PNG, and main writes it to disk,
// begin (main asks where, on desktop) → append pieces in order → commit (renamed into place) or abort.
// The page says "saved" only once commit answered.
import { z } from 'zod';
import { CANONICAL_BASE64 } from '../backup/base64';
import { MAX_CHUNK_BYTES } from '../backup/format';
import type { DesktopApi } from './contract';
import { err, type Result } from '../result';

/** An export is at most this large (1,000,000 purchases as XLSX stay far below). */
export const MAX_EXPORT_FILE_BYTES = 1024 * 1024 * 1024;

/** png: a report chart's picture. */
export const EXPORT_FILE_EXTENSIONS = ['csv', 'xlsx', 'json', 'png'] as const;
export type ExportFileExtension = (typeof EXPORT_FILE_EXTENSIONS)[number];

/** Codes the renderer translates (errors.<code>). */
export const EXPORT_FILE_FAILURES = ['export-disk-full', 'export-no-permission', 'export-write-failed', 'export-session-expired', 'export-too-large'] as const;
export type ExportFileFailure = (typeof EXPORT_FILE_FAILURES)[number];

// Characters Windows and macOS refuse in a file name, control characters, and names that are only dots.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_NAME = /[\\/:*?"<>|\u0000-\u001f]/;

/** A plain file name (no folder) ending in one of the export extensions. */
export const exportFileNameSchema = z
  .string()
  .min(5)
  .max(120)
  .refine((name) => !FORBIDDEN_NAME.test(name) && !/^\.+/.test(name) && name.trim() === name, 'not a plain file name')
  .refine((name) => EXPORT_FILE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(`.${ext}`)), 'not an export file name');

/** `everything`: every customer, purchase or contact of the store, which only the owner may take out (main checks). */
export const exportBeginRequestSchema = z.object({ fileName: exportFileNameSchema, everything: z.boolean() }).strict();
export type ExportBeginRequest = z.infer<typeof exportBeginRequestSchema>;
/** null: the clerk closed the save dialog without choosing a place. */
export const exportBeginResponseSchema = z.object({ sessionId: z.uuid(), fileName: z.string() }).strict().nullable();

const MAX_CHUNK_BASE64 = Math.ceil(MAX_CHUNK_BYTES / 3) * 4;
export const exportAppendRequestSchema = z
  .object({
    sessionId: z.uuid(),
    /** Where this piece starts in the file: a lost or repeated piece is refused, not written. */
    offset: z.int().min(0).max(MAX_EXPORT_FILE_BYTES),
    data: z.string().min(4).max(MAX_CHUNK_BASE64).regex(CANONICAL_BASE64),
  })
  .strict();
export const exportAppendResponseSchema = z.object({ receivedBytes: z.int().min(0) }).strict();
export const exportSessionRequestSchema = z.object({ sessionId: z.uuid() }).strict();

/** Where the file now is, as the OS spells it, and its size as written and read back. */
export const exportCommitResponseSchema = z.object({ fileName: z.string(), path: z.string(), bytes: z.int().min(0) }).strict();
export type ExportCommitResult = z.infer<typeof exportCommitResponseSchema>;

type ExportApi = DesktopApi['exportFile'];

/**
 * Writes `bytes` as one file: begin (null when the clerk cancelled the save dialog), the pieces one at a
 * time, commit. Any failure aborts, so no half-written file is left.
 */
export async function saveExportFile(
  api: ExportApi,
  begun: { sessionId: string },
  bytes: Uint8Array,
  onProgress?: (sent: number, total: number) => void,
): Promise<Result<ExportCommitResult>> {
  for (let at = 0; at < bytes.length; at += MAX_CHUNK_BYTES) {
    const piece = bytes.subarray(at, Math.min(bytes.length, at + MAX_CHUNK_BYTES));
    const appended = await api.append(begun.sessionId, at, piece);
    if (!appended.ok) {
      await api.abort(begun.sessionId);
      return err(appended.reason);
    }
    onProgress?.(at + piece.length, bytes.length);
  }
  const committed = await api.commit(begun.sessionId);
  if (!committed.ok) await api.abort(begun.sessionId);
  return committed;
}
