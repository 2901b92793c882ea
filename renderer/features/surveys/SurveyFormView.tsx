// The survey as the clerk fills it in (props only): CSAT as five faces, NPS 0–10 with its end labels, what could be
// better, why, and where it was answered. Every control is a native radio or checkbox, so Tab and the arrows work.
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CSAT_MAX, CSAT_MIN, NPS_MAX, NPS_MIN, SURVEY_WHY_MAX, type SurveyAnswerDraft, type SurveyAnswerErrors } from '../../../shared/domain/survey';
import type { SurveyChannel, SurveyChoice, SurveyQuestions } from '../../../shared/domain/surveyRecords';
import { FieldError } from '../../ui/FormField';
import { submitOnEnter } from '../purchases/submitOnEnter';
import './surveys.css';

/** The channels a clerk records: the customer-facing screen records its own. */
export const CLERK_CHANNELS = ['counter', 'call-back'] as const satisfies readonly SurveyChannel[];
export type ClerkChannel = (typeof CLERK_CHANNELS)[number];

export interface SurveyFormViewProps {
  formId: string;
  questions: SurveyQuestions;
  draft: SurveyAnswerDraft;
  channel: ClerkChannel;
  errors: SurveyAnswerErrors;
  saveFailed: boolean;
  /** The purchase the answer follows, in words; null when none. */
  purchaseText: string | null;
  onDraftChange: (draft: SurveyAnswerDraft) => void;
  onChannelChange: (channel: ClerkChannel) => void;
  onSubmit: () => void;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** A face for a CSAT score: the mouth bends from a frown (1) to a wide smile (5). */
export function CsatFace({ score, size = 36 }: { score: number; size?: number }) {
  const bend = [-5, -2.5, 0, 3, 5.5][score - 1] ?? 0;
  const y = bend < 0 ? 22.5 : 20;
  return (
    <svg className={`survey-face-icon face-${score}`} viewBox="0 0 32 32" width={size} height={size} aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="14" className="face-bg" />
      <circle cx="11" cy="13" r="1.8" className="face-feature-fill" />
      <circle cx="21" cy="13" r="1.8" className="face-feature-fill" />
      {score === 1 && <path d="M8 9.5 L13 11 M24 9.5 L19 11" className="face-feature" strokeWidth="1.6" strokeLinecap="round" />}
      <path d={`M10 ${y} Q16 ${y + bend * 1.4} 22 ${y}`} className="face-feature" fill="none" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

export function SurveyFormView(props: SurveyFormViewProps) {
  const { formId, questions, draft, channel, errors, saveFailed, purchaseText, onDraftChange, onChannelChange, onSubmit } = props;
  const { t } = useTranslation();
  const set = (patch: Partial<SurveyAnswerDraft>) => onDraftChange({ ...draft, ...patch });
  const message = (field: keyof SurveyAnswerErrors) => (errors[field] ? t(`surveys.errors.${errors[field]}`) : undefined);
  const count = Object.keys(errors).filter((k) => k !== 'form').length;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  const toggleChoice = (choice: SurveyChoice, on: boolean) => set({ choices: on ? [...draft.choices, choice] : draft.choices.filter((c) => c !== choice) });
  const whyLength = [...draft.why.trim()].length;

  return (
    <form id={formId} className="survey-form" noValidate onSubmit={submit} onKeyDown={(e) => submitOnEnter(e, onSubmit)} data-testid="survey-form">
      {errors.form && (
        <p className="banner banner-error" role="alert" data-testid="survey-form-error">
          {message('form')}
        </p>
      )}
      {count > 0 && (
        <p className="banner banner-error" role="alert" data-testid="survey-errors">
          {t('surveys.form.errorSummary', { count })}
        </p>
      )}
      {saveFailed && (
        <p className="banner banner-error" role="alert">
          {t('surveys.form.saveFailed')}
        </p>
      )}
      <div className="survey-row">
        <fieldset className="survey-channel">
          <legend>{t('surveys.form.channel')}</legend>
          <div className="segmented">
            {CLERK_CHANNELS.map((c) => (
              <label key={c} className={channel === c ? 'segment selected' : 'segment'}>
                <input type="radio" name={`${formId}-channel`} value={c} checked={channel === c} onChange={() => onChannelChange(c)} data-testid={`survey-channel-${c}`} />
                {t(`surveys.channels.${c}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {purchaseText && (
          <p className="survey-purchase hint" data-testid="survey-purchase">
            {purchaseText}
          </p>
        )}
      </div>

      {questions.csat && (
        <fieldset id={`${formId}-csat`} className={errors.csat ? 'survey-question has-error' : 'survey-question'}>
          <legend>{t('surveys.form.csatQuestion')}</legend>
          <div className="survey-faces">
            {range(CSAT_MIN, CSAT_MAX).map((n) => (
              <label key={n} className={draft.csat === n ? 'survey-face selected' : 'survey-face'} title={t(`surveys.form.csatLabels.${n}`)}>
                <input
                  type="radio"
                  name={`${formId}-csat`}
                  value={n}
                  checked={draft.csat === n}
                  onChange={() => set({ csat: n })}
                  aria-label={`${n} · ${t(`surveys.form.csatLabels.${n}`)}`}
                  data-testid={`survey-csat-${n}`}
                />
                <CsatFace score={n} />
                <span className="survey-face-label">{t(`surveys.form.csatLabels.${n}`)}</span>
              </label>
            ))}
            {draft.csat !== null && (
              <button type="button" className="chip chip-quiet survey-skip" onClick={() => set({ csat: null })} data-testid="survey-csat-clear">
                {t('surveys.form.skip')}
              </button>
            )}
          </div>
          {message('csat') && <FieldError controlId={`${formId}-csat`}>{message('csat')}</FieldError>}
        </fieldset>
      )}

      {questions.nps && (
        <fieldset id={`${formId}-nps`} className={errors.nps ? 'survey-question has-error' : 'survey-question'}>
          <legend>{t('surveys.form.npsQuestion')}</legend>
          <div className="survey-nps">
            {range(NPS_MIN, NPS_MAX).map((n) => (
              <label key={n} className={draft.nps === n ? 'survey-nps-score selected' : 'survey-nps-score'}>
                <input type="radio" name={`${formId}-nps`} value={n} checked={draft.nps === n} onChange={() => set({ nps: n })} data-testid={`survey-nps-${n}`} />
                {n}
              </label>
            ))}
          </div>
          <div className="survey-nps-ends" aria-hidden="true">
            <span>{t('surveys.form.npsLow')}</span>
            <span>{t('surveys.form.npsHigh')}</span>
          </div>
          <p className="visually-hidden">{t('surveys.form.npsEnds')}</p>
          {draft.nps !== null && (
            <button type="button" className="chip chip-quiet survey-skip" onClick={() => set({ nps: null })} data-testid="survey-nps-clear">
              {t('surveys.form.skip')}
            </button>
          )}
          {message('nps') && <FieldError controlId={`${formId}-nps`}>{message('nps')}</FieldError>}
        </fieldset>
      )}

      {questions.choice && (
        <fieldset id={`${formId}-choices`} className={errors.choices ? 'survey-question has-error' : 'survey-question'}>
          <legend>{t('surveys.form.choiceQuestion')}</legend>
          <div className="chips survey-choices">
            {questions.choiceOptions.map((c) => {
              const on = draft.choices.includes(c);
              return (
                <label key={c} className={on ? 'chip selected' : 'chip'}>
                  <input type="checkbox" checked={on} onChange={(e) => toggleChoice(c, e.target.checked)} data-testid={`survey-choice-${c}`} />
                  {t(`surveys.choices.${c}`)}
                </label>
              );
            })}
          </div>
          {message('choices') && <FieldError controlId={`${formId}-choices`}>{message('choices')}</FieldError>}
        </fieldset>
      )}

      {questions.why && (
        <div className={errors.why ? 'form-field has-error' : 'form-field'}>
          <label htmlFor={`${formId}-why`}>{t('surveys.form.whyQuestion')}</label>
          <textarea
            id={`${formId}-why`}
            rows={3}
            value={draft.why}
            onChange={(e) => set({ why: e.target.value })}
            placeholder={t('surveys.form.whyPlaceholder')}
            data-testid="survey-why"
          />
          {errors.why ? (
            <FieldError controlId={`${formId}-why`}>{message('why')}</FieldError>
          ) : (
            <span className={whyLength > SURVEY_WHY_MAX ? 'hint survey-count over' : 'hint survey-count'}>{t('surveys.form.whyCount', { count: whyLength, max: SURVEY_WHY_MAX })}</span>
          )}
        </div>
      )}
    </form>
  );
}
