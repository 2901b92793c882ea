// Opens links in the user's browser or mail program, only for URLs the policy allows.
import type { FailureReason } from '../../shared/ipc/contract';
import { err, ok, type Result } from '../../shared/result';
import { normalizeExternalUrl } from '../security/urls';

export interface LinkServiceDeps {
  /** Electron's shell.openExternal, or a stand-in in web mode and tests. Receives the canonical URL. */
  openExternal: (url: string) => Promise<void>;
}

export function createLinkService(deps: LinkServiceDeps): (url: string) => Promise<Result<null, FailureReason>> {
  return async (url) => {
    const allowed = normalizeExternalUrl(url);
    if (allowed === null) return err('url-not-allowed');
    try {
      await deps.openExternal(allowed);
      return ok(null);
    } catch (error) {
      // The URL is left out of the log on purpose: it may carry customer data.
      console.error('[link] the operating system refused to open a link:', error instanceof Error ? error.name : typeof error);
      return err('unavailable');
    }
  };
}
