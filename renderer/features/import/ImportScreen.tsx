// The import screen: choose what and a file → columns and options → preview (counts, bad rows,
// duplicates) → import in one transaction with progress and cancel → report, and undo of any import.
// Reading, checking, planning and writing run in the import worker (renderer/workers).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PHONE_REGIONS, type PhoneRegion } from '../../../shared/domain/customer';
import {
  TARGET_FIELDS,
  VCARD_PHONE_LABELS,
  PURCHASE_TARGETS,
  type ColumnMapping,
  type DateOrder,
  type ImportPolicy,
  type LayoutChoice,
  type PurchaseColumnMapping,
  type TargetField,
  type PurchaseTarget,
  type TextEncodingName,
} from '../../../shared/domain/import';
import { useSettings } from '../../db/hooks';
import { navigate } from '../../ui/routes';
import {
  EXTERNAL_ID_MARK,
  type CustomerPreview,
  type ImportKind,
  type ImportOutcome,
  type LoadedFile,
  type PurchasePreview,
} from '../../workers/importProtocol';
import { ImportClient, ImportWorkerError, type ImportWorkerProgress } from './importClient';
import { ImportHistory } from './ImportHistory';
import { CurrencyNotice } from './ImportCurrency';
import { ImportLayoutChoices } from './ImportLayout';
import { CustomerPreviewView, PurchasePreviewView, PurchaseReport } from './ImportPreview';
import { EncodingChoice } from './EncodingChoice';
import { InvisibleNotice } from './InvisibleNotice';
import { DEFAULT_PHONE_CHOICES, ForeignPhonesNotice, KeepPhonesOption, type PhoneChoices } from './PhoneChoices';
import { DateOrderQuestion, hasOrderedDates } from './DateOrderQuestion';
import './import.css';
import { countText } from '../../i18n';

// .xls is offered so that an old workbook gets words on how to save it, rather than not showing.
const ACCEPT = '.csv,.tsv,.txt,.xlsx,.xls,.vcf,.vcard,text/csv,text/tab-separated-values,text/plain,text/vcard,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Step =
  | { name: 'choose' }
  | { name: 'loading' }
  | { name: 'review' }
  | { name: 'importing'; progress: ImportWorkerProgress | null; cancelling: boolean }
  | { name: 'done'; outcome: ImportOutcome }
  | { name: 'stopped'; reason: 'cancelled' | 'failed'; message: string };

const DELIMITER_KEYS: Record<string, string> = { ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'pipe' };

