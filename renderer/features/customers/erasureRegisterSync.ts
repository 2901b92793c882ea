// Main's copy of the erasure register brought up to the store's (main adds to it for the owner only).
import { entriesMissingFrom, type ErasureEntry } from '../../../shared/domain/erasure';
import type { DesktopApi } from '../../../shared/ipc/contract';
import { isSendableErasure, MAX_ERASURES_PER_RECORD } from '../../../shared/ipc/erasures';
import { ok, type Result } from '../../../shared/result';

/**
 * Sends main `entries` (those it may take), every piece issued at once: main checks the owner session as each
 * request arrives, so pieces sent before a navigation ends the session are taken.
 */
export async function recordErasures(api: DesktopApi['erasures'], entries: readonly ErasureEntry[]): Promise<Result<{ sent: number }>> {
  const sendable = entries.filter(isSendableErasure);
  const pieces: ErasureEntry[][] = [];
  for (let start = 0; start < sendable.length; start += MAX_ERASURES_PER_RECORD) pieces.push(sendable.slice(start, start + MAX_ERASURES_PER_RECORD));
  const answers = await Promise.all(pieces.map((piece) => api.record(piece)));
  const refused = answers.find((answer) => !answer.ok);
  return refused && !refused.ok ? refused : ok({ sent: sendable.length });
}

/** Sends main every entry of `register` its copy lacks; answers how many went. */
export async function syncErasureRegister(api: DesktopApi['erasures'], register: () => Promise<ErasureEntry[]>): Promise<Result<{ sent: number }>> {
  const known = await api.list();
  if (!known.ok) return known;
  return recordErasures(api, entriesMissingFrom(await register(), known.value.entries));
}
