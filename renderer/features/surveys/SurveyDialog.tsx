// Record a customer's survey answers at the counter or during a call-back: the current survey's questions, checked
// before saving; a refused or failed save keeps everything entered.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emptySurveyAnswerDraft, validateSurveyAnswer, type SurveyAnswerDraft, type SurveyAnswerErrors } from '../../../shared/domain/survey';
import type { SurveyAnswer } from '../../../shared/domain/surveyRecords';
import { surveys } from '../../db/appRepositories';
import { useCurrentSurvey, useSurveyPurchase } from '../../db/surveyHooks';
import { formatDateTime } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { useFocusFirstInvalid } from '../../ui/FormField';
import { useMoney } from '../../ui/useMoney';
import { ImeEscapeGuard } from '../purchases/ImeEscapeGuard';
import { SurveyFormView, type ClerkChannel } from './SurveyFormView';

export interface SurveyDialogRequest {
  customerId: string;
  channel: ClerkChannel;
  /** The purchase the survey follows (the after-purchase prompt), or null. */
  purchaseId: string | null;
}

interface Props {
  request: SurveyDialogRequest;
  customerName: string;
  onClose: () => void;
  onSaved: (answer: SurveyAnswer) => void;
}

export function SurveyDialog({ request, customerName, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const survey = useCurrentSurvey();
  const purchase = useSurveyPurchase(request.purchaseId);
  const money = useMoney();
  const [draft, setDraft] = useState<SurveyAnswerDraft>(emptySurveyAnswerDraft);
  const [channel, setChannel] = useState<ClerkChannel>(request.channel);
  const [errors, setErrors] = useState<SurveyAnswerErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveFailed, setSaveFailed] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(body);
  const loaded = survey !== undefined;

  useEffect(() => {
    // The Dialog focuses its first control when it opens, before the questions are read: the first question takes it once they are.
    if (!loaded) return;
    const frame = requestAnimationFrame(() => body.current?.querySelector<HTMLElement>('.survey-question input, .survey-form textarea')?.focus());
    return () => cancelAnimationFrame(frame);
  }, [loaded]);

  const change = (next: SurveyAnswerDraft) => {
    setDraft(next);
    // Once a save was refused, the marks follow the answers as they are corrected.
    if (attempted && survey) {
      const checked = validateSurveyAnswer(next, survey.questions);
      setErrors(checked.ok ? {} : checked.reason);
    }
  };

  const submit = async () => {
    if (!survey || saving) return;
    setAttempted(true);
    const checked = validateSurveyAnswer(draft, survey.questions);
    if (!checked.ok) {
      setErrors(checked.reason);
      focusFirstInvalid();
      return;
    }
    setErrors({});
    setSaveFailed(false);
    setSaving(true);
    try {
      const saved = await surveys.recordAnswer(request.customerId, draft, { channel, purchaseId: request.purchaseId });
      if (!saved.ok) {
        // The survey changed under the form (a new version): say what no longer fits.
        setErrors(saved.reason);
        setSaving(false);
        focusFirstInvalid();
        return;
      }
      onSaved(saved.value);
    } catch (error) {
      console.error(error);
      setSaveFailed(true);
      setSaving(false);
    }
  };

  const purchaseText = purchase ? t('surveys.form.afterPurchase', { time: formatDateTime(purchase.purchasedAt), amount: money.format(purchase.totalFen) }) : null;

  return (
    <>
      <ImeEscapeGuard />
      <Dialog
        title={t('surveys.form.title', { name: customerName })}
        onClose={onClose}
        wide
        testId="survey-dialog"
        footer={
          <>
            <span className="dialog-footer-hint hint">{t('surveys.form.enterSaves')}</span>
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" form={formId} className="button button-primary" disabled={saving || !survey} data-testid="survey-save">
              {t('surveys.form.save')}
            </button>
          </>
        }
      >
        <div ref={body}>
          {survey === undefined ? (
            <div className="loading" aria-busy="true" />
          ) : (
            <SurveyFormView
              formId={formId}
              questions={survey.questions}
              draft={draft}
              channel={channel}
              errors={errors}
              saveFailed={saveFailed}
              purchaseText={purchaseText}
              onDraftChange={change}
              onChannelChange={setChannel}
              onSubmit={() => void submit()}
            />
          )}
        </div>
      </Dialog>
    </>
  );
}
