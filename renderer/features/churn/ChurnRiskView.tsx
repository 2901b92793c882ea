// The churn-risk list (view): the count and total value at risk, the filters, and a virtualized table
// whose rows open the customer's page. Everything comes in as props.
import { useCallback, useMemo } from 'react';
import type { Customer, PhoneRegion } from '../../../shared/domain/customer';
import type { StatusGroup } from '../../../shared/domain/statusGroups';
import type { AtRiskList } from '../../db/customers';
import type { ChurnLevelFilter } from '../../stores/ui';
import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { SnoozeChoice } from '../../../shared/domain/reminders';
import { SnoozeSelect } from '../care/SnoozeSelect';
import { dateOfDay } from '../../../shared/domain/reminderSources/days';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { VirtualTable, type TableColumn, type VisibleRange } from '../../ui/VirtualTable';
import { customerCells } from '../customers/customerCells';
import { RiskBadge } from '../status/StatusBadges';
import { TierFilter } from '../status/TierFilter';
import { churnLevelName, churnReasonText, type StatusWording } from '../status/statusText';
import type { StoreChurnModel } from '../../../shared/domain/churnModel/storeModel';
import { ChurnModelNote } from './ChurnModelNote';
import './churn.css';

// Taller than the customer list's rows: the reason gets three lines (the model's chance comes third).
const ROW_HEIGHT = 68;
const LEVEL_FILTERS: readonly ChurnLevelFilter[] = ['both', 'high', 'watch'];

export interface ChurnRiskViewProps {
  /** undefined while loading. */
  list: AtRiskList | undefined;
  /** The records of the rows on screen, by id (undefined while they load). */
  rows: Map<string, Customer> | undefined;
  /** Which ids are on screen, so the container reads only those records. */
  onVisibleIdsChange: (ids: string[]) => void;
  groups: StatusGroup[];
  tierId: string | null;
  level: ChurnLevelFilter;
  onTierChange: (tierId: string | null) => void;
  onLevelChange: (level: ChurnLevelFilter) => void;
  onShowAll: () => void;
  onOpen: (customerId: string) => void;
  wording: StatusWording;
  /** Minor units in the store's currency, as amounts are shown elsewhere. */
  formatMoney: (minor: number) => string;
  region: PhoneRegion;
  /** yyyy-MM-dd: how long ago the last contact was. */
  today: string;
  /** What the last action said, or null. */
  status: string | null;
  /** Opens the contact log's form for the customer (logging it restarts their call-back cadence). */
  onContacted: (customer: Customer) => void;
  /** Takes the customer off this list until later. */
  onSnooze: (customer: Customer, choice: SnoozeChoice) => void;
  /** The store's churn model (bookkeeping), said above the list: fitted, or today's rule and why; undefined while loading. */
  model: StoreChurnModel | null | undefined;
}

