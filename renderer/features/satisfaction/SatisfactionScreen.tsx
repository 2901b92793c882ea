// The satisfaction figures (container): the period chosen, the figures read live from the answers, tiers and dates
// in the user's words. SatisfactionView draws.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyPeriodMonths } from '../../../shared/domain/surveyScores';
import { useSurveyFigures } from '../../db/surveyFiguresHooks';
import { currentLocale, formatLongDate } from '../../i18n';
import { useClock } from '../../platform/clock';
import { groupName } from '../status/statusText';
import { useStatusWording } from '../status/useStatusWording';
import { SatisfactionView } from './SatisfactionView';

const monthFormats = new Map<string, Intl.DateTimeFormat>();

function monthFormat(locale: string): Intl.DateTimeFormat {
  let f = monthFormats.get(locale);
  if (!f) monthFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short' })));
  return f;
}

export function SatisfactionScreen() {
  const { t } = useTranslation();
  const clock = useClock();
  const wording = useStatusWording();
  const [months, setMonths] = useState<SurveyPeriodMonths>(6);
  const figures = useSurveyFigures(months, clock);
  const locale = currentLocale();
  // Kept while the language stays: the chart is drawn again only when its figures or words change.
  const monthLabel = useCallback((month: string) => monthFormat(locale).format(new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1)), [locale]);
  return (
    <SatisfactionView
      months={months}
      onMonthsChange={setMonths}
      figures={figures}
      monthLabel={monthLabel}
      dayLabel={(iso) => formatLongDate(new Date(iso))}
      tierName={(tierId) => (tierId === null ? t('satisfaction.noTier') : groupName(wording, tierId))}
    />
  );
}
