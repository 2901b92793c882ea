// While the window waits to close: the backup at quit and its progress, or why it failed and what now.
import { useTranslation } from 'react-i18next';
import { ModalLayer } from '../../ui/modalLayer';
import { useDesktop } from '../../platform/context';
import { useBackupState } from './backupState';
import { failureText } from './backupText';
import { closeWithoutBackup, prepareToClose } from './backups';

export function ClosingOverlay() {
  const { t } = useTranslation();
  const { api } = useDesktop();
  const closing = useBackupState((s) => s.closing);
  const running = useBackupState((s) => s.running);
  if (!closing) return null;
  const percent = running ? Math.round(running.fraction * 100) : 0;

  return (
    <ModalLayer>
      <div className="dialog-backdrop closing-overlay">
        <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="closing-title" aria-describedby="closing-body" data-testid="closing-overlay">
          <header className="dialog-header">
            <h2 id="closing-title">{t(closing.phase === 'failed' ? 'backup.closing.failedTitle' : 'backup.closing.title')}</h2>
          </header>
          <div className="dialog-body" id="closing-body">
            {closing.phase === 'backing-up' ? (
              <>
                <p>{t('backup.closing.body')}</p>
                <div className="backup-progress-label">
                  <span className="muted">{running ? t(`backup.phases.${running.phase}`) : t('backup.closing.waiting')}</span>
                  <span className="backup-progress-percent">{percent}%</span>
                </div>
                <progress max={100} value={percent} aria-label={t('backup.closing.title')} />
              </>
            ) : (
              <>
                <p className="form-error" role="alert">
                  {failureText(t, closing.reason)}
                </p>
                <p>{t('backup.closing.failedHint')}</p>
              </>
            )}
          </div>
          <footer className="dialog-footer">
            <button type="button" className="button" onClick={() => closeWithoutBackup(api)} data-testid="closing-close-now">
              {t('backup.closing.closeNow')}
            </button>
            {closing.phase === 'failed' && (
              <button type="button" className="button button-primary" onClick={() => void prepareToClose(api)} data-autofocus data-testid="closing-retry">
                {t('backup.closing.retry')}
              </button>
            )}
          </footer>
        </div>
      </div>
    </ModalLayer>
  );
}
