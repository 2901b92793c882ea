// Electron main process: one instance, the regulars:// protocol serving the renderer build, one
// locked-down window, the application menu, the tray and the IPC handlers. Logic lives in tested pure modules.
import {
  BrowserWindow,
  Menu,
  Notification,
  Tray,
  app,
  dialog,
  ipcMain,
  nativeImage,
  nativeTheme,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  type OpenDialogOptions,
  type WebContents,
  type WebFrameMain,
} from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BACKUP_FILE_EXTENSION } from '../shared/backup/format';
import { CHANNELS, isScreenChannel, type AppLocale, type AppSecurity } from '../shared/ipc/contract';
import { err } from '../shared/result';
import { createCloseGuard, type CloseGuard } from './closeGuard';
import { createIpcHandler } from './ipc/handlers';
import { createPageEvents, createPageMailbox, type PageEvents } from './ipc/pageEvents';
import { aboutDialogText, buildMenuTemplate, pickMenuLocale } from './menu';
import { createMainServices, type MainServices } from './services';
import { BACKUP_DIALOG_TEXTS } from './services/backup/notices';
import { createNotificationService, type NotificationService } from './services/notifications';
import type { RemindersOsInput, SurveyScreenOsInput } from './services';
import { createTrayService, type TrayService } from './tray';
import { appResponseHeaders, resolveAppFile } from './security/appProtocol';
import { REFUSED_LAUNCH_EXIT_CODE, refusedLaunchSwitches } from './security/launchSwitches';
import { isPermissionGranted } from './security/permissions';
import { APP_ORIGIN, APP_PROTOCOL, SCREEN_PAGE_PATH, isAppUrl, normalizeExternalUrl } from './security/urls';
import { electronSecurityFacts } from './security/securityFacts';
import { CONTENT_SECURITY_POLICY, createMainWindowOptions } from './security/windowOptions';

// Stack traces in logs point at electron/*.ts rather than the bundle.
process.setSourceMapsEnabled(true);

const APP_ENTRY = `${APP_ORIGIN}/index.html`;
const isMac = process.platform === 'darwin';
/** What the login item starts the app with on Windows: the tray only, no window until asked. */
const HIDDEN_SWITCH = '--hidden';

// Before anything else: a packaged build started with a debugger's or a weakening switch stops here, with no window.
const refusedSwitches = refusedLaunchSwitches({
  argv: [...process.argv.slice(1), ...process.execArgv],
  isPackaged: app.isPackaged,
  platform: process.platform,
  hasSwitch: (name) => app.commandLine.hasSwitch(name),
});
if (refusedSwitches.length > 0) {
  console.error(`[main] refused to start: a packaged build does not accept ${refusedSwitches.map((name) => `--${name}`).join(', ')}`);
  app.exit(REFUSED_LAUNCH_EXIT_CODE);
} else {
  boot();
}

function boot(): void {
  // Must happen before "ready". Standard + secure gives the renderer a real origin for IndexedDB and fetch.
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_PROTOCOL,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true, codeCache: true },
    },
  ]);
  app.enableSandbox();
  // electron-builder.yml's appId: without it Windows shows no notifications from the app.
  if (process.platform === 'win32') app.setAppUserModelId('com.regulars.app');

  if (!app.requestSingleInstanceLock()) {
    // Two instances would write the same IndexedDB and backups at once; the first one gets focus instead.
    app.quit();
  } else {
    start();
  }
}

