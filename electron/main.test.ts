// Wiring test for main.ts with a fake 'electron' module: the real binary cannot run here.
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ownerChannels } from '../shared/ipc/contract';
import { CHANNELS } from '../shared/ipc/contract';

const appDir = mkdtempSync(path.join(os.tmpdir(), 'regulars-main-'));

const fake = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- vi.hoisted runs before imports
  const { EventEmitter: Emitter } = require('node:events') as typeof import('node:events');
  const state = {
    appDir: '',
    schemes: [] as unknown[],
    protocolHandler: undefined as undefined | ((request: Request) => Promise<Response>),
    ipc: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
    windows: [] as {
      options: Record<string, unknown>;
      loaded: string[];
      shown: number;
      emitter: InstanceType<typeof Emitter>;
      contents: InstanceType<typeof Emitter>;
      sent: string[];
      payloads: unknown[];
      closes: number;
    }[],
    opened: [] as string[],
    permissionRequest: undefined as undefined | ((...args: unknown[]) => void),
    permissionCheck: undefined as undefined | ((...args: unknown[]) => boolean),
    menu: [] as { label?: string; submenu?: { label?: string; click?: () => void }[] }[],
    dialogs: [] as unknown[],
    openDialogs: [] as unknown[],
    nextOpenDialog: { canceled: true, filePaths: [] as string[] },
    openedPaths: [] as string[],
    revealedPaths: [] as string[],
    notifications: [] as { title: string; body: string }[],
    shownNotifications: [] as InstanceType<typeof Emitter>[],
    sandboxEnabled: false,
    ready: () => undefined as void,
    quits: 0,
    loginItems: [] as unknown[],
    trays: [] as { icon: unknown; menus: { label?: string; type?: string; click?: () => void }[][]; tips: string[]; destroyed: boolean }[],
    powerMonitor: new Emitter(),
  };
  const app = Object.assign(new Emitter(), {
    requestSingleInstanceLock: () => true,
    isReady: () => true,
    quit: () => void state.quits++,
    exit: () => undefined,
    getLoginItemSettings: () => ({ openAtLogin: false, wasOpenedAtLogin: false }),
    setLoginItemSettings: (settings: unknown) => void state.loginItems.push(settings),
    enableSandbox: () => {
      state.sandboxEnabled = true;
    },
    setAppUserModelId: () => undefined,
    getAppPath: () => state.appDir,
    getName: () => 'Regulars',
    getVersion: () => '0.1.0',
    getLocale: () => 'zh-CN',
    getPreferredSystemLanguages: () => ['zh-Hans-CN'],
    getPath: () => path.join(state.appDir, 'userData'),
    isPackaged: true,
    commandLine: { hasSwitch: () => false },
    whenReady: () =>
      new Promise<void>((resolve) => {
        state.ready = resolve;
      }),
  });
  class BrowserWindow extends Emitter {
    static getAllWindows = () => state.windows;
    record: (typeof state.windows)[number];
    webContents: InstanceType<typeof Emitter> & { send: (channel: string, payload?: unknown) => void };
    constructor(options: Record<string, unknown>) {
      super();
      const sent: string[] = [];
      const payloads: unknown[] = [];
      this.webContents = Object.assign(new Emitter(), {
        send: (channel: string, payload?: unknown) => {
          sent.push(channel);
          payloads.push(payload);
        },
        setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
          (this.webContents as unknown as { openHandler: typeof handler }).openHandler = handler;
        },
      });
      this.record = { options, loaded: [], shown: 0, emitter: this, contents: this.webContents, sent, payloads, closes: 0 };
      state.windows.push(this.record);
    }
    /** Like Electron: emits 'close', which may be prevented. */
    close() {
      this.record.closes++;
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (!prevented) this.emit('closed');
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
    show() {
      this.record.shown++;
    }
    isMinimized = () => false;
    restore = () => undefined;
    focus = () => undefined;
    // The customer screen's window uses these too.
    setBounds = () => undefined;
    setFullScreen = () => undefined;
    removeMenu = () => undefined;
    isDestroyed = () => this.record.closes > 0;
  }
  class Notification extends Emitter {
    static isSupported = () => true;
    constructor(readonly options: { title: string; body: string }) {
      super();
    }
    show() {
      state.notifications.push(this.options);
      state.shownNotifications.push(this);
    }
  }
  class Tray {
    record: (typeof state.trays)[number];
    constructor(icon: unknown) {
      this.record = { icon, menus: [], tips: [], destroyed: false };
      state.trays.push(this.record);
    }
    setContextMenu(menu: (typeof state.trays)[number]['menus'][number]) {
      this.record.menus.push(menu);
    }
    setToolTip(text: string) {
      this.record.tips.push(text);
    }
    on() {
      return this;
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  const nativeImage = {
    createFromPath: (file: string) => ({ file, isEmpty: () => true, resize: () => undefined }),
  };
  // Stands in for DPAPI / Keychain: reversible, and never the plain text.
  const safeStorage = {
    isEncryptionAvailable: () => true,
    encryptString: (plain: string) => Buffer.from(`sealed:${Buffer.from(plain, 'utf8').toString('hex')}`),
    decryptString: (sealed: Buffer) => {
      const text = sealed.toString('utf8');
      if (!text.startsWith('sealed:')) throw new Error('not sealed here');
      return Buffer.from(text.slice('sealed:'.length), 'hex').toString('utf8');
    },
  };
  const displays = [
    { id: 1, label: 'Built-in', bounds: { x: 0, y: 0, width: 1440, height: 900 } },
    { id: 2, label: 'Counter', bounds: { x: 1440, y: 0, width: 1280, height: 800 } },
  ];
  const electron = {
    app,
    BrowserWindow,
    screen: { getAllDisplays: () => displays, getPrimaryDisplay: () => displays[0] },
    Notification,
    Tray,
    nativeImage,
    powerMonitor: state.powerMonitor,
    safeStorage,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.schemes.push(...schemes),
      handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => {
        state.protocolHandler = handler;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => {
          state.permissionRequest = handler;
        },
        setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => {
          state.permissionCheck = handler;
        },
        setDevicePermissionHandler: () => undefined,
      },
    },
    ipcMain: { handle: (channel: string, fn: (event: unknown, payload: unknown) => Promise<unknown>) => state.ipc.set(channel, fn) },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: typeof state.menu) => (state.menu = menu) },
    nativeTheme: { shouldUseDarkColors: false },
    dialog: {
      showMessageBox: async (...args: unknown[]) => state.dialogs.push(args.at(-1)),
      showOpenDialog: async (...args: unknown[]) => {
        state.openDialogs.push(args.at(-1));
        return state.nextOpenDialog;
      },
    },
    shell: {
      openExternal: async (url: string) => void state.opened.push(url),
      openPath: async (folder: string) => {
        state.openedPaths.push(folder);
        return '';
      },
      showItemInFolder: (item: string) => void state.revealedPaths.push(item),
    },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));