export function ChurnRiskView(props: ChurnRiskViewProps) {
  const { list, rows, onVisibleIdsChange, groups, tierId, level, onTierChange, onLevelChange, onShowAll, onOpen, wording, formatMoney, region, today, status, onContacted, onSnooze, model } = props;
  const { t } = wording;
  const filtered = tierId !== null || level !== 'both';
  const ids = list?.ids;
  const onVisibleRangeChange = useCallback(({ first, last }: VisibleRange) => onVisibleIdsChange(ids?.slice(first, last + 1) ?? []), [ids, onVisibleIdsChange]);
  const columns = useMemo((): TableColumn<Customer>[] => {
    const cells = customerCells(region, wording);
    const reason = (c: Customer) => churnReasonText(wording, c.churnReason);
    return [
      { id: 'name', header: () => t('churn.columns.name'), cell: cells.name },
      { id: 'phone', header: () => t('churn.columns.phone'), cell: cells.phone },
      { id: 'tier', header: () => t('churn.columns.tier'), cell: cells.tier },
      { id: 'stage', header: () => t('churn.columns.stage'), cell: cells.stage },
      { id: 'level', header: () => t('churn.columns.level'), cell: (c) => <RiskBadge level={c.churnLevel} reason={reason(c)} /> },
      {
        id: 'value',
        header: () => t('churn.columns.value'),
        className: 'num',
        cell: (c) => formatMoney(c.valueAtRiskFen),
        cellAttributes: (c) => ({ 'data-testid': 'churn-value', 'data-value': c.valueAtRiskFen }),
      },
      { id: 'lastVisit', header: () => t('churn.columns.lastVisit'), cell: cells.lastPurchase },
      { id: 'reason', header: () => t('churn.columns.reason'), cell: reason, cellAttributes: (c) => ({ title: reason(c), 'data-testid': 'churn-reason' }) },
      {
        id: 'contact',
        header: () => t('churn.columns.contact'),
        cell: (c) => (
          <div className="churn-actions" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
            <span className="churn-last-contact" data-testid="churn-last-contact">
              {c.lastContactAt ? lastContactText(c.lastContactAt) : t('churn.noContact')}
            </span>
            <button type="button" className="button button-small" onClick={() => onContacted(c)} data-testid="churn-contacted">
              {t('churn.actions.contacted')}
            </button>
            <SnoozeSelect t={t} label={t('churn.actions.snooze')} className="churn-snooze" onChoose={(choice) => onSnooze(c, choice)} testId="churn-snooze" />
          </div>
        ),
      },
    ];
    function lastContactText(at: string): string {
      const days = differenceInCalendarDays(dateOfDay(today), parseISO(at));
      return days <= 0 ? t('churn.contactToday') : t('churn.contactDaysAgo', { count: days });
    }
  }, [t, wording, formatMoney, region, today, onContacted, onSnooze]);

  return (
    <section className="list-screen churn-screen" aria-labelledby="churn-heading">
      <ScreenHeader
        headingId="churn-heading"
        title={t('churn.title')}
        intro={t('churn.intro')}
        filters={
          <>
            <TierFilter label={t('churn.tierFilter')} allLabel={t('churn.allTiers')} groups={groups} value={tierId} onChange={onTierChange} wording={wording} testId="churn-tier-filter" />
            <div className="inline-field">
              <span id="churn-level-label">{t('churn.levelFilter')}</span>
              <div className="segmented segmented-small" role="radiogroup" aria-labelledby="churn-level-label">
                {LEVEL_FILTERS.map((f) => (
                  <label key={f} className={level === f ? 'segment selected' : 'segment'}>
                    <input type="radio" name="churn-level" value={f} checked={level === f} onChange={() => onLevelChange(f)} data-testid={`churn-level-${f}`} />
                    {f === 'both' ? t('churn.bothLevels') : churnLevelName(t, f)}
                  </label>
                ))}
              </div>
            </div>
          </>
        }
      />
      {model !== undefined && <ChurnModelNote t={t} model={model} />}
      <div className="churn-summary" aria-live="polite" data-testid="churn-summary">
        {list === undefined ? (
          <span className="muted">{t('common.loading')}</span>
        ) : list.ids.length === 0 && !filtered ? null : (
          <>
            <strong data-testid="churn-count">{t('churn.count', { count: list.ids.length })}</strong>
            <span className="churn-summary-divider" aria-hidden="true" />
            <strong data-testid="churn-total">{t('churn.totalValue', { amount: formatMoney(list.totalValueFen) })}</strong>
            <span className="hint">{t(model?.kind === 'fitted' ? 'churnModel.valueHint' : 'churn.valueHint')}</span>
            {list.snoozed > 0 && (
              <span className="hint" data-testid="churn-snoozed">
                {t('churn.snoozedCount', { count: list.snoozed })}
              </span>
            )}
          </>
        )}
      </div>
      {status && (
        <p className="banner banner-ok" role="status" data-testid="churn-status">
          {status}
        </p>
      )}
      {ids === undefined ? (
        <div className="loading" aria-busy="true" />
      ) : (
        <VirtualTable
          count={ids.length}
          keyAt={(index) => ids[index]}
          rowOf={(id) => rows?.get(id)}
          columns={columns}
          rowHeight={ROW_HEIGHT}
          onVisibleRangeChange={onVisibleRangeChange}
          onOpen={onOpen}
          rowLabel={customerName}
          label={t('churn.tableLabel')}
          className="churn-table"
          testId="churn-table"
          rowTestId="churn-row"
          emptyClassName="churn-empty"
          emptyTestId="churn-empty"
          empty={
            filtered ? (
              <>
                <p>{t('churn.emptyFiltered')}</p>
                <button type="button" className="button" onClick={onShowAll} data-testid="churn-show-all">
                  {t('churn.showAll')}
                </button>
              </>
            ) : (
              <>
                <p className="churn-empty-title">{t('churn.empty')}</p>
                <p>{t('churn.emptyExplain')}</p>
              </>
            )
          }
        />
      )}
    </section>
  );
}

const customerName = (c: Customer) => c.name;
