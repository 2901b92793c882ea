// The words around greetings in the language on screen: default templates, the values fields fill with, and what is wrong with a template.
import type { TFunction } from 'i18next';
import { addDays, parseISO } from 'date-fns';
import type { AppLocale } from '../../../shared/ipc/contract';
import type { Customer } from '../../../shared/domain/customer';
import {
  FIELD_NAMES,
  fieldsFor,
  formOfAddress,
  templateFor,
  templateInLocale,
  type GreetingOccasion,
  type GreetingSettings,
  type GreetingValues,
  type TemplateError,
} from '../../../shared/domain/greetings';
import type { DueReminder } from '../../../shared/domain/reminders';
import { assertNever } from '../../../shared/result';
import { formatLongDate } from '../../i18n';
import { formatCount } from '../../i18n/numbers';

export function occasionName(t: TFunction, occasion: GreetingOccasion): string {
  return t(`care.greetings.occasions.${occasion}`);
}

/** The language's default template for an occasion (its fields spelled in that language). */
export function defaultTemplate(t: TFunction, occasion: GreetingOccasion): string {
  return t(`care.greetings.defaults.${occasion}`);
}

/** The template in force, as the owner sees it in the editor: the stored one in this language's field words, else the default. */
export function shownTemplate(t: TFunction, settings: GreetingSettings, occasion: GreetingOccasion, locale: AppLocale): string {
  return templateInLocale(templateFor(settings, occasion, defaultTemplate(t, occasion)), locale);
}

/** A field as the owner types it in this language: {称呼}. */
export function fieldToken(field: keyof typeof FIELD_NAMES, locale: AppLocale): string {
  return `{${FIELD_NAMES[field][locale]}}`;
}

export function storeNameOrOurs(t: TFunction, settings: GreetingSettings): string {
  return settings.storeName || t('care.greetings.ourStore');
}

/** What is wrong with a template, in words. */
export function templateErrorText(t: TFunction, error: TemplateError, occasion: GreetingOccasion, locale: AppLocale): string {
  switch (error.code) {
    case 'empty':
    case 'unmatched-brace':
      return t(`care.greetings.errors.${error.code}`);
    case 'too-long':
      return t('care.greetings.errors.too-long', { max: error.max });
    case 'unknown-field':
      return t('care.greetings.errors.unknown-field', { field: error.field, fields: fieldsFor(occasion).map((f) => fieldToken(f, locale)).join(' ') });
    case 'field-not-for-occasion':
      return t('care.greetings.errors.field-not-for-occasion', { field: fieldToken(error.field, locale), occasion: occasionName(t, occasion) });
    default:
      return assertNever(error, 'template error');
  }
}

export interface GreetingContext {
  t: TFunction;
  locale: AppLocale;
  settings: GreetingSettings;
  /** The customer's tier or group in words. */
  tierName: string;
  reminder?: DueReminder;
  /** The festival's name in words, when the greeting is for one. */
  festivalName?: string;
}

/** The values a customer's greeting fills with. */
export function customerGreetingValues(customer: Customer, ctx: GreetingContext): GreetingValues {
  const { t, locale } = ctx;
  const detail = ctx.reminder?.detail;
  const expiring = detail?.kind === 'points' ? detail.expiringPoints : customer.pointsExpiringSoon;
  const expiryDay = detail?.kind === 'points' && ctx.reminder ? ctx.reminder.dueDay : customer.pointsExpiringAt;
  return {
    name: formOfAddress(customer, locale),
    tier: ctx.tierName,
    points: formatCount(detail?.kind === 'points' ? detail.balance : customer.pointsBalance, locale),
    expiringPoints: formatCount(expiring, locale),
    expiryDate: expiryDay ? formatLongDate(parseISO(expiryDay)) : '',
    festival: ctx.festivalName ?? t('care.greetings.festivalFallback'),
    store: storeNameOrOurs(t, ctx.settings),
  };
}

/** The values of the editor's preview: a sample customer of this language. */
export function sampleGreetingValues(t: TFunction, locale: AppLocale, settings: GreetingSettings, today: Date): GreetingValues & { sampleName: string } {
  const sampleName = t('care.greetings.sample.name');
  return {
    sampleName,
    name: formOfAddress({ name: sampleName, gender: 'female' }, locale),
    tier: t('care.greetings.sample.tier'),
    points: formatCount(1280, locale),
    expiringPoints: formatCount(200, locale),
    expiryDate: formatLongDate(addDays(today, 20)),
    festival: t('care.greetings.sample.festival'),
    store: storeNameOrOurs(t, settings),
  };
}
