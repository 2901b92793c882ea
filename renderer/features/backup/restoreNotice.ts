// What a restore did, kept across the reload that follows it, so the app can say what was restored and
// offer the safety backup to undo it.
import { z } from 'zod';

const NOTICE_KEY = 'regulars.restoreNotice';

const noticeSchema = z.object({
  restoredAt: z.string(),
  backup: z.object({ createdAt: z.string(), fileName: z.string(), trigger: z.string(), counts: z.record(z.string(), z.number()) }),
  /** The backup's database version when it was older than the app's (it was upgraded); null otherwise. */
  upgradedFrom: z.number().nullable(),
  /** The safety backup of the data the restore replaced; null when there was none (start-up recovery). */
  safety: z.object({ fileName: z.string(), createdAt: z.string() }).nullable(),
  /** Erased customers the backup still held, erased again before the store showed (a notice from before: none). */
  erasedAgain: z.number().int().nonnegative().default(0),
});
export type RestoreNotice = z.infer<typeof noticeSchema>;

export function saveRestoreNotice(notice: RestoreNotice): void {
  try {
    localStorage.setItem(NOTICE_KEY, JSON.stringify(notice));
  } catch {
    // Only the message after the reload is lost; the restore itself is done.
  }
}

function readRestoreNotice(): RestoreNotice | null {
  try {
    const parsed = noticeSchema.safeParse(JSON.parse(localStorage.getItem(NOTICE_KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

let taken: { notice: RestoreNotice | null } | null = null;

/**
 * The notice of the restore that led to this start, once per start: it is shown in this session and then
 * forgotten (the safety backup stays in the list for as long as retention keeps it).
 */
export function takeRestoreNotice(): RestoreNotice | null {
  if (!taken) {
    taken = { notice: readRestoreNotice() };
    localStorage.removeItem(NOTICE_KEY);
  }
  return taken.notice;
}
