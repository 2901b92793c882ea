// What an import will do, before it does it: counts, the bad rows by number, field, value and reason,
// and the duplicates (against the store and inside the file). The purchases report accounts for every row.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../../shared/domain/money';
import type { PurchaseImportSummary } from '../../db/imports';
import type { CustomerPreview, PurchasePreview } from '../../workers/importProtocol';
import { countText, formatDate } from '../../i18n';

const n = countText;

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

/** A titled block holding one table of rows, as the preview lists bad rows, duplicates and customers not found. */
function ImportTable({ title, hint, testId, headers, more, children }: { title: string; hint?: string; testId: string; headers: string[]; more?: ReactNode; children: ReactNode }) {
  return (
    <div className="import-block">
      <h3>{title}</h3>
      {hint && <p className="hint">{hint}</p>}
      <div className="import-table-wrap">
        <table className="simple-table import-table" data-testid={testId}>
          <thead>
            <tr>
              {headers.map((h, i) => (
                <th key={i}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
      {more}
    </div>
  );
}

/** A cell with the value a row had, or a muted word for an empty one. */
function ValueCell({ value }: { value: string }) {
  const { t } = useTranslation();
  return <td className="import-value">{value.trim() ? value : <span className="muted">{t('import.preview.emptyValue')}</span>}</td>;
}

/**
 * Rows of customers the owner erased: named with the date, left out whatever the clerk chooses. Not bad rows: there
 * is nothing in the file to correct.
 */
function ErasedRows({ rows, total }: { rows: { rowNumbers: number[]; name: string; erasedAt: string }[]; total: number }) {
  const { t } = useTranslation();
  if (total === 0) return null;
  return (
    <ImportTable
      title={t('import.preview.erasedTitle')}
      hint={t('import.preview.erasedHint')}
      testId="import-erased"
      headers={[t('import.preview.row'), t('import.preview.customer'), t('import.preview.outcome')]}
      more={<More shown={rows.reduce((n, r) => n + r.rowNumbers.length, 0)} total={total} />}
    >
      {rows.map((r) => (
        <tr key={r.rowNumbers[0]} data-testid="import-erased-row" data-row={r.rowNumbers[0]}>
          <td className="num">{r.rowNumbers.map((row) => t('import.preview.rowN', { row })).join(', ')}</td>
          <td>{r.name}</td>
          <td>{t('import.preview.erasedRow', { date: formatDate(r.erasedAt) })}</td>
        </tr>
      ))}
    </ImportTable>
  );
}

/**
 * What the opening-points column gives: how many customers and points, when they expire (like points earned today),
 * what happens to customers already in the store, and that a wrong value holds the whole import back.
 */
function OpeningPoints({ opening }: { opening: NonNullable<CustomerPreview['openingPoints']> }) {
  const { t } = useTranslation();
  // expiresAt is the first moment they no longer count: the day before is the last valid one.
  const lastDay = opening.expiresAt === null ? null : new Date(Date.parse(opening.expiresAt) - 1).toISOString();
  const match = opening.policy === 'update' ? 'matchUpdate' : opening.policy === 'skip' ? 'matchSkip' : 'matchNew';
  return (
    <div className="import-block" data-testid="import-opening-points" data-customers={opening.customers} data-points={opening.points}>
      <h3>{t('import.openingPoints.title')}</h3>
      {opening.invalid > 0 && (
        <p className="import-opening-refused" role="alert" data-testid="import-opening-invalid">
          {t('import.openingPoints.invalid', { count: opening.invalid })}
        </p>
      )}
      <p>{opening.customers > 0 ? t('import.openingPoints.summary', { count: opening.customers, points: n(opening.points) }) : t('import.openingPoints.none')}</p>
      <p className="hint" data-testid="import-opening-expiry">
        {lastDay === null ? t('import.openingPoints.never') : t('import.openingPoints.expires', { date: formatDate(lastDay) })}
      </p>
      <p className="hint" data-testid="import-opening-match">{t(`import.openingPoints.${match}`)}</p>
      {opening.alreadyOpened > 0 && <p className="hint">{t('import.openingPoints.alreadyOpened', { count: opening.alreadyOpened })}</p>}
    </div>
  );
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
        {c.erased > 0 && <Stat label={t('import.preview.erased')} value={c.erased} tone="quiet" testId="preview-erased" />}
      </div>
      <p className="hint">
        {t('import.preview.rowsLine', { rows: n(preview.rows), valid: n(preview.validRows), bad: n(preview.invalidRows) })}
        {preview.emptyRows > 0 && <> {t('import.preview.emptyRows', { n: n(preview.emptyRows) })}</>}
        {unchanged > 0 && <> {t('import.preview.unchanged', { n: n(unchanged) })}</>}
      </p>

      {preview.openingPoints && <OpeningPoints opening={preview.openingPoints} />}

      {preview.errorCount > 0 && (
        <ImportTable
          title={t('import.preview.badRowsTitle')}
          hint={preview.openingPoints?.invalid ? t('import.openingPoints.badRowsHint') : t('import.preview.badRowsHint')}
          testId="import-errors"
          headers={[t('import.preview.row'), t('import.preview.field'), t('import.preview.value'), t('import.preview.problem')]}
          more={<More shown={preview.errors.length} total={preview.errorCount} />}
        >
          {preview.errors.map((e, i) => (
            <tr key={i} data-testid="import-error-row" data-row={e.rowNumber}>
              <td className="num">{t('import.preview.rowN', { row: e.rowNumber })}</td>
              <td>{t(`import.targets.${e.field}`)}</td>
              <ValueCell value={e.value} />
              <td>{t(`import.customerErrors.${e.code}`)}</td>
            </tr>
          ))}
        </ImportTable>
      )}

      <ErasedRows rows={preview.erased.map((e) => ({ rowNumbers: [e.rowNumber], name: e.name, erasedAt: e.erasedAt }))} total={c.erased} />

      {preview.duplicateCount > 0 && (
        <ImportTable
          title={t('import.preview.duplicatesTitle')}
          hint={t('import.preview.duplicatesHint')}
          testId="import-duplicates"
          headers={[t('import.preview.row'), t('import.preview.name'), t('import.preview.sameAs'), t('import.preview.outcome')]}
          more={<More shown={preview.duplicates.length} total={preview.duplicateCount} />}
        >
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
        </ImportTable>
      )}
    </div>
  );
}

/** Every row of the file in exactly one line: imported, imported before, no customer, customer not found, bad, erased. */
export function PurchaseReport({ summary: s, testId }: { summary: PurchaseImportSummary; testId: string }) {
  const { t } = useTranslation();
  const lines: [string, number, string][] = [
    ['imported', s.importRows, 'report-imported'],
    ['alreadyImported', s.alreadyImportedRows, 'report-already'],
    ['noCustomer', s.noCustomerRows, 'report-no-customer'],
    ['notFound', s.notFoundRows, 'report-not-found'],
    ['bad', s.badRows, 'report-bad'],
    ...(s.erasedRows > 0 ? [['erased', s.erasedRows, 'report-erased'] as [string, number, string]] : []),
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
        <ImportTable
          title={t('import.preview.badRowsTitle')}
          hint={t('import.preview.badRowsHint')}
          testId="import-errors"
          headers={[t('import.preview.row'), t('import.preview.value'), t('import.preview.problem')]}
          more={<More shown={preview.badRows.length} total={s.badRows} />}
        >
          {preview.badRows.map((e, i) => (
            <tr key={i} data-testid="import-error-row" data-row={e.rowNumber}>
              <td className="num">{t('import.preview.rowN', { row: e.rowNumber })}</td>
              <ValueCell value={e.value} />
              <td>{t(`import.purchaseErrors.${e.code}`)}</td>
            </tr>
          ))}
        </ImportTable>
      )}
      {preview.notFound.length > 0 && (
        <ImportTable
          title={t('import.report.notFound')}
          testId="import-not-found"
          headers={[t('import.preview.row'), t('import.preview.customer'), t('import.preview.problem')]}
        >
          {preview.notFound.map((u, i) => (
            <tr key={i}>
              <td className="num">{u.rowNumbers.map((r) => t('import.preview.rowN', { row: r })).join(', ')}</td>
              <td>{u.customer}</td>
              <td>{t(`import.purchaseCustomerProblems.${u.code}`)}</td>
            </tr>
          ))}
        </ImportTable>
      )}
      <ErasedRows rows={preview.erased.map((e) => ({ rowNumbers: e.rowNumbers, name: e.customer, erasedAt: e.erasedAt }))} total={s.erasedRows} />
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