function start(): void {
  let mainWindow: BrowserWindow | null = null;
  let closeGuard: CloseGuard | null = null;
  // Set when a quit (Cmd+Q, the menu) started the close: once the page is ready, the quit goes on.
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  // Started with the OS (a login item): the tray only, the window when the clerk asks for it.
  const launchedHidden = process.argv.includes(HIDDEN_SWITCH) || (isMac && app.getLoginItemSettings().wasOpenedAtLogin);
  // Whether closing the window leaves the app in the tray (the owner's pop-up preference); read once services exist.
  let keepRunningInTray = () => false;
  let tray: TrayService | null = null;
  const rendererRoot = path.join(app.getAppPath(), 'dist', 'renderer');
  const preloadPath = path.join(__dirname, 'preload.cjs');
  // The customer-facing survey screen's preload: its own two channels and one event, nothing of the app's API.
  const screenPreloadPath = path.join(__dirname, 'preload-screen.cjs');
  // Set once services exist: closing the app's window closes the customer screen too.
  let closeCustomerScreen = () => undefined as unknown;
  // Each window's page gets main's events once it has loaded (electron/ipc/pageEvents.ts).
  const mailboxes = new WeakMap<BrowserWindow, ReturnType<typeof createPageMailbox>>();
  const pageEvents: PageEvents = createPageEvents({
    deliver: (event, payload) => {
      if (mainWindow) mailboxes.get(mainWindow)?.deliver(event, payload);
    },
  });
  const notifications = createNotificationService({
    Notification,
    // macOS keeps the app running with its window closed: a notification's click opens it again.
    window: () => mainWindow ?? (app.isReady() ? (mainWindow = createMainWindow()) : null),
    events: pageEvents,
  });

  app.on('second-instance', () => {
    if (!mainWindow) {
      if (app.isReady()) mainWindow = createMainWindow();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

  app.on('window-all-closed', () => {
    // macOS keeps running anyway; a quit (the tray's, the menu's) really quits.
    if (isMac || (!quitting && keepRunningInTray())) return;
    app.quit();
  });

  app
    .whenReady()
    .then(() => {
      lockDownSession();
      protocol.handle(APP_PROTOCOL, (request) => serveAppFile(request, rendererRoot));
      const locale = pickMenuLocale(app.getLocale());
      const security = electronSecurityFacts({
        electronVersion: process.versions.electron ?? '',
        isPackaged: app.isPackaged,
        windowOptions: createMainWindowOptions({ preloadPath, isMac, darkBackground: false, allowDevTools: !app.isPackaged }),
        // boot() called app.enableSandbox() before anything else.
        sandboxEverywhere: true,
        contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      });
      // A development run would register the bare Electron binary; Linux has no login items through Electron.
      const canOpenAtLogin = app.isPackaged && (isMac || process.platform === 'win32');
      const reminders: RemindersOsInput = {
        supports: { notifications: Notification.isSupported(), tray: true, openAtLogin: canOpenAtLogin },
        loginItem: canOpenAtLogin ? { set: (openAtLogin) => app.setLoginItemSettings({ openAtLogin, args: [HIDDEN_SWITCH] }) } : null,
      };
      const services = registerIpc(locale, () => mainWindow, () => closeGuard?.ready(), notifications, security, reminders, {
        createWindow: (options) => new BrowserWindow(options),
        screen,
        screenUrl: `${APP_ORIGIN}${SCREEN_PAGE_PATH}`,
        preloadPath: screenPreloadPath,
        tellApp: () => void pageEvents.send('surveyScreen:changed', undefined),
      });
      closeCustomerScreen = () => services.surveyScreen.close();
      // Removes what an interrupted backup left behind before the renderer asks for anything.
      void services.backup.startUp();
      keepRunningInTray = () => services.reminders.current().closeToTray;
      tray = createTrayService({
        createTray: () => new Tray(trayIcon()),
        buildMenu: (template) => Menu.buildFromTemplate(template),
        locale,
        appName: app.getName(),
        isMac,
        actions: {
          open: () => bringUp(),
          openOn: (target) => {
            bringUp();
            pageEvents.send('app:navigate', { target });
          },
          quit: () => app.quit(),
        },
      });
      services.reminders.onCount((count) => tray?.setCount(count));
      // The pop-ups run without a window, from the tray; after a sleep, what fell due shows once.
      void services.reminders.start();
      powerMonitor.on('resume', () => void services.reminders.check());
      powerMonitor.on('unlock-screen', () => void services.reminders.check());
      app.on('will-quit', () => {
        void services.backup.dispose();
        void services.exportFiles.dispose();
        services.reminders.stop();
        tray?.destroy();
        tray = null;
      });
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildMenuTemplate({ locale, appName: app.getName(), isMac, isPackaged: app.isPackaged, onAbout: () => void showAbout(locale) }),
        ),
      );
      if (!launchedHidden) mainWindow = createMainWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
      });
    })
    .catch((error: unknown) => {
      console.error('[main] start-up failed:', error);
      app.exit(1);
    });

  /** The window up and in front, opened again when it was closed to the tray. */
  function bringUp(): void {
    const window = mainWindow ?? (mainWindow = createMainWindow());
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }

  function trayIcon(): Electron.NativeImage {
    // The app's own icon, from the renderer build (packaged in dist/**), at the size a tray shows.
    const image = nativeImage.createFromPath(path.join(rendererRoot, 'favicon.png'));
    return image.isEmpty() ? image : image.resize({ width: 16, height: 16 });
  }

  function createMainWindow(): BrowserWindow {
    const window = new BrowserWindow(
      createMainWindowOptions({ preloadPath, isMac, darkBackground: nativeTheme.shouldUseDarkColors, allowDevTools: !app.isPackaged }),
    );
    window.once('ready-to-show', () => window.show());
    const mailbox = createPageMailbox((event, payload) => window.webContents.send(event, payload));
    mailboxes.set(window, mailbox);
    // The page makes its backup at quit before the window goes (electron/closeGuard.ts).
    const guard = createCloseGuard({
      ask: () => pageEvents.send('app:closeRequested', undefined),
      proceed: () => (quitting ? app.quit() : window.close()),
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
    });
    closeGuard = guard;
    window.webContents.on('did-start-loading', () => mailbox.loading());
    window.webContents.on('did-finish-load', () => mailbox.loaded());
    window.webContents.on('render-process-gone', () => guard.giveUp());
    window.on('unresponsive', () => guard.giveUp());
    window.on('close', (event) => {
      // A page still loading has nothing to save and nobody to answer.
      if (mailbox.isLoaded() && !guard.mayClose()) event.preventDefault();
    });
    window.on('closed', () => {
      closeCustomerScreen();
      if (mainWindow === window) mainWindow = null;
      if (closeGuard === guard) closeGuard = null;
    });
    window.loadURL(APP_ENTRY).catch((error: unknown) => console.error('[main] the window failed to load:', error));
    return window;
  }

  async function showAbout(locale: ReturnType<typeof pickMenuLocale>): Promise<void> {
    const text = aboutDialogText(locale, app.getName(), app.getVersion());
    const options = { type: 'info' as const, title: text.title, message: text.message, detail: text.detail, buttons: [text.button], noLink: true };
    await (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
  }
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => callback(isPermissionGranted(permission, details.requestingUrl)));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionGranted(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
}

