// The export screen (an owner's action): customers, purchases or contacts to CSV or XLSX, and one
// customer's complete data. Reading everything is fine here, in bulk and with progress.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActiveCount, useCustomerList, useMatchingCount, useSettings } from '../../db/hooks';
import { useUiStore } from '../../stores/ui';
import { CustomerDataExport } from '../customers/CustomerDataExport';
import { useListFilters } from '../customers/useListFilters';
import { churnLevelName, groupName, stageName } from '../status/statusText';
import { useStatusWording } from '../status/useStatusWording';
import { CustomerPicker } from '../../ui/CustomerPicker';
import { auditTrail, customers } from '../../db';
import { useDesktop } from '../../platform/context';
import { buildInWorker } from './exportClient';
import { EXPORT_KINDS, exportAction, runExport, type ExportFormat, type ExportKind, type ExportOutcome, type ExportPhase, type ExportScope, type PurchaseRowShape } from './runExport';
import { assertNever } from '../../../shared/result';
import './export.css';
import { OwnerButton } from '../../session/OwnerOnly';
import { countText } from '../../i18n';
import { useClock } from '../../platform/clock';
import { pointsFilterTexts } from '../customers/PointsListFilter';
import { surveyBandFilterText } from '../surveys/SurveyBandFilter';

type Status = { state: 'idle' } | { state: 'running'; phase: ExportPhase | null } | { state: 'done'; outcome: ExportOutcome };

function Choice<T extends string>({ name, value, current, onChange, title, hint, disabled, testId }: {
  name: string; value: T; current: T; onChange: (v: T) => void; title: string; hint?: string; disabled?: boolean; testId?: string;
}) {
  return (
    <label className={`option${current === value ? ' option-selected' : ''}${disabled ? ' option-disabled' : ''}`}>
      <input type="radio" name={name} value={value} checked={current === value} disabled={disabled} onChange={() => onChange(value)} data-testid={testId} />
      <span className="option-text">
        <strong>{title}</strong>
        {hint && <span className="muted">{hint}</span>}
      </span>
    </label>
  );
}

export function ExportScreen() {
  const clock = useClock();
  const { t } = useTranslation();
  const { api } = useDesktop();
  const settings = useSettings();
  const sort = useUiStore((s) => s.sort);
  const direction = useUiStore((s) => s.direction);
  const wording = useStatusWording();
  const { search, terms, tag, tierId, stage, churnLevel, pointsFilter, points, surveyBand, filtered } = useListFilters(wording.status, false);
  const listQuery = useMemo(
    () => ({ sort, direction, tag, terms, tierId, stage, churnLevel, points, surveyBand }),
    [sort, direction, tag, terms, tierId, stage, churnLevel, points, surveyBand],
  );
  const list = useCustomerList(filtered ? listQuery : null);
  const total = useActiveCount();
  // A large filter's answer holds its first rows only; its count comes apart.
  const matching = useMatchingCount(filtered && list?.paged ? listQuery : null);
  const listCount = list?.paged ? matching : list?.ids.length;

  const [kind, setKind] = useState<ExportKind>('customers');
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [scope, setScope] = useState<ExportScope>('all');
  const [purchaseRows, setPurchaseRows] = useState<PurchaseRowShape>('purchases');
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const [pickedCustomer, setPickedCustomer] = useState<string | null>(null);
  const effectiveScope: ExportScope = filtered ? scope : 'all';
  const running = status.state === 'running';

  const start = async () => {
    setStatus({ state: 'running', phase: null });
    const outcome = await runExport(
      { kind, format, scope: effectiveScope, listQuery, purchaseRows, currency: settings?.currency ?? 'CNY', region: settings?.defaultRegion ?? 'CN' },
      { api: api.exportFile, t, now: clock, listIds: async (query) => (await customers.listIds(query)).ids, build: buildInWorker },
      (phase) => setStatus({ state: 'running', phase }),
    );
    if (outcome.state === 'saved') {
      // The trail says what left the store, not where it went: a path may name a person.
      await auditTrail
        .record({ kind: 'export.file', facts: { exportKind: kind, format, scope: kind === 'customers' ? effectiveScope : 'all', rows: outcome.rows } })
        .catch((error: unknown) => console.error(error));
    }
    setStatus({ state: 'done', outcome });
  };

  const filterText = [
    terms.length ? t('exportScreen.scope.search', { text: search.trim() }) : null,
    tag !== null ? t('exportScreen.scope.tag', { tag }) : null,
    tierId !== null ? t('exportScreen.scope.tier', { tier: groupName(wording, tierId) }) : null,
    stage !== null ? t('exportScreen.scope.stage', { stage: stageName(t, stage) }) : null,
    churnLevel !== null ? t('exportScreen.scope.risk', { level: churnLevelName(t, churnLevel) }) : null,
    ...pointsFilterTexts(t, pointsFilter),
    surveyBand !== null ? surveyBandFilterText(t, surveyBand) : null,
  ].filter(Boolean).join(t('exportScreen.scope.separator'));

  return (
    <section className="export-screen" aria-labelledby="export-heading">
      <div className="screen-header screen-header-stacked">
        <h1 id="export-heading">{t('exportScreen.title')}</h1>
        <p className="muted">{t('exportScreen.explain')}</p>
      </div>

      <section className="card" aria-labelledby="export-what">
        <h2 id="export-what">{t('exportScreen.what')}</h2>
        <div className="option-row" role="radiogroup" aria-labelledby="export-what">
          {EXPORT_KINDS.map((k) => (
            <Choice key={k} name="export-kind" value={k} current={kind} onChange={setKind} disabled={running}
              title={t(`exportScreen.kinds.${k}`)} hint={t(`exportScreen.kindHints.${k}`)} testId={`export-kind-${k}`} />
          ))}
        </div>

        {kind === 'customers' && (
          <fieldset className="export-fieldset">
            <legend>{t('exportScreen.scope.label')}</legend>
            <div className="option-row">
              <Choice name="export-scope" value="all" current={effectiveScope} onChange={setScope} disabled={running}
                title={t('exportScreen.scope.all', { count: total ?? 0 })} hint={t('exportScreen.scope.allHint')} testId="export-scope-all" />
              <Choice name="export-scope" value="list" current={effectiveScope} onChange={setScope} disabled={running || !filtered}
                title={filtered ? t('exportScreen.scope.list', { count: listCount ?? 0 }) : t('exportScreen.scope.listNone')}
                hint={filtered ? filterText : t('exportScreen.scope.listNoneHint')} testId="export-scope-list" />
            </div>
            {filtered && list?.truncated && (
              <p className="banner banner-warning" role="status" data-testid="export-truncated">
                {t('exportScreen.scope.truncated', { count: list.ids.length })}
              </p>
            )}
          </fieldset>
        )}

        {kind === 'purchases' && (
          <fieldset className="export-fieldset">
            <legend>{t('exportScreen.rows.label')}</legend>
            <div className="option-row">
              <Choice name="export-rows" value="purchases" current={purchaseRows} onChange={setPurchaseRows} disabled={running}
                title={t('exportScreen.rows.purchases')} hint={t('exportScreen.rows.purchasesHint')} testId="export-rows-purchases" />
              <Choice name="export-rows" value="lines" current={purchaseRows} onChange={setPurchaseRows} disabled={running}
                title={t('exportScreen.rows.lines')} hint={t('exportScreen.rows.linesHint')} testId="export-rows-lines" />
            </div>
          </fieldset>
        )}

        <fieldset className="export-fieldset">
          <legend>{t('exportScreen.format.label')}</legend>
          <div className="option-row">
            <Choice name="export-format" value="csv" current={format} onChange={setFormat} disabled={running}
              title={t('exportScreen.format.csv')} hint={t('exportScreen.format.csvHint')} testId="export-format-csv" />
            <Choice name="export-format" value="xlsx" current={format} onChange={setFormat} disabled={running}
              title={t('exportScreen.format.xlsx')} hint={t('exportScreen.format.xlsxHint')} testId="export-format-xlsx" />
          </div>
        </fieldset>

        <div className="export-actions">
          <OwnerButton action={exportAction(kind, kind === 'customers' ? effectiveScope : 'all')} className="button button-primary" disabled={running} onClick={() => void start()} testId="export-start">
            {running ? t('exportScreen.running') : t('exportScreen.start')}
          </OwnerButton>
          <ExportStatus status={status} />
        </div>
        <p className="hint">{t('exportScreen.saveHint')}</p>
      </section>

      <section className="card" aria-labelledby="export-one">
        <h2 id="export-one">{t('exportScreen.one.title')}</h2>
        <p className="muted export-one-explain">{t('exportScreen.one.explain')}</p>
        <div className="export-one">
          <CustomerPicker
            value={pickedCustomer}
            onChange={setPickedCustomer}
            region={settings?.defaultRegion ?? 'CN'}
            label={t('exportScreen.one.search')}
            clearLabel={t('exportScreen.one.change')}
            missingLabel={t('customer.notFound')}
            testIdPrefix="export-customer"
            className="export-picker"
          />
          {pickedCustomer && <CustomerDataExport key={pickedCustomer} customerId={pickedCustomer} />}
        </div>
      </section>
    </section>
  );
}

