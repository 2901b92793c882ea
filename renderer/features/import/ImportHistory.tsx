// Earlier imports, newest first, each with an Undo (the owner's, after a confirmation) that takes the whole import back.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportBatch } from '../../db/database';
import { imports } from '../../db';
import { useImportBatches } from '../../db/importHooks';
import { format } from 'date-fns';
import { enUS, zhCN, zhTW } from 'date-fns/locale';
import { countText, currentLocale, formatDateTime } from '../../i18n';
import { ConfirmDialog } from '../../ui/Dialog';
import { OwnerButton } from '../../session/OwnerOnly';

const DATE_LOCALES = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS } as const;
const n = (v: number | undefined) => countText(v ?? 0);

export function importLabel(t: (key: string, opts?: Record<string, unknown>) => string, batch: ImportBatch): string {
  // "Import of 3 June 2026" / "2026年6月3日的导入": the day in the clerk's language.
  const date = format(new Date(batch.at), t('import.history.datePattern'), { locale: DATE_LOCALES[currentLocale()] });
  if (batch.kind === 'customers') {
    const count = (batch.counts.created ?? 0) + (batch.counts.updated ?? 0);
    return t('import.history.customers', { date, count, n: countText(count) });
  }
  const count = batch.counts.purchases ?? 0;
  return t('import.history.purchases', { date, count, n: countText(count) });
}

export function ImportHistory({ highlight }: { highlight?: string }) {
  const { t } = useTranslation();
  const batches = useImportBatches();
  const [confirm, setConfirm] = useState<ImportBatch | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const undo = async (batch: ImportBatch) => {
    setBusy(batch.id);
    setMessage(null);
    try {
      await imports.undo(batch.id);
      setMessage({ kind: 'ok', text: t('import.history.undone', { label: importLabel(t, batch) }) });
    } catch {
      setMessage({ kind: 'error', text: t('import.history.undoFailed') });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card" aria-labelledby="import-history-heading" data-testid="import-history">
      <h2 id="import-history-heading">{t('import.history.title')}</h2>
      {message && (
        <p className={message.kind === 'ok' ? 'banner banner-ok' : 'banner banner-error'} role="status" data-testid="import-undo-message">
          {message.text}
        </p>
      )}
      {batches === undefined ? (
        <div className="loading" aria-busy="true" />
      ) : batches.length === 0 ? (
        <p className="muted">{t('import.history.empty')}</p>
      ) : (
        <ul className="plain-list import-history">
          {batches.map((b) => (
            <li key={b.id} className={b.id === highlight ? 'import-history-item import-history-new' : 'import-history-item'} data-testid="import-batch" data-undone={b.undoneAt ? 'true' : 'false'}>
              <div>
                <strong className={b.undoneAt ? 'import-undone' : undefined}>{importLabel(t, b)}</strong>
                <div className="hint">
                  <span className="break">{b.fileName}</span> · {formatDateTime(b.at)}
                  {b.kind === 'customers'
                    ? ` · ${t('import.history.customerDetail', { created: n(b.counts.created), updated: n(b.counts.updated), skipped: n(b.counts.skipped), invalid: n(b.counts.invalid) })}`
                    : ` · ${t('import.history.purchaseDetail', { rows: n(b.counts.importedRows), customers: n(b.counts.customersCreated) })}`}
                </div>
              </div>
              {b.undoneAt ? (
                <span className="badge badge-quiet">{t('import.history.undoneAt', { date: formatDateTime(b.undoneAt) })}</span>
              ) : (
                <OwnerButton action="import.undo" className="button button-small button-danger-quiet" disabled={busy !== null} onClick={() => setConfirm(b)} testId="import-undo">
                  {busy === b.id ? t('import.history.undoing') : t('import.history.undo')}
                </OwnerButton>
              )}
            </li>
          ))}
        </ul>
      )}
      {confirm && (
        <ConfirmDialog
          title={t('import.history.confirmTitle', { label: importLabel(t, confirm) })}
          message={
            confirm.kind === 'customers'
              ? t('import.history.confirmCustomers', { created: n(confirm.createdCustomerIds.length), updated: n(confirm.updatedCustomers.length) })
              : t('import.history.confirmPurchases', { purchases: n(confirm.purchaseIds.length), created: n(confirm.createdCustomerIds.length) })
          }
          confirmLabel={t('import.history.undo')}
          danger
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            const b = confirm;
            setConfirm(null);
            void undo(b);
          }}
        />
      )}
    </section>
  );
}