const get = (url: string, method = 'GET') => {
  const handler = fake.state.protocolHandler;
  if (!handler) throw new Error('protocol not handled');
  return handler(new Request(url, { method }));
};

beforeAll(async () => {
  mkdirSync(path.join(appDir, 'dist', 'renderer', 'assets'), { recursive: true });
  writeFileSync(path.join(appDir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>熟客</title>');
  writeFileSync(path.join(appDir, 'dist', 'renderer', 'assets', 'app.js'), 'export {};');
  writeFileSync(path.join(appDir, 'secret.txt'), 'secret');
  fake.state.appDir = appDir;
  await import('./main');
  fake.state.ready();
  await tick();
});

afterAll(() => rmSync(appDir, { recursive: true, force: true }));

describe('main process wiring', () => {
  it('registers the privileged scheme and the sandbox before ready', () => {
    expect(fake.state.schemes).toEqual([
      { scheme: 'regulars', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true }) },
    ]);
    expect(fake.state.sandboxEnabled).toBe(true);
  });

  it('opens one locked-down window on the app origin and shows it when ready', () => {
    expect(fake.state.windows).toHaveLength(1);
    const window = fake.state.windows[0];
    expect(window?.loaded).toEqual(['regulars://app/index.html']);
    expect(window?.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, devTools: false } });
    window?.emitter.emit('ready-to-show');
    expect(window?.shown).toBe(1);
  });

  it('serves the renderer with the CSP, and nothing outside it', async () => {
    const index = await get('regulars://app/index.html');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('熟客');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await get('regulars://app/assets/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    for (const url of ['regulars://app/..%2fsecret.txt', 'regulars://app/%2e%2e/secret.txt', 'regulars://evil/secret.txt', 'regulars://app/missing.js']) {
      const response = await get(url);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(await response.text()).not.toContain('secret');
    }
    expect((await get('regulars://app/index.html', 'POST')).status).toBe(405);
  });

  it('answers IPC from the app top frame only', async () => {
    expect([...fake.state.ipc.keys()]).toEqual(CHANNELS);
    const info = fake.state.ipc.get('app:info');
    expect(await info?.({ senderFrame: { url: 'regulars://app/index.html', parent: null } }, undefined)).toMatchObject({
      ok: true,
      value: { shell: 'desktop', systemLocale: 'zh-Hans-CN', dataFolder: path.join(appDir, 'userData') },
    });
    expect(await info?.({ senderFrame: { url: 'regulars://app/index.html', parent: {} } }, undefined)).toEqual({ ok: false, reason: 'untrusted-sender' });
    // The walls the settings' security section shows, as main set them up (a packaged build here).
    expect(await fake.state.ipc.get('app:security')?.({ senderFrame: { url: 'regulars://app/index.html', parent: null } }, undefined)).toMatchObject({
      ok: true,
      value: { electron: { packaged: true, contextIsolation: true, sandbox: true, contentSecurityPolicy: true, fuses: true, debugSwitchesRefused: true } },
    });
    expect(await info?.({ senderFrame: null }, undefined)).toEqual({ ok: false, reason: 'untrusted-sender' });
    expect(await info?.({ senderFrame: { url: 'https://evil.com/', parent: null } }, undefined)).toEqual({ ok: false, reason: 'untrusted-sender' });
  });

  it('guards every web contents: navigation, redirects, webviews, new windows', async () => {
    const contents = Object.assign(new EventEmitter(), {
      openHandler: undefined as undefined | ((details: { url: string }) => unknown),
      setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
        this.openHandler = handler;
      },
    });
    fake.electron.app.emit('web-contents-created', {}, contents);
    const prevented = (event: string, url: string) => {
      let stopped = false;
      contents.emit(event, { url, preventDefault: () => (stopped = true) });
      return stopped;
    };
    expect(prevented('will-navigate', 'https://evil.com/')).toBe(true);
    expect(prevented('will-navigate', 'regulars://app.evil.com/')).toBe(true);
    expect(prevented('will-navigate', 'regulars://app/index.html')).toBe(false);
    expect(prevented('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-attach-webview', 'regulars://app/')).toBe(true);

    expect(contents.openHandler?.({ url: 'https://example.com/a' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'file:///C:/Windows/System32/calc.exe' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'regulars://app/index.html' })).toEqual({ action: 'deny' });
    await tick();
    expect(fake.state.opened).toEqual(['https://example.com/a']);
  });

  it('denies permissions except clipboard writes by the app', () => {
    const answer = (permission: string, url: string) => {
      let granted: boolean | undefined;
      fake.state.permissionRequest?.({}, permission, (value: boolean) => (granted = value), { requestingUrl: url });
      return granted;
    };
    expect(answer('media', 'regulars://app/index.html')).toBe(false);
    expect(answer('notifications', 'regulars://app/index.html')).toBe(false);
    expect(answer('clipboard-sanitized-write', 'regulars://app/index.html')).toBe(true);
    expect(answer('clipboard-sanitized-write', 'https://evil.com/')).toBe(false);
    expect(fake.state.permissionCheck?.(null, 'clipboard-read', 'regulars://app')).toBe(false);
  });

  it('builds the menu in the OS language, with an About box showing the version', async () => {
    expect(fake.state.menu.map((item) => item.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    fake.state.menu[4]?.submenu?.[0]?.click?.();
    await tick();
    expect(fake.state.dialogs).toEqual([expect.objectContaining({ detail: '版本 0.1.0' })]);
  });

  describe('backups', () => {
    const invoke = async (channel: string, payload?: unknown) => {
      // The owner's channels need the owner's session: the first PIN opens it, later ones unlock it.
      if (Object.prototype.hasOwnProperty.call(ownerChannels, channel)) {
        const set = await call('session:setPin', { pin: '2580', confirmation: '2580' });
        if (!set.ok) await call('session:unlock', { pin: '2580' });
      }
      return call(channel, payload);
    };
    const call = (channel: string, payload?: unknown) => {
      const handler = fake.state.ipc.get(channel);
      if (!handler) throw new Error(`no handler for ${channel}`);
      return handler({ senderFrame: { url: 'regulars://app/index.html', parent: null } }, payload) as Promise<{
        ok: boolean;
        value: { sessionId: string; backup: { fileName: string } };
        reason?: string;
      }>;
    };
    const userData = () => path.join(appDir, 'userData');

    it('writes backups into the data folder, encrypted with a password sealed by the OS', async () => {
      expect(await invoke('backup:setPassword', { password: '店长的密码' })).toMatchObject({ ok: true, value: { passwordSet: true, passwordStorageAvailable: true } });
      const sealed = readFileSync(path.join(userData(), 'backup-password.bin'));
      expect(sealed.toString('utf8').startsWith('sealed:')).toBe(true);
      expect(sealed.includes(Buffer.from('店长的密码'))).toBe(false);

      const begin = await invoke('backup:begin', { schemaVersion: 3, counts: { customers: 1 }, payloadFormat: 'test/1', trigger: 'manual' });
      expect(begin).toMatchObject({ ok: true, value: { encrypted: true } });
      const sessionId = begin.value.sessionId;
      const data = Buffer.from('{"customers":[{"name":"张三"}]}').toString('base64');
      expect(await invoke('backup:append', { sessionId, offset: 0, data })).toMatchObject({ ok: true });
      const commit = await invoke('backup:commit', { sessionId });
      expect(commit).toMatchObject({ ok: true, value: { backup: { encrypted: true, appVersion: '0.1.0', counts: { customers: 1 } } } });
      expect(readdirSync(path.join(userData(), 'backups'))).toContain(commit.value.backup.fileName);
      // This PC holds the recovery key automatic encryption made (sealed by the OS), which wraps this backup too.
      const sealedKey = readFileSync(path.join(userData(), 'backup-recovery-key.bin'));
      expect(sealedKey.toString('utf8').startsWith('sealed:')).toBe(true);
      expect(await invoke('backup:inspect', { source: { fileName: commit.value.backup.fileName }, appSchemaVersion: 3 })).toMatchObject({ ok: true });
      expect(await invoke('backup:inspect', { source: { fileName: commit.value.backup.fileName }, appSchemaVersion: 3, password: '店长的' })).toEqual({ ok: false, reason: 'backup-wrong-password' });
      expect(await invoke('backup:inspect', { source: { fileName: commit.value.backup.fileName }, appSchemaVersion: 3, password: '店长的密码' })).toMatchObject({ ok: true });
    });

    it('shows a desktop notification in the OS language when a backup fails', async () => {
      const chosen = mkdtempSync(path.join(os.tmpdir(), 'regulars-usb-'));
      expect(await invoke('backup:configure', { folder: chosen })).toMatchObject({ ok: true, value: { effectiveFolder: chosen } });
      rmSync(chosen, { recursive: true });
      const before = fake.state.notifications.length;
      expect(await invoke('backup:begin', { schemaVersion: 3, counts: {}, payloadFormat: 'test/1', trigger: 'automatic' })).toEqual({ ok: false, reason: 'backup-folder-missing' });
      expect(fake.state.notifications.slice(before)).toEqual([{ title: '备份失败', body: '找不到备份文件夹（U 盘是否已拔出？）。以前的备份没有受到影响。' }]);
      expect(await invoke('backup:configure', { folder: null })).toMatchObject({ ok: true, value: { folder: null } });
    });

    it('opens the OS pickers and shows the folder', async () => {
      expect(await invoke('backup:chooseFolder')).toEqual({ ok: true, value: null });
      fake.state.nextOpenDialog = { canceled: false, filePaths: ['/media/usb/backups'] };
      expect(await invoke('backup:chooseFolder')).toEqual({ ok: true, value: { folder: '/media/usb/backups' } });
      fake.state.nextOpenDialog = { canceled: false, filePaths: ['/home/owner/old.rgbackup'] };
      // The page gets a handle for the chosen file, never its path.
      expect(await invoke('backup:chooseFile')).toEqual({ ok: true, value: { handle: expect.stringMatching(/^[0-9a-f-]{36}$/), fileName: 'old.rgbackup' } });
      expect(fake.state.openDialogs).toEqual([
        expect.objectContaining({ title: '选择备份文件夹', properties: ['openDirectory', 'createDirectory'] }),
        expect.objectContaining({ title: '选择备份文件夹' }),
        expect.objectContaining({ title: '选择要恢复的备份', filters: [{ name: '熟客备份', extensions: ['rgbackup'] }, { name: '所有文件', extensions: ['*'] }] }),
      ]);
      expect(await invoke('backup:showFolder')).toEqual({ ok: true, value: null });
      // Revealed in the folder (its newest backup selected), never opened: opening a path runs what is there.
      const backups = path.join(userData(), 'backups');
      const newest = readdirSync(backups).filter((name) => name.endsWith('.rgbackup')).sort().at(-1);
      expect(newest).toBeDefined();
      expect(fake.state.revealedPaths).toEqual([path.join(backups, newest!)]);
      expect(fake.state.openedPaths).toEqual([]);
    });
  });
});

