// One customer's data as a page that prints (A4, the clerk's language): the same package as the JSON file, in words,
// for a customer who asks what the store holds about them. Drawn over the app; printing shows only the sheet.
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import {
  customerExportRows,
  customerHeaderKey,
  interactionExportRows,
  INTERACTION_EXPORT_COLUMNS,
  purchaseExportRows,
  PURCHASE_EXPORT_COLUMNS,
  type CsvCell,
  type CustomerDataPackage,
  type ExportOptions,
  type ExportTable,
} from '../../../shared/domain/export';
import type { AuditEntry } from '../../../shared/domain/auditChain';
import { formatDateTime } from '../../i18n';
import { useModalLayer } from '../../ui/modalLayer';
import { usePrintScope } from '../../ui/printScope';
import { useMoney } from '../../ui/useMoney';
import { actorText, detailsText, kindText } from '../audit/auditText';
import { tierMoveNames, tierReasonText } from '../status/statusText';
import { useStatusWording } from '../status/useStatusWording';
import './dataSheet.css';

/** The columns of an export table a reader needs (not the ids, nor the customer again on every row), in the order given. */
function pick<C extends string>(table: ExportTable, columns: readonly C[], wanted: readonly C[]): ExportTable {
  const at = wanted.map((c) => columns.indexOf(c));
  return { headers: at.map((i) => table.headers[i]!), rows: table.rows.map((r) => at.map((i) => r[i]!)) };
}

const PURCHASE_COLUMNS = ['purchasedAt', 'items', 'total', 'isReturn', 'voided', 'paymentNote', 'note'] as const;
const CONTACT_COLUMNS = ['at', 'channel', 'direction', 'summary', 'outcome', 'followUpDate'] as const;

function SheetTable({ title, headers, rows, empty, testId }: { title: string; headers: string[]; rows: CsvCell[][]; empty: string; testId: string }) {
  return (
    <section className="data-sheet-section" data-testid={testId}>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              {headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j}>{cell === null || cell === undefined ? '' : String(cell)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export interface CustomerDataSheetProps {
  pkg: CustomerDataPackage;
  opts: ExportOptions;
  onClose: () => void;
}

export function CustomerDataSheet({ pkg, opts, onClose }: CustomerDataSheetProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const wording = useStatusWording();
  // A layer of its own: the app behind is inert while the sheet is open, and printing shows the layer alone.
  const layer = useModalLayer();
  const o = { ...opts, currency: pkg.currency };

  // While the sheet is open, printing prints it alone (dataSheet.css).
  usePrintScope('data-sheet');
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const profile = customerExportRows([pkg.customer as never], o);
  const purchases = pick(purchaseExportRows(pkg.purchases, () => pkg.customer.name, o), PURCHASE_EXPORT_COLUMNS, PURCHASE_COLUMNS);
  // Amounts in the store's currency as the app shows them (the export writes plain numbers for spreadsheets).
  const totalAt = PURCHASE_COLUMNS.indexOf('total');
  purchases.rows = purchases.rows.map((row, i) => row.map((cell, j) => (j === totalAt ? money.format(pkg.purchases[i]!.totalFen) : cell)));
  const contacts = pick(interactionExportRows(pkg.interactions, () => pkg.customer.name, o), INTERACTION_EXPORT_COLUMNS, CONTACT_COLUMNS);
  const label = opts.label ?? ((_kind: string, code: string) => code);
  const auditWording = { t, money: money.format, dateTime: formatDateTime };

  return createPortal(
    <div className="data-sheet" role="dialog" aria-modal="true" aria-labelledby="data-sheet-title" data-testid="customer-data-sheet">
      <div className="data-sheet-toolbar">
        <button type="button" className="button button-primary" onClick={() => window.print()} data-testid="data-sheet-print">
          {t('dataSheet.print')}
        </button>
        <button type="button" className="button" onClick={onClose} data-testid="data-sheet-close" autoFocus>
          {t('common.close')}
        </button>
      </div>
      <div className="data-sheet-page">
        <header>
          <h1 id="data-sheet-title">{t('dataSheet.title', { name: pkg.customer.name })}</h1>
          <p className="muted">{t('dataSheet.prepared', { date: formatDateTime(pkg.exportedAt) })}</p>
          <p>{t('dataSheet.intro')}</p>
        </header>
        <SheetTable
          title={t('export.section.profile')}
          headers={[t('export.section.field'), t('export.section.value')]}
          rows={profile.headers
            .map((h, i) => [t(h), h === customerHeaderKey('totalSpent') ? money.format(pkg.customer.totalSpentFen) : profile.rows[0]![i]!])
            .filter(([, v]) => v !== '' && v !== null)}
          empty=""
          testId="data-sheet-profile"
        />
        <SheetTable
          title={t('dataSheet.consent')}
          headers={[t('dataSheet.channel'), t('dataSheet.answer'), t('dataSheet.when'), t('dataSheet.source')]}
          rows={pkg.consentHistory.map((e) => [label('channel', e.channel), label('yesNo', e.granted ? 'yes' : 'no'), formatDateTime(e.at), label('consentSource', e.source)])}
          empty={t('dataSheet.none')}
          testId="data-sheet-consent"
        />
        <SheetTable title={t('export.section.purchases')} headers={purchases.headers.map((h) => t(h))} rows={purchases.rows} empty={t('dataSheet.none')} testId="data-sheet-purchases" />
        <SheetTable title={t('export.section.interactions')} headers={contacts.headers.map((h) => t(h))} rows={contacts.rows} empty={t('dataSheet.none')} testId="data-sheet-contacts" />
        <SheetTable
          title={t('customer.status.history')}
          headers={[t('dataSheet.when'), t('dataSheet.tierMove'), t('dataSheet.why')]}
          rows={pkg.tierHistory.map((h) => {
            const names = tierMoveNames(wording, h);
            return [formatDateTime(h.at), names.from === null ? names.to : `${names.from} → ${names.to}`, tierReasonText(wording, h.reason)];
          })}
          empty={t('dataSheet.none')}
          testId="data-sheet-tiers"
        />
        <SheetTable
          title={t('dataSheet.audit')}
          headers={[t('dataSheet.when'), t('dataSheet.who'), t('dataSheet.what'), t('dataSheet.details')]}
          rows={pkg.auditTrail.map((e) => [formatDateTime(e.at), actorText(t, e.actor), kindText(t, e.kind), detailsText(auditWording, { ...e, customerIds: [pkg.customer.id] } as AuditEntry)])}
          empty={t('dataSheet.none')}
          testId="data-sheet-audit"
        />
      </div>
    </div>,
    layer,
  );
}
