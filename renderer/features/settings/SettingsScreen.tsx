// Settings: language, theme, the default phone region, the status and points rules' entries, the care reminders' lead times
// (CareSettingsSection) and pop-ups (PopupsSection), where each protection of the data stands (SecuritySection), and facts
// about this installation.
import { useTranslation } from 'react-i18next';
import { PHONE_REGIONS, type PhoneRegion } from '../../../shared/domain/customer';
import { CURRENCIES, type Currency } from '../../../shared/domain/money';
import { settings as settingsRepo } from '../../db';
import type { SettingKey } from '../../../shared/domain/settings';
import { useBookkeeping, useSettingsChecked } from '../../db/hooks';
import { useDesktop } from '../../platform/context';
import { useUiStore, type ThemeChoice } from '../../stores/ui';
import { LanguageSelect } from '../../ui/LanguageSelect';
import { routeHref } from '../../ui/routes';
import { parseISO } from 'date-fns';
import { formatLongDate } from '../../i18n';
import { statusWorker } from '../recompute/statusClient';
import { runStatusJob, useStatusJobs } from '../recompute/statusJobs';
import { useClock } from '../../platform/clock';
import { usePermission } from '../../session/ownerGate';
import { OwnerButton } from '../../session/OwnerOnly';
import { CareSettingsSection } from './CareSettingsSection';
import { ComplaintSettingsSection } from '../complaints/ComplaintSettingsSection';
import { PopupsSection } from './PopupsSection';
import { SecuritySection } from './SecuritySection';
import { GreetingEditorSection } from '../greetings/GreetingEditorSection';
import { SurveySettingsSection } from '../surveys/SurveySettingsSection';
import { SurveyEditorSection } from '../satisfaction/SurveyEditorSection';

const THEMES: ThemeChoice[] = ['system', 'light', 'dark'];

/** Each setting's name on this screen, for the notice that a stored one could not be read. */
const SETTING_LABELS: Record<SettingKey, string> = {
  defaultRegion: 'settings.defaultRegion',
  currency: 'settings.currency',
  status: 'settings.statusCard.title',
  care: 'care.settings.title',
  greetings: 'care.greetings.editor.title',
  surveys: 'surveys.settings.title',
  complaints: 'complaints.settings.title',
};

