// Start-up: find the main-process bridge, choose the language, open the store's database (the one the
// pointer names: a restore may have moved it), then show the app. A database that will not open, or opens
// empty where a store was before, gets the recovery screen and its backups instead of an empty store.
// The pointer's read began before this module loaded (entry.ts): the first IndexedDB open of a session waits
// for the browser's storage to start (a second or more on a large store), and nothing else waits for it.
import { startTransition, StrictMode, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { z } from 'zod';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { initI18n } from './i18n';
import { startupLanguage } from '../shared/domain/locale';
import { resolveDesktopApi } from './platform/desktopApi';
import { followNavigateRequests } from './platform/navigateRequests';
import { DesktopContext, type Desktop } from './platform/context';
import { readPointerAtStartup, removeReplacedDatabases, type DatabasePointer } from './db/activeDatabase';
import { CURRENT_SCHEMA_VERSION } from './db/backupSchemas';
import { isStorageFullError } from './db/backupStaging';
import { watchForFullStorage } from './db/backupStorageWatch';
import { chooseDatabase, database } from './db/database';
import { createBookkeepingRepository } from './db/bookkeeping';
import { answerCloseRequests, watchStoreChanges } from './features/backup/backups';
import { loadRestoreTestMemory } from './features/backup/backupState';
import { loadRememberedUiState, useUiStore } from './stores/ui';
import { parseRoute } from './ui/routes';
import { StartupRecovery, type StartupProblem } from './features/backup/StartupRecovery';
import { checkStorage, markStorageFull, requestPersistentStorage, watchPageForFullStorage } from './guards/storage';
import { firstRows } from './ui/firstRows';
import { configureAuditActor } from './db/audit';
import { roleShown } from './session/ownerSession';

// Zod would probe `new Function`, which our CSP forbids; tell it not to.
z.config({ jitless: true });

/** Set once a store has been opened on this PC: an empty database later means the data went missing. */
const STORE_SEEN_KEY = 'regulars.storeSeen';

type Opened = { ok: true; pointer: DatabasePointer } | { ok: false; problem: StartupProblem; detail: string | null; pointer: DatabasePointer | null };

function describe(error: unknown): string {
  if (error instanceof Error) {
    const inner = (error as { inner?: unknown }).inner;
    return inner instanceof Error ? `${error.name}: ${error.message} (${inner.name}: ${inner.message})` : `${error.name}: ${error.message}`;
  }
  return String(error);
}

function problemOf(error: unknown): StartupProblem {
  if (isStorageFullError(error)) return 'full';
  const names = [error, (error as { inner?: unknown } | null)?.inner].map((e) => (e instanceof Error ? e.name : ''));
  return names.includes('VersionError') ? 'newer' : 'unreadable';
}

async function openStore(hasBackups: () => Promise<boolean>): Promise<Opened> {
  let pointer: DatabasePointer;
  try {
    pointer = await readPointerAtStartup();
    performance.mark('regulars:pointer');
  } catch (error) {
    return { ok: false, problem: problemOf(error), detail: describe(error), pointer: null };
  }
  chooseDatabase(pointer.active);
  // The app's modules are evaluated while the database opens (they need only the chosen name), not after.
  loadApp().catch(() => undefined);
  const db = database();
  watchForFullStorage(db, () => markStorageFull('write-failed'));
  try {
    // Dexie would open (and even patch) a database a newer version of the app upgraded; this version must
    // not write into it. IndexedDB's own version is Dexie's times ten.
    const newer = (version: number | undefined) => version !== undefined && version / 10 > CURRENT_SCHEMA_VERSION;
    const listed = typeof indexedDB.databases === 'function' ? (await indexedDB.databases()).find((d) => d.name === pointer.active) : undefined;
    if (newer(listed?.version)) return { ok: false, problem: 'newer', detail: `database version ${listed!.version! / 10}, this app knows ${CURRENT_SCHEMA_VERSION}`, pointer };
    await db.open();
    performance.mark('regulars:store-open');
    const opened = db.backendDB().version;
    if (newer(opened)) {
      db.close();
      return { ok: false, problem: 'newer', detail: `database version ${opened / 10}, this app knows ${CURRENT_SCHEMA_VERSION}`, pointer };
    }
    const { startedAs } = await createBookkeepingRepository(db).read();
    if (startedAs !== null) {
      localStorage.setItem(STORE_SEEN_KEY, pointer.active);
    } else if (localStorage.getItem(STORE_SEEN_KEY) !== null) {
      return { ok: false, problem: 'lost', detail: null, pointer };
    } else if (await hasBackups()) {
      return { ok: false, problem: 'found', detail: null, pointer };
    }
  } catch (error) {
    return { ok: false, problem: problemOf(error), detail: describe(error), pointer };
  }
  return { ok: true, pointer };
}

let appModule: Promise<typeof import('./App')> | null = null;
const loadApp = () => (appModule ??= import('./App'));

async function showApp(root: Root, desktop: Desktop, pointer: DatabasePointer) {
  watchStoreChanges();
  // After a restore: the store it replaced, and databases of restores that never finished, go now that
  // the active one has opened. Not waited for: the app need not wait on the disk for this.
  void removeReplacedDatabases(pointer).catch(() => undefined);
  const [{ App }] = await Promise.all([loadApp(), loadAppStyles(), primeListRows()]);
  performance.mark('regulars:render');
  render(root, desktop, <App />);
}

/**
 * When the app opens on the whole list, its first page is read now, while the app's modules and styles
 * load, and the first render shows it (the list's own read, asked only after that render, replaces it).
 */
async function primeListRows(): Promise<void> {
  const route = parseRoute(window.location.hash);
  if (route.name !== 'customers' || route.list) return;
  const [{ primeFirstPage }, { LIST_PAGE_ROWS }] = await Promise.all([import('./db/firstPage'), import('./db/hooks')]);
  const { sort, direction } = useUiStore.getState();
  await primeFirstPage(sort, direction, LIST_PAGE_ROWS);
}

/**
 * The shared style sheet goes in after the screens' own (the app's chunk brings those), in the order the
 * screens were written against: a screen's rule that equals a shared one in specificity yields to it.
 */
async function loadAppStyles(): Promise<void> {
  await import('./styles/app.css');
}

function render(root: Root, desktop: Desktop, children: ReactNode) {
  // As a transition React renders in slices, yielding to the page between them: the first screen, rows
  // included, is not one long task.
  startTransition(() =>
    root.render(
      <StrictMode>
        <ErrorBoundary>
          <DesktopContext.Provider value={desktop}>{children}</DesktopContext.Provider>
        </ErrorBoundary>
      </StrictMode>,
    ),
  );
}

async function boot() {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root');
  const root = createRoot(container);
  // Before any write: every audit entry names who was at the keyboard (renderer/db does not reach the session).
  configureAuditActor(() => roleShown());
  let desktop: Desktop;
  try {
    const api = resolveDesktopApi();
    // Before anything that can fail or wait: the window's close must always get an answer.
    answerCloseRequests(api);
    // Also before any wait: a notification clicked while the window was closed is delivered once the page has loaded.
    followNavigateRequests(api);
    const info = await api.app.info();
    desktop = { api, info: info.ok ? info.value : null };
  } catch (error) {
    await initI18n(navigator.language);
    const { BootFailure } = await import('./App');
    await loadAppStyles();
    root.render(<BootFailure error={error} />);
    return;
  }
  performance.mark('regulars:bridge');
  await initI18n(startupLanguage(desktop.info?.shell ?? null, desktop.info?.systemLocale ?? null, navigator.languages ?? [navigator.language]));
  // What this PC remembers in localStorage, read here rather than while the modules were evaluated: the
  // page's first localStorage read waits for the browser to load it, in a task of its own.
  loadRememberedUiState();
  loadRestoreTestMemory();
  const { api } = desktop;
  // Backup sessions a previous page (a reload, a crash) left open in the main process are dropped.
  void api.backup.reset();
  // A page that starts (a restart, a reload) starts as the clerk: an owner session never outlives its page.
  void api.session.lock();
  watchPageForFullStorage();
  // The persistence request and the storage estimate go through the browser's quota system, which the
  // session's first IndexedDB open waits on too: they ask once the first rows are shown.
  firstRows.after(() => {
    void requestPersistentStorage();
    void checkStorage();
  });

  const hasBackups = async () => {
    const listed = await api.backup.list();
    return listed.ok && listed.value.entries.some((entry) => entry.status === 'ok');
  };
  performance.mark('regulars:language');
  const opened = await openStore(hasBackups);
  performance.mark('regulars:store-checked');
  if (opened.ok) {
    await showApp(root, desktop, opened.pointer);
    return;
  }
  const { pointer } = opened;
  const onContinue = pointer ? () => void showApp(root, desktop, pointer) : undefined;
  await loadAppStyles();
  render(root, desktop, <StartupRecovery api={api} problem={opened.problem} detail={opened.detail} onContinue={onContinue} />);
}

void boot();
