// The merge dialog: pick the file that stays, pick per field whose value to keep (phones, tags and
// consent histories are combined), look at the result, confirm. The merge runs in one transaction.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, CustomerFields, PhoneRegion } from '../../../shared/domain/customer';
import { PICKED_FIELDS, planMerge, type MergeChoice, type PickedField } from '../../../shared/domain/duplicates';
import { formatMoney } from '../../../shared/domain/money';
import { customerMerge } from '../../db';
import { useCustomersByIds, useSettings } from '../../db/hooks';
import type { MergeResult } from '../../db/merge';
import { currentLocale, formatDateTime } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { hasValue, phonesLabel, pickedFieldText } from './fieldText';

interface Props {
  ids: string[];
  onClose: () => void;
  onMerged: (result: MergeResult) => void;
}

/** The file that stays by default: the one with the most purchases, then the oldest. */
function defaultSurvivor(members: Customer[]): Customer {
  return [...members].sort((a, b) => b.purchaseCount - a.purchaseCount || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))[0]!;
}

/** Each field from the survivor, unless it is empty there: then from the first member that has it. */
function defaultPicks(survivor: Customer, members: Customer[]): Record<PickedField, string> {
  const picks = {} as Record<PickedField, string>;
  for (const field of PICKED_FIELDS) {
    picks[field] = hasValue(field, survivor) ? survivor.id : (members.find((m) => hasValue(field, m))?.id ?? survivor.id);
  }
  return picks;
}

