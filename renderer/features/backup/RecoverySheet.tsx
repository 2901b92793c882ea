// The recovery sheet: the recovery key shown this once, to print on A4 (window.print; while it is shown, backup.css
// hides all else when printing) or copy by hand. The app keeps no copy: closing the dialog is the last time it is seen.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECOVERY_KEY_GROUP } from '../../../shared/backup/recoveryKey';
import { formatDateTime } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { usePrintScope } from '../../ui/printScope';

interface Props {
  recoveryKey: string;
  /** Which key, as main names it (the backups' wraps name it too). */
  keyId: string;
  createdAt: string;
  /** Automatic encryption: this PC keeps the key too (sealed by the OS); the sheet is for opening backups elsewhere. */
  heldOnThisPc?: boolean;
  onDone: () => void;
}

export function RecoverySheet({ recoveryKey, keyId, createdAt, heldOnThisPc = false, onDone }: Props) {
  const { t } = useTranslation();
  const [store, setStore] = useState('');
  const [kept, setKept] = useState(false);
  const groups = recoveryKey.split('-');
  usePrintScope('recovery-sheet');
  return (
    <Dialog
      title={t('backup.recovery.title')}
      onClose={() => (kept ? onDone() : undefined)}
      wide
      testId="recovery-sheet-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={() => window.print()} data-testid="recovery-print">
            {t('backup.recovery.print')}
          </button>
          <button type="button" className="button button-primary" onClick={onDone} disabled={!kept} data-testid="recovery-done">
            {t('backup.recovery.done')}
          </button>
        </>
      }
    >
      <p className="banner banner-warning recovery-once">{heldOnThisPc ? t('backup.recovery.heldHere') : t('backup.recovery.onlyOnce')}</p>
      <div className="form-field recovery-store-field">
        <label htmlFor="recovery-store">{t('backup.recovery.storeLabel')}</label>
        <input id="recovery-store" value={store} maxLength={80} onChange={(e) => setStore(e.target.value)} data-testid="recovery-store" />
        <span className="hint">{t('backup.recovery.storeHint')}</span>
      </div>
      <article className="recovery-sheet" data-testid="recovery-sheet" aria-label={t('backup.recovery.sheetTitle')}>
        <h2>{t('backup.recovery.sheetTitle')}</h2>
        <dl className="recovery-facts">
          <div>
            <dt>{t('backup.recovery.store')}</dt>
            <dd data-testid="recovery-sheet-store">{store.trim() || <span className="recovery-blank" aria-hidden="true" />}</dd>
          </div>
          <div>
            <dt>{t('backup.recovery.made')}</dt>
            <dd>{formatDateTime(createdAt)}</dd>
          </div>
          <div>
            <dt>{t('backup.recovery.keyId')}</dt>
            <dd className="recovery-id">{keyId}</dd>
          </div>
        </dl>
        <p className="recovery-key" data-testid="recovery-key" aria-label={recoveryKey}>
          {groups.map((group, index) => (
            <span key={index} className="recovery-group">
              {group}
            </span>
          ))}
        </p>
        <p className="hint recovery-check">{t('backup.recovery.check', { count: groups.length, size: RECOVERY_KEY_GROUP })}</p>
        <h3>{t('backup.recovery.whatTitle')}</h3>
        <ul className="recovery-steps">
          <li>{t('backup.recovery.what1')}</li>
          <li>{heldOnThisPc ? t('backup.recovery.what2Automatic') : t('backup.recovery.what2')}</li>
          <li>{t('backup.recovery.what3')}</li>
          <li>{t('backup.recovery.what4')}</li>
        </ul>
      </article>
      <label className="check recovery-kept">
        <input type="checkbox" checked={kept} onChange={(e) => setKept(e.target.checked)} data-testid="recovery-kept" />
        {t('backup.recovery.kept')}
      </label>
    </Dialog>
  );
}
