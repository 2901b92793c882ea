// The audit log as the owner reads it: filters, the entries newest first, the tamper check and the export buttons (props only).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_KINDS, type AuditEntry, type ChainCheck } from '../../../shared/domain/auditChain';
import { DateTimeField } from '../../ui/DateTimeField';
import { routeHref } from '../../ui/routes';
import { isDayOrEmpty } from './auditText';
import { actorText, detailsText, kindText, type AuditWording } from './auditText';

export type ChainState = { state: 'idle' } | { state: 'checking' } | { state: 'done'; result: ChainCheck } | { state: 'failed' };

export interface AuditDayFilter {
  kind: string | null;
  customerId: string | null;
  /** yyyy-MM-dd, '' for open. */
  fromDay: string;
  toDay: string;
}

export interface AuditViewProps {
  wording: AuditWording;
  filter: AuditDayFilter;
  onFilter: (next: AuditDayFilter) => void;
  /** The customer picker (a widget with its own data). */
  customerPicker: ReactNode;
  /** undefined while reading. */
  entries: AuditEntry[] | undefined;
  more: boolean;
  limit: number;
  /** Names of the customers on screen; an id missing here is no longer in the store. */
  customerNames: ReadonlyMap<string, string>;
  chain: ChainState;
  onCheck: () => void;
  exporting: boolean;
  exportMessage: { ok: boolean; text: string } | null;
  onExport: (format: 'csv' | 'xlsx') => void;
}

/** Customers shown in a row before "+n more". */
const CUSTOMERS_SHOWN = 3;

function ChainResult({ chain }: { chain: ChainState }) {
  const { t } = useTranslation();
  switch (chain.state) {
    case 'idle':
      return <p className="muted" data-testid="audit-chain-result">{t('audit.chain.notChecked')}</p>;
    case 'checking':
      return <p className="muted" aria-busy="true" data-testid="audit-chain-result">{t('audit.chain.checking')}</p>;
    case 'failed':
      return <p className="banner banner-error" role="alert" data-testid="audit-chain-result">{t('audit.chain.failed')}</p>;
    case 'done':
      return chain.result.status === 'intact' ? (
        <p className="audit-chain-intact" role="status" data-testid="audit-chain-result" data-status="intact">
          {t('audit.chain.intact', { count: chain.result.count })}
        </p>
      ) : (
        <div className="banner banner-error" role="alert" data-testid="audit-chain-result" data-status="broken">
          <p>
            <strong>{t('audit.chain.brokenTitle')}</strong>
          </p>
          <p>{t(`audit.chain.problem.${chain.result.problem}`, { seq: chain.result.seq })}</p>
          <p>{t('audit.chain.brokenAdvice')}</p>
        </div>
      );
    default:
      return null;
  }
}

