// The customer list: one search box (in the top bar), filters by tag, tier, stage, risk and points, and a
// virtualized, sortable table.
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { CHURN_LEVELS } from '../../../shared/domain/churn';
import { assertNever } from '../../../shared/result';
import { LIFECYCLE_STAGES } from '../../../shared/domain/lifecycle';
import { statusGroups } from '../../../shared/domain/statusGroups';
import { RISK_ORDER } from '../../db/customerList';
import { useActiveCount, useAllTags, useCustomerList, useMatchingCount, useSettings, useWarmListOrder } from '../../db/hooks';
import { useUiStore } from '../../stores/ui';
import { navigate } from '../../ui/routes';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { churnLevelName, stageName } from '../status/statusText';
import { TierFilter } from '../status/TierFilter';
import { useStatusWording } from '../status/useStatusWording';
import { CustomerTable } from './CustomerTable';
import { answerTo, nextListStep, type ListAnswer } from './listAnswer';
import { useListFilters } from './useListFilters';
import { PointsListFilter } from './PointsListFilter';
import { SurveyBandFilter } from '../surveys/SurveyBandFilter';
import { useAfterFirstRows } from '../../ui/firstRows';

/** Rows the whole list pages while its count is not in yet (a screenful and more; the count follows the first rows). */
const ROWS_BEFORE_THE_COUNT = 100;

/**
 * Carries out what the search box asked (Enter, arrow down) once `answer` answers the text in the box now
 * ('whole': the box is empty and nothing filters, so the whole list is the answer).
 */
function useListAction(answer: ListAnswer | 'whole' | undefined, rows: RefObject<HTMLElement | null>) {
  const action = useUiStore((s) => s.listAction);
  const requestListAction = useUiStore((s) => s.requestListAction);
  useEffect(() => {
    if (action === null) return;
    const focusFirst = () => requestAnimationFrame(() => rows.current?.querySelector<HTMLElement>('[data-row-index="0"]')?.focus());
    if (answer === 'whole') {
      if (action === 'focusFirst') focusFirst();
      requestListAction(null);
      return;
    }
    const step = nextListStep(action, answer);
    switch (step.kind) {
      case 'wait':
        return;
      case 'open':
        navigate({ name: 'customer', id: step.id });
        break;
      case 'focusFirst':
        focusFirst();
        break;
      case 'done':
        break;
      default:
        assertNever(step, 'list step');
    }
    requestListAction(null);
  }, [action, answer, rows, requestListAction]);
  // An action left when the list closes is not carried out on a later visit.
  useEffect(() => () => useUiStore.getState().requestListAction(null), []);
}

