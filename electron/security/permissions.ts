// Web permission policy: everything is denied, except writing plain text to the clipboard from the app
// itself (copying a phone number is an everyday clerk action; reading the clipboard stays denied).
import { APP_ORIGIN, isAppUrl } from './urls';

const GRANTED_TO_APP: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionGranted(permission: string, requestingUrl: unknown): boolean {
  return GRANTED_TO_APP.has(permission) && isAppUrl(requestingUrl, APP_ORIGIN);
}
