// Which of the app's languages to show: the clerk's saved choice, else the system language.
import { APP_LOCALES, type AppLocale } from '../ipc/contract';

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (APP_LOCALES as readonly string[]).includes(value);
}

/** Maps an OS locale tag to our languages: Traditional for TW/HK/MO and Hant, Simplified for other Chinese. */
export function localeFromSystem(systemLocale: string): AppLocale {
  const tag = systemLocale.trim().replace(/_/g, '-').toLowerCase();
  if (!tag.startsWith('zh')) return 'en';
  if (/(^|-)hant($|-)/.test(tag) || /-(tw|hk|mo)($|-)/.test(tag)) return 'zh-TW';
  return 'zh-CN';
}

export function pickLocale(saved: unknown, systemLocale: string): AppLocale {
  return isAppLocale(saved) ? saved : localeFromSystem(systemLocale);
}

/**
 * The language the page starts in when the clerk has not chosen one. In Electron the OS's, as main reports it;
 * in a browser (browser mode), the browser's own list of preferred languages, first Chinese or English one first:
 * the server's language says nothing about the person at the browser.
 */
export function startupLanguage(shell: 'desktop' | 'web' | null, systemLocale: string | null, browserLanguages: readonly string[]): string {
  if (shell === 'desktop' && systemLocale) return systemLocale;
  const preferred = browserLanguages.find((tag) => /^(zh|en)([-_]|$)/i.test(tag.trim()));
  return preferred ?? browserLanguages[0] ?? (systemLocale || 'en');
}
