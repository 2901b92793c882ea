// The tray icon and its menu (open the app, today's reminders with their count, quit): the app lives here while its
// window is closed, and the care pop-ups come from it. Electron's Tray and Menu come in as parameters.
import type { MenuItemConstructorOptions } from 'electron';
import type { AppLocale } from '../shared/ipc/contract';
import type { Route } from '../shared/route';

/** Where "today's reminders" opens: the Today screen. */
export const TODAY_ROUTE: Route = { name: 'today' };

export interface TrayLabels {
  /** "{app}" is replaced by the application name. */
  open: string;
  today: string;
  /** "{count}": today's reminders, when there are any. */
  todayCount: string;
  /** "{app}" is replaced by the application name. */
  quit: string;
}

export const TRAY_LABELS: Readonly<Record<AppLocale, TrayLabels>> = {
  'zh-CN': { open: '打开{app}', today: '今日提醒', todayCount: '今日提醒（{count}）', quit: '退出{app}' },
  'zh-TW': { open: '開啟{app}', today: '今日提醒', todayCount: '今日提醒（{count}）', quit: '結束{app}' },
  en: { open: 'Open {app}', today: "Today's reminders", todayCount: "Today's reminders ({count})", quit: 'Quit {app}' },
};

export interface TrayActions {
  /** Brings the window up (opening one when it was closed). */
  open(): void;
  /** Brings the window up on a page of the app. */
  openOn(target: Route): void;
  /** Quits for good: no close-to-tray this time. */
  quit(): void;
}

export interface TrayMenuInput {
  labels: TrayLabels;
  appName: string;
  /** Today's digest count (0: nothing due, or no schedule yet). */
  count: number;
  actions: TrayActions;
  todayRoute?: Route;
}

/** The tray's menu as data. */
export function buildTrayMenu(input: TrayMenuInput): MenuItemConstructorOptions[] {
  const { labels, appName, count, actions } = input;
  const target = input.todayRoute ?? TODAY_ROUTE;
  return [
    { label: labels.open.replaceAll('{app}', appName), click: () => actions.open() },
    { label: count > 0 ? labels.todayCount.replaceAll('{count}', String(count)) : labels.today, click: () => actions.openOn(target) },
    { type: 'separator' },
    { label: labels.quit.replaceAll('{app}', appName), click: () => actions.quit() },
  ];
}

/** What the service needs of Electron's Tray. */
export interface OsTray {
  setContextMenu(menu: unknown): void;
  setToolTip(text: string): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface TrayDeps {
  /** new Tray(icon) in Electron. */
  createTray(): OsTray;
  buildMenu(template: MenuItemConstructorOptions[]): unknown;
  locale: AppLocale;
  appName: string;
  /** macOS opens the menu on a click; Windows and Linux open the window, the menu on a right-click. */
  isMac: boolean;
  actions: TrayActions;
  todayRoute?: Route;
}

export interface TrayService {
  /** Today's reminders changed (a new schedule, a new day). */
  setCount(count: number): void;
  destroy(): void;
}

export function createTrayService(deps: TrayDeps): TrayService {
  const tray = deps.createTray();
  const labels = TRAY_LABELS[deps.locale];
  let count = 0;
  const render = () => {
    tray.setContextMenu(deps.buildMenu(buildTrayMenu({ labels, appName: deps.appName, count, actions: deps.actions, todayRoute: deps.todayRoute })));
    tray.setToolTip(count > 0 ? `${deps.appName} · ${labels.todayCount.replaceAll('{count}', String(count))}` : deps.appName);
  };
  if (!deps.isMac) tray.on('click', () => deps.actions.open());
  render();
  return {
    setCount(next) {
      if (next === count) return;
      count = next;
      render();
    },
    destroy: () => tray.destroy(),
  };
}
