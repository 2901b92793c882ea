// Setting up backup encryption (a password, then the recovery sheet) or changing the password: later backups'
// data keys are wrapped for it (scrypt). The main process keeps it, protected by the OS.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { FieldError, useFocusFirstInvalid } from '../../ui/FormField';

/** Long enough that guessing through scrypt is hopeless; a phrase is easier to remember than symbols. */
export const MIN_BACKUP_PASSWORD = 8;
const MAX_BACKUP_PASSWORD = 1024;

interface Props {
  /** 'set-up': the first time (or again): the recovery sheet follows. 'change': a new password only. */
  mode: 'set-up' | 'change';
  /** Set up from automatic encryption: the recovery key stays, so the sheet shown next is the one already in use. */
  keepsRecoveryKey?: boolean;
  onSave: (password: string) => Promise<string | null>;
  onCancel: () => void;
}

export function BackupPasswordDialog({ mode, keepsRecoveryKey = false, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  /** What is wrong, and which of the two fields it is about. */
  const [error, setError] = useState<{ text: string; field: 'backup-password' | 'backup-password-again' } | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);

  const refuse = (text: string, field: 'backup-password' | 'backup-password-again' = 'backup-password') => {
    setError({ text, field });
    focusFirstInvalid();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (password.length < MIN_BACKUP_PASSWORD) return refuse(t('backup.password.tooShort', { count: MIN_BACKUP_PASSWORD }));
    if (password.length > MAX_BACKUP_PASSWORD) return refuse(t('backup.password.tooLong', { count: MAX_BACKUP_PASSWORD }));
    if (password !== confirmation) return refuse(t('backup.password.mismatch'), 'backup-password-again');
    setBusy(true);
    setError(null);
    const failure = await onSave(password);
    setBusy(false);
    if (failure) refuse(failure);
  };

  return (
    <Dialog
      title={mode === 'change' ? t('backup.password.changeTitle') : t('backup.password.setTitle')}
      onClose={onCancel}
      testId="password-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="backup-password-form" className="button button-primary" disabled={busy} data-testid="password-save">
            {mode === 'change' ? t('backup.password.save') : t('backup.password.saveAndSheet')}
          </button>
        </>
      }
    >
      <form id="backup-password-form" ref={form} onSubmit={(e) => void submit(e)} noValidate>
        <p>{mode === 'change' ? t('backup.password.intro') : t('backup.password.setUpIntro')}</p>
        <div className="form-field">
          <label htmlFor="backup-password">{t('backup.password.new')}</label>
          <input id="backup-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby="backup-password-rules" data-autofocus data-testid="password-input" />
          <span className="hint" id="backup-password-rules">
            {t('backup.password.rules', { count: MIN_BACKUP_PASSWORD })}
          </span>
        </div>
        <div className="form-field">
          <label htmlFor="backup-password-again">{t('backup.password.confirm')}</label>
          <input id="backup-password-again" type="password" autoComplete="new-password" value={confirmation} onChange={(e) => setConfirmation(e.target.value)} data-testid="password-confirm" />
        </div>
        {error && (
          <FieldError controlId={error.field} className="form-error-block" testId="password-error">
            {error.text}
          </FieldError>
        )}
        <p className="banner banner-warning">{mode === 'change' ? t('backup.password.forgetWarning') : keepsRecoveryKey ? t('backup.password.sameSheet') : t('backup.password.sheetNext')}</p>
      </form>
    </Dialog>
  );
}
