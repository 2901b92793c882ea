// One customer's complete data (profile, purchases, contacts) for a customer who asks for it: as
// JSON (the whole record, machine-readable) and as one CSV a spreadsheet opens.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerDataPackage, customerDataPackageCsv } from '../../../shared/domain/export';
import { auditTrail, exportData } from '../../db';
import { useSettings } from '../../db/hooks';
import { downloadFile, exportFileName, exportOptions, MIME } from '../export/exportFiles';
import '../export/export.css';
import { useClock } from '../../platform/clock';

export function CustomerDataExport({ customerId }: { customerId: string }) {
  const clock = useClock();
  const { t } = useTranslation();
  const settings = useSettings();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const save = async (format: 'json' | 'csv') => {
    setBusy(true);
    setMessage(null);
    try {
      const data = await exportData.customerData(customerId);
      if (!data) throw new Error('customer not found');
      const currency = settings?.currency ?? 'CNY';
      const pkg = customerDataPackage(data.customer, data.purchases, data.interactions, { now: clock(), currency, consentHistory: data.consentHistory });
      const fileName = exportFileName(t, `${data.customer.name}-${t('export.customerData.fileLabel')}`, format, clock());
      if (format === 'json') {
        downloadFile(`${JSON.stringify(pkg, null, 2)}\n`, fileName, MIME.json);
      } else {
        const opts = exportOptions(t, currency, settings?.defaultRegion ?? 'CN');
        downloadFile(customerDataPackageCsv(pkg, { ...opts, t: (key) => t(key) }), fileName, MIME.csv);
      }
      await auditTrail.record({ kind: 'export.file', customerIds: [customerId], facts: { exportKind: 'customerData', format, scope: 'customer', rows: 1 } });
      setMessage({ ok: true, text: t('export.customerData.saved', { file: fileName }) });
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
      </div>
      {message && (
        <p className={message.ok ? 'hint' : 'form-error'} role="status" data-testid="customer-data-export-status">
          {message.text}
        </p>
      )}
    </div>
  );
}
