// The churn-risk list (view): the count and total value at risk, the filters, and a virtualized table
// whose rows open the customer's page. Everything comes in as props.
import { useEffect, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Customer, PhoneRegion } from '../../../shared/domain/customer';
import { primaryPhone } from '../../../shared/domain/customer';
import { formatPhoneForDisplay } from '../../../shared/domain/phone';
import type { StatusGroup } from '../../../shared/domain/statusGroups';
import type { AtRiskList } from '../../db/customers';
import { formatDate } from '../../i18n';
import type { ChurnLevelFilter } from '../../stores/ui';
import { RiskBadge, StageBadge, TierBadge } from '../status/StatusBadges';
import { TierFilter } from '../status/TierFilter';
import { churnLevelName, churnReasonText, type StatusWording } from '../status/statusText';
import './churn.css';

// Taller than the customer list's rows: the reason gets two lines.
const ROW_HEIGHT = 56;
const LEVEL_FILTERS: readonly ChurnLevelFilter[] = ['both', 'high', 'watch'];
const COLUMNS = ['name', 'phone', 'tier', 'stage', 'level', 'value', 'lastVisit', 'reason'] as const;

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
}

export function ChurnRiskView(props: ChurnRiskViewProps) {
  const { list, groups, tierId, level, onTierChange, onLevelChange, onShowAll, wording, formatMoney } = props;
  const { t } = wording;
  const filtered = tierId !== null || level !== 'both';
  return (
    <section className="list-screen churn-screen" aria-labelledby="churn-heading">
      <div className="screen-header">
        <div className="screen-header-stacked">
          <h1 id="churn-heading">{t('churn.title')}</h1>
          <p className="muted">{t('churn.intro')}</p>
        </div>
        <div className="toolbar">
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
        </div>
      </div>
      <div className="churn-summary" aria-live="polite" data-testid="churn-summary">
        {list === undefined ? (
          <span className="muted">{t('common.loading')}</span>
        ) : list.ids.length === 0 && !filtered ? null : (
          <>
            <strong data-testid="churn-count">{t('churn.count', { count: list.ids.length })}</strong>
            <span className="churn-summary-divider" aria-hidden="true" />
            <strong data-testid="churn-total">{t('churn.totalValue', { amount: formatMoney(list.totalValueFen) })}</strong>
            <span className="hint">{t('churn.valueHint')}</span>
          </>
        )}
      </div>
      {list === undefined ? (
        <div className="loading" aria-busy="true" />
      ) : list.ids.length === 0 ? (
        <div className="empty-state churn-empty" data-testid="churn-empty">
          {filtered ? (
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
          )}
        </div>
      ) : (
        <ChurnTable {...props} ids={list.ids} />
      )}
    </section>
  );
}

function ChurnTable({ ids, rows, onVisibleIdsChange, onOpen, wording, formatMoney, region }: ChurnRiskViewProps & { ids: string[] }) {
  const { t } = wording;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: ids.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const visibleKey = items.map((item) => ids[item.index] ?? '').join(',');
  const visibleIds = useMemo(() => visibleKey.split(',').filter((id) => id !== ''), [visibleKey]);
  useEffect(() => onVisibleIdsChange(visibleIds), [visibleIds, onVisibleIdsChange]);

  const moveFocus = (index: number) => {
    const target = Math.max(0, Math.min(ids.length - 1, index));
    virtualizer.scrollToIndex(target);
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-row-index="${target}"]`)?.focus());
  };

  return (
    <div className="table churn-table" role="table" aria-label={t('churn.tableLabel')} aria-rowcount={ids.length + 1} data-testid="churn-table">
      <div className="table-head" role="rowgroup">
        <div className="table-row table-header-row" role="row">
          {COLUMNS.map((c) => (
            <div key={c} className={`table-cell col-${c}`} role="columnheader">
              {t(`churn.columns.${c}`)}
            </div>
          ))}
        </div>
      </div>
      <div className="table-body" ref={scroller} role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const id = ids[item.index];
            if (id === undefined) return null;
            const c = rows?.get(id);
            const phone = c ? primaryPhone(c) : undefined;
            const reason = c ? churnReasonText(wording, c.churnReason) : '';
            return (
              <div
                key={id}
                className="table-row table-body-row"
                role="row"
                aria-rowindex={item.index + 2}
                aria-label={c?.name}
                tabIndex={0}
                data-row-index={item.index}
                data-testid="churn-row"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                onClick={() => onOpen(id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') onOpen(id);
                  if (e.key === 'ArrowDown') {
                    e.preventDefault();
                    moveFocus(item.index + 1);
                  }
                  if (e.key === 'ArrowUp') {
                    e.preventDefault();
                    moveFocus(item.index - 1);
                  }
                }}
              >
                {c && (
                  <>
                    <div className="table-cell col-name" role="cell">
                      <span className="cell-name">{c.name}</span>
                    </div>
                    <div className="table-cell col-phone" role="cell">
                      {phone ? <span className="mono">{formatPhoneForDisplay(phone, region)}</span> : <span className="muted">—</span>}
                    </div>
                    <div className="table-cell col-tier" role="cell">
                      <TierBadge tierId={c.tierId} wording={wording} />
                    </div>
                    <div className="table-cell col-stage" role="cell">
                      <StageBadge stage={c.lifecycleStage} />
                    </div>
                    <div className="table-cell col-level" role="cell">
                      <RiskBadge level={c.churnLevel} reason={reason} />
                    </div>
                    <div className="table-cell col-value num" role="cell" data-testid="churn-value" data-value={c.valueAtRiskFen}>
                      {formatMoney(c.valueAtRiskFen)}
                    </div>
                    <div className="table-cell col-lastVisit" role="cell">
                      {c.lastPurchaseAt ? formatDate(c.lastPurchaseAt) : <span className="muted">—</span>}
                    </div>
                    <div className="table-cell col-reason" role="cell" title={reason} data-testid="churn-reason">
                      {reason}
                    </div>
                  </>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
