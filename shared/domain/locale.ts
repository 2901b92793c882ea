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