// Last: the window closes for good here.
describe('closing the window', () => {
  it('holds the window open until the page has made its backup at quit, and only while the page can answer', async () => {
    const window = fake.state.windows[0]!;
    const closeEvent = () => {
      let prevented = false;
      window.emitter.emit('close', { preventDefault: () => (prevented = true) });
      return prevented;
    };
    // While the page loads there is nobody to ask.
    window.contents.emit('did-start-loading');
    expect(closeEvent()).toBe(false);
    expect(window.sent).toEqual([]);

    window.contents.emit('did-finish-load');
    expect(closeEvent()).toBe(true);
    expect(closeEvent()).toBe(true);
    expect(window.sent).toEqual(['app:closeRequested']);
    expect(window.closes).toBe(0);

    // The answer must come from the app's own page, like every request.
    const closeReady = fake.state.ipc.get('app:closeReady');
    expect(await closeReady?.({ senderFrame: { url: 'https://evil.com/', parent: null } }, undefined)).toEqual({ ok: false, reason: 'untrusted-sender' });
    expect(window.closes).toBe(0);
    expect(await closeReady?.({ senderFrame: { url: 'regulars://app/index.html', parent: null } }, undefined)).toEqual({ ok: true, value: null });
    expect(window.closes).toBe(1);
    expect(closeEvent()).toBe(false);
    expect(window.payloads).toEqual([undefined]);
  });

  it("opens the window again on a notification's click (macOS runs on without it), on the page the notice is about", () => {
    // The backup failure raised earlier in this file.
    const backupFailed = fake.state.shownNotifications.at(-1)!;
    backupFailed.emit('click');
    expect(fake.state.windows).toHaveLength(2);
    const reopened = fake.state.windows[1]!;
    expect(reopened.loaded).toEqual(['regulars://app/index.html']);
    expect(reopened.shown).toBeGreaterThan(0);
    // Said only once the page has loaded and listens.
    expect(reopened.sent).toEqual([]);
    reopened.contents.emit('did-finish-load');
    expect(reopened.sent).toEqual(['app:navigate']);
    expect(reopened.payloads).toEqual([{ target: { name: 'backups' } }]);
    // With the window up, a click goes to it at once.
    backupFailed.emit('click');
    expect(fake.state.windows).toHaveLength(2);
    expect(reopened.payloads).toEqual([{ target: { name: 'backups' } }, { target: { name: 'backups' } }]);
  });
});

