// i18n: the three languages, the remembered choice, and date formatting in the chosen language.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { format, parseISO } from 'date-fns';
import { enUS, zhCN, zhTW } from 'date-fns/locale';
import type { AppLocale } from '../../shared/ipc/contract';
import { pickLocale } from '../../shared/domain/locale';
import en from './locales/en.json';
import zhCNMessages from './locales/zh-CN.json';
import zhTWMessages from './locales/zh-TW.json';
import { formatCount, formatPlaceholder } from './numbers';

const LANGUAGE_KEY = 'regulars.language';

export const resources = {
  'zh-CN': { translation: zhCNMessages },
  'zh-TW': { translation: zhTWMessages },
  en: { translation: en },
} as const;

/** Counts in strings go through formatCount (see numbers.ts); the app's strings use no named formats. */
export const countFormatter = {
  type: 'formatter' as const,
  init() {},
  add() {},
  addCached() {},
  format: (value: unknown, _format: string | undefined, lng: string | undefined, options?: { interpolationkey?: string }) =>
    formatPlaceholder(value, lng, options?.interpolationkey),
};

/** The options every i18next instance of the app's strings uses (the app's, and tests'). */
export const I18N_OPTIONS = {
  resources,
  fallbackLng: false as const,
  interpolation: { escapeValue: false, alwaysFormat: true },
  returnNull: false,
};

export async function initI18n(systemLocale: string): Promise<AppLocale> {
  const language = pickLocale(localStorage.getItem(LANGUAGE_KEY), systemLocale);
  await i18n.use(initReactI18next).use(countFormatter).init({ ...I18N_OPTIONS, lng: language });
  document.documentElement.lang = language;
  return language;
}

export async function changeLanguage(language: AppLocale): Promise<void> {
  localStorage.setItem(LANGUAGE_KEY, language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

const DATE_LOCALES = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS } as const;

export function currentLocale(): AppLocale {
  const lng = i18n.language;
  return lng === 'zh-CN' || lng === 'zh-TW' || lng === 'en' ? lng : 'en';
}

/** A stored ISO time shown as a date and time in the current language. */
export function formatDateTime(iso: string): string {
  return format(parseISO(iso), 'PPp', { locale: DATE_LOCALES[currentLocale()] });
}

export function formatDate(iso: string): string {
  return format(parseISO(iso), 'yyyy-MM-dd');
}

export function formatLongDate(date: Date): string {
  return format(date, 'PP', { locale: DATE_LOCALES[currentLocale()] });
}

/** A day of the year without a year (a birthday whose year is not known), in the current language. */
export function formatMonthDay(month: number, day: number): string {
  // Year 2000 is a leap year, so 29 February exists.
  return format(new Date(2000, month - 1, day), i18n.t('birthday.monthDayPattern'), { locale: DATE_LOCALES[currentLocale()] });
}

/** A count in the current language's digits: the same as counts inside the app's strings. */
export function countText(value: number): string {
  return formatCount(value, currentLocale());
}

export { i18n };
