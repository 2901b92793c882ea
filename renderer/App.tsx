// The app shell: first-launch choice, navigation, the top bar, keyboard shortcuts and the screens.
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { assertNever } from '../shared/result';
import { useBookkeeping } from './db/hooks';
import { useRoute, navigate, type Route } from './ui/routes';
import { OwnerGateProvider } from './session/ownerGate';
import { CustomerScreenProvider } from './features/surveyScreen/CustomerScreenProvider';
import { SEARCH_INPUT_ID, useUiStore } from './stores/ui';
import { TopBar } from './features/shell/TopBar';
import { Sidebar } from './features/shell/Sidebar';
import { CustomerListScreen } from './features/customers/CustomerListScreen';
import { useListAddress } from './features/customers/useListAddress';
import { useDailyRollover } from './features/recompute/useDailyRollover';
import { BackupBanners } from './features/backup/BackupBanners';
import { ClosingOverlay } from './features/backup/ClosingOverlay';
import { StorageGuard } from './guards/StorageGuard';
import { useBackups } from './features/backup/useBackups';
import { useErasureRegisterSync } from './features/customers/useErasureRegisterSync';
import { useCareRefresh } from './features/care/useCareRefresh';
import { NoBridgeError } from './platform/desktopApi';
import { useClock } from './platform/clock';

// The customer list is what start-up shows: it comes with the app. Every other screen (and the libraries
// only it uses: forms, spreadsheets, charts) is its own chunk, loaded when first opened, so the first rows
// do not wait for code they do not run.
const WelcomeScreen = lazy(() => import('./features/welcome/WelcomeScreen').then((m) => ({ default: m.WelcomeScreen })));
const CustomerPage = lazy(() => import('./features/customers/CustomerPage').then((m) => ({ default: m.CustomerPage })));
const CustomerFormScreen = lazy(() => import('./features/customers/CustomerFormScreen').then((m) => ({ default: m.CustomerFormScreen })));
const CustomerPeekDialog = lazy(() => import('./features/customers/CustomerPeekDialog').then((m) => ({ default: m.CustomerPeekDialog })));
const TrashScreen = lazy(() => import('./features/trash/TrashScreen').then((m) => ({ default: m.TrashScreen })));
const TodayScreen = lazy(() => import('./features/care/TodayScreen').then((m) => ({ default: m.TodayScreen })));
const SatisfactionScreen = lazy(() => import('./features/satisfaction/SatisfactionScreen').then((m) => ({ default: m.SatisfactionScreen })));
const ReportsScreen = lazy(() => import('./features/reports/ReportsScreen').then((m) => ({ default: m.ReportsScreen })));
const ChurnRiskScreen = lazy(() => import('./features/churn/ChurnRiskScreen').then((m) => ({ default: m.ChurnRiskScreen })));
const ImportScreen = lazy(() => import('./features/import/ImportScreen').then((m) => ({ default: m.ImportScreen })));
const ExportScreen = lazy(() => import('./features/export/ExportScreen').then((m) => ({ default: m.ExportScreen })));
const DuplicatesScreen = lazy(() => import('./features/duplicates/DuplicatesScreen').then((m) => ({ default: m.DuplicatesScreen })));
const SettingsScreen = lazy(() => import('./features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
const StatusRulesScreen = lazy(() => import('./features/statusRules/StatusRulesScreen').then((m) => ({ default: m.StatusRulesScreen })));
const PointsScreen = lazy(() => import('./features/points/PointsScreen').then((m) => ({ default: m.PointsScreen })));
const TierReviewScreen = lazy(() => import('./features/review/TierReviewScreen').then((m) => ({ default: m.TierReviewScreen })));
const CampaignsScreen = lazy(() => import('./features/campaigns/CampaignsScreen').then((m) => ({ default: m.CampaignsScreen })));
const NewCampaignScreen = lazy(() => import('./features/campaigns/NewCampaignScreen').then((m) => ({ default: m.NewCampaignScreen })));
const CampaignScreen = lazy(() => import('./features/campaigns/CampaignScreen').then((m) => ({ default: m.CampaignScreen })));
const ComplaintsScreen = lazy(() => import('./features/complaints/ComplaintsScreen').then((m) => ({ default: m.ComplaintsScreen })));
const AuditScreen = lazy(() => import('./features/audit/AuditScreen').then((m) => ({ default: m.AuditScreen })));
const BackupScreen = lazy(() => import('./features/backup/BackupScreen').then((m) => ({ default: m.BackupScreen })));

const loading = <div className="loading" aria-busy="true" />;

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
    case 'today':
      return <TodayScreen />;
    case 'satisfaction':
      return <SatisfactionScreen />;
    case 'reports':
      return <ReportsScreen />;
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
    case 'points':
      return <PointsScreen tab={route.tab} />;
    case 'audit':
      return <AuditScreen key={route.customerId ?? ''} customerId={route.customerId ?? null} />;
    case 'complaints':
      return <ComplaintsScreen complaintId={route.id ?? null} />;
    case 'campaigns':
      return <CampaignsScreen />;
    case 'campaignNew':
      return <NewCampaignScreen />;
    case 'campaign':
      return <CampaignScreen key={route.id} campaignId={route.id} />;
    default:
      return assertNever(route, 'route');
  }
}

/** Which screen is on show: leaving it ends an owner session. */
function screenOf(route: Route): string {
  return 'id' in route ? `${route.name}:${route.id}` : route.name;
}

export function App() {
  const { t } = useTranslation();
  const bookkeeping = useBookkeeping();
  const route = useRoute();
  const peekId = useUiStore((s) => s.peekCustomerId);
  useAppliedTheme();
  useShortcuts();
  useListAddress();
  const clock = useClock();
  useDailyRollover(bookkeeping, clock);
  useBackups(bookkeeping !== undefined && bookkeeping.startedAs !== null);
  useErasureRegisterSync(bookkeeping !== undefined && bookkeeping.startedAs !== null);
  useCareRefresh(clock, bookkeeping !== undefined && bookkeeping.startedAs !== null);

  useEffect(() => {
    document.title = t('app.windowTitle');
  }, [t]);

  if (!bookkeeping) return loading;
  if (bookkeeping.startedAs === null)
    return (
      <>
        <Suspense fallback={loading}>
          <WelcomeScreen />
        </Suspense>
        <StorageGuard />
      </>
    );
  return (
    <OwnerGateProvider screen={screenOf(route)}>
    <CustomerScreenProvider>
    <div className="app">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <Sidebar route={route} />
      <div className="app-main">
        <TopBar />
        <BackupBanners />
        <main id="main" className="screen" tabIndex={-1}>
          <Suspense fallback={loading}>
            <Screen route={route} />
          </Suspense>
        </main>
      </div>
      {peekId && (
        <Suspense fallback={null}>
          <CustomerPeekDialog customerId={peekId} />
        </Suspense>
      )}
      <StorageGuard />
      <ClosingOverlay />
    </div>
    </CustomerScreenProvider>
    </OwnerGateProvider>
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