// After the window's close above: the app lives on in the tray.
describe('care pop-ups and the tray', () => {
  const APP_FRAME = { senderFrame: { url: 'regulars://app/index.html', parent: null } };
  const call = (channel: string, payload?: unknown, event: unknown = APP_FRAME) => {
    const handler = fake.state.ipc.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, payload) as Promise<{ ok: boolean; value?: unknown; reason?: string }>;
  };
  const prefs = { digestAt: '09:00', quietHours: { from: '21:00', to: '08:00' }, timedPopups: true, closeToTray: true, openAtLogin: false };
  const todayInShanghai = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const menuLabels = () => fake.state.trays[0]!.menus.at(-1)!.map((item) => item.label ?? item.type);

  it("keeps a tray icon whose menu, in the OS language, counts today's reminders from the page's schedule", async () => {
    expect(fake.state.trays).toHaveLength(1);
    expect(fake.state.trays[0]!.icon).toMatchObject({ file: path.join(appDir, 'dist', 'renderer', 'favicon.png') });
    expect(menuLabels()).toEqual(['打开Regulars', '今日提醒', 'separator', '退出Regulars']);
    const schedule = {
      generatedAt: new Date().toISOString(),
      timeZone: 'Asia/Shanghai',
      days: [{ day: todayInShanghai(), digest: { title: '今天的关怀', body: '5 位客户', count: 5, target: { name: 'churn' } }, timed: [] }],
    };
    expect(await call('reminders:schedule', schedule)).toEqual({ ok: true, value: null });
    expect(menuLabels()).toEqual(['打开Regulars', '今日提醒（5）', 'separator', '退出Regulars']);
    expect(JSON.parse(readFileSync(path.join(appDir, 'userData', 'reminder-schedule.json'), 'utf8'))).toEqual({ version: 1, schedule });

    // "Today's reminders" brings the window up on them.
    const window = fake.state.windows.at(-1)!;
    const shown = window.shown;
    fake.state.trays[0]!.menus.at(-1)![1]!.click?.();
    expect(window.shown).toBe(shown + 1);
    expect(window.payloads.at(-1)).toEqual({ target: { name: 'today' } });
  });

  it('answers the reminders channels from the app only, and sets the preferences for the owner only', async () => {
    expect(await call('reminders:prefs', undefined, { senderFrame: { url: 'https://evil.com/', parent: null } })).toEqual({ ok: false, reason: 'untrusted-sender' });
    expect(await call('reminders:setPrefs', prefs, { senderFrame: { url: 'regulars://app/index.html', parent: {} } })).toEqual({ ok: false, reason: 'untrusted-sender' });
    expect(await call('reminders:prefs')).toEqual({ ok: true, value: { prefs, supports: { notifications: true, tray: true, openAtLogin: false } } });
    await call('session:lock');
    expect(await call('reminders:setPrefs', { ...prefs, closeToTray: false })).toEqual({ ok: false, reason: 'owner-required' });
    expect(await call('reminders:setPrefs', { ...prefs, args: ['--inspect'] })).toEqual({ ok: false, reason: 'invalid-request' });
    expect(await call('reminders:schedule', { generatedAt: new Date().toISOString(), timeZone: 'Asia/Shanghai', days: [{ day: todayInShanghai(), digest: null, timed: [{ key: 'k', at: new Date().toISOString(), title: 'x', body: 'y', target: { name: 'customer', id: '../etc/passwd' } }] }] })).toEqual({ ok: false, reason: 'invalid-request' });
    expect((await call('reminders:prefs')).value).toMatchObject({ prefs: { closeToTray: true } });
    // Linux, and so no login item to set.
    expect(fake.state.loginItems).toEqual([]);
  });

  it('stays in the tray when the last window closes, unless the owner turned that off; quitting from the tray quits', async () => {
    const quits = fake.state.quits;
    fake.electron.app.emit('window-all-closed');
    expect(fake.state.quits).toBe(quits);
    expect((await call('session:unlock', { pin: '2580' })).ok).toBe(true);
    expect(await call('reminders:setPrefs', { ...prefs, closeToTray: false })).toMatchObject({ ok: true, value: { prefs: { closeToTray: false } } });
    fake.electron.app.emit('window-all-closed');
    expect(fake.state.quits).toBe(quits + 1);
    fake.state.trays[0]!.menus.at(-1)![3]!.click?.();
    expect(fake.state.quits).toBe(quits + 2);
  });

  it('started with the OS (--hidden): the tray only, the window when asked from it; a resume re-checks the schedule', async () => {
    const windows = fake.state.windows.length;
    const argv = process.argv;
    process.argv = [...argv, '--hidden'];
    try {
      vi.resetModules();
      await import('./main');
      fake.state.ready();
      await tick();
    } finally {
      process.argv = argv;
    }
    expect(fake.state.trays).toHaveLength(2);
    expect(fake.state.windows).toHaveLength(windows);
    fake.state.trays[1]!.menus.at(-1)![0]!.click?.();
    expect(fake.state.windows).toHaveLength(windows + 1);
    expect(fake.state.windows.at(-1)!.shown).toBe(1);

    // Asleep past a timed pop-up's time (in a zone where it is midday, clear of quiet hours): the resume shows it.
    const realNow = Date.now();
    const offset = 12 - new Date(realNow).getUTCHours();
    const timeZone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
    const day = new Intl.DateTimeFormat('en-CA', { timeZone }).format(realNow + 10 * 60_000);
    const timed = { key: 'call-back', at: new Date(realNow + 10 * 60_000).toISOString(), title: '约好的回访', body: '张三', target: { name: 'churn' } };
    expect(await call('reminders:schedule', { generatedAt: new Date(realNow).toISOString(), timeZone, days: [{ day, digest: null, timed: [timed] }] })).toEqual({ ok: true, value: null });
    const before = fake.state.notifications.length;
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(realNow + 11 * 60_000);
      fake.state.powerMonitor.emit('resume');
      // (The first start's scheduler listens too, with its own schedule: only this one's pop-up is looked for.)
      const called = () => fake.state.notifications.slice(before).filter((notice) => notice.title === '约好的回访');
      // The shown-log is written to disk before the pop-up shows: waited for, however loaded the machine.
      await vi.waitFor(() => expect(called()).toHaveLength(1), { timeout: 10_000 });
      await tick();
      expect(called()).toEqual([{ title: '约好的回访', body: '张三' }]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the customer-facing survey screen', () => {
  const fromApp = { senderFrame: { url: 'regulars://app/index.html', parent: null } };
  const sessionId = '0b6c3c0e-7d3e-4a57-9a55-3a1f1c2b9d01';
  const open = {
    sessionId,
    displayId: 2,
    language: 'zh-CN',
    questions: { csat: true, nps: true, choice: false, choiceOptions: [], why: false },
    context: { customerId: '7e1c2d3b-4a5f-4e6d-9c8b-1a2b3c4d5e6f', purchaseId: null, surveyId: 's1', surveyVersion: 1 },
  };

  it('opens a second locked-down window with the screen preload, and answers the screen channels for it alone', async () => {
    // The app's window as the tests above left it (closed once, opened again from the tray), loaded.
    const appWindow = fake.state.windows.filter((window) => window.loaded.includes('regulars://app/index.html')).at(-1)!;
    appWindow.contents.emit('did-finish-load');
    const before = fake.state.windows.length;
    expect(await fake.state.ipc.get('surveyScreen:open')?.(fromApp, open)).toEqual({ ok: true, value: { displayId: 2 } });
    const screen = fake.state.windows.at(-1)!;
    expect(fake.state.windows).toHaveLength(before + 1);
    expect(screen.loaded).toEqual(['regulars://app/screen.html']);
    expect(screen.options).toMatchObject({
      x: 1440,
      fullscreen: true,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false, preload: expect.stringMatching(/preload-screen\.cjs$/) },
    });
    const fromScreen = { sender: screen.contents, senderFrame: { url: 'regulars://app/screen.html', parent: null } };
    // Every navigation is refused there, the app's own pages too, and no window opens.
    for (const kind of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      let prevented = false;
      screen.contents.emit(kind, { url: 'regulars://app/index.html', preventDefault: () => (prevented = true) });
      expect(prevented).toBe(true);
    }
    const openHandler = (screen.contents as unknown as { openHandler: (details: { url: string }) => { action: string } }).openHandler;
    expect(openHandler({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    // The screen's channels from the screen's window; none of the app's, even with the screen page's address.
    expect(await fake.state.ipc.get('surveyScreen:session')?.(fromScreen, undefined)).toMatchObject({ ok: true, value: { state: 'asking', sessionId } });
    expect(await fake.state.ipc.get('app:info')?.(fromScreen, undefined)).toEqual({ ok: false, reason: 'untrusted-sender' });
    expect(await fake.state.ipc.get('surveyScreen:status')?.(fromScreen, undefined)).toEqual({ ok: false, reason: 'untrusted-sender' });
    // The main window (or any other) cannot speak for the screen, even from an address that looks like it.
    const forged = { sender: appWindow.contents, senderFrame: { url: 'regulars://app/screen.html', parent: null } };
    expect(await fake.state.ipc.get('surveyScreen:submit')?.(forged, { sessionId, answer: { csat: 1, nps: 0, choices: [], why: '' } })).toEqual({
      ok: false,
      reason: 'untrusted-sender',
    });
    expect(await fake.state.ipc.get('surveyScreen:submit')?.(fromScreen, { sessionId, answer: { csat: 5, nps: 10, choices: [], why: '' } })).toEqual({ ok: true, value: null });
    expect(appWindow.sent).toContain('surveyScreen:changed');
    expect(await fake.state.ipc.get('surveyScreen:close')?.(fromApp, undefined)).toEqual({ ok: true, value: null });
    expect(screen.closes).toBe(1);
  });
});
