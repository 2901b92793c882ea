// The settings' "Pop-ups" section (view): when the day's care digest pops up, the quiet hours, timed pop-ups, the tray
// and starting with the computer; what this window cannot do said in words. The container is PopupsSection.tsx.
import { useTranslation } from 'react-i18next';
import type { ReminderPrefs, ReminderPrefsView } from '../../../shared/ipc/reminderSchedule';
import { LockIcon } from '../../ui/icons';
import './popups.css';

/** Why the form cannot be saved as it stands. */
export type PopupsProblem = 'time-missing' | 'quiet-empty';

export type PopupsMessage = { kind: 'saved' } | { kind: 'failed'; reason: string } | { kind: 'invalid'; problem: PopupsProblem };

export type PopupsLoad = { state: 'loading' } | { state: 'ready'; view: ReminderPrefsView } | { state: 'unavailable'; reason: string };

export interface PopupsViewProps {
  load: PopupsLoad;
  /** The form as edited (null until loaded). Times as the time inputs give them ('' while cleared). */
  draft: ReminderPrefs | null;
  /** The clerk is at the keyboard: the form is shown but only the owner changes it. */
  locked: boolean;
  changed: boolean;
  saving: boolean;
  message: PopupsMessage | null;
  onChange(next: ReminderPrefs): void;
  onSave(): void;
  onUnlock(): void;
}

export function PopupsView({ load, draft, locked, changed, saving, message, onChange, onSave, onUnlock }: PopupsViewProps) {
  const { t } = useTranslation();
  const heading = (
    <div className="card-heading-row">
      <h2 id="popups-heading">{t('care.popups.title')}</h2>
      {locked && load.state === 'ready' && (
        <button type="button" className="button button-small owner-locked" onClick={onUnlock} data-testid="popups-unlock" title={t('roles.ownerOnlyHint')}>
          <LockIcon />
          {t('roles.unlock')}
        </button>
      )}
    </div>
  );
  if (load.state !== 'ready' || !draft) {
    return (
      <section className="card" aria-labelledby="popups-heading" data-testid="popups-section">
        {heading}
        {load.state === 'unavailable' ? (
          <p className="form-error" role="alert" data-testid="popups-unavailable">
            {t('care.popups.unavailable', { reason: t(`errors.${load.reason}`, { defaultValue: t('errors.internal-error') }) })}
          </p>
        ) : (
          <p className="hint">{t('care.popups.loading')}</p>
        )}
      </section>
    );
  }
  const { supports } = load.view;
  const disabled = locked || saving;
  const set = (patch: Partial<ReminderPrefs>) => onChange({ ...draft, ...patch });
  return (
    <section className="card" aria-labelledby="popups-heading" data-testid="popups-section">
      {heading}
      <p className="muted">{t('care.popups.intro')}</p>
      {locked && <p className="hint">{t('roles.storeLocked')}</p>}
      {!supports.notifications && (
        <p className="banner banner-info" data-testid="popups-no-notifications">
          {t('care.popups.noNotifications')}
        </p>
      )}
      <form
        className="popups-form"
        onSubmit={(event) => {
          event.preventDefault();
          onSave();
        }}
      >
        <fieldset disabled={disabled}>
          <div className="form-grid popups-digest">
            <div className="form-field">
              <label htmlFor="popups-digest-at">{t('care.popups.digestAt')}</label>
              <input id="popups-digest-at" type="time" value={draft.digestAt} onChange={(e) => set({ digestAt: e.target.value })} data-testid="popups-digest-at" />
              <span className="hint">{t('care.popups.digestAtHint')}</span>
            </div>
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.quietHours !== null}
              onChange={(e) => set({ quietHours: e.target.checked ? { from: '21:00', to: '08:00' } : null })}
              data-testid="popups-quiet"
            />
            {t('care.popups.quiet')}
          </label>
          {draft.quietHours && (
            <div className="form-grid">
              <div className="form-field">
                <label htmlFor="popups-quiet-from">{t('care.popups.quietFrom')}</label>
                <input
                  id="popups-quiet-from"
                  type="time"
                  value={draft.quietHours.from}
                  onChange={(e) => set({ quietHours: { from: e.target.value, to: draft.quietHours?.to ?? '08:00' } })}
                  data-testid="popups-quiet-from"
                />
              </div>
              <div className="form-field">
                <label htmlFor="popups-quiet-to">{t('care.popups.quietTo')}</label>
                <input
                  id="popups-quiet-to"
                  type="time"
                  value={draft.quietHours.to}
                  onChange={(e) => set({ quietHours: { from: draft.quietHours?.from ?? '21:00', to: e.target.value } })}
                  data-testid="popups-quiet-to"
                />
              </div>
            </div>
          )}
          <p className="hint check-hint">{t('care.popups.quietHint')}</p>
          <label className="check">
            <input type="checkbox" checked={draft.timedPopups} onChange={(e) => set({ timedPopups: e.target.checked })} data-testid="popups-timed" />
            {t('care.popups.timed')}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.closeToTray}
              disabled={!supports.tray}
              onChange={(e) => set({ closeToTray: e.target.checked })}
              data-testid="popups-close-to-tray"
            />
            {t('care.popups.closeToTray')}
          </label>
          <p className="hint">{supports.tray ? t('care.popups.closeToTrayHint') : t('care.popups.noTray')}</p>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.openAtLogin}
              disabled={!supports.openAtLogin}
              onChange={(e) => set({ openAtLogin: e.target.checked })}
              data-testid="popups-open-at-login"
            />
            {t('care.popups.openAtLogin')}
          </label>
          <p className="hint">{supports.openAtLogin ? t('care.popups.openAtLoginHint') : t('care.popups.noOpenAtLogin')}</p>
        </fieldset>
        {message && (
          <p
            className={message.kind === 'saved' ? 'hint backup-ok' : 'form-error'}
            role={message.kind === 'saved' ? 'status' : 'alert'}
            data-testid="popups-message"
          >
            {message.kind === 'saved'
              ? t('care.popups.saved')
              : message.kind === 'invalid'
                ? t(`care.popups.problems.${message.problem}`)
                : t('care.popups.failed', { reason: t(`errors.${message.reason}`, { defaultValue: t('errors.internal-error') }) })}
          </p>
        )}
        {!locked && (
          <div className="card-actions">
            <button type="submit" className="button button-primary" disabled={saving || !changed} data-testid="popups-save">
              {t('care.popups.save')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
