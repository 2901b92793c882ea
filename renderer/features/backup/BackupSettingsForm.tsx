// The owner's backup settings: where backups go, when automatic ones are made and which are kept.
// The main process keeps them (they belong to this PC, so a restore cannot change them).
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSettingsView } from '../../../shared/backup/api';
import type { RetentionSettings } from '../../../shared/domain/backupRetention';
import type { ScheduleSettings } from '../../../shared/domain/backupSchedule';
import { Field, useFocusFirstInvalid } from '../../ui/FormField';

type NumberField = 'quietMinutes' | 'minIntervalMinutes' | 'recentHours' | 'recentMax' | 'dailyDays' | 'monthlyMonths';

/** The bounds the main process's schemas accept (shared/domain/backupSchedule.ts, backupRetention.ts). */
const BOUNDS: Record<NumberField, { min: number; max: number }> = {
  quietMinutes: { min: 0, max: 24 * 60 },
  minIntervalMinutes: { min: 1, max: 24 * 60 },
  recentHours: { min: 0, max: 24 * 31 },
  recentMax: { min: 0, max: 1000 },
  dailyDays: { min: 0, max: 3660 },
  monthlyMonths: { min: 0, max: 1200 },
};

export interface BackupSettingsChange {
  schedule: ScheduleSettings;
  retention: RetentionSettings;
}

interface Props {
  view: BackupSettingsView;
  /** The OS folder picker exists (desktop); otherwise a path is typed. */
  canChooseFolder: boolean;
  /** Each resolves with a problem to show, null when the folder changed, undefined when the owner cancelled. */
  onChooseFolder: () => Promise<string | null | undefined>;
  onTypedFolder: (path: string) => Promise<string | null | undefined>;
  onDefaultFolder: () => Promise<string | null | undefined>;
  /** Resolves with a problem to show, or null when saved. */
  onSave: (change: BackupSettingsChange) => Promise<string | null>;
  onClose: () => void;
}

