// Record or edit a contact: channel, who reached out, what was said, the outcome and an optional follow-up day.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm, useWatch } from 'react-hook-form';
import {
  emptyInteractionDraft,
  INTERACTION_CHANNELS,
  INTERACTION_DIRECTIONS,
  interactionDraftOf,
  validateInteractionDraft,
  type Interaction,
  type InteractionDraft,
  type InteractionFieldErrors,
} from '../../../shared/domain/interaction';
import { interactions } from '../../db';
import { Dialog } from '../../ui/Dialog';
import { ImeEscapeGuard } from '../purchases/ImeEscapeGuard';
import { ControlledDateTimeField, displayDateTime } from '../../ui/DateTimeField';
import { Field, FieldError, useFocusFirstInvalid } from '../../ui/FormField';
import { submitOnEnter } from '../purchases/submitOnEnter';
import { ChannelIcon } from '../../ui/icons';
import { FOLLOW_UP_QUICK, followUpDay } from './contactForm';
import { useClock } from '../../platform/clock';

export type ContactDialogRequest = { mode: 'new'; customerId: string } | { mode: 'edit'; interaction: Interaction };

interface Props {
  request: ContactDialogRequest;
  customerName: string;
  onClose: () => void;
  onSaved: (saved: Interaction, mode: ContactDialogRequest['mode']) => void;
}

