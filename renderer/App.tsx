// The app shell: first-launch choice, navigation, the top bar, keyboard shortcuts and the screens.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { assertNever } from '../shared/result';
import { useSettings } from './db/hooks';
import { useRoute, navigate, type Route } from './ui/routes';
import { SEARCH_INPUT_ID, useUiStore } from './stores/ui';
import { TopBar } from './features/shell/TopBar';
import { Sidebar } from './features/shell/Sidebar';
import { WelcomeScreen } from './features/welcome/WelcomeScreen';
import { CustomerListScreen } from './features/customers/CustomerListScreen';
import { CustomerPage } from './features/customers/CustomerPage';
import { CustomerFormScreen } from './features/customers/CustomerFormScreen';
import { CustomerPeekDialog } from './features/customers/CustomerPeekDialog';
import { useListAddress } from './features/customers/useListAddress';
import { TrashScreen } from './features/trash/TrashScreen';
import { ChurnRiskScreen } from './features/churn/ChurnRiskScreen';
import { ImportScreen } from './features/import/ImportScreen';
import { ExportScreen } from './features/export/ExportScreen';
import { DuplicatesScreen } from './features/duplicates/DuplicatesScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { StatusRulesScreen } from './features/statusRules/StatusRulesScreen';
import { TierReviewScreen } from './features/review/TierReviewScreen';
import { useDailyRollover } from './features/recompute/useDailyRollover';
import { BackupScreen } from './features/backup/BackupScreen';
import { BackupBanners } from './features/backup/BackupBanners';
import { ClosingOverlay } from './features/backup/ClosingOverlay';
import { StorageGuard } from './features/backup/StorageGuard';
import { useBackups } from './features/backup/useBackups';
import { NoBridgeError } from './platform/desktopApi';
import { useClock } from './platform/clock';

function useAppliedTheme() {
  const theme = useUiStore((s) => s.theme);
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      document.documentElement.dataset.theme = theme === 'system' ? (media.matches ? 'dark' : 'light') : theme;
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

function useShortcuts() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if ((mod && key === 'k') || (!mod && event.key === '/' && !isTyping(event.target))) {
        event.preventDefault();
        const input = document.getElementById(SEARCH_INPUT_ID) as HTMLInputElement | null;
        input?.focus();
        input?.select();
      } else if (mod && key === 'n' && !event.shiftKey) {
        event.preventDefault();
        navigate({ name: 'customerNew' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'customers':
      return <CustomerListScreen />;
    case 'customerNew':
      return <CustomerFormScreen key="new" customerId={null} />;
    case 'customer':
      return <CustomerPage key={route.id} customerId={route.id} />;
    case 'customerEdit':
      return <CustomerFormScreen key={`edit-${route.id}`} customerId={route.id} />;
    case 'import':
      return <ImportScreen />;
    case 'export':
      return <ExportScreen />;
    case 'duplicates':
      return <DuplicatesScreen />;
    case 'churn':
      return <ChurnRiskScreen />;
    case 'trash':
      return <TrashScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'statusRules':
      return <StatusRulesScreen />;
    case 'tierReview':
      return <TierReviewScreen />;
    case 'backups':
      return <BackupScreen />;
    default:
      return assertNever(route, 'route');
  }
}

export function App() {
  const { t } = useTranslation();
  const settings = useSettings();
  const route = useRoute();
  const peekId = useUiStore((s) => s.peekCustomerId);
  useAppliedTheme();
  useShortcuts();
  useListAddress();
  const clock = useClock();
  useDailyRollover(settings, clock);
  useBackups(settings !== undefined && settings.startedAs !== null);

  useEffect(() => {
    document.title = t('app.windowTitle');
  }, [t]);

  if (!settings) return <div className="loading" aria-busy="true" />;
  if (settings.startedAs === null)
    return (
      <>
        <WelcomeScreen />
        <StorageGuard />
      </>
    );
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <Sidebar route={route} />
      <div className="app-main">
        <TopBar />
        <BackupBanners />
        <main id="main" className="screen" tabIndex={-1}>
          <Screen route={route} />
        </main>
      </div>
      {peekId && <CustomerPeekDialog customerId={peekId} />}
      <StorageGuard />
      <ClosingOverlay />
    </div>
  );
}

/** Start-up failed before the app could reach the main process (the database's own failures: StartupRecovery). */
export function BootFailure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <div className="error-screen" role="alert">
      <h1>{t('errorScreen.title')}</h1>
      <p>{error instanceof NoBridgeError ? t('errorScreen.noBridge') : t('errorScreen.body')}</p>
      <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
        {t('errorScreen.reload')}
      </button>
    </div>
  );
}
