// One customer's complete data (profile, consent history, purchases, contacts, tier history, the audit trail's
// entries about them) for a customer who asks for it: as JSON (machine-readable), as one CSV a spreadsheet opens,
// and as a page that prints. Each is recorded in the audit trail.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerDataPackage, customerDataPackageCsv, type CustomerDataPackage } from '../../../shared/domain/export';
import { auditTrail, exportData } from '../../db';
import { useSettings } from '../../db/hooks';
import { downloadFile, exportFileName, exportOptions, MIME } from '../export/exportFiles';
import '../export/export.css';
import { useClock } from '../../platform/clock';
import { CustomerDataSheet } from './CustomerDataSheet';

type Format = 'json' | 'csv' | 'page';

export function CustomerDataExport({ customerId }: { customerId: string }) {
  const clock = useClock();
  const { t } = useTranslation();
  const settings = useSettings();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [sheet, setSheet] = useState<CustomerDataPackage | null>(null);
  const currency = settings?.currency ?? 'CNY';
  const opts = exportOptions(t, currency, settings?.defaultRegion ?? 'CN');

  const save = async (format: Format) => {
    setBusy(true);
    setMessage(null);
    try {
      const data = await exportData.customerData(customerId);
      if (!data) throw new Error('customer not found');
      const { customer, purchases, interactions, ...rest } = data;
      const pkg = customerDataPackage(customer, purchases, interactions, { now: clock(), currency, ...rest });
      const fileName = format === 'page' ? '' : exportFileName(t, `${customer.name}-${t('export.customerData.fileLabel')}`, format, clock());
      if (format === 'json') downloadFile(`${JSON.stringify(pkg, null, 2)}\n`, fileName, MIME.json);
      else if (format === 'csv') downloadFile(customerDataPackageCsv(pkg, { ...opts, t: (key) => t(key) }), fileName, MIME.csv);
      await auditTrail.record({ kind: 'export.file', customerIds: [customerId], facts: { exportKind: 'customerData', format, scope: 'customer', rows: 1 } });
      if (format === 'page') setSheet(pkg);
      else setMessage({ ok: true, text: t('export.customerData.saved', { file: fileName }) });
    } catch {
      setMessage({ ok: false, text: t('export.customerData.failed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="customer-data-export" data-testid="customer-data-export">
      <div className="row-gap">
        <button type="button" className="button" disabled={busy} onClick={() => void save('json')} data-testid="export-customer-json">
          {t('export.customerData.json')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void save('csv')} data-testid="export-customer-csv">
          {t('export.customerData.csv')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void save('page')} data-testid="export-customer-page">
          {t('export.customerData.page')}
        </button>
      </div>
      {message && (
        <p className={message.ok ? 'hint' : 'form-error'} role="status" data-testid="customer-data-export-status">
          {message.text}
        </p>
      )}
      {sheet && <CustomerDataSheet pkg={sheet} opts={opts} onClose={() => setSheet(null)} />}
    </div>
  );
}
