// The language switch; the choice is remembered across launches.
import { useTranslation } from 'react-i18next';
import { APP_LOCALES, type AppLocale } from '../../shared/ipc/contract';
import { changeLanguage, currentLocale } from '../i18n';

export function LanguageSelect({ id }: { id?: string }) {
  const { t } = useTranslation();
  return (
    <select
      id={id}
      value={currentLocale()}
      onChange={(e) => void changeLanguage(e.target.value as AppLocale)}
      data-testid="language-switch"
      aria-label={t('settings.language')}
    >
      {APP_LOCALES.map((lng) => (
        <option key={lng} value={lng}>
          {t(`languages.${lng}`)}
        </option>
      ))}
    </select>
  );
}
