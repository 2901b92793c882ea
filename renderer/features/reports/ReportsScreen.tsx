// The reports (container): the period chosen, the figures read for it, dates and amounts in the reader's words.
// ReportsView and the sections draw.
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDayOf } from '../../../shared/domain/customerFigures';
import { complaintsByMonth } from '../../../shared/domain/reports';
import { useComplaintsSince } from '../../db/complaintHooks';
import { useSurveyFigures } from '../../db/surveyFiguresHooks';
import { currentLocale, formatLongDate } from '../../i18n';
import { useClock } from '../../platform/clock';
import { useMoney } from '../../ui/useMoney';
import { reportFormat } from './reportFormat';
import { DEFAULT_REPORT_CHOICE, monthsOfWindow, reportWindow, type ReportChoice } from './reportPeriod';
import { ReportsView } from './ReportsView';
import { SatisfactionReport, type SatisfactionReportData } from './SatisfactionReport';

const monthFormats = new Map<string, Intl.DateTimeFormat>();

function monthFormat(locale: string): Intl.DateTimeFormat {
  let f = monthFormats.get(locale);
  if (!f) monthFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short' })));
  return f;
}

/** A 'yyyy-MM-dd' as the local midnight it names. */
const localDate = (day: string) => new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

export function ReportsScreen() {
  const { t } = useTranslation();
  const clock = useClock();
  const money = useMoney();
  const locale = currentLocale();
  const [choice, setChoice] = useState<ReportChoice>(DEFAULT_REPORT_CHOICE);
  // The day is read once per screen: a report left open over midnight keeps its window until the period changes.
  const [today] = useState(() => localDayOf(clock().toISOString()));
  const period = useMemo(() => reportWindow(choice, today), [choice, today]);
  const months = monthsOfWindow(period);
  const format = useMemo(() => reportFormat(t, locale, money.format), [t, locale, money.format]);
  const monthLabel = useCallback((month: string) => monthFormat(locale).format(localDate(`${month}-01`)), [locale]);

  const survey = useSurveyFigures(months, clock);
  const complaintsFrom = survey?.period.from ?? localDate(`${period.fromDay.slice(0, 7)}-01`).toISOString();
  const complaints = useComplaintsSince(complaintsFrom);
  const satisfaction = useMemo<SatisfactionReportData | undefined>(() => {
    if (!survey || !complaints) return undefined;
    const monthKeys = survey.months.map((m) => m.month);
    return { survey, complaints: complaints.figures, complaintMonths: complaintsByMonth(complaints.received, new Map(), monthKeys, clock(), localDayOf) };
  }, [survey, complaints, clock]);

  return (
    <ReportsView
      choice={choice}
      onChoiceChange={setChoice}
      range={{ from: formatLongDate(localDate(period.fromDay)), to: formatLongDate(localDate(period.toDay)) }}
      printedOn={formatLongDate(clock())}
      onPrint={() => window.print()}
    >
      <SatisfactionReport data={satisfaction} monthLabel={monthLabel} format={format} />
    </ReportsView>
  );
}