export function ImportScreen() {
  const { t } = useTranslation();
  const settings = useSettings();
  const clientRef = useRef<ImportClient | null>(null);
  const [kind, setKind] = useState<ImportKind>('customers');
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [fileError, setFileError] = useState<string | null>(null);
  const [bytes, setBytes] = useState<{ name: string; data: ArrayBuffer } | null>(null);
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [encoding, setEncoding] = useState<TextEncodingName | null>(null);
  const [layout, setLayout] = useState<LayoutChoice>({});
  const [currencyAck, setCurrencyAck] = useState(false);
  const [customerMapping, setCustomerMapping] = useState<ColumnMapping>({});
  const [purchaseMapping, setPurchaseMapping] = useState<PurchaseColumnMapping>({});
  const [policy, setPolicy] = useState<ImportPolicy>('skip');
  const [region, setRegion] = useState<PhoneRegion | null>(null);
  const [phoneChoices, setPhoneChoices] = useState<PhoneChoices>(DEFAULT_PHONE_CHOICES);
  const [dateOrderChoice, setDateOrderChoice] = useState<DateOrder | null>(null);
  const [customerPreview, setCustomerPreview] = useState<CustomerPreview | null>(null);
  const [purchasePreview, setPurchasePreview] = useState<PurchasePreview | null>(null);
  const [checking, setChecking] = useState<ImportWorkerProgress | null>(null);
  const [dragging, setDragging] = useState(false);
  const previewToken = useRef(0);

  const client = useCallback(() => {
    clientRef.current ??= new ImportClient();
    return clientRef.current;
  }, []);
  useEffect(
    () => () => {
      clientRef.current?.dispose();
      clientRef.current = null;
    },
    [],
  );

  const effectiveRegion = region ?? settings?.defaultRegion ?? 'CN';
  const currency = settings?.currency ?? 'CNY';
  const hint = kind === 'customers' ? customerPreview?.dateOrder : purchasePreview?.dateOrder;
  const dateOrder: DateOrder = dateOrderChoice ?? hint?.suggested ?? 'mdy';
  // A file whose dates read both ways is not imported until the clerk says how they are written.
  const needsDateOrder = hint?.ask === true && dateOrderChoice === null;

  const loadBytes = useCallback(
    async (name: string, data: ArrayBuffer, enc: TextEncodingName | null, layoutChoice: LayoutChoice) => {
      setStep({ name: 'loading' });
      setFileError(null);
      setCustomerPreview(null);
      setPurchasePreview(null);
      setCurrencyAck(false);
      try {
        // A copy goes to the worker, so the bytes can be read again in another encoding.
        const loaded = await client().load({ fileName: name, bytes: data.slice(0), encoding: enc, layout: layoutChoice, phoneLabels: Object.fromEntries(VCARD_PHONE_LABELS.map((l) => [l, t(`import.phoneLabels.${l}`)])) });
        setFile(loaded);
        setCustomerMapping(loaded.customerMapping);
        setPurchaseMapping(loaded.purchaseMapping);
        setStep({ name: 'review' });
      } catch (error) {
        setFile(null);
        setFileError(failureText(error, t));
        setStep({ name: 'choose' });
      }
    },
    [client, t],
  );

  const pickFile = useCallback(
    async (picked: File | undefined) => {
      if (!picked) return;
      const data = await picked.arrayBuffer();
      setBytes({ name: picked.name, data });
      setEncoding(null);
      setLayout({});
      setDateOrderChoice(null);
      setRegion(null);
      setPhoneChoices(DEFAULT_PHONE_CHOICES);
      await loadBytes(picked.name, data, null, {});
    },
    [loadBytes],
  );

  // The preview follows every choice; only the newest answer is shown.
  const isVcard = file?.source === 'vcard';
  const wrongKind = kind === 'purchases' && isVcard;
  useEffect(() => {
    if (step.name !== 'review' || !file || wrongKind) return;
    const token = ++previewToken.current;
    const timer = window.setTimeout(() => {
      const c = client();
      const done = () => token === previewToken.current && setChecking(null);
      if (kind === 'customers') {
        void c
          .previewCustomers(
            { options: { mapping: customerMapping, policy, defaultRegion: effectiveRegion, dateOrder, ...phoneChoices } },
            (p) => token === previewToken.current && setChecking(p),
          )
          .then((p) => token === previewToken.current && setCustomerPreview(p))
          .catch(() => undefined)
          .finally(done);
      } else {
        void c
          .previewPurchases({ options: { mapping: purchaseMapping, currency, defaultRegion: effectiveRegion, dateOrder } })
          .then((p) => token === previewToken.current && setPurchasePreview(p))
          .catch(() => undefined)
          .finally(done);
      }
    }, 120);
    return () => window.clearTimeout(timer);
  }, [step.name, file, kind, customerMapping, purchaseMapping, policy, effectiveRegion, dateOrder, phoneChoices, currency, client, wrongKind]);

  const startImport = async () => {
    if (!file) return;
    setStep({ name: 'importing', progress: null, cancelling: false });
    const onProgress = (p: ImportWorkerProgress) =>
      setStep((s) => (s.name === 'importing' ? { ...s, progress: p } : s));
    try {
      const outcome = await client().importData(
        kind === 'customers'
          ? { type: 'importCustomers', options: { mapping: customerMapping, policy, defaultRegion: effectiveRegion, dateOrder, ...phoneChoices } }
          : {
              type: 'importPurchases',
              options: { mapping: purchaseMapping, currency, currencyAcknowledged: currencyAck, defaultRegion: effectiveRegion, dateOrder },
              externalNamePattern: t('import.externalCustomerName', { externalId: EXTERNAL_ID_MARK }),
            },
        onProgress,
      );
      setStep({ name: 'done', outcome });
    } catch (error) {
      const cancelled = error instanceof ImportWorkerError && error.reason === 'cancelled';
      setStep({ name: 'stopped', reason: cancelled ? 'cancelled' : 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const cancelImport = () => {
    client().cancel();
    setStep((s) => (s.name === 'importing' ? { ...s, cancelling: true } : s));
  };

  const reset = () => {
    setStep({ name: 'choose' });
    setFile(null);
    setBytes(null);
    setCustomerPreview(null);
    setPurchasePreview(null);
  };

  const importButton = useMemo(() => {
    if (kind === 'customers') {
      const p = customerPreview;
      if (!p) return null;
      // A wrong balance holds back the whole import, not only its row.
      if ((p.openingPoints?.invalid ?? 0) > 0) return { label: t('import.openingPoints.refusedButton'), disabled: true };
      // Points added to customers whose details stay as they are are a write too.
      const writes = p.counts.create + p.updateChanged + (p.openingPoints?.customers ?? 0);
      const valid = p.validRows;
      if (writes === 0) return { label: t('import.actions.nothing'), disabled: true };
      if (p.invalidRows > 0) return { label: t('import.actions.importValid', { count: valid, valid: countText(valid), bad: countText(p.invalidRows) }), disabled: false };
      return { label: t('import.actions.importAll', { count: valid, n: countText(valid) }), disabled: false };
    }
    const p = purchasePreview;
    if (!p) return null;
    const s = p.summary;
    if (s.purchases === 0) return { label: t('import.actions.nothing'), disabled: true };
    // Amounts marked as another currency wait for the clerk's word (the notice above the report).
    const waiting = p.currency.foreign.length > 0 && !currencyAck;
    const left = s.totalRows - s.importRows;
    if (left > 0) return { label: t('import.actions.importPurchasesLeaveOut', { count: s.purchases, n: countText(s.purchases), left: countText(left) }), disabled: waiting };
    return { label: t('import.actions.importPurchases', { count: s.purchases, n: countText(s.purchases) }), disabled: waiting };
  }, [kind, customerPreview, purchasePreview, currencyAck, t]);

  const busy = step.name === 'loading' || step.name === 'importing';
  // The options card holds only what applies to this file; with nothing to choose, there is no card.
  const showRegion = !(kind === 'purchases' && file?.purchaseFormat === 'online-retail');
  const showDateOrder = hasOrderedDates(hint);
  const showPolicy = kind === 'customers';

  return (
    <section className="import-screen" aria-labelledby="import-heading" data-testid="import-screen">
      <div className="screen-header screen-header-stacked">
        <h1 id="import-heading">{t('import.title')}</h1>
        <p className="muted">{t('import.intro')}</p>
      </div>

      {(step.name === 'choose' || step.name === 'loading') && (
        <>
          <section className="card">
            <h2>{t('import.kind.label')}</h2>
            <div className="import-kinds" role="radiogroup" aria-label={t('import.kind.label')}>
              {(['customers', 'purchases'] as const).map((k) => (
                <label key={k} className={kind === k ? 'import-kind import-kind-selected' : 'import-kind'}>
                  <input type="radio" name="import-kind" value={k} checked={kind === k} onChange={() => setKind(k)} data-testid={`import-kind-${k}`} />
                  <span>
                    <strong>{t(`import.kind.${k}`)}</strong>
                    <span className="muted">{t(`import.kind.${k}Hint`)}</span>
                  </span>
                </label>
              ))}
            </div>
            <div
              className={dragging ? 'drop-zone drop-zone-active' : 'drop-zone'}
              data-testid="import-drop"
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={(e) => {
                e.preventDefault();
                setDragging(false);
                void pickFile(e.dataTransfer.files[0]);
              }}
            >
              {step.name === 'loading' ? (
                <p aria-busy="true">{t('import.file.reading')}</p>
              ) : (
                <>
                  <p>{t('import.file.drop')}</p>
                  <label className="button button-primary">
                    {t('import.file.choose')}
                    <input
                      type="file"
                      className="visually-hidden"
                      accept={ACCEPT}
                      data-testid="import-file"
                      onChange={(e) => {
                        void pickFile(e.target.files?.[0]);
                        e.target.value = '';
                      }}
                    />
                  </label>
                  <p className="hint">{t(kind === 'customers' ? 'import.file.typesCustomers' : 'import.file.typesPurchases')}</p>
                </>
              )}
            </div>
            {fileError && (
              <p className="banner banner-error" role="alert" data-testid="import-file-error">
                {fileError}
              </p>
            )}
          </section>
          <ImportHistory />
        </>
      )}

      {step.name !== 'choose' && step.name !== 'loading' && file && (
        <section className="card import-file" data-testid="import-file-summary">
          <div className="import-file-line">
            <strong className="break">{file.fileName}</strong>
            <span className="muted">
              {t(`import.file.source.${file.source}`)} ·{' '}
              {file.source === 'vcard' ? t('import.file.cards', { count: file.rowCount, n: countText(file.rowCount) }) : t('import.file.rows', { count: file.rowCount, n: countText(file.rowCount) })}
            </span>
            {step.name === 'review' && (
              <button type="button" className="button button-small" onClick={reset} data-testid="import-other-file">
                {t('import.file.other')}
              </button>
            )}
          </div>
          {file.source === 'delimited' && (
            <>
              <p className="muted import-file-details">
                {t('import.file.delimiter')}
                {t('common.colon')}
                <span data-testid="import-delimiter">{t(`import.file.delimiters.${DELIMITER_KEYS[file.delimiter ?? ','] ?? 'comma'}`)}</span>
              </p>
              <EncodingChoice
                file={file}
                chosen={encoding}
                disabled={step.name !== 'review'}
                onChoose={(next) => {
                  setEncoding(next);
                  if (bytes) void loadBytes(bytes.name, bytes.data, next, layout);
                }}
              />
            </>
          )}
          {file.sheetName && file.sheets.length <= 1 && (
            <p className="muted">
              {t('import.file.sheet')}
              {t('common.colon')}
              {file.sheetName}
            </p>
          )}
          <InvisibleNotice file={file} />
          <ImportLayoutChoices
            file={file}
            disabled={step.name !== 'review'}
            onChange={(choice) => {
              setLayout(choice);
              if (bytes) void loadBytes(bytes.name, bytes.data, encoding, choice);
            }}
          />
          {file.replacements > 0 && <p className="banner banner-warning">{t('import.file.replacements', { count: file.replacements })}</p>}
          {file.warnings.length > 0 && (
            <ul className="banner banner-warning plain-list" data-testid="import-file-warnings">
              {file.warnings.slice(0, 5).map((w, i) => (
                <li key={i}>
                  {t('import.preview.rowN', { row: w.rowNumber })}
                  {t('common.colon')}
                  {t(`import.fileWarnings.${w.code}`)}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {step.name === 'review' && file && (
        <>
          {wrongKind ? (
            <p className="banner banner-error" role="alert">
              {t('import.file.vcardNotPurchases')}
            </p>
          ) : (
            <>
              <MappingCard
                kind={kind}
                file={file}
                customerMapping={customerMapping}
                purchaseMapping={purchaseMapping}
                onCustomerMapping={setCustomerMapping}
                onPurchaseMapping={setPurchaseMapping}
              />
              {(showRegion || showDateOrder || showPolicy) && (
                <section className="card" data-testid="import-options">
                  <h2>{t('import.options.title')}</h2>
                  {showRegion && (
                    <div className="form-grid">
                      <div className="form-field">
                        <label htmlFor="import-region">{t('import.options.region')}</label>
                        <select id="import-region" value={effectiveRegion} onChange={(e) => setRegion(e.target.value as PhoneRegion)} data-testid="import-region">
                          {PHONE_REGIONS.map((r) => (
                            <option key={r} value={r}>
                              {t(`regions.${r}`)}
                            </option>
                          ))}
                        </select>
                        <span className="hint">{t('import.options.regionHint')}</span>
                      </div>
                    </div>
                  )}
                  {kind === 'customers' && <KeepPhonesOption choices={phoneChoices} onChange={setPhoneChoices} />}
                  {showDateOrder && hint && <DateOrderQuestion hint={hint} choice={dateOrderChoice} onChoose={setDateOrderChoice} />}
                  {showPolicy && (
                    <fieldset className="import-policy">
                      <legend>{t('import.policy.title')}</legend>
                      <p className="hint">{t('import.policy.hint')}</p>
                      {(['skip', 'update', 'new'] as const).map((p) => (
                        <label key={p} className="check">
                          <input type="radio" name="import-policy" value={p} checked={policy === p} onChange={() => setPolicy(p)} data-testid={`import-policy-${p}`} />
                          {t(`import.policies.${p}`)}
                        </label>
                      ))}
                    </fieldset>
                  )}
                </section>
              )}
              <section className="card" aria-labelledby="import-preview-heading" aria-busy={checking !== null}>
                <h2 id="import-preview-heading">{t('import.preview.title')}</h2>
                {checking && checking.total > 0 && (
                  <p className="muted" aria-live="polite">
                    {t('import.preview.checking', { done: countText(checking.done), total: countText(checking.total) })}
                  </p>
                )}
                {kind === 'customers' ? (
                  customerPreview ? (
                    <>
                      <ForeignPhonesNotice preview={customerPreview} region={effectiveRegion} choices={phoneChoices} onChange={setPhoneChoices} />
                      <CustomerPreviewView preview={customerPreview} />
                    </>
                  ) : (
                    <div className="loading" aria-busy="true" />
                  )
                ) : purchasePreview ? (
                  <>
                    <CurrencyNotice check={purchasePreview.currency} acknowledged={currencyAck} onAcknowledge={setCurrencyAck} />
                    <PurchasePreviewView preview={purchasePreview} currency={currency} />
                  </>
                ) : (
                  <div className="loading" aria-busy="true" />
                )}
              </section>
            </>
          )}
          <div className="import-actions">
            <button type="button" className="button" onClick={reset}>
              {t('import.actions.back')}
            </button>
            {importButton && !wrongKind && (
              <button type="button" className="button button-primary" disabled={importButton.disabled || checking !== null || needsDateOrder} onClick={() => void startImport()} data-testid="import-start">
                {importButton.label}
              </button>
            )}
          </div>
          {needsDateOrder && !wrongKind && (
            <p className="hint import-all-or-nothing" data-testid="import-needs-date-order">
              {t('import.dateOrder.chooseFirst')}
            </p>
          )}
          <p className="hint import-all-or-nothing">{t('import.progress.allOrNothing')}</p>
        </>
      )}

      {step.name === 'importing' && (
        <section className="card import-progress" data-testid="import-progress" aria-live="polite">
          <h2>{t('import.progress.title')}</h2>
          <progress
            max={step.progress?.total || 1}
            value={step.progress && step.progress.phase === 'writing' ? step.progress.done : undefined}
            aria-label={t('import.progress.title')}
          />
          <p className="muted">
            {step.progress
              ? t(`import.progress.phases.${step.progress.phase}`, { done: countText(step.progress.done), total: countText(step.progress.total) })
              : t('import.progress.phases.planning')}
          </p>
          <p className="hint">{t('import.progress.cancelNote')}</p>
          <button type="button" className="button" onClick={cancelImport} disabled={step.cancelling} data-testid="import-cancel">
            {step.cancelling ? t('import.progress.cancelling') : t('import.progress.cancel')}
          </button>
        </section>
      )}

      {step.name === 'stopped' && (
        <section className="card" data-testid="import-stopped">
          <p className={step.reason === 'cancelled' ? 'banner banner-warning' : 'banner banner-error'} role="alert">
            {t(step.reason === 'cancelled' ? 'import.done.cancelled' : 'import.done.failed')}
          </p>
          {step.reason === 'failed' && <pre className="import-error-detail">{step.message}</pre>}
          <div className="import-actions">
            <button type="button" className="button" onClick={() => setStep({ name: 'review' })}>
              {t('import.actions.back')}
            </button>
          </div>
        </section>
      )}

      {step.name === 'done' && (
        <>
          <section className="card" data-testid="import-done">
            <h2>{t('import.done.title')}</h2>
            {step.outcome.kind === 'customers' ? (
              <p data-testid="import-done-summary">
                {t('import.done.customers', {
                  created: countText(step.outcome.counts.created ?? 0),
                  updated: countText(step.outcome.counts.updated ?? 0),
                  skipped: countText(step.outcome.counts.skipped ?? 0),
                  invalid: countText(step.outcome.counts.invalid ?? 0),
                })}
                {(step.outcome.counts.erased ?? 0) > 0 && <> {t('import.done.erased', { n: countText(step.outcome.counts.erased ?? 0) })}</>}
              </p>
            ) : (
              <PurchaseReport summary={step.outcome.summary} testId="import-done-report" />
            )}
            <div className="import-actions import-actions-start">
              <button type="button" className="button button-primary" onClick={() => navigate({ name: 'customers' })}>
                {t('import.done.viewCustomers')}
              </button>
              <button type="button" className="button" onClick={reset} data-testid="import-another">
                {t('import.done.another')}
              </button>
            </div>
          </section>
          <ImportHistory highlight={step.outcome.batchId} />
        </>
      )}
      {busy && <span className="visually-hidden" aria-live="polite">{t('import.progress.title')}</span>}
    </section>
  );
}

function MappingCard(props: {
  kind: ImportKind;
  file: LoadedFile;
  customerMapping: ColumnMapping;
  purchaseMapping: PurchaseColumnMapping;
  onCustomerMapping: (m: ColumnMapping) => void;
  onPurchaseMapping: (m: PurchaseColumnMapping) => void;
}) {
  const { t } = useTranslation();
  const { kind, file } = props;
  if (file.source === 'vcard') {
    return (
      <section className="card">
        <h2>{t('import.mapping.title')}</h2>
        <p className="muted">{t('import.mapping.vcard')}</p>
      </section>
    );
  }
  // The app's own export is read column by column as written: no targets to choose.
  const ownExport = file.ownExport === kind;
  const onlineRetail = (kind === 'purchases' && file.purchaseFormat === 'online-retail') || ownExport;
  const targets: readonly string[] = kind === 'customers' ? TARGET_FIELDS : PURCHASE_TARGETS;
  const mapping: Record<number, string> = kind === 'customers' ? props.customerMapping : props.purchaseMapping;
  const combined = kind === 'customers' && Object.values(props.customerMapping).includes('firstName') && Object.values(props.customerMapping).includes('lastName');
  const sample = (i: number) => file.samples.map((r) => r[i] ?? '').find((v) => v.trim() !== '') ?? '';
  return (
    <section className="card" aria-labelledby="import-mapping-heading">
      <h2 id="import-mapping-heading">{t('import.mapping.title')}</h2>
      <p className="muted" data-testid={ownExport ? 'import-own-export' : undefined}>
        {ownExport ? t('import.mapping.ownExport') : onlineRetail ? t('import.mapping.onlineRetail') : t('import.mapping.hint')}
      </p>
      {combined && <p className="hint">{t('import.mapping.combineNames')}</p>}
      <table className="simple-table import-mapping" data-testid="import-mapping">
        <thead>
          <tr>
            <th>{t('import.mapping.column')}</th>
            <th>{t('import.mapping.sample')}</th>
            {!onlineRetail && <th>{t('import.mapping.target')}</th>}
          </tr>
        </thead>
        <tbody>
          {file.headers.map((h, i) => (
            <tr key={i} data-testid="import-mapping-row">
              <td className="import-header-cell">{h || t('import.mapping.noHeader', { n: i + 1 })}</td>
              <td className="import-sample-cell">{sample(i) || <span className="muted">—</span>}</td>
              {!onlineRetail && (
                <td>
                  <select
                    aria-label={t('import.mapping.targetFor', { column: h || i + 1 })}
                    value={mapping[i] ?? 'ignore'}
                    data-testid={`import-map-${i}`}
                    className={(mapping[i] ?? 'ignore') === 'ignore' ? 'import-ignored' : undefined}
                    onChange={(e) => {
                      if (kind === 'customers') props.onCustomerMapping({ ...props.customerMapping, [i]: e.target.value as TargetField });
                      else props.onPurchaseMapping({ ...props.purchaseMapping, [i]: e.target.value as PurchaseTarget });
                    }}
                  >
                    {targets.map((target) => (
                      <option key={target} value={target}>
                        {t(kind === 'customers' ? `import.targets.${target}` : `import.purchaseTargets.${target}`)}
                      </option>
                    ))}
                  </select>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Why a file could not be opened, in words that say what to do. */
function failureText(error: unknown, t: (key: string) => string): string {
  if (!(error instanceof ImportWorkerError)) return t('import.failures.unreadable');
  if (error.reason === 'refused' && error.refused) return t(`import.refused.${error.refused}`);
  return t(`import.failures.${error.reason}`);
}
