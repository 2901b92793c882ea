// What an import will do, before it does it: counts, the bad rows by number, field, value and reason,
// and the duplicates (against the store and inside the file). The purchases report accounts for every row.
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../../shared/domain/money';
import type { PurchaseImportSummary } from '../../db/imports';
import type { CustomerPreview, PurchasePreview } from '../../workers/importProtocol';

const n = (v: number) => v.toLocaleString();

function Stat({ label, value, tone, testId }: { label: string; value: number; tone?: 'good' | 'bad' | 'quiet'; testId: string }) {
  return (
    <div className={`import-stat${tone ? ` import-stat-${tone}` : ''}`} data-testid={testId} data-value={value}>
      <span className="import-stat-value">{n(value)}</span>
      <span className="import-stat-label">{label}</span>
    </div>
  );
}

function More({ shown, total }: { shown: number; total: number }) {
  const { t } = useTranslation();
  return total > shown ? <p className="hint">{t('import.preview.more', { n: n(total - shown) })}</p> : null;
}

export function CustomerPreviewView({ preview }: { preview: CustomerPreview }) {
  const { t } = useTranslation();
  const c = preview.counts;
  const unchanged = c.update - preview.updateChanged;
  return (
    <div data-testid="import-preview">
      <div className="import-stats">
        <Stat label={t('import.preview.create')} value={c.create} tone="good" testId="preview-create" />
        <Stat label={t('import.preview.update')} value={preview.updateChanged} testId="preview-update" />
        <Stat label={t('import.preview.skip')} value={c.skip + unchanged} tone="quiet" testId="preview-skip" />
        <Stat label={t('import.preview.invalid')} value={preview.invalidRows} tone={preview.invalidRows ? 'bad' : 'quiet'} testId="preview-invalid" />
      </div>
      <p className="hint">
        {t('import.preview.rowsLine', { rows: n(preview.rows), valid: n(preview.validRows), bad: n(preview.invalidRows) })}
        {preview.emptyRows > 0 && <> {t('import.preview.emptyRows', { n: n(preview.emptyRows) })}</>}
        {unchanged > 0 && <> {t('import.preview.unchanged', { n: n(unchanged) })}</>}
      </p>

      {preview.errorCount > 0 && (
        <div className="import-block">
          <h3>{t('import.preview.badRowsTitle')}</h3>
          <p className="hint">{t('import.preview.badRowsHint')}</p>
          <div className="import-table-wrap">
            <table className="simple-table import-table" data-testid="import-errors">
              <thead>
                <tr>
                  <th>{t('import.preview.row')}</th>
                  <th>{t('import.preview.field')}</th>
                  <th>{t('import.preview.value')}</th>
                  <th>{t('import.preview.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.errors.map((e, i) => (
                  <tr key={i} data-testid="import-error-row" data-row={e.rowNumber}>
                    <td className="num">{t('import.preview.rowN', { row: e.rowNumber })}</td>
                    <td>{t(`import.targets.${e.field}`)}</td>
                    <td className="import-value">{e.value.trim() ? e.value : <span className="muted">{t('import.preview.emptyValue')}</span>}</td>
                    <td>{t(`import.customerErrors.${e.code}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <More shown={preview.errors.length} total={preview.errorCount} />
        </div>
      )}

      {preview.duplicateCount > 0 && (
        <div className="import-block">
          <h3>{t('import.preview.duplicatesTitle')}</h3>
          <p className="hint">{t('import.preview.duplicatesHint')}</p>
          <div className="import-table-wrap">
            <table className="simple-table import-table" data-testid="import-duplicates">
              <thead>
                <tr>
                  <th>{t('import.preview.row')}</th>
                  <th>{t('import.preview.name')}</th>
                  <th>{t('import.preview.sameAs')}</th>
                  <th>{t('import.preview.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.duplicates.map((d) => (
                  <tr key={d.rowNumber} data-testid="import-duplicate-row" data-row={d.rowNumber}>
                    <td className="num">{t('import.preview.rowN', { row: d.rowNumber })}</td>
                    <td>{d.name}</td>
                    <td>
                      {d.match
                        ? t('import.preview.matchExisting', { kind: t(`import.matchKinds.${d.match.kind}`), name: d.match.name })
                        : d.duplicateOf
                          ? t('import.preview.matchRow', { kind: t(`import.matchKinds.${d.duplicateOf.kind}`), row: d.duplicateOf.rowNumber })
                          : ''}
                    </td>
                    <td>
                      <span className={`import-outcome import-outcome-${d.action}`}>{t(`import.preview.outcomes.${d.action}`)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <More shown={preview.duplicates.length} total={preview.duplicateCount} />
        </div>
      )}
    </div>
  );
}

/** Every row of the file in exactly one line: imported, imported before, no customer, customer not found, bad. */
export function PurchaseReport({ summary: s, testId }: { summary: PurchaseImportSummary; testId: string }) {
  const { t } = useTranslation();
  const lines: [string, number, string][] = [
    ['imported', s.importRows, 'report-imported'],
    ['alreadyImported', s.alreadyImportedRows, 'report-already'],
    ['noCustomer', s.noCustomerRows, 'report-no-customer'],
    ['notFound', s.notFoundRows, 'report-not-found'],
    ['bad', s.badRows, 'report-bad'],
  ];
  return (
    <div data-testid={testId}>
      {s.format === 'online-retail' && <p className="badge badge-quiet import-format">{t('import.report.onlineRetail')}</p>}
      <table className="import-report">
        <tbody>
          {lines.map(([key, value, id]) => (
            <tr key={key} data-testid={id} data-value={value} className={value === 0 ? 'muted' : undefined}>
              <th scope="row">{t(`import.report.${key}`)}</th>
              <td className="num">{n(value)}</td>
            </tr>
          ))}
          <tr className="import-report-total" data-testid="report-total" data-value={s.totalRows}>
            <th scope="row">{t('import.report.total')}</th>
            <td className="num">{n(s.totalRows)}</td>
          </tr>
        </tbody>
      </table>
      <p className="hint" data-testid="report-purchases">
        {t('import.report.purchasesLine', { purchases: n(s.purchases), returns: n(s.returns), customers: n(s.newCustomers) })}
      </p>
    </div>
  );
}

export function PurchasePreviewView({ preview }: { preview: PurchasePreview; currency: Currency }) {
  const { t } = useTranslation();
  const s = preview.summary;
  return (
    <div data-testid="import-preview">
      <PurchaseReport summary={s} testId="import-report" />
      {preview.badRows.length > 0 && (
        <div className="import-block">
          <h3>{t('import.preview.badRowsTitle')}</h3>
          <p className="hint">{t('import.preview.badRowsHint')}</p>
          <div className="import-table-wrap">
            <table className="simple-table import-table" data-testid="import-errors">
              <thead>
                <tr>
                  <th>{t('import.preview.row')}</th>
                  <th>{t('import.preview.value')}</th>
                  <th>{t('import.preview.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.badRows.map((e, i) => (
                  <tr key={i} data-testid="import-error-row" data-row={e.rowNumber}>
                    <td className="num">{t('import.preview.rowN', { row: e.rowNumber })}</td>
                    <td className="import-value">{e.value.trim() ? e.value : <span className="muted">{t('import.preview.emptyValue')}</span>}</td>
                    <td>{t(`import.purchaseErrors.${e.code}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <More shown={preview.badRows.length} total={s.badRows} />
        </div>
      )}
      {preview.notFound.length > 0 && (
        <div className="import-block">
          <h3>{t('import.report.notFound')}</h3>
          <div className="import-table-wrap">
            <table className="simple-table import-table" data-testid="import-not-found">
              <thead>
                <tr>
                  <th>{t('import.preview.row')}</th>
                  <th>{t('import.preview.customer')}</th>
                  <th>{t('import.preview.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.notFound.map((u, i) => (
                  <tr key={i}>
                    <td className="num">{u.rowNumbers.map((r) => t('import.preview.rowN', { row: r })).join(', ')}</td>
                    <td>{u.customer}</td>
                    <td>{t(`import.purchaseCustomerProblems.${u.code}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {preview.noCustomerRows.length > 0 && (
        <div className="import-block">
          <h3>{t('import.report.noCustomer')}</h3>
          <p className="hint import-row-list" data-testid="import-no-customer-rows">
            {t('import.preview.rowsList', { rows: preview.noCustomerRows.slice(0, 40).join(', ') })}
            {s.noCustomerRows > 40 && ` ${t('import.preview.more', { n: n(s.noCustomerRows - 40) })}`}
          </p>
        </div>
      )}
      {preview.warningCount > 0 && (
        <p className="hint">{t('import.preview.priceRounded', { count: preview.warningCount, n: n(preview.warningCount) })}</p>
      )}
    </div>
  );
}
