// The settings' "Complaint due times" section (view): hours to resolve per severity and the weekdays the store is
// closed, which due times skip. Props only; ComplaintSettingsSection reads and saves.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_SEVERITIES, type ComplaintSeverity } from '../../../shared/domain/complaintRecords';
import { complaintSettingsSchema, type ComplaintSettings } from '../../../shared/domain/complaintSettings';
import { Field } from '../../ui/FormField';
import { OwnerLockedButton } from '../../session/OwnerOnly';

export type ComplaintSettingsSave = 'idle' | 'saved' | 'failed';

/** Monday first, as a shop's week reads; values as Date#getDay. */
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;

export interface ComplaintSettingsViewProps {
  settings: ComplaintSettings;
  locked: boolean;
  save: ComplaintSettingsSave;
  /** Called with checked settings only; a refused draft stays as typed. */
  onSave: (settings: ComplaintSettings) => void;
  onEdited: () => void;
}

export function ComplaintSettingsView({ settings, locked, save, onSave, onEdited }: ComplaintSettingsViewProps) {
  const { t } = useTranslation();
  const [hours, setHours] = useState<Record<ComplaintSeverity, string>>(() => ({ high: String(settings.hours.high), normal: String(settings.hours.normal), low: String(settings.hours.low) }));
  const [closed, setClosed] = useState<number[]>(() => [...settings.closedWeekdays]);
  const [invalid, setInvalid] = useState<ComplaintSeverity[]>([]);
  const [allClosed, setAllClosed] = useState(false);

  const edited = () => {
    if (save !== 'idle') onEdited();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const numbers = { high: Number(hours.high.trim()), normal: Number(hours.normal.trim()), low: Number(hours.low.trim()) };
    const bad = COMPLAINT_SEVERITIES.filter((s) => hours[s].trim() === '' || !complaintSettingsSchema.shape.hours.shape[s].safeParse(numbers[s]).success);
    setInvalid(bad);
    setAllClosed(closed.length >= 7);
    const checked = complaintSettingsSchema.safeParse({ hours: numbers, closedWeekdays: [...closed].sort() });
    if (bad.length > 0 || !checked.success) return;
    onSave(checked.data);
  };

  return (
    <section className="card complaint-settings" aria-labelledby="complaint-settings-heading" data-testid="complaint-settings">
      <h2 id="complaint-settings-heading">{t('complaints.settings.title')}</h2>
      <p className="muted">{t('complaints.settings.intro')}</p>
      <form onSubmit={submit} noValidate>
        <div className="form-grid complaint-settings-grid">
          {COMPLAINT_SEVERITIES.map((s) => (
            <Field key={s} label={t(`complaints.settings.hours.${s}`)} htmlFor={`complaint-hours-${s}`} error={invalid.includes(s) ? t('complaints.settings.wholeHours') : undefined}>
              <span className="care-days">
                <input
                  id={`complaint-hours-${s}`}
                  className="number-input"
                  inputMode="numeric"
                  value={hours[s]}
                  onChange={(e) => {
                    setHours({ ...hours, [s]: e.target.value });
                    edited();
                  }}
                  data-testid={`complaint-hours-${s}`}
                />
                <span aria-hidden="true">{t('complaints.settings.hoursUnit')}</span>
              </span>
            </Field>
          ))}
        </div>
        <fieldset className="complaint-closed-days">
          <legend>{t('complaints.settings.closed')}</legend>
          <p className="hint">{t('complaints.settings.closedHint')}</p>
          <div className="complaint-weekdays">
            {WEEKDAYS.map((d) => (
              <label key={d} className="check">
                <input
                  type="checkbox"
                  checked={closed.includes(d)}
                  onChange={(e) => {
                    setClosed(e.target.checked ? [...closed, d] : closed.filter((x) => x !== d));
                    edited();
                  }}
                  data-testid={`complaint-closed-${d}`}
                />
                {t(`complaints.settings.weekdays.${d}`)}
              </label>
            ))}
          </div>
          {allClosed && (
            <span className="form-error" role="alert">
              {t('complaints.settings.allClosed')}
            </span>
          )}
        </fieldset>
        <div className="card-actions">
          <OwnerLockedButton locked={locked} type="submit" className="button button-primary" testId="complaint-settings-save">
            {t('complaints.settings.save')}
          </OwnerLockedButton>
          {save === 'saved' && (
            <span className="care-saved" role="status" data-testid="complaint-settings-saved">
              {t('complaints.settings.saved')}
            </span>
          )}
          {save === 'failed' && (
            <span className="form-error" role="alert">
              {t('complaints.settings.saveFailed')}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
