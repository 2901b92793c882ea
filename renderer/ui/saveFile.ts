// Saving bytes as a file through main's export path, for any screen: main asks where (the OS save dialog on desktop;
// <dataFolder>/exports in the browser mode and the tests), the bytes are made only then, go in pieces, and the file
// is "saved" only once main's commit answered. And the file names every saved file shares.
import { format } from 'date-fns';
import type { DesktopApi } from '../../shared/ipc/contract';
import { saveExportFile } from '../../shared/ipc/exportFiles';

export type SaveFileOutcome =
  | { state: 'saved'; fileName: string; path: string }
  /** The clerk closed the save dialog. */
  | { state: 'cancelled' }
  /** `reason`: an IPC failure code (errors.<reason>), or 'build-failed' when the file could not be made. */
  | { state: 'failed'; reason: string };

export interface SaveFileOptions {
  /** Every customer, purchase, contact or points entry of the store: only the owner may take it out (main checks). */
  everything?: boolean;
  /** How much is sent: (0, total) once the bytes are made, then after each piece. */
  onSending?: (sent: number, total: number) => void;
}

/** Asks main where, makes the bytes (not when the clerk cancels), sends them; a failure aborts what was begun, so no half file is left. */
export async function saveFile(api: DesktopApi['exportFile'], fileName: string, make: () => Promise<Uint8Array>, options: SaveFileOptions = {}): Promise<SaveFileOutcome> {
  const begun = await api.begin(fileName, options.everything ?? false);
  if (!begun.ok) return { state: 'failed', reason: begun.reason };
  if (begun.value === null) return { state: 'cancelled' };
  let bytes: Uint8Array;
  try {
    bytes = await make();
  } catch (error) {
    console.error(error);
    await api.abort(begun.value.sessionId);
    return { state: 'failed', reason: 'build-failed' };
  }
  options.onSending?.(0, bytes.length);
  const saved = await saveExportFile(api, begun.value, bytes, options.onSending);
  return saved.ok ? { state: 'saved', fileName: saved.value.fileName, path: saved.value.path } : { state: 'failed', reason: saved.reason };
}

/** Characters Windows and macOS refuse in a file name, and control characters, become '_'. */
export function safeFileName(text: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = text.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/\s+/g, ' ').trim();
  return cleaned.slice(0, 80) || '_';
}

/** 熟客-营业额-2026-12-05.png / Regulars-customers-2026-11-23.xlsx: the app's name, what it holds, the clerk's day. */
export function datedFileName(appName: string, what: string, ext: string, now: Date): string {
  return `${safeFileName(`${appName}-${what}-${format(now, 'yyyy-MM-dd')}`)}.${ext}`;
}
