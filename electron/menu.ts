// The application menu as data: a pure template builder over a label dictionary per app language.
import type { MenuItemConstructorOptions } from 'electron';
import type { AppLocale } from '../shared/ipc/contract';

export interface MenuLabels {
  file: string;
  edit: string;
  view: string;
  window: string;
  help: string;
  services: string;
  /** "{app}" is replaced by the application name. */
  about: string;
  hide: string;
  hideOthers: string;
  showAll: string;
  quit: string;
  closeWindow: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  reload: string;
  toggleDevTools: string;
  actualSize: string;
  zoomIn: string;
  zoomOut: string;
  toggleFullScreen: string;
  minimize: string;
  zoom: string;
  bringAllToFront: string;
  /** "{version}" is replaced by the version. */
  version: string;
  ok: string;
}

export const MENU_LABELS: Readonly<Record<AppLocale, MenuLabels>> = {
  'zh-CN': {
    file: '文件', edit: '编辑', view: '视图', window: '窗口', help: '帮助', services: '服务',
    about: '关于 {app}', hide: '隐藏 {app}', hideOthers: '隐藏其他', showAll: '全部显示', quit: '退出 {app}',
    closeWindow: '关闭窗口', undo: '撤销', redo: '重做', cut: '剪切', copy: '复制', paste: '粘贴', selectAll: '全选',
    reload: '重新加载', toggleDevTools: '开发者工具', actualSize: '实际大小', zoomIn: '放大', zoomOut: '缩小',
    toggleFullScreen: '切换全屏', minimize: '最小化', zoom: '缩放', bringAllToFront: '全部置于顶层',
    version: '版本 {version}', ok: '好',
  },
  'zh-TW': {
    file: '檔案', edit: '編輯', view: '檢視', window: '視窗', help: '說明', services: '服務',
    about: '關於 {app}', hide: '隱藏 {app}', hideOthers: '隱藏其他', showAll: '顯示全部', quit: '結束 {app}',
    closeWindow: '關閉視窗', undo: '復原', redo: '重做', cut: '剪下', copy: '複製', paste: '貼上', selectAll: '全選',
    reload: '重新載入', toggleDevTools: '開發者工具', actualSize: '實際大小', zoomIn: '放大', zoomOut: '縮小',
    toggleFullScreen: '切換全螢幕', minimize: '最小化', zoom: '縮放', bringAllToFront: '將全部視窗移至最前',
    version: '版本 {version}', ok: '好',
  },
  en: {
    file: 'File', edit: 'Edit', view: 'View', window: 'Window', help: 'Help', services: 'Services',
    about: 'About {app}', hide: 'Hide {app}', hideOthers: 'Hide Others', showAll: 'Show All', quit: 'Quit {app}',
    closeWindow: 'Close Window', undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select All',
    reload: 'Reload', toggleDevTools: 'Developer Tools', actualSize: 'Actual Size', zoomIn: 'Zoom In', zoomOut: 'Zoom Out',
    toggleFullScreen: 'Toggle Full Screen', minimize: 'Minimize', zoom: 'Zoom', bringAllToFront: 'Bring All to Front',
    version: 'Version {version}', ok: 'OK',
  },
};

/** "zh-Hant-TW", "zh-HK", "zh_TW" → zh-TW; other Chinese → zh-CN; anything else → en. */
export function pickMenuLocale(osLocale: string): AppLocale {
  const tag = osLocale.trim().toLowerCase().replace(/_/g, '-');
  if (tag !== 'zh' && !tag.startsWith('zh-')) return 'en';
  return /(^|-)(hant|tw|hk|mo)(-|$)/.test(tag) ? 'zh-TW' : 'zh-CN';
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.prototype.hasOwnProperty.call(values, key) ? (values[key] as string) : whole));
}

export interface MenuInput {
  locale: AppLocale;
  appName: string;
  isMac: boolean;
  /** Developer tools are offered only in unpackaged builds. */
  isPackaged: boolean;
  onAbout: () => void;
}

export function buildMenuTemplate(input: MenuInput): MenuItemConstructorOptions[] {
  const { appName, isMac, isPackaged, onAbout } = input;
  const t = MENU_LABELS[input.locale];
  const app = { app: appName };
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const about: MenuItemConstructorOptions = { label: fill(t.about, app), click: () => onAbout() };

  const macAppMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      about,
      separator,
      { label: t.services, role: 'services' },
      separator,
      { label: fill(t.hide, app), role: 'hide' },
      { label: t.hideOthers, role: 'hideOthers' },
      { label: t.showAll, role: 'unhide' },
      separator,
      { label: fill(t.quit, app), role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: t.file,
    submenu: isMac ? [{ label: t.closeWindow, role: 'close' }] : [{ label: fill(t.quit, app), role: 'quit' }],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      { label: t.undo, role: 'undo' },
      { label: t.redo, role: 'redo' },
      separator,
      { label: t.cut, role: 'cut' },
      { label: t.copy, role: 'copy' },
      { label: t.paste, role: 'paste' },
      { label: t.selectAll, role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      { label: t.reload, role: 'reload' },
      ...(isPackaged ? [] : [{ label: t.toggleDevTools, role: 'toggleDevTools' } satisfies MenuItemConstructorOptions]),
      separator,
      { label: t.actualSize, role: 'resetZoom' },
      { label: t.zoomIn, role: 'zoomIn' },
      { label: t.zoomOut, role: 'zoomOut' },
      separator,
      { label: t.toggleFullScreen, role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: t.window,
    role: 'window',
    submenu: isMac
      ? [{ label: t.minimize, role: 'minimize' }, { label: t.zoom, role: 'zoom' }, separator, { label: t.bringAllToFront, role: 'front' }]
      : [{ label: t.minimize, role: 'minimize' }, { label: t.closeWindow, role: 'close' }],
  };

  const helpMenu: MenuItemConstructorOptions = { label: t.help, role: 'help', submenu: [about] };

  return [...(isMac ? [macAppMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

/** Text of the About box. */
export function aboutDialogText(locale: AppLocale, appName: string, version: string): { title: string; message: string; detail: string; button: string } {
  const t = MENU_LABELS[locale];
  return {
    title: fill(t.about, { app: appName }),
    message: appName,
    detail: fill(t.version, { version }),
    button: t.ok,
  };
}