export function SettingsScreen() {
  const clock = useClock();
  const { t } = useTranslation();
  const checked = useSettingsChecked();
  const settings = checked?.settings;
  const bookkeeping = useBookkeeping();
  const { info } = useDesktop();
  const theme = useUiStore((s) => s.theme);
  const setTheme = useUiStore((s) => s.setTheme);
  const jobRunning = useStatusJobs((s) => s.running !== null);
  // The phone region and the currency change how every number and amount is read: the owner's to change.
  const storeLocked = usePermission('store.settings').locked;

  return (
    <section aria-labelledby="settings-heading" className="settings">
      <div className="screen-header">
        <h1 id="settings-heading">{t('nav.settings')}</h1>
      </div>
      {checked && checked.unreadable.length > 0 && (
        <div className="banner banner-warning" role="status" data-testid="settings-unreadable">
          <p>{t('settings.unreadable')}</p>
          <ul>
            {checked.unreadable.map((key) => (
              <li key={key}>{t(SETTING_LABELS[key])}</li>
            ))}
          </ul>
        </div>
      )}
      <section className="card">
        <h2>{t('settings.appearance')}</h2>
        <div className="form-grid">
          <div className="form-field">
            <label htmlFor="s-language">{t('settings.language')}</label>
            <LanguageSelect id="s-language" />
          </div>
          <div className="form-field">
            <label htmlFor="s-theme">{t('settings.theme')}</label>
            <select id="s-theme" value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)} data-testid="theme-select">
              {THEMES.map((th) => (
                <option key={th} value={th}>
                  {t(`settings.themes.${th}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      </section>
      <section className="card">
        <div className="card-heading-row">
          <h2>{t('settings.store')}</h2>
          {storeLocked && (
            <OwnerButton action="store.settings" className="button button-small" onClick={() => undefined} testId="store-unlock">
              {t('roles.unlock')}
            </OwnerButton>
          )}
        </div>
        {storeLocked && <p className="hint">{t('roles.storeLocked')}</p>}
        <div className="form-grid">
          <div className="form-field">
            <label htmlFor="s-region">{t('settings.defaultRegion')}</label>
            <select
              id="s-region"
              value={settings?.defaultRegion ?? 'CN'}
              onChange={(e) => void settingsRepo.write('defaultRegion', e.target.value as PhoneRegion)}
              disabled={storeLocked}
              data-testid="region-select"
            >
              {PHONE_REGIONS.map((r) => (
                <option key={r} value={r}>
                  {t(`regions.${r}`)}
                </option>
              ))}
            </select>
            <span className="hint">{t('settings.defaultRegionHint')}</span>
          </div>
          <div className="form-field">
            <label htmlFor="s-currency">{t('settings.currency')}</label>
            <select
              id="s-currency"
              value={settings?.currency ?? 'CNY'}
              onChange={(e) => void settingsRepo.write('currency', e.target.value as Currency)}
              disabled={storeLocked}
              data-testid="currency-select"
            >
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c} · {t(`currencies.${c}`)}
                </option>
              ))}
            </select>
            <span className="hint">{t('settings.currencyHint')}</span>
          </div>
        </div>
      </section>
      <section className="card" data-testid="status-card">
        <h2>{t('settings.statusCard.title')}</h2>
        <p>
          {settings?.status.grouping === 'rfm'
            ? t('settings.statusCard.rfm')
            : t('settings.statusCard.tiers', { months: settings?.status.scheme.windowMonths ?? 12 })}
        </p>
        <p className="hint">
          {t('settings.statusCard.lastRecompute', {
            date: bookkeeping?.statusRecomputedOn ? formatLongDate(parseISO(bookkeeping.statusRecomputedOn)) : t('settings.statusCard.never'),
          })}
        </p>
        <div className="card-actions">
          <a className="button button-primary" href={routeHref({ name: 'statusRules' })} data-testid="edit-status-rules">
            {t('settings.statusCard.edit')}
          </a>
          <a className="button" href={routeHref({ name: 'tierReview' })}>
            {t('settings.statusCard.review')}
          </a>
          <button type="button" className="button" disabled={jobRunning} onClick={() => void runStatusJob(statusWorker(), 'rollover', clock).catch(() => undefined)}>
            {t('settings.statusCard.recomputeNow')}
          </button>
        </div>
      </section>
      <section className="card" data-testid="points-card">
        <h2>{t('points.screens.settingsCard.title')}</h2>
        <p>{t('points.screens.settingsCard.text')}</p>
        <div className="card-actions">
          <a className="button button-primary" href={routeHref({ name: 'points', tab: 'rules' })} data-testid="open-points-rules">
            {t('points.screens.settingsCard.rules')}
          </a>
          <a className="button" href={routeHref({ name: 'points', tab: 'rewards' })} data-testid="open-rewards">
            {t('points.screens.settingsCard.rewards')}
          </a>
        </div>
      </section>
      <CareSettingsSection />
      <ComplaintSettingsSection />
      <PopupsSection />
      <GreetingEditorSection />
      <SurveySettingsSection />
      <SurveyEditorSection />
      <SecuritySection />
      <section className="card">
        <h2>{t('settings.about')}</h2>
        <dl className="field-grid">
          <div className="field-view">
            <dt>{t('settings.version')}</dt>
            <dd data-testid="app-version">{info?.version ?? '—'}</dd>
          </div>
          <div className="field-view">
            <dt>{t('settings.dataFolder')}</dt>
            <dd className="mono break" data-testid="data-folder">
              {info?.dataFolder ?? '—'}
            </dd>
          </div>
          <div className="field-view">
            <dt>{t('settings.shell')}</dt>
            <dd>{info ? t(`settings.shells.${info.shell}`) : '—'}</dd>
          </div>
        </dl>
      </section>
    </section>
  );
}
