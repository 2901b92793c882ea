// The blocking warning when the disk is full: nothing more can be saved, and the app says so plainly
// rather than let a screen look empty. What was saved before, and every backup, is untouched.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../ui/bytes';
import { ModalLayer } from '../ui/modalLayer';
import { currentLocale } from '../i18n';
import { useStorageState } from './storageState';
import { checkStorage } from './storage';

export function StorageGuard() {
  const { t } = useTranslation();
  const full = useStorageState((s) => s.storageFull);
  const [checking, setChecking] = useState(false);
  const [stillFull, setStillFull] = useState(false);
  if (!full) return null;

  const checkAgain = async () => {
    setChecking(true);
    const result = await checkStorage(true);
    setChecking(false);
    setStillFull(result === 'full');
  };

  return (
    <ModalLayer>
      <div className="dialog-backdrop storage-guard">
        <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="storage-full-title" aria-describedby="storage-full-body" data-testid="storage-full">
          <header className="dialog-header">
            <h2 id="storage-full-title">{t('storage.title')}</h2>
          </header>
          <div className="dialog-body" id="storage-full-body">
            <p>{t('storage.body')}</p>
            <p>{t('storage.safe')}</p>
            {full.cause === 'write-failed' && <p>{t('storage.lastChange')}</p>}
            {full.freeBytes !== null && <p className="hint">{t('storage.left', { size: formatBytes(full.freeBytes, currentLocale()) })}</p>}
            <p>{t('storage.what')}</p>
            {stillFull && (
              <p className="form-error" role="alert" data-testid="storage-still-full">
                {t('storage.stillFull')}
              </p>
            )}
          </div>
          <footer className="dialog-footer">
            <button type="button" className="button button-primary" onClick={() => void checkAgain()} disabled={checking} data-autofocus data-testid="storage-check">
              {checking ? t('storage.checking') : t('storage.checkAgain')}
            </button>
          </footer>
        </div>
      </div>
    </ModalLayer>
  );
}
