// The care screens' words in the current language (t, dates without the year, counts).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dateOfDay } from '../../../shared/domain/reminderSources/days';
import { countText, currentLocale, formatLongDate, formatMonthDay } from '../../i18n';
import { useClock } from '../../platform/clock';
import type { CareWords } from './careText';

/** `thisYear`: a day of this year is said without its year (9月24日), another with it (2023年12月14日). */
export function careWords(t: CareWords['t'], thisYear: number): CareWords {
  return {
    t,
    locale: currentLocale(),
    day: (day) => (Number(day.slice(0, 4)) === thisYear ? formatMonthDay(Number(day.slice(5, 7)), Number(day.slice(8, 10))) : formatLongDate(dateOfDay(day))),
    count: countText,
  };
}

export function useCareWords(): CareWords {
  const { t, i18n } = useTranslation();
  const thisYear = useClock()().getFullYear();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the language is what the words depend on
  return useMemo(() => careWords(t as CareWords['t'], thisYear), [t, i18n.language, thisYear]);
}