export function AuditView(props: AuditViewProps) {
  const { t } = useTranslation();
  const { wording, filter, onFilter, entries, customerNames } = props;
  const fromOk = isDayOrEmpty(filter.fromDay);
  const toOk = isDayOrEmpty(filter.toDay);
  const dateOrderWrong = fromOk && toOk && filter.fromDay.trim() !== '' && filter.toDay.trim() !== '' && filter.fromDay.trim() > filter.toDay.trim();
  const filtered = filter.kind !== null || filter.customerId !== null || filter.fromDay !== '' || filter.toDay !== '';

  const customerCell = (entry: AuditEntry) => {
    if (entry.customerIds.length === 0) return '—';
    const shown = entry.customerIds.slice(0, CUSTOMERS_SHOWN);
    return (
      <>
        {shown.map((id, i) => {
          const name = customerNames.get(id);
          return (
            <span key={id}>
              {i > 0 && t('audit.listSeparator')}
              {name !== undefined ? (
                <a href={routeHref({ name: 'customer', id })}>{name}</a>
              ) : (
                <span className="muted" title={id}>
                  {t('audit.removedCustomer')}
                </span>
              )}
            </span>
          );
        })}
        {entry.customerIds.length > CUSTOMERS_SHOWN && <span className="muted"> {t('audit.customersMore', { count: entry.customerIds.length - CUSTOMERS_SHOWN })}</span>}
      </>
    );
  };

  return (
    <section className="audit-screen" aria-labelledby="audit-heading">
      <div className="screen-header screen-header-stacked">
        <h1 id="audit-heading">{t('audit.title')}</h1>
        <p className="muted">{t('audit.intro')}</p>
      </div>

      <section className="card audit-chain" aria-labelledby="audit-chain-heading">
        <div className="audit-chain-head">
          <div>
            <h2 id="audit-chain-heading">{t('audit.chain.title')}</h2>
            <p className="muted">{t('audit.chain.explain')}</p>
          </div>
          <button type="button" className="button" onClick={props.onCheck} disabled={props.chain.state === 'checking'} data-testid="audit-check">
            {t('audit.chain.check')}
          </button>
        </div>
        <ChainResult chain={props.chain} />
      </section>

      <section className="card audit-filters" aria-labelledby="audit-filters-heading">
        <h2 id="audit-filters-heading" className="visually-hidden">
          {t('audit.filters')}
        </h2>
        <div className="audit-filter-row">
          <div className="form-field">
            <label htmlFor="audit-kind">{t('audit.kindFilter')}</label>
            <select
              id="audit-kind"
              value={filter.kind ?? ''}
              onChange={(e) => onFilter({ ...filter, kind: e.target.value === '' ? null : e.target.value })}
              data-testid="audit-kind"
            >
              <option value="">{t('audit.allKinds')}</option>
              {AUDIT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`audit.kinds.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="form-field audit-customer-filter">{props.customerPicker}</div>
          <div className="form-field audit-day">
            <label htmlFor="audit-from">{t('audit.from')}</label>
            <DateTimeField id="audit-from" kind="date" value={filter.fromDay} onChange={(fromDay) => onFilter({ ...filter, fromDay })} placeholder="2026-01-01" invalid={!fromOk} testId="audit-from" />
          </div>
          <div className="form-field audit-day">
            <label htmlFor="audit-to">{t('audit.to')}</label>
            <DateTimeField id="audit-to" kind="date" value={filter.toDay} onChange={(toDay) => onFilter({ ...filter, toDay })} placeholder="2026-12-31" invalid={!toOk || dateOrderWrong} testId="audit-to" />
          </div>
          {filtered && (
            <button type="button" className="button button-small audit-clear" onClick={() => onFilter({ kind: null, customerId: null, fromDay: '', toDay: '' })} data-testid="audit-clear">
              {t('audit.clearFilters')}
            </button>
          )}
        </div>
        {(!fromOk || !toOk) && (
          <p className="form-error" role="alert" data-testid="audit-date-error">
            {t('audit.dateInvalid')}
          </p>
        )}
        {dateOrderWrong && (
          <p className="form-error" role="alert" data-testid="audit-date-error">
            {t('audit.dateOrder')}
          </p>
        )}
      </section>

      <div className="toolbar audit-toolbar">
        <span className="muted" data-testid="audit-count">
          {entries !== undefined && t('audit.shown', { count: entries.length })}
        </span>
        
        <button type="button" className="button" disabled={props.exporting || !entries?.length} onClick={() => props.onExport('csv')} data-testid="audit-export-csv">
          {t('audit.exportCsv')}
        </button>
        <button type="button" className="button" disabled={props.exporting || !entries?.length} onClick={() => props.onExport('xlsx')} data-testid="audit-export-xlsx">
          {t('audit.exportXlsx')}
        </button>
      </div>
      {props.exportMessage && (
        <p className={props.exportMessage.ok ? 'banner banner-info' : 'banner banner-error'} role={props.exportMessage.ok ? 'status' : 'alert'} data-testid="audit-export-message">
          {props.exportMessage.text}
        </p>
      )}
      {props.more && <p className="muted">{t('audit.more', { count: props.limit })}</p>}

      {entries === undefined ? (
        <div className="loading" aria-busy="true" aria-label={t('audit.loading')} />
      ) : entries.length === 0 ? (
        <p className="muted" data-testid="audit-empty">
          {t('audit.empty')}
        </p>
      ) : (
        <div className="audit-table-wrap">
          <table className="simple-table audit-table" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.columns.seq')}</th>
                <th scope="col">{t('audit.columns.at')}</th>
                <th scope="col">{t('audit.columns.actor')}</th>
                <th scope="col">{t('audit.columns.kind')}</th>
                <th scope="col">{t('audit.columns.customers')}</th>
                <th scope="col">{t('audit.columns.details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-testid="audit-row" data-kind={entry.kind}>
                  <td className="mono">{entry.seq}</td>
                  <td className="audit-time">{wording.dateTime(entry.at)}</td>
                  <td>{actorText(t, entry.actor)}</td>
                  <td>{kindText(t, entry.kind)}</td>
                  <td className="audit-customers">{customerCell(entry)}</td>
                  <td className="audit-details">{detailsText(wording, entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
