// Notes above every screen: what a restore just brought back (with the safety backup to undo it), and an
// automatic backup that failed (the main process raises the desktop notification too) or was only put off,
// and backups that are not protected (nothing encrypts on this PC) or that only this PC can open (the recovery
// sheet of automatic encryption not printed yet).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale, formatDateTime } from '../../i18n';
import { navigate, useRoute } from '../../ui/routes';
import { useShallow } from 'zustand/react/shallow';
import { automaticBackupNote, useBackupState } from './backupState';
import { countsSummary, failureText } from './backupText';
import { takeRestoreNotice, type RestoreNotice } from './restoreNotice';
import type { ChainCheck } from '../../../shared/domain/auditChain';
import { encryptionConcern } from '../../../shared/backup/protection';

export function BackupBanners() {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<RestoreNotice | null>(takeRestoreNotice);
  const routeName = useRoute().name;
  const onBackups = routeName === 'backups';
  const automatic = useBackupState(useShallow(automaticBackupNote));
  const nextAutomaticAt = useBackupState((s) => s.nextAutomaticAt);
  const restoreTest = useBackupState((s) => s.restoreTest);
  const [dismissedTestAt, setDismissedTestAt] = useState<string | null>(null);
  const showTestFailure = restoreTest !== null && restoreTest.outcome === 'failed' && restoreTest.at !== dismissedTestAt;
  const auditChain = useBackupState((s) => s.auditChain);
  const [dismissedChain, setDismissedChain] = useState<ChainCheck | null>(null);
  const brokenChain = auditChain?.status === 'broken' && auditChain !== dismissedChain ? auditChain : null;
  const onAudit = routeName === 'audit';
  // Every screen says so until the owner acts (sets encryption up, prints the sheet) or turns encryption off on
  // purpose; "later" hides it until the app starts again.
  const concern = useBackupState((s) => (s.settings ? encryptionConcern(s.settings.encryption) : 'none'));
  const [encryptionLater, setEncryptionLater] = useState(false);
  const showEncryption = (concern === 'not-set-up' || concern === 'print-sheet') && !onBackups && !encryptionLater;

  if (!notice && !automatic && !showTestFailure && !brokenChain && !showEncryption) return null;
  return (
    <div className="backup-banners">
      {showEncryption && (
        <div className="banner banner-warning backup-banner" role="status" data-testid="encryption-banner">
          <div>
            <p>{concern === 'print-sheet' ? t('backup.protection.printSheetBanner') : t('backup.protection.notSetUpBanner')}</p>
          </div>
          <div className="backup-banner-actions">
            <button type="button" className="button button-small button-primary" onClick={() => navigate({ name: 'backups' })} data-testid="encryption-banner-open">
              {concern === 'print-sheet' ? t('backup.protection.printSheet') : t('backup.protection.openBackups')}
            </button>
            <button type="button" className="button button-small" onClick={() => setEncryptionLater(true)} data-testid="encryption-banner-later">
              {t('backup.protection.later')}
            </button>
          </div>
        </div>
      )}
      {notice && (
        <div className="banner banner-ok backup-banner" role="status" data-testid="restore-notice">
          <div>
            <p className="backup-banner-title">
              {t('restore.doneTitle', { time: formatDateTime(notice.backup.createdAt) })}
            </p>
            <p data-testid="restore-notice-counts">{countsSummary(t, notice.backup.counts, currentLocale())}</p>
            {notice.upgradedFrom !== null && <p>{t('restore.doneUpgraded')}</p>}
            {notice.erasedAgain > 0 && <p data-testid="restore-notice-erased">{t('restore.doneErasedAgain', { count: notice.erasedAgain })}</p>}
            {notice.safety && <p data-testid="restore-notice-safety">{t('restore.doneSafety', { time: formatDateTime(notice.safety.createdAt), file: notice.safety.fileName })}</p>}
          </div>
          <div className="backup-banner-actions">
            {notice.safety && (
              <button
                type="button"
                className="button button-small"
                onClick={() => {
                  useBackupState.setState({ pendingRestore: notice.safety!.fileName });
                  navigate({ name: 'backups' });
                }}
                data-testid="undo-restore"
              >
                {t('restore.undo')}
              </button>
            )}
            <button
              type="button"
              className="icon-button"
              aria-label={t('common.close')}
              onClick={() => setNotice(null)}
              data-testid="dismiss-restore-notice"
            >
              ×
            </button>
          </div>
        </div>
      )}
      {showTestFailure && (
        <div className="banner banner-error backup-banner" role="alert" data-testid="restore-test-failed">
          <div>
            <p className="backup-banner-title">{t('backup.restoreTest.bannerTitle', { time: formatDateTime(restoreTest.backupCreatedAt) })}</p>
            <p>{failureText(t, restoreTest.reason ?? '')}</p>
            <p>{t('backup.restoreTest.bannerAdvice')}</p>
          </div>
          <div className="backup-banner-actions">
            {!onBackups && (
              <button type="button" className="button button-small" onClick={() => navigate({ name: 'backups' })}>
                {t('backup.openBackups')}
              </button>
            )}
            <button type="button" className="icon-button" aria-label={t('common.close')} onClick={() => setDismissedTestAt(restoreTest.at)}>
              ×
            </button>
          </div>
        </div>
      )}
      {brokenChain && (
        <div className="banner banner-error backup-banner" role="alert" data-testid="audit-chain-broken">
          <div>
            <p className="backup-banner-title">{t('audit.chain.brokenTitle')}</p>
            <p>{t(`audit.chain.problem.${brokenChain.problem}`, { seq: brokenChain.seq })}</p>
          </div>
          <div className="backup-banner-actions">
            {!onAudit && (
              <button type="button" className="button button-small" onClick={() => navigate({ name: 'audit' })}>
                {t('audit.open')}
              </button>
            )}
            <button type="button" className="icon-button" aria-label={t('common.close')} onClick={() => setDismissedChain(auditChain)}>
              ×
            </button>
          </div>
        </div>
      )}
      {automatic?.kind === 'postponed' && (
        <div className="banner banner-info backup-banner" role="status" data-testid="automatic-backup-postponed">
          <div>
            <p className="backup-banner-title">{t('backup.automaticPostponed')}</p>
            <p>{failureText(t, automatic.reason)}</p>
            {nextAutomaticAt && <p data-testid="automatic-backup-retry">{t('backup.retryAt', { time: formatDateTime(nextAutomaticAt) })}</p>}
          </div>
          <div className="backup-banner-actions">
            <button type="button" className="icon-button" aria-label={t('common.close')} onClick={() => useBackupState.setState({ dismissedFailureAt: automatic.at })}>
              ×
            </button>
          </div>
        </div>
      )}
      {automatic?.kind === 'failed' && (
        <div className="banner banner-error backup-banner" role="alert" data-testid="automatic-backup-failed">
          <div>
            <p className="backup-banner-title">{t('backup.automaticFailed')}</p>
            <p>{failureText(t, automatic.reason)}</p>
          </div>
          <div className="backup-banner-actions">
            {!onBackups && (
              <button type="button" className="button button-small" onClick={() => navigate({ name: 'backups' })}>
                {t('backup.openBackups')}
              </button>
            )}
            <button type="button" className="icon-button" aria-label={t('common.close')} onClick={() => useBackupState.setState({ dismissedFailureAt: automatic.at })}>
              ×
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