export function MergeDialog({ ids, onClose, onMerged }: Props) {
  const { t } = useTranslation();
  const settings = useSettings();
  const region = settings?.defaultRegion ?? 'CN';
  const currency = settings?.currency ?? 'CNY';
  const byId = useCustomersByIds(ids);
  const members = useMemo(() => (byId ? ids.map((id) => byId.get(id)).filter((c): c is Customer => !!c) : []), [byId, ids]);
  const referrerIds = useMemo(() => [...new Set(members.map((m) => m.referredBy).filter((x): x is string => !!x))], [members]);
  const referrers = useCustomersByIds(referrerIds);
  const nameOf = (id: string) => referrers?.get(id)?.name;

  const [choice, setChoice] = useState<MergeChoice | null>(null);
  const [step, setStep] = useState<'pick' | 'preview'>('pick');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const ready = byId !== undefined && members.length === ids.length && members.length >= 2;
  const current: MergeChoice | null = choice ?? (ready ? (() => {
    const s = defaultSurvivor(members);
    return { survivorId: s.id, picks: defaultPicks(s, members) };
  })() : null);
  const planned: CustomerFields | null = useMemo(() => (current && ready ? planMerge(members, current) : null), [current, members, ready]);

  const setSurvivor = (id: string) => {
    const s = members.find((m) => m.id === id)!;
    setChoice({ survivorId: id, picks: defaultPicks(s, members) });
  };
  const setPick = (field: PickedField, id: string) => current && setChoice({ ...current, picks: { ...current.picks, [field]: id } });

  const survivor = current ? members.find((m) => m.id === current.survivorId) : undefined;
  const others = members.filter((m) => m.id !== survivor?.id);

  const confirm = async () => {
    if (!current) return;
    setBusy(true);
    setFailed(false);
    try {
      onMerged(await customerMerge(ids, current));
    } catch (error) {
      console.error(error);
      setFailed(true);
      setBusy(false);
    }
  };

  const footer = (
    <>
      {failed && <span className="form-error merge-error" role="alert">{t('merge.failed')}</span>}
      <button type="button" className="button" onClick={step === 'preview' ? () => setStep('pick') : onClose} disabled={busy}>
        {step === 'preview' ? t('merge.back') : t('common.cancel')}
      </button>
      {step === 'pick' ? (
        <button type="button" className="button button-primary" disabled={!ready} onClick={() => setStep('preview')} data-testid="merge-preview">
          {t('merge.preview')}
        </button>
      ) : (
        <button type="button" className="button button-primary" disabled={busy || !survivor} onClick={() => void confirm()} data-testid="merge-confirm">
          {busy ? t('merge.merging') : t('merge.confirm', { name: survivor?.name ?? '' })}
        </button>
      )}
    </>
  );

  return (
    <Dialog title={t('merge.title', { count: ids.length })} onClose={busy ? () => undefined : onClose} footer={footer} wide testId="merge-dialog">
      {!ready || !current || !planned || !survivor ? (
        byId === undefined ? <div className="loading" aria-busy="true" /> : <p className="form-error">{t('merge.changed')}</p>
      ) : step === 'pick' ? (
        <>
          <p className="muted merge-intro">{t('merge.intro')}</p>
          <div className="merge-scroll">
            <table className="merge-table">
              <thead>
                <tr>
                  <th scope="col" className="merge-field">{t('merge.keepFile')}</th>
                  {members.map((m, i) => (
                    <th key={m.id} scope="col" className={m.id === current.survivorId ? 'merge-survivor' : undefined}>
                      <label className="merge-choice">
                        <input type="radio" name="merge-survivor" checked={m.id === current.survivorId} onChange={() => setSurvivor(m.id)} data-testid={`merge-survivor-${i}`} />
                        <span>
                          <strong>{m.name}</strong>
                          <span className="muted merge-meta">{t('merge.createdAt', { date: formatDateTime(m.createdAt) })}</span>
                          <span className="muted merge-meta">
                            {t('merge.figures', { count: m.purchaseCount, total: formatMoney(m.totalSpentFen, currency, currentLocale()) })}
                          </span>
                        </span>
                      </label>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {PICKED_FIELDS.map((field) => {
                  const texts = members.map((m) => pickedFieldText(field, m, t, nameOf));
                  if (texts.every((x) => !x)) return null;
                  const same = texts.every((x) => x === texts[0]);
                  return (
                    <tr key={field} data-testid={`merge-row-${field}`}>
                      <th scope="row" className="merge-field">{t(`customer.fields.${field}`)}</th>
                      {same ? (
                        <td colSpan={members.length} className="merge-same">
                          {texts[0]} <span className="muted">· {t('merge.same')}</span>
                        </td>
                      ) : (
                        members.map((m, i) => (
                          <td key={m.id} className={current.picks[field] === m.id ? 'merge-picked' : undefined}>
                            <label className="merge-choice">
                              <input type="radio" name={`merge-pick-${field}`} checked={current.picks[field] === m.id} onChange={() => setPick(field, m.id)}
                                data-testid={`merge-pick-${field}-${i}`} />
                              <span className={field === 'notes' ? 'merge-value merge-notes' : 'merge-value'}>{texts[i] || <span className="muted">—</span>}</span>
                            </label>
                          </td>
                        ))
                      )}
                    </tr>
                  );
                })}
                <CombinedRows planned={planned} members={members} region={region} />
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <div className="merge-preview" data-testid="merge-preview-panel">
          <p className="banner banner-warning">
            {t('merge.summary', { count: others.length, others: others.map((o) => o.name).join(t('merge.nameSeparator')), kept: survivor.name })}
          </p>
          <h3>{t('merge.result')}</h3>
          <dl className="field-grid">
            {PICKED_FIELDS.map((field) => {
              const text = pickedFieldText(field, planned, t, nameOf);
              return text ? (
                <div className="field-view" key={field}>
                  <dt>{t(`customer.fields.${field}`)}</dt>
                  <dd className={field === 'notes' ? 'notes' : undefined} data-testid={`merge-result-${field}`}>{text}</dd>
                </div>
              ) : null;
            })}
            <div className="field-view">
              <dt>{t('customer.fields.phones')}</dt>
              <dd className="mono" data-testid="merge-result-phones">{phonesLabel(planned.phones, region).join(' · ') || '—'}</dd>
            </div>
            {planned.tags.length > 0 && (
              <div className="field-view">
                <dt>{t('customer.fields.tags')}</dt>
                <dd>{planned.tags.join(t('merge.nameSeparator'))}</dd>
              </div>
            )}
            <div className="field-view">
              <dt>{t('merge.history')}</dt>
              <dd>
                {t('merge.historyValue', {
                  count: members.reduce((n, m) => n + m.purchaseCount, 0),
                  total: formatMoney(members.reduce((n, m) => n + m.totalSpentFen, 0), currency, currentLocale()),
                })}
              </dd>
            </div>
          </dl>
        </div>
      )}
    </Dialog>
  );
}

/** Phones, tags and consent histories: not picked but combined; the dialog shows the combined result. */
function CombinedRows({ planned, members, region }: { planned: CustomerFields; members: Customer[]; region: PhoneRegion }) {
  const { t } = useTranslation();
  const rows: { key: string; label: string; value: string[] }[] = [
    { key: 'phones', label: t('customer.fields.phones'), value: phonesLabel(planned.phones, region) },
    { key: 'tags', label: t('customer.fields.tags'), value: planned.tags },
    // Consent is no field to pick: every answer of every customer is kept, the latest per channel standing.
    { key: 'consents', label: t('customer.fields.consents'), value: [t('consent.mergeNote')] },
  ];
  return (
    <>
      {rows.map((r) =>
        r.value.length === 0 ? null : (
          <tr key={r.key} className="merge-combined" data-testid={`merge-combined-${r.key}`}>
            <th scope="row" className="merge-field">{r.label}</th>
            <td colSpan={members.length}>
              <span className={r.key === 'phones' ? 'mono' : undefined}>{r.value.join(' · ')}</span>
              <span className="hint merge-hint">{t('merge.combined')}</span>
            </td>
          </tr>
        ),
      )}
    </>
  );
}
