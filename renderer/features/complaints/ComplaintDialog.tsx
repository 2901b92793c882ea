// A new complaint: from the customer page, from a purchase ("Complain about this purchase") or from a survey
// answer's follow-up (the answer attached). Category, severity, what the customer said, who received it and when;
// the due time it gets is shown before saving.
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { complaintDueAt, validateComplaintDraft, type ComplaintDraft, type ComplaintDraftErrors } from '../../../shared/domain/complaint';
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES, type Complaint } from '../../../shared/domain/complaintRecords';
import { parseEnteredDateTime, nowForInput } from '../../../shared/domain/dateTimeInput';
import { DEFAULT_COMPLAINT_SETTINGS } from '../../../shared/domain/complaintSettings';
import { complaints } from '../../db';
import { usePurchase } from '../../db/complaintHooks';
import { useCustomer, useSettings } from '../../db/hooks';
import { formatDateTime } from '../../i18n';
import { useClock } from '../../platform/clock';
import { DateTimeField, displayDateTime } from '../../ui/DateTimeField';
import { Dialog } from '../../ui/Dialog';
import { Field, useFocusFirstInvalid } from '../../ui/FormField';
import { useMoney } from '../../ui/useMoney';
import { failureText } from './complaintText';
import { lastClerk, rememberClerk } from './lastClerk';

export interface ComplaintDialogProps {
  customerId: string;
  /** The survey answer it is opened from: the answer gets the complaint's id. */
  surveyAnswerId?: string;
  /** The purchase it is about. */
  purchaseId?: string;
  onClose: () => void;
  onSaved: (complaint: Complaint) => void;
}

export function ComplaintDialog({ customerId, surveyAnswerId, purchaseId, onClose, onSaved }: ComplaintDialogProps) {
  const { t } = useTranslation();
  const clock = useClock();
  const money = useMoney();
  const formId = useId();
  const customer = useCustomer(customerId);
  const purchase = usePurchase(purchaseId ?? null);
  const settings = useSettings()?.complaints ?? DEFAULT_COMPLAINT_SETTINGS;
  const [draft, setDraft] = useState<ComplaintDraft>(() => ({ category: '', severity: 'normal', said: '', receivedBy: lastClerk(), receivedAt: displayDateTime(nowForInput(clock())) }));
  const [errors, setErrors] = useState<ComplaintDraftErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);

  const update = (patch: Partial<ComplaintDraft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (attempted) {
      const checked = validateComplaintDraft(next, { now: clock() });
      setErrors(checked.ok ? {} : checked.reason);
    }
  };

  const due = useMemo(() => {
    const at = parseEnteredDateTime(draft.receivedAt);
    const severity = COMPLAINT_SEVERITIES.find((s) => s === draft.severity);
    if (!at || !severity) return null;
    return { at: complaintDueAt(at, severity, settings, Intl.DateTimeFormat().resolvedOptions().timeZone).toISOString(), hours: settings.hours[severity] };
  }, [draft.receivedAt, draft.severity, settings]);

  const submit = async () => {
    setAttempted(true);
    const checked = validateComplaintDraft(draft, { now: clock() });
    if (!checked.ok) {
      setErrors(checked.reason);
      focusFirstInvalid();
      return;
    }
    setErrors({});
    setFailure(null);
    setSaving(true);
    try {
      const saved = await complaints.open({ customerId, fields: checked.value, purchaseId: purchaseId ?? null, surveyAnswerId: surveyAnswerId ?? null });
      rememberClerk(checked.value.receivedBy);
      onSaved(saved);
    } catch (error) {
      console.error(error);
      setFailure(failureText(t, error));
      setSaving(false);
    }
  };

  const message = (field: keyof ComplaintDraft) => (errors[field] ? t(`complaints.draft.${errors[field]}`) : undefined);

  return (
    <Dialog
      title={t('complaints.dialog.title', { name: customer?.name ?? '' })}
      onClose={onClose}
      testId="complaint-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('complaints.dialog.cancel')}
          </button>
          <button type="submit" form={formId} className="button button-primary" disabled={saving} data-testid="complaint-save">
            {t('complaints.dialog.save')}
          </button>
        </>
      }
    >
      <form
        ref={form}
        id={formId}
        className="complaint-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        data-testid="complaint-form"
      >
        {failure && (
          <p className="banner banner-error" role="alert" data-testid="complaint-failure">
            {failure}
          </p>
        )}
        {purchase && (
          <p className="complaint-about" data-testid="complaint-about-purchase">
            {t('complaints.dialog.aboutPurchase', { date: formatDateTime(purchase.purchasedAt), amount: money.format(purchase.totalFen) })}
          </p>
        )}
        {surveyAnswerId && (
          <p className="complaint-about" data-testid="complaint-from-answer">
            {t('complaints.dialog.fromAnswer')}
          </p>
        )}
        <fieldset id={`${formId}-category`} role="radiogroup" className={errors.category ? 'has-error' : undefined}>
          <legend>{t('complaints.dialog.category')}</legend>
          <div className="segmented segmented-wrap">
            {COMPLAINT_CATEGORIES.map((c) => (
              <label key={c} className={draft.category === c ? 'segment selected' : 'segment'}>
                <input type="radio" name={`${formId}-category`} value={c} checked={draft.category === c} onChange={() => update({ category: c })} data-testid={`complaint-category-${c}`} />
                {t(`complaints.category.${c}`)}
              </label>
            ))}
          </div>
          {message('category') && (
            <span className="form-error" role="alert">
              {message('category')}
            </span>
          )}
        </fieldset>
        <fieldset id={`${formId}-severity`} role="radiogroup">
          <legend>{t('complaints.dialog.severity')}</legend>
          <div className="segmented">
            {COMPLAINT_SEVERITIES.map((s) => (
              <label key={s} className={draft.severity === s ? 'segment selected' : 'segment'}>
                <input type="radio" name={`${formId}-severity`} value={s} checked={draft.severity === s} onChange={() => update({ severity: s })} data-testid={`complaint-severity-${s}`} />
                {t(`complaints.severity.${s}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={t('complaints.dialog.said')} htmlFor={`${formId}-said`} error={message('said')} wide>
          <textarea id={`${formId}-said`} rows={3} value={draft.said} onChange={(e) => update({ said: e.target.value })} data-testid="complaint-said" />
        </Field>
        <div className="complaint-fields-row">
          <Field label={t('complaints.dialog.receivedBy')} htmlFor={`${formId}-by`} error={message('receivedBy')}>
            <input id={`${formId}-by`} type="text" value={draft.receivedBy} onChange={(e) => update({ receivedBy: e.target.value })} data-testid="complaint-received-by" />
          </Field>
          <Field label={t('complaints.dialog.receivedAt')} htmlFor={`${formId}-at`} error={message('receivedAt')}>
            <DateTimeField id={`${formId}-at`} kind="datetime" value={draft.receivedAt} onChange={(value) => update({ receivedAt: value })} invalid={errors.receivedAt ? true : undefined} testId="complaint-received-at" />
          </Field>
        </div>
        {due && (
          <p className="hint complaint-due-preview" data-testid="complaint-due-preview">
            {t('complaints.dialog.due', { due: formatDateTime(due.at), hours: due.hours })}
          </p>
        )}
      </form>
    </Dialog>
  );
}