export function ContactDialog({ request, customerName, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const [saving, setSaving] = useState(false);
  return (
    <>
      <ImeEscapeGuard />
      <Dialog
        title={request.mode === 'edit' ? t('contact.editTitle') : t('contact.newTitle', { name: customerName })}
        onClose={onClose}
        testId="contact-dialog"
        footer={
          <>
            <span className="dialog-footer-hint hint">{t('contact.enterSaves')}</span>
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" form={formId} className="button button-primary" disabled={saving} data-testid="contact-save">
              {t('contact.save')}
            </button>
          </>
        }
      >
        <ContactForm formId={formId} request={request} onSaving={setSaving} onSaved={onSaved} />
      </Dialog>
    </>
  );
}

interface FormProps {
  formId: string;
  request: ContactDialogRequest;
  onSaving: (saving: boolean) => void;
  onSaved: Props['onSaved'];
}

function ContactForm({ formId, request, onSaving, onSaved }: FormProps) {
  const clock = useClock();
  const { t } = useTranslation();
  const [initial] = useState<InteractionDraft>(() => {
    const draft = request.mode === 'edit' ? interactionDraftOf(request.interaction) : emptyInteractionDraft(clock());
    return { ...draft, at: displayDateTime(draft.at) };
  });
  const { register, control, handleSubmit, getValues, setValue, setFocus } = useForm<InteractionDraft>({ defaultValues: initial });
  const [errors, setErrors] = useState<InteractionFieldErrors>({});
  const [saveFailed, setSaveFailed] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);
  const channel = useWatch({ control, name: 'channel' });
  const direction = useWatch({ control, name: 'direction' });
  const followUpDate = useWatch({ control, name: 'followUpDate' });

  useEffect(() => {
    // The Dialog focuses its first button in its own effect, after this one; take the focus back after it.
    const frame = requestAnimationFrame(() => setFocus('summary', { shouldSelect: request.mode === 'edit' }));
    return () => cancelAnimationFrame(frame);
  }, [setFocus, request.mode]);

  const validate = (draft: InteractionDraft) => validateInteractionDraft(draft, { now: clock() });
  const revalidate = () => {
    if (!attempted) return;
    const result = validate(getValues());
    setErrors(result.ok ? {} : result.reason);
  };

  const onSubmit = async (draft: InteractionDraft) => {
    setAttempted(true);
    const result = validate(draft);
    if (!result.ok) {
      setErrors(result.reason);
      focusFirstInvalid();
      return;
    }
    setErrors({});
    setSaveFailed(false);
    onSaving(true);
    try {
      const saved = request.mode === 'edit' ? await interactions.edit(request.interaction.id, result.value) : await interactions.record(request.customerId, result.value);
      onSaved(saved, request.mode);
    } catch (error) {
      console.error(error);
      setSaveFailed(true);
      onSaving(false);
    }
  };

  const message = (path: string) => (errors[path] ? t(`contact.errors.${errors[path]}`) : undefined);
  const invalid = (path: string) => (errors[path] ? true : undefined);
  const count = Object.keys(errors).length;

  return (
    <form
      ref={form}
      id={formId}
      className="contact-form"
      noValidate
      onSubmit={handleSubmit(onSubmit)}
      onChange={revalidate}
      onKeyDown={(e) => submitOnEnter(e, () => void handleSubmit(onSubmit)())}
      data-testid="contact-form"
    >
      {count > 0 && (
        <p className="banner banner-error" role="alert" data-testid="contact-errors">
          {t('contact.errorSummary', { count })}
        </p>
      )}
      {saveFailed && (
        <p className="banner banner-error" role="alert">
          {t('contact.saveFailed')}
        </p>
      )}
      <fieldset id={`${formId}-channel`} role="radiogroup" className={errors.channel ? 'has-error' : undefined}>
        <legend>{t('contact.fields.channel')}</legend>
        <div className="segmented segmented-wrap">
          {INTERACTION_CHANNELS.map((ch) => (
            <label key={ch} className={channel === ch ? 'segment selected' : 'segment'}>
              <input type="radio" value={ch} {...register('channel')} data-testid={`contact-channel-${ch}`} />
              <ChannelIcon channel={ch} />
              {t(`contact.channels.${ch}`)}
            </label>
          ))}
        </div>
        {message('channel') && <FieldError controlId={`${formId}-channel`}>{message('channel')}</FieldError>}
      </fieldset>
      <div className="contact-row">
        <fieldset className={errors.direction ? 'has-error' : undefined}>
          <legend>{t('contact.fields.direction')}</legend>
          <div className="segmented">
            {INTERACTION_DIRECTIONS.map((d) => (
              <label key={d} className={direction === d ? 'segment selected' : 'segment'}>
                <input type="radio" value={d} {...register('direction')} data-testid={`contact-direction-${d}`} />
                {t(`contact.directions.${d}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={t('contact.fields.at')} htmlFor={`${formId}-at`} error={message('at')}>
          <ControlledDateTimeField control={control} name="at" id={`${formId}-at`} kind="datetime" onEdited={revalidate} invalid={invalid('at')} testId="contact-datetime" />
        </Field>
      </div>
      <Field label={t('contact.fields.summary')} htmlFor={`${formId}-summary`} error={message('summary')}>
        <textarea
          id={`${formId}-summary`}
          rows={2}
          {...register('summary')}
          placeholder={t('contact.placeholders.summary')}
          aria-invalid={invalid('summary')}
          data-testid="contact-summary"
        />
      </Field>
      <Field label={t('contact.fields.outcome')} htmlFor={`${formId}-outcome`} error={message('outcome')}>
        <textarea
          id={`${formId}-outcome`}
          rows={2}
          {...register('outcome')}
          placeholder={t('contact.placeholders.outcome')}
          aria-invalid={invalid('outcome')}
          data-testid="contact-outcome"
        />
      </Field>
      <Field label={t('contact.fields.followUpDate')} htmlFor={`${formId}-follow`} error={message('followUpDate')} hint={t('contact.hints.followUp')}>
        <div className="follow-up-inputs">
          <ControlledDateTimeField
            control={control}
            name="followUpDate"
            id={`${formId}-follow`}
            kind="date"
            onEdited={revalidate}
            invalid={invalid('followUpDate')}
            placeholder={t('contact.placeholders.followUp', { example: followUpDay('inAWeek', clock()) })}
            testId="contact-follow-up"
          />
          <div className="chips" role="group" aria-label={t('contact.quickFollowUp')}>
            {FOLLOW_UP_QUICK.map((q) => {
              const day = followUpDay(q, clock());
              return (
                <button
                  key={q}
                  type="button"
                  className={followUpDate === day ? 'chip selected' : 'chip'}
                  aria-pressed={followUpDate === day}
                  onClick={() => {
                    setValue('followUpDate', day, { shouldDirty: true });
                    revalidate();
                  }}
                  data-testid={`follow-up-${q}`}
                >
                  {t(`contact.quick.${q}`)}
                </button>
              );
            })}
            {followUpDate && (
              <button
                type="button"
                className="chip chip-quiet"
                onClick={() => {
                  setValue('followUpDate', '', { shouldDirty: true });
                  revalidate();
                }}
              >
                {t('contact.quick.none')}
              </button>
            )}
          </div>
        </div>
      </Field>
    </form>
  );
}