export function CustomerListScreen() {
  const { t } = useTranslation();
  const sort = useUiStore((s) => s.sort);
  const direction = useUiStore((s) => s.direction);
  const setTag = useUiStore((s) => s.setTag);
  const setTierFilter = useUiStore((s) => s.setTierFilter);
  const setStageFilter = useUiStore((s) => s.setStageFilter);
  const setRiskFilter = useUiStore((s) => s.setRiskFilter);
  const setPointsFilter = useUiStore((s) => s.setPointsFilter);
  const setSurveyFilter = useUiStore((s) => s.setSurveyFilter);
  const clearListFilters = useUiStore((s) => s.clearListFilters);
  const toggleSort = useUiStore((s) => s.toggleSort);
  const wording = useStatusWording();
  const groups = useMemo(() => statusGroups(wording.status), [wording.status]);
  const { terms, tag, tierId, stage, churnLevel, pointsFilter, points, surveyBand, filtered, typed } = useListFilters(wording.status, true);
  // Asked: the deferred text, so typing stays quick. Wanted: the text in the box now; only its answer is acted on.
  const asked = useMemo(
    () => (filtered ? { sort, direction, tag, terms, tierId, stage, churnLevel, points, surveyBand } : null),
    [filtered, sort, direction, tag, terms, tierId, stage, churnLevel, points, surveyBand],
  );
  const wanted = useMemo(
    () => (typed.filtered ? { sort, direction, tag, terms: typed.terms, tierId, stage, churnLevel, points, surveyBand } : null),
    [typed, sort, direction, tag, tierId, stage, churnLevel, points, surveyBand],
  );
  const result = useCustomerList(asked);
  const current = wanted ? answerTo(wanted, result) : undefined;
  // Until the answer to the box's text is in, the rows on screen answer older text: dimmed, out of reach.
  const pending = wanted !== null && current === undefined;
  const shown = current ?? (asked ? result : undefined);
  const narrowed = !(wanted === null || (pending && !asked));
  /** A large filter's answer: the table pages its matches as it pages the whole list; the count comes apart. */
  const pageFilter = narrowed && shown?.paged ? shown.query : null;
  /** The narrowed list's ids on screen, or null when the table pages (the whole list, or a large filter). */
  const tableIds = !narrowed || pageFilter !== null ? null : (shown?.ids ?? []);
  // The counts wait for the first rows, which page the list meanwhile (IndexedDB answers one request after another).
  const afterFirstRows = useAfterFirstRows();
  const total = useActiveCount(afterFirstRows);
  const matching = useMatchingCount(pageFilter);
  const count = pageFilter !== null ? matching : tableIds === null ? total : shown?.ids.length;
  // A jump down the list cuts its page from the sort's kept order: read it once the first rows are in.
  useWarmListOrder(sort, afterFirstRows);
  const rowsRef = useRef<HTMLElement>(null);
  useListAction(wanted === null ? 'whole' : current, rowsRef);
  const tags = useAllTags();
  const settings = useSettings();
  const region = settings?.defaultRegion ?? 'CN';
  const currency = settings?.currency ?? 'CNY';

  return (
    <section className="list-screen" aria-labelledby="customers-heading" aria-busy={pending} ref={rowsRef}>
      <ScreenHeader
        headingId="customers-heading"
        title={t('nav.customers')}
        filters={
          <>
            <label className={tag === null ? 'inline-field' : 'inline-field filter-active'}>
              <span>{t('list.tagFilter')}</span>
              <select value={tag ?? ''} onChange={(e) => setTag(e.target.value || null)} data-testid="tag-filter">
                <option value="">{t('list.allTags')}</option>
                {tags.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            <TierFilter label={t('list.tierFilter')} allLabel={t('list.allTiers')} groups={groups} value={tierId} onChange={setTierFilter} wording={wording} testId="tier-filter" />
            <label className={stage === null ? 'inline-field' : 'inline-field filter-active'}>
              <span>{t('list.stageFilter')}</span>
              <select
                value={stage ?? ''}
                onChange={(e) => setStageFilter(LIFECYCLE_STAGES.find((s) => s === e.target.value) ?? null)}
                data-testid="stage-filter"
              >
                <option value="">{t('list.allStages')}</option>
                {LIFECYCLE_STAGES.map((s) => (
                  <option key={s} value={s}>
                    {stageName(t, s)}
                  </option>
                ))}
              </select>
            </label>
            <label className={churnLevel === null ? 'inline-field' : 'inline-field filter-active'}>
              <span>{t('list.riskFilter')}</span>
              <select
                value={churnLevel ?? ''}
                onChange={(e) => setRiskFilter(CHURN_LEVELS.find((l) => l === e.target.value) ?? null)}
                data-testid="risk-filter"
              >
                <option value="">{t('list.allRisks')}</option>
                {RISK_ORDER.map((level) => (
                  <option key={level} value={level}>
                    {churnLevelName(t, level)}
                  </option>
                ))}
              </select>
            </label>
            <PointsListFilter value={pointsFilter} onChange={setPointsFilter} />
            <SurveyBandFilter value={surveyBand} onChange={setSurveyFilter} />
          </>
        }
        count={
          <>
            <span className={pending ? 'muted stale' : 'muted'} data-testid="list-count" aria-live="polite">
              {count === undefined
                ? t('common.loading')
                : narrowed
                  ? t('list.countFiltered', { count, total: total ?? 0 })
                  : t('list.count', { count })}
            </span>
            {shown?.truncated && narrowed ? (
              <span className="hint" data-testid="list-truncated">
                {t('list.truncated', { count: count ?? 0 })}
              </span>
            ) : shown && narrowed && !shown.ranked ? (
              <span className="hint">{t('list.unranked')}</span>
            ) : null}
          </>
        }
      />
      <CustomerTable
        ids={tableIds}
        pageFilter={pageFilter}
        count={count ?? (pageFilter !== null ? (shown?.ids.length ?? 0) : narrowed ? 0 : ROWS_BEFORE_THE_COUNT)}
        pending={pending}
        sort={sort}
        direction={direction}
        onSort={toggleSort}
        region={region}
        currency={currency}
        wording={wording}
        filterTag={tag}
        empty={
          // Until the count is in, the table pages the first rows; "no customers" only once the count is known.
          count === undefined ? undefined : narrowed ? (
            <>
              <p>{t('list.noMatches')}</p>
              <button type="button" className="button" onClick={clearListFilters} data-testid="clear-filters">
                {t('list.clearFilters')}
              </button>
            </>
          ) : (
            <>
              <p>{t('list.empty')}</p>
              <button type="button" className="button button-primary" onClick={() => navigate({ name: 'customerNew' })}>
                + {t('customer.new')}
              </button>
            </>
          )
        }
      />
    </section>
  );
}
