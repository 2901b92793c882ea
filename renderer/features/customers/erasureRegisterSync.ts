// Main's copy of the erasure register brought up to the store's (main adds to it for the owner only).
import { entriesMissingFrom, type ErasureEntry } from '../../../shared/domain/erasure';
import type { DesktopApi } from '../../../shared/ipc/contract';
import { isSendableErasure, MAX_ERASURES_PER_RECORD } from '../../../shared/ipc/erasures';
import { ok, type Result } from '../../../shared/result';

/** Sends main every entry of `register` its copy lacks; answers how many went. */
export async function syncErasureRegister(api: DesktopApi['erasures'], register: () => Promise<ErasureEntry[]>): Promise<Result<{ sent: number }>> {
  const known = await api.list();
  if (!known.ok) return known;
  const missing = entriesMissingFrom((await register()).filter(isSendableErasure), known.value.entries);
  for (let start = 0; start < missing.length; start += MAX_ERASURES_PER_RECORD) {
    const recorded = await api.record(missing.slice(start, start + MAX_ERASURES_PER_RECORD));
    if (!recorded.ok) return recorded;
  }
  return ok({ sent: missing.length });
}
