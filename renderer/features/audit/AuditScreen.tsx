// The owner's audit log (ACTIONS 'audit.view', an owner-only screen): the entries with their filters, the tamper check on demand, the export.
import { addDays, format, isValid, parse } from 'date-fns';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../../shared/domain/permissions';
import { toCsv } from '../../../shared/domain/export';
import { auditTrail } from '../../db';
import { NO_AUDIT_FILTER, type AuditFilter } from '../../db/audit';
import { useAuditEntries, useCustomersByIds, useSettings } from '../../db/hooks';
import { formatDateTime } from '../../i18n';
import { useClock } from '../../platform/clock';
import { CustomerPicker } from '../../ui/CustomerPicker';
import { useMoney } from '../../ui/useMoney';
import { downloadFile, exportFileName, MIME } from '../export/exportFiles';
import { auditFileTable, isDayOrEmpty, type AuditWording } from './auditText';
import { AuditView, type AuditDayFilter, type ChainState } from './AuditView';
import './audit.css';
import { usePermission } from '../../session/ownerGate';
import { OwnerOnlyPanel } from '../../session/OwnerOnly';

/** What opening this screen needs. */
export const AUDIT_VIEW_ACTION: Action = 'audit.view';

/** Entries on screen at most; the export writes every one that matches. */
export const AUDIT_SHOWN = 500;

/** A local calendar day's first instant as ISO; null for no day or one that is not a date. */
function dayStart(day: string, plusDays = 0): string | null {
  if (!isDayOrEmpty(day) || day.trim() === '') return null;
  const parsed = parse(day.trim(), 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(parsed) ? addDays(parsed, plusDays).toISOString() : null;
}

/** The screen's days as the reader's instants: `to` includes its whole day. */
export function auditFilterOf(filter: AuditDayFilter): AuditFilter {
  return { ...NO_AUDIT_FILTER, kinds: filter.kind === null ? null : [filter.kind], customerId: filter.customerId, from: dayStart(filter.fromDay), to: dayStart(filter.toDay, 1) };
}

export function AuditScreen({ customerId }: { customerId: string | null }) {
  const { t } = useTranslation();
  const { allowed } = usePermission(AUDIT_VIEW_ACTION);
  if (!allowed) return <OwnerOnlyPanel action={AUDIT_VIEW_ACTION} headingId="audit-locked-heading" title={t('audit.title')} text={t('roles.lockedAudit')} />;
  return <AuditLog customerId={customerId} />;
}

function AuditLog({ customerId }: { customerId: string | null }) {
  const { t } = useTranslation();
  const clock = useClock();
  const money = useMoney();
  const region = useSettings()?.defaultRegion ?? 'CN';
  const [filter, setFilter] = useState<AuditDayFilter>({ kind: null, customerId, fromDay: '', toDay: '' });
  const query = useMemo(() => auditFilterOf(filter), [filter]);
  const page = useAuditEntries(query, AUDIT_SHOWN);
  const entries = page?.entries;
  const shownIds = useMemo(() => [...new Set((entries ?? []).flatMap((e) => e.customerIds.slice(0, 3)))], [entries]);
  const customers = useCustomersByIds(shownIds);
  const customerNames = useMemo(() => new Map([...(customers ?? new Map()).values()].map((c) => [c.id, c.name])), [customers]);
  const [chain, setChain] = useState<ChainState>({ state: 'idle' });
  const [exporting, setExporting] = useState(false);
  const [exportMessage, setExportMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const wording: AuditWording = useMemo(() => ({ t, money: money.format, dateTime: (iso: string) => (iso ? formatDateTime(iso) : '') }), [t, money]);

  const check = useCallback(async () => {
    setChain({ state: 'checking' });
    try {
      setChain({ state: 'done', result: await auditTrail.checkChain() });
    } catch (error) {
      console.error(error);
      setChain({ state: 'failed' });
    }
  }, []);

  const exportFile = async (fileFormat: 'csv' | 'xlsx') => {
    setExporting(true);
    setExportMessage(null);
    try {
      const all = (await auditTrail.query(query)).entries;
      const table = auditFileTable(wording, all);
      const name = exportFileName(t, `${t('audit.fileLabel')}-${format(clock(), 'HHmmss')}`, fileFormat, clock());
      if (fileFormat === 'csv') {
        downloadFile(toCsv(table.headers, table.rows), name, MIME.csv);
      } else {
        // Loaded when asked: the spreadsheet library is large, and most visits export nothing.
        const { writeXlsx } = await import('../importExport/xlsx');
        downloadFile(await writeXlsx([{ name: t('audit.title'), headers: table.headers, rows: table.rows }]), name, MIME.xlsx);
      }
      await auditTrail.record({ kind: 'export.file', customerIds: filter.customerId ? [filter.customerId] : [], facts: { exportKind: 'audit', format: fileFormat, scope: 'audit', rows: all.length } });
      setExportMessage({ ok: true, text: t('audit.exported', { file: name, count: all.length }) });
    } catch (error) {
      console.error(error);
      setExportMessage({ ok: false, text: t('audit.exportFailed') });
    } finally {
      setExporting(false);
    }
  };

  return (
    <AuditView
      wording={wording}
      filter={filter}
      onFilter={(next) => {
        setFilter(next);
        setExportMessage(null);
      }}
      customerPicker={
        <>
          <label htmlFor="audit-customer">{t('audit.customerFilter')}</label>
          <CustomerPicker
            value={filter.customerId}
            onChange={(id) => setFilter((f) => ({ ...f, customerId: id }))}
            region={region}
            label={t('audit.customerSearch')}
            clearLabel={t('audit.customerClear')}
            missingLabel={t('audit.customerMissing')}
            testIdPrefix="audit-customer"
            inputId="audit-customer"
          />
        </>
      }
      entries={entries}
      more={page?.more ?? false}
      limit={AUDIT_SHOWN}
      customerNames={customerNames}
      chain={chain}
      onCheck={() => void check()}
      exporting={exporting}
      exportMessage={exportMessage}
      onExport={(f) => void exportFile(f)}
    />
  );
}
