// Amounts shown in the store's currency (a setting) and the language on screen.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, type Currency } from '../../shared/domain/money';
import { useSettings } from '../db/hooks';
import { currentLocale } from '../i18n';

export interface MoneyFormat {
  currency: Currency;
  /** Minor units as text, e.g. 35600 → "¥356.00". */
  format: (minor: number) => string;
}

export function useMoney(): MoneyFormat {
  // useTranslation re-renders the caller when the language changes.
  const { i18n } = useTranslation();
  const currency = useSettings()?.currency ?? 'CNY';
  const locale = i18n.language === 'zh-CN' || i18n.language === 'zh-TW' || i18n.language === 'en' ? i18n.language : currentLocale();
  return useMemo(() => ({ currency, format: (minor: number) => formatMoney(minor, currency, locale) }), [currency, locale]);
}
