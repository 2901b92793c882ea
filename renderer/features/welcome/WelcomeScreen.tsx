// First launch: start with an empty store, or explore a demo store.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { storeSetup } from '../../db';
import { LanguageSelect } from '../../ui/LanguageSelect';

export function WelcomeScreen() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'empty' | 'demo' | null>(null);
  const [failed, setFailed] = useState(false);

  const start = async (kind: 'empty' | 'demo') => {
    setBusy(kind);
    setFailed(false);
    try {
      await storeSetup.start(kind);
      window.location.hash = '#/customers';
    } catch (error) {
      console.error(error);
      setFailed(true);
      setBusy(null);
    }
  };

  return (
    <div className="welcome">
      <div className="welcome-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            熟
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <h1>{t('welcome.title')}</h1>
        <p className="muted">{t('welcome.subtitle')}</p>
        <div className="welcome-choices">
          <button type="button" className="choice" onClick={() => void start('empty')} disabled={busy !== null} data-testid="start-empty">
            <strong>{t('welcome.emptyTitle')}</strong>
            <span>{t('welcome.emptyBody')}</span>
          </button>
          <button type="button" className="choice" onClick={() => void start('demo')} disabled={busy !== null} data-testid="start-demo">
            <strong>{busy === 'demo' ? t('welcome.creatingDemo') : t('welcome.demoTitle')}</strong>
            <span>{t('welcome.demoBody')}</span>
          </button>
        </div>
        {failed && (
          <p className="form-error" role="alert">
            {t('welcome.failed')}
          </p>
        )}
        <label className="welcome-language">
          {t('settings.language')}
          <LanguageSelect />
        </label>
      </div>
    </div>
  );
}
