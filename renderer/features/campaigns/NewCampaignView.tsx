// A new campaign (view): its name, the segment, the channel and how many of the segment may be reached on it, the
// message with its greeting fields, the cost, the window results are counted over and the share held out.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_CHANNELS, type ConsentChannel } from '../../../shared/domain/consent';
import { OwnerLockedButton } from '../../session/OwnerOnly';
import { Field } from '../../ui/FormField';

export interface NewCampaignForm {
  name: string;
  channel: ConsentChannel;
  message: string;
  cost: string;
  windowDays: string;
  controlPercent: string;
}

export interface NewCampaignViewProps {
  form: NewCampaignForm;
  onChange: (form: NewCampaignForm) => void;
  segment: ReactNode;
  /** Of the segment, those who granted marketing consent on the channel; null while counting. */
  reachable: number | null;
  /** What the held-out share takes of them. */
  heldOut: number | null;
  preview: string;
  /** A greeting field as typed in this language ({称呼}, {name}). */
  fieldExample: string;
  errors: Partial<Record<keyof NewCampaignForm | 'members' | 'conditions', string>>;
  locked: boolean;
  busy: boolean;
  failure: string | null;
  onSubmit: () => void;
  onCancel: () => void;
}

export function NewCampaignView(props: NewCampaignViewProps) {
  const { t } = useTranslation();
  const { form, onChange, errors } = props;
  const set = (patch: Partial<NewCampaignForm>) => onChange({ ...form, ...patch });
  return (
    <section className="screen campaign-new" aria-labelledby="campaign-new-title">
      <h1 id="campaign-new-title">{t('campaigns.newTitle')}</h1>
      <p className="muted">{t('campaigns.newIntro')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
      >
        <div className="campaign-form">
          <Field label={t('campaigns.fields.name')} htmlFor="campaign-name" error={errors.name}>
            <input id="campaign-name" value={form.name} maxLength={60} onChange={(e) => set({ name: e.target.value })} />
          </Field>
          <Field label={t('campaigns.fields.channel')} htmlFor="campaign-channel" hint={t('campaigns.hints.channel')}>
            <select id="campaign-channel" value={form.channel} onChange={(e) => set({ channel: e.target.value as ConsentChannel })}>
              {CONSENT_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channels.${c}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {props.segment}
        {errors.conditions && (
          <p className="form-error" role="alert">
            {errors.conditions}
          </p>
        )}
        <p className="campaign-reach" role="status" data-testid="campaign-reach">
          {props.reachable === null
            ? t('campaigns.reach.counting')
            : t('campaigns.reach.count', { count: props.reachable, channel: t(`channels.${form.channel}`), held: props.heldOut ?? 0 })}
        </p>
        {errors.members && (
          <p className="form-error" role="alert">
            {errors.members}
          </p>
        )}
        <div className="campaign-form">
          <Field label={t('campaigns.fields.message')} htmlFor="campaign-message" error={errors.message} hint={t('campaigns.hints.message', { field: props.fieldExample })} wide>
            <textarea id="campaign-message" rows={3} value={form.message} onChange={(e) => set({ message: e.target.value })} />
          </Field>
          <div className="campaign-preview form-field-wide">
            <span className="muted">{t('campaigns.preview')}</span>
            <p>{props.preview}</p>
          </div>
          <Field label={t('campaigns.fields.cost')} htmlFor="campaign-cost" error={errors.cost} hint={t('campaigns.hints.cost')}>
            <input id="campaign-cost" inputMode="decimal" value={form.cost} onChange={(e) => set({ cost: e.target.value })} />
          </Field>
          <Field label={t('campaigns.fields.windowDays')} htmlFor="campaign-window" error={errors.windowDays} hint={t('campaigns.hints.windowDays')}>
            <input id="campaign-window" inputMode="numeric" value={form.windowDays} onChange={(e) => set({ windowDays: e.target.value })} />
          </Field>
          <Field label={t('campaigns.fields.controlPercent')} htmlFor="campaign-control" error={errors.controlPercent} hint={t('campaigns.hints.controlPercent')}>
            <input id="campaign-control" inputMode="numeric" value={form.controlPercent} onChange={(e) => set({ controlPercent: e.target.value })} />
          </Field>
        </div>
        {props.failure && (
          <p className="form-error" role="alert">
            {props.failure}
          </p>
        )}
        <div className="form-actions">
          <OwnerLockedButton locked={props.locked} type="submit" className="button button-primary" disabled={props.busy} testId="campaign-start">
            {t('campaigns.start')}
          </OwnerLockedButton>
          <button type="button" className="button" onClick={props.onCancel}>
            {t('campaigns.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
