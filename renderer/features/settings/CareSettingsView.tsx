// The settings' "Care reminders" section (view): how many days ahead each occasion shows and when a call-back turns
// overdue, typed and checked here; saving is the owner's (the container asks for the PIN). Container: CareSettingsSection.tsx.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CareSettings } from '../../../shared/domain/careSettings';
import {
  CARE_SETTINGS_BOUNDS,
  careSettingsDraftOf,
  validateCareSettingsDraft,
  type CareSettingsDraft,
  type CareSettingsError,
  type CareSettingsField,
} from '../../../shared/domain/careSettingsDraft';
import { Field, useFocusFirstInvalid } from '../../ui/FormField';
import { OwnerLockedButton } from '../../session/OwnerOnly';
import './care.css';

export type CareSaveState = 'idle' | 'saved' | 'failed';

export interface CareSettingsViewProps {
  /** The stored settings; the fields start from them and follow them when they change. */
  settings: CareSettings;
  /** The clerk is at the keyboard: saving asks for the owner PIN. */
  locked: boolean;
  save: CareSaveState;
  /** Called with checked settings only; a refused draft stays as typed, with its errors. */
  onSave: (settings: CareSettings) => void;
  /** Something was typed after a save (its message goes). */
  onEdited: () => void;
}

const LEAD_FIELDS = ['birthday', 'festival', 'followUp', 'points'] as const satisfies readonly CareSettingsField[];

export function CareSettingsView({ settings, locked, save, onSave, onEdited }: CareSettingsViewProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<CareSettingsDraft>(() => careSettingsDraftOf(settings));
  const [errors, setErrors] = useState<Partial<Record<CareSettingsField, CareSettingsError>>>({});
  // The stored value the draft started from: a change made elsewhere (a restore, another window) replaces the draft.
  const [base, setBase] = useState(() => JSON.stringify(settings));
  const stored = JSON.stringify(settings);
  if (stored !== base) {
    setBase(stored);
    setDraft(careSettingsDraftOf(settings));
    setErrors({});
  }
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);

  const edit = (field: CareSettingsField, text: string) => {
    setDraft((d) => ({ ...d, [field]: text }));
    if (save !== 'idle') onEdited();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateCareSettingsDraft(draft);
    if (!checked.ok) {
      setErrors(checked.reason);
      focusFirstInvalid();
      return;
    }
    setErrors({});
    onSave(checked.value);
  };

  const input = (field: CareSettingsField, hint?: string) => {
    const error = errors[field];
    return (
      <Field
        key={field}
        label={t(`care.settings.fields.${field}`)}
        htmlFor={`care-${field}`}
        hint={hint}
        error={error && t('care.settings.wholeNumber', CARE_SETTINGS_BOUNDS[field])}
      >
        <span className="care-days">
          <input
            id={`care-${field}`}
            className="number-input"
            inputMode="numeric"
            value={draft[field]}
            onChange={(e) => edit(field, e.target.value)}
            data-testid={`care-setting-${field}`}
          />
          <span aria-hidden="true">{t('care.settings.days')}</span>
        </span>
      </Field>
    );
  };

  return (
    <section className="card care-settings" aria-labelledby="care-settings-heading" data-testid="care-settings">
      <h2 id="care-settings-heading">{t('care.settings.title')}</h2>
      <p className="muted">{t('care.settings.intro')}</p>
      <form ref={form} onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('care.settings.daysBefore')}</legend>
          <p className="hint">{t('care.settings.daysBeforeHint')}</p>
          <div className="form-grid care-settings-grid">
            {LEAD_FIELDS.map((field) => input(field, field === 'points' ? t('care.settings.pointsHint') : undefined))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('care.settings.cadence')}</legend>
          <p className="hint">{t('care.settings.cadenceHint')}</p>
          <div className="form-grid care-settings-grid">{input('cadenceOverdueDays')}</div>
        </fieldset>
        <div className="card-actions">
          <OwnerLockedButton locked={locked} type="submit" className="button button-primary" testId="care-settings-save">
            {t('care.settings.save')}
          </OwnerLockedButton>
          {save === 'saved' && (
            <span className="care-saved" role="status" data-testid="care-settings-saved">
              {t('care.settings.saved')}
            </span>
          )}
          {save === 'failed' && (
            <span className="form-error" role="alert" data-testid="care-settings-failed">
              {t('care.settings.saveFailed')}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
