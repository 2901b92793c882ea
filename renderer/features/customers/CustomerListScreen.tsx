// The customer list: one search box (in the top bar), filters by tag, tier, stage and risk, and a
// virtualized, sortable table.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CHURN_LEVELS } from '../../../shared/domain/churn';
import { LIFECYCLE_STAGES } from '../../../shared/domain/lifecycle';
import { statusGroups } from '../../../shared/domain/statusGroups';
import { RISK_ORDER } from '../../db/customers';
import { useActiveCount, useAllTags, useCustomerList, useSettings } from '../../db/hooks';
import { useUiStore } from '../../stores/ui';
import { navigate } from '../../ui/routes';
import { churnLevelName, stageName } from '../status/statusText';
import { TierFilter } from '../status/TierFilter';
import { useStatusWording } from '../status/useStatusWording';
import { CustomerTable } from './CustomerTable';
import { useListFilters } from './useListFilters';

export function CustomerListScreen() {
  const { t } = useTranslation();
  const sort = useUiStore((s) => s.sort);
  const direction = useUiStore((s) => s.direction);
  const setTag = useUiStore((s) => s.setTag);
  const setTierFilter = useUiStore((s) => s.setTierFilter);
  const setStageFilter = useUiStore((s) => s.setStageFilter);
  const setRiskFilter = useUiStore((s) => s.setRiskFilter);
  const clearListFilters = useUiStore((s) => s.clearListFilters);
  const toggleSort = useUiStore((s) => s.toggleSort);
  const wording = useStatusWording();
  const groups = useMemo(() => statusGroups(wording.status), [wording.status]);
  const { terms, tag, tierId, stage, churnLevel, filtered } = useListFilters(wording.status, true);
  const browsing = !filtered;
  const query = useMemo(
    () => (browsing ? null : { sort, direction, tag, terms, tierId, stage, churnLevel }),
    [browsing, sort, direction, tag, terms, tierId, stage, churnLevel],
  );
  const result = useCustomerList(query);
  const total = useActiveCount();
  const count = browsing ? total : result?.ids.length;
  const tags = useAllTags();
  const settings = useSettings();
  const region = settings?.defaultRegion ?? 'CN';
  const currency = settings?.currency ?? 'CNY';

  return (
    <section className="list-screen" aria-labelledby="customers-heading">
      <div className="screen-header">
        <h1 id="customers-heading">{t('nav.customers')}</h1>
        <div className="toolbar">
          <div className="list-filters">
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
          </div>
          <span className="muted" data-testid="list-count" aria-live="polite">
            {count === undefined
              ? t('common.loading')
              : filtered
                ? t('list.countFiltered', { count, total: total ?? 0 })
                : t('list.count', { count })}
          </span>
          {result?.truncated ? (
            <span className="hint" data-testid="list-truncated">
              {t('list.truncated', { count: count ?? 0 })}
            </span>
          ) : result && !result.ranked ? (
            <span className="hint">{t('list.unranked')}</span>
          ) : null}
        </div>
      </div>
      {count === 0 ? (
        <div className="empty-state">
          {filtered ? (
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
          )}
        </div>
      ) : (
        <CustomerTable
          ids={browsing ? null : (result?.ids ?? [])}
          count={count ?? 0}
          sort={sort}
          direction={direction}
          onSort={toggleSort}
          region={region}
          currency={currency}
          wording={wording}
        />
      )}
    </section>
  );
}