function ExportStatus({ status }: { status: Status }) {
  const { t } = useTranslation();
  if (status.state === 'idle') return null;
  if (status.state === 'done') {
    const outcome = status.outcome;
    switch (outcome.state) {
      case 'saved':
        return (
          <div className="export-done" role="status" data-testid="export-status" data-state="saved">
            <p>{t('exportScreen.done', { count: outcome.rows, file: outcome.fileName })}</p>
            <p className="muted export-path" data-testid="export-path">{t('exportScreen.savedWhere', { path: outcome.path })}</p>
          </div>
        );
      case 'cancelled':
        return <p className="muted" role="status" data-testid="export-status" data-state="cancelled">{t('exportScreen.cancelled')}</p>;
      case 'failed':
        return (
          <p className="form-error" role="alert" data-testid="export-status" data-state="failed">
            {outcome.reason === 'build-failed' ? t('exportScreen.failed') : t('exportScreen.failedReason', { reason: t(`errors.${outcome.reason}`) })}
          </p>
        );
      default:
        return assertNever(outcome);
    }
  }
  const phase = status.phase;
  if (phase?.phase === 'reading') {
    return (
      <div className="export-progress" role="status" data-testid="export-status" data-state="reading">
        <progress max={Math.max(phase.total, 1)} value={phase.done} />
        <span className="muted">{t('exportScreen.reading', { done: countText(phase.done), total: countText(phase.total) })}</span>
      </div>
    );
  }
  if (phase?.phase === 'saving') {
    const percent = phase.total === 0 ? 100 : Math.floor((phase.sent / phase.total) * 100);
    return (
      <div className="export-progress" role="status" data-testid="export-status" data-state="saving">
        <progress max={100} value={percent} />
        <span className="muted">{t('exportScreen.saving', { percent })}</span>
      </div>
    );
  }
  return (
    <div className="export-progress" role="status" data-testid="export-status" data-state={phase?.phase ?? 'starting'}>
      <progress />
      <span className="muted">{phase?.phase === 'writing' ? t('exportScreen.writing') : t('exportScreen.starting')}</span>
    </div>
  );
}