export function BackupSettingsForm({ view, canChooseFolder, onChooseFolder, onTypedFolder, onDefaultFolder, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const [enabled, setEnabled] = useState(view.schedule.enabled);
  const [daily, setDaily] = useState(view.schedule.dailyEvenWithoutChanges);
  const [atQuit, setAtQuit] = useState(view.schedule.atQuit);
  const [numbers, setNumbers] = useState<Record<NumberField, string>>({
    quietMinutes: String(view.schedule.quietMinutes),
    minIntervalMinutes: String(view.schedule.minIntervalMinutes),
    recentHours: String(view.retention.recentHours),
    recentMax: String(view.retention.recentMax),
    dailyDays: String(view.retention.dailyDays),
    monthlyMonths: String(view.retention.monthlyMonths),
  });
  const [errors, setErrors] = useState<Partial<Record<NumberField, string>>>({});
  const [folderPath, setFolderPath] = useState('');
  const [folderMessage, setFolderMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);

  const parse = (field: NumberField): number | null => {
    const text = numbers[field].trim().replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));
    if (!/^\d+$/.test(text)) return null;
    const value = Number(text);
    return value >= BOUNDS[field].min && value <= BOUNDS[field].max ? value : null;
  };

  const folderAction = async (action: () => Promise<string | null | undefined>, done: string) => {
    setBusy(true);
    setFolderMessage(null);
    const failure = await action();
    setBusy(false);
    if (failure === undefined) return;
    setFolderMessage(failure ? { kind: 'error', text: failure } : { kind: 'ok', text: done });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<NumberField, string>> = {};
    const values = {} as Record<NumberField, number>;
    for (const field of Object.keys(BOUNDS) as NumberField[]) {
      const value = parse(field);
      if (value === null) found[field] = t('backup.settings.wholeNumber', BOUNDS[field]);
      else values[field] = value;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid();
    setBusy(true);
    setProblem(null);
    const failure = await onSave({
      schedule: { ...view.schedule, enabled, dailyEvenWithoutChanges: daily, atQuit, quietMinutes: values.quietMinutes, minIntervalMinutes: values.minIntervalMinutes },
      retention: { recentHours: values.recentHours, recentMax: values.recentMax, dailyDays: values.dailyDays, monthlyMonths: values.monthlyMonths },
    });
    setBusy(false);
    if (failure) setProblem(failure);
  };

  const useDefaultButton = view.folder !== null && (
    <button type="button" className="button" disabled={busy} onClick={() => void folderAction(onDefaultFolder, t('backup.settings.folderChanged'))}>
      {t('backup.settings.useDefault')}
    </button>
  );

  const numberInput = (field: NumberField, label: string) => (
    <Field label={label} htmlFor={`bs-${field}`} error={errors[field]}>
      <input
        id={`bs-${field}`}
        className="number-input"
        inputMode="numeric"
        value={numbers[field]}
        onChange={(e) => setNumbers((n) => ({ ...n, [field]: e.target.value }))}
        data-testid={`backup-setting-${field}`}
      />
    </Field>
  );

  return (
    <form ref={form} className="backup-settings-form" onSubmit={(e) => void submit(e)} noValidate data-testid="backup-settings-form">
      <fieldset>
        <legend>{t('backup.settings.folder')}</legend>
        <p className="mono break backup-folder" data-testid="backup-folder-path">
          {view.effectiveFolder}
        </p>
        <p className="hint">{view.folder === null ? t('backup.settings.folderDefault') : t('backup.settings.folderChosen')}</p>
        {canChooseFolder ? (
          <div className="row-gap backup-folder-actions">
            <button type="button" className="button" disabled={busy} onClick={() => void folderAction(onChooseFolder, t('backup.settings.folderChanged'))} data-testid="choose-folder">
              {t('backup.settings.chooseFolder')}
            </button>
            {useDefaultButton}
          </div>
        ) : (
          <div className="backup-folder-typed">
            <div className="form-field">
              <label htmlFor="bs-folder">{t('backup.settings.folderPath')}</label>
              <input
                id="bs-folder"
                className="mono"
                value={folderPath}
                onChange={(e) => setFolderPath(e.target.value)}
                spellCheck={false}
                aria-invalid={folderMessage?.kind === 'error' || undefined}
                aria-describedby={folderMessage ? 'bs-folder-message' : undefined}
                data-testid="folder-path-input"
              />
              <span className="hint">{t('backup.settings.folderPathHint')}</span>
            </div>
            <div className="row-gap">
              <button type="button" className="button" disabled={busy || folderPath.trim() === ''} onClick={() => void folderAction(() => onTypedFolder(folderPath.trim()), t('backup.settings.folderChanged'))}>
                {t('backup.settings.useFolder')}
              </button>
              {useDefaultButton}
            </div>
          </div>
        )}
        {folderMessage && (
          <p className={folderMessage.kind === 'ok' ? 'hint backup-ok' : 'form-error'} role={folderMessage.kind === 'ok' ? 'status' : 'alert'} id="bs-folder-message" data-testid="folder-message">
            {folderMessage.text}
          </p>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('backup.settings.schedule')}</legend>
        <label className="check">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} data-testid="backup-setting-enabled" />
          {t('backup.settings.enabled')}
        </label>
        <div className="form-grid backup-settings-grid">
          {numberInput('quietMinutes', t('backup.settings.quietMinutes'))}
          {numberInput('minIntervalMinutes', t('backup.settings.minIntervalMinutes'))}
        </div>
        <label className="check">
          <input type="checkbox" checked={daily} onChange={(e) => setDaily(e.target.checked)} />
          {t('backup.settings.daily')}
        </label>
        <label className="check">
          <input type="checkbox" checked={atQuit} onChange={(e) => setAtQuit(e.target.checked)} data-testid="backup-setting-at-quit" />
          {t('backup.settings.atQuit')}
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('backup.settings.retention')}</legend>
        <p className="hint">{t('backup.settings.retentionIntro')}</p>
        <div className="form-grid backup-settings-grid">
          {numberInput('recentHours', t('backup.settings.recentHours'))}
          {numberInput('recentMax', t('backup.settings.recentMax'))}
          {numberInput('dailyDays', t('backup.settings.dailyDays'))}
          {numberInput('monthlyMonths', t('backup.settings.monthlyMonths'))}
        </div>
      </fieldset>

      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.close')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy} data-testid="backup-settings-save">
          {t('backup.settings.save')}
        </button>
      </div>
    </form>
  );
}
