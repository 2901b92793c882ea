// The settings' "Surveys" section: how often a customer may be asked (at most once in N days) and how soon an
// unhappy answer is followed up (within H hours); typed and checked here, saved by the owner (the PIN asked in place).
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SURVEY_SETTINGS_BOUNDS,
  SURVEY_SETTINGS_FIELDS,
  surveySettingsDraftOf,
  validateSurveySettingsDraft,
  type SurveySettings,
  type SurveySettingsDraft,
  type SurveySettingsError,
  type SurveySettingsField,
} from '../../../shared/domain/surveySettings';
import { settings as settingsRepo } from '../../db/appRepositories';
import { useSettings } from '../../db/hooks';
import { useOwnerGate, usePermission } from '../../session/ownerGate';
import { Field, useFocusFirstInvalid } from '../../ui/FormField';
import { OwnerLockedButton } from '../../session/OwnerOnly';
import './surveys.css';

export type SurveySaveState = 'idle' | 'saved' | 'failed';

/** The section over the database: the stored `surveys` setting, written through the owner gate. */
export function SurveySettingsSection() {
  const { t } = useTranslation();
  const stored = useSettings();
  const gate = useOwnerGate();
  // Who is asked and how soon the store calls back are the owner's rules, as the store's other settings.
  const { locked } = usePermission('store.settings');
  const [save, setSave] = useState<SurveySaveState>('idle');
  if (!stored) return null;
  const onSave = (surveys: SurveySettings) =>
    gate.run(
      'store.settings',
      () => {
        setSave('idle');
        settingsRepo.write('surveys', surveys).then(
          () => setSave('saved'),
          (error: unknown) => {
            console.error(error);
            setSave('failed');
          },
        );
      },
      t('surveys.settings.purpose'),
    );
  return <SurveySettingsView settings={stored.surveys} locked={locked} save={save} onSave={onSave} onEdited={() => setSave('idle')} />;
}

export interface SurveySettingsViewProps {
  /** The stored settings; the fields start from them and follow them when they change. */
  settings: SurveySettings;
  /** The clerk is at the keyboard: saving asks for the owner PIN. */
  locked: boolean;
  save: SurveySaveState;
  /** Called with checked settings only; a refused draft stays as typed, with its errors. */
  onSave: (settings: SurveySettings) => void;
  /** Something was typed after a save (its message goes). */
  onEdited: () => void;
}

export function SurveySettingsView({ settings, locked, save, onSave, onEdited }: SurveySettingsViewProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SurveySettingsDraft>(() => surveySettingsDraftOf(settings));
  const [errors, setErrors] = useState<Partial<Record<SurveySettingsField, SurveySettingsError>>>({});
  // The stored value the draft started from: a change made elsewhere (a restore) replaces the draft.
  const [base, setBase] = useState(() => JSON.stringify(settings));
  const stored = JSON.stringify(settings);
  if (stored !== base) {
    setBase(stored);
    setDraft(surveySettingsDraftOf(settings));
    setErrors({});
  }
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateSurveySettingsDraft(draft);
    if (!checked.ok) {
      setErrors(checked.reason);
      focusFirstInvalid();
      return;
    }
    setErrors({});
    onSave(checked.value);
  };

  return (
    <section className="card survey-settings" aria-labelledby="survey-settings-heading" data-testid="survey-settings">
      <h2 id="survey-settings-heading">{t('surveys.settings.title')}</h2>
      <p className="muted">{t('surveys.settings.intro')}</p>
      <form ref={form} onSubmit={submit} noValidate>
        <div className="form-grid survey-settings-grid">
          {SURVEY_SETTINGS_FIELDS.map((field) => {
            const error = errors[field];
            return (
              <Field
                key={field}
                label={t(`surveys.settings.fields.${field}`)}
                htmlFor={`survey-setting-${field}`}
                hint={t(`surveys.settings.hints.${field}`)}
                error={error && t(`surveys.settingsErrors.${error}`, SURVEY_SETTINGS_BOUNDS[field])}
              >
                <span className="survey-settings-number">
                  <input
                    id={`survey-setting-${field}`}
                    className="number-input"
                    inputMode="numeric"
                    value={draft[field]}
                    onChange={(e) => {
                      setDraft((d) => ({ ...d, [field]: e.target.value }));
                      if (save !== 'idle') onEdited();
                    }}
                    data-testid={`survey-setting-${field}`}
                  />
                  <span aria-hidden="true">{t(`surveys.settings.units.${field}`)}</span>
                </span>
              </Field>
            );
          })}
        </div>
        <div className="card-actions">
          <OwnerLockedButton locked={locked} type="submit" className="button button-primary" testId="survey-settings-save">
            {t('surveys.settings.save')}
          </OwnerLockedButton>
          {save === 'saved' && (
            <span className="survey-settings-saved" role="status" data-testid="survey-settings-saved">
              {t('surveys.settings.saved')}
            </span>
          )}
          {save === 'failed' && (
            <span className="form-error" role="alert" data-testid="survey-settings-failed">
              {t('surveys.settings.saveFailed')}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