function registerIpc(
  locale: AppLocale,
  currentWindow: () => BrowserWindow | null,
  onCloseReady: () => void,
  notifications: NotificationService,
  security: AppSecurity,
  reminders: RemindersOsInput,
  surveyScreen: SurveyScreenOsInput,
): MainServices {
  // The web contents of the customer screen's window: its channels are answered for it alone (and by URL in the handler).
  const screenContents = new WeakSet<WebContents>();
  const showDialog = (options: OpenDialogOptions) => {
    const window = currentWindow();
    return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
  };
  const dialogTexts = BACKUP_DIALOG_TEXTS[locale];
  const services = createMainServices({
    name: app.getName(),
    version: app.getVersion(),
    systemLocale: app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
    dataFolder: app.getPath('userData'),
    platform: process.platform,
    shell: 'desktop',
    security,
    openExternal: (url) => shell.openExternal(url),
    onCloseReady,
    chooseExportPath: async (fileName) => {
      const window = currentWindow();
      const options = { title: dialogTexts.saveExport, defaultPath: path.join(app.getPath('documents'), fileName) };
      const result = await (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options));
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    notifications,
    noticeLocale: locale,
    reminders,
    surveyScreen: {
      ...surveyScreen,
      createWindow: (options) => {
        const window = (surveyScreen.createWindow as NonNullable<SurveyScreenOsInput['createWindow']>)(options);
        screenContents.add((window as BrowserWindow).webContents);
        return window;
      },
    },
    backup: {
      dialogs: {
        chooseFolder: async () => {
          const result = await showDialog({ title: dialogTexts.chooseFolder, properties: ['openDirectory', 'createDirectory'] });
          return result.canceled ? null : (result.filePaths[0] ?? null);
        },
        chooseFile: async () => {
          const result = await showDialog({
            title: dialogTexts.chooseFile,
            properties: ['openFile'],
            filters: [
              { name: dialogTexts.backupFiles, extensions: [BACKUP_FILE_EXTENSION.slice(1)] },
              { name: dialogTexts.allFiles, extensions: ['*'] },
            ],
          });
          return result.canceled ? null : (result.filePaths[0] ?? null);
        },
      },
      // Revealed, never opened: openPath on a path that has become a file would run it.
      showFolder: async (folder, item) => shell.showItemInFolder(item ?? folder),
      protector: {
        isAvailable: () => safeStorage.isEncryptionAvailable(),
        encrypt: (plain) => safeStorage.encryptString(plain),
        decrypt: (sealed) => safeStorage.decryptString(sealed),
      },
    },
  });
  const handler = createIpcHandler(services, { trustedOrigins: [APP_ORIGIN] });
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (screenContents.has(event.sender) !== isScreenChannel(channel)) return err('untrusted-sender');
      return handler({ channel, payload, senderUrl: topFrameUrl(event.senderFrame) });
    });
  }
  return services;
}

/** Only the top frame speaks for the app; a subframe (should one ever exist) gets no sender URL and is refused. */
function topFrameUrl(frame: WebFrameMain | null): string | undefined {
  try {
    return frame && frame.parent === null ? frame.url : undefined;
  } catch {
    return undefined; // the frame was disposed while the message was in flight
  }
}

/** Applied to every web contents ever created, so nothing slips past by being opened some other way. */
function guardWebContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, APP_ORIGIN)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, APP_ORIGIN)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const external = normalizeExternalUrl(url);
    if (external !== null) {
      shell.openExternal(external).catch(() => console.error('[main] the operating system refused to open a link'));
    }
    return { action: 'deny' };
  });
}

async function serveAppFile(request: Request, rendererRoot: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: appResponseHeaders(null) });
  }
  const target = resolveAppFile(request.url, rendererRoot);
  if (!target.ok) return new Response(null, { status: target.status, headers: appResponseHeaders(null) });
  try {
    const body = await readFile(target.filePath);
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: appResponseHeaders(target.filePath) });
  } catch {
    return new Response(null, { status: 404, headers: appResponseHeaders(null) });
  }
}
