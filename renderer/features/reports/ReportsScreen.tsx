// The reports (container): the period chosen, the figures read for it (the reports worker; the satisfaction figures
// and complaints from their own reads), dates, amounts and names in the reader's words. The views draw.
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDayOf } from '../../../shared/domain/customerFigures';
import type { LifecycleStage } from '../../../shared/domain/lifecycle';
import { complaintsByPeriod, complaintsOfWindow, customersServedByPeriod, type ReportGrain, type ReportName, type ReportRequest } from '../../../shared/domain/reports';
import { RFM_SEGMENT_NAMES, type RfmSegment } from '../../../shared/domain/rfm';
import { useComplaintsSince } from '../../db/complaintHooks';
import { useSurveyFigures } from '../../db/surveyFiguresHooks';
import { currentLocale, formatLongDate } from '../../i18n';
import { useClock } from '../../platform/clock';
import { usePrintScope } from '../../ui/printScope';
import { useMoney } from '../../ui/useMoney';
import { groupName, stageName } from '../status/statusText';
import { useStatusWording } from '../status/useStatusWording';
import { CustomersReport } from './CustomersReport';
import { LoyaltyReport } from './LoyaltyReport';
import { reportFormat } from './reportFormat';
import { DEFAULT_REPORT_CHOICE, monthsOfWindow, periodLabel, reportWindow, type ReportChoice } from './reportPeriod';
import { useReport, type ReportState } from './useReport';
import { ReportsView } from './ReportsView';
import { SalesReport } from './SalesReport';
import { SatisfactionReport, type SatisfactionReportData } from './SatisfactionReport';
import { StatusReport } from './StatusReport';

const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, kind: 'month' | 'day'): Intl.DateTimeFormat {
  const key = `${locale}|${kind}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, kind === 'month' ? { year: 'numeric', month: 'short' } : { month: 'short', day: 'numeric' })));
  return f;
}

/** A 'yyyy-MM-dd' as the local midnight it names. */
const localDate = (day: string) => new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

const sameRequest = (a: ReportRequest, b: ReportRequest) => a.fromDay === b.fromDay && a.toDay === b.toDay && a.grain === b.grain && a.asOfDay === b.asOfDay;

// The last figures stay while the next are worked out; failed only when there are none to show.
const failed = <N extends ReportName>(s: ReportState<N>) => s.status === 'failed' && s.result === null;

export function ReportsScreen() {
  const { t } = useTranslation();
  const clock = useClock();
  const money = useMoney();
  const wording = useStatusWording();
  const locale = currentLocale();
  // Printing the page prints the reports alone, on A4 (reports.css).
  usePrintScope('reports');
  const [choice, setChoice] = useState<ReportChoice>(DEFAULT_REPORT_CHOICE);
  // The day is read once per screen: a report left open over midnight keeps its window until the period changes.
  const [today] = useState(() => localDayOf(clock().toISOString()));
  const period = useMemo(() => reportWindow(choice, today), [choice, today]);
  const request = useMemo<ReportRequest>(() => ({ ...period, grain: choice.grain, asOfDay: today }), [period, choice.grain, today]);
  const format = useMemo(() => reportFormat(t, locale, money.format), [t, locale, money.format]);
  const monthLabel = useCallback((month: string) => dateFormat(locale, 'month').format(localDate(`${month}-01`)), [locale]);
  const labelOfPeriod = useCallback(
    (key: string, grain: ReportGrain, partial: boolean) => {
      const words = { month: monthLabel, day: (day: string) => dateFormat(locale, 'day').format(localDate(day)), week: (day: string) => t('reports.week', { day }) };
      const label = periodLabel(key, grain, words);
      return partial ? t('reports.partial', { period: label }) : label;
    },
    [locale, monthLabel, t],
  );
  const tierName = useCallback((tierId: string) => groupName(wording, tierId), [wording]);
  const nameOfStage = useCallback((stage: LifecycleStage) => stageName(t, stage), [t]);
  const segmentName = useCallback((segment: RfmSegment) => RFM_SEGMENT_NAMES[segment][locale], [locale]);

  const sales = useReport('sales', request);
  const customers = useReport('customers', request);
  const churn = useReport('churn', request);
  const status = useReport('status', request);
  const loyalty = useReport('loyalty', request);

  const survey = useSurveyFigures(monthsOfWindow(period), clock);
  // From the first month's start: the window starts there or later (a week starts on a Monday inside it).
  const complaints = useComplaintsSince(localDate(`${period.fromDay.slice(0, 7)}-01`).toISOString());
  // The customers served come from the customers report of this very window and grain (customers with a visit in
  // each period and in the window): until it answers, the last figures stay; when it failed, the rate is not known.
  const customersNow = customers.result !== null && sameRequest(customers.result.request, request) ? customers.result : null;
  const servedKnown = customersNow !== null || customers.status === 'failed';
  const lastSatisfaction = useRef<SatisfactionReportData | undefined>(undefined);
  const satisfaction = useMemo<SatisfactionReportData | undefined>(() => {
    if (!survey || !complaints || !servedKnown) return lastSatisfaction.current;
    const now = clock();
    const served = customersNow && customersServedByPeriod(customersNow.newVsReturning);
    const value: SatisfactionReportData = {
      survey,
      grain: request.grain,
      complaintPeriods: complaintsByPeriod(complaints, served, request, now, localDayOf),
      complaints: complaintsOfWindow(complaints, customersNow ? customersNow.totals.current.active : null, request, now, localDayOf),
    };
    return (lastSatisfaction.current = value);
  }, [survey, complaints, servedKnown, customersNow, request, clock]);
  const satisfactionBusy = satisfaction !== undefined && (!servedKnown || customers.status === 'loading');

  const ready = <N extends ReportName>(s: ReportState<N>) => s.result ?? undefined;
  const busy = <N extends ReportName>(s: ReportState<N>) => s.status === 'loading' && s.result !== null;
  return (
    <ReportsView
      choice={choice}
      onChoiceChange={setChoice}
      range={{ from: formatLongDate(localDate(period.fromDay)), to: formatLongDate(localDate(period.toDay)) }}
      printedOn={formatLongDate(clock())}
      onPrint={() => window.print()}
    >
      <SalesReport data={ready(sales)} failed={failed(sales)} busy={busy(sales)} periodLabel={labelOfPeriod} format={format} />
      <CustomersReport customers={ready(customers)} churn={ready(churn)} failed={failed(customers) || failed(churn)} busy={busy(customers) || busy(churn)} periodLabel={labelOfPeriod} monthLabel={monthLabel} format={format} />
      <StatusReport data={ready(status)} failed={failed(status)} busy={busy(status)} tierName={tierName} stageName={nameOfStage} segmentName={segmentName} monthLabel={monthLabel} format={format} />
      <LoyaltyReport data={ready(loyalty)} failed={failed(loyalty)} busy={busy(loyalty)} monthLabel={monthLabel} format={format} />
      <SatisfactionReport data={satisfaction} busy={satisfactionBusy} periodLabel={labelOfPeriod} monthLabel={monthLabel} format={format} />
    </ReportsView>
  );
}
