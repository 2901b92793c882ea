// The status wording for the language on screen, the store's currency and the rules in force.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_STATUS_SETTINGS } from '../../../shared/domain/customerStatus';
import { useSettings } from '../../db/hooks';
import { currentLocale } from '../../i18n';
import { useStableValue } from '../../ui/stableRecords';
import { statusMoney, type StatusLocale, type StatusWording } from './statusText';

export function useStatusWording(): StatusWording {
  // useTranslation re-renders the caller when the language changes.
  const { t, i18n } = useTranslation();
  const settings = useSettings();
  const locale: StatusLocale = i18n.language === 'zh-CN' || i18n.language === 'zh-TW' || i18n.language === 'en' ? i18n.language : currentLocale();
  const currency = settings?.currency ?? 'CNY';
  // The app renders nothing before the settings are read; the defaults only cover that first moment.
  // Kept while equal: the settings are read again on every write to them, and a new wording redraws every row of the list.
  const status = useStableValue(settings?.status ?? DEFAULT_STATUS_SETTINGS);
  return useMemo(() => ({ t, locale, money: statusMoney(currency, locale), status }), [t, locale, currency, status]);
}
