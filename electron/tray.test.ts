import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { Route } from '../shared/route';
import { TODAY_ROUTE, TRAY_LABELS, buildTrayMenu, createTrayService, type OsTray } from './tray';

function recorder() {
  const calls: string[] = [];
  const actions = {
    open: () => void calls.push('open'),
    openOn: (target: Route) => void calls.push(`openOn ${JSON.stringify(target)}`),
    quit: () => void calls.push('quit'),
  };
  return { calls, actions };
}

const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('the tray menu', () => {
  it("offers open, today's reminders with their count, and quit, in the OS language", () => {
    const { calls, actions } = recorder();
    const todayRoute: Route = { name: 'customers' };
    const menu = buildTrayMenu({ labels: TRAY_LABELS['zh-CN'], appName: '熟客', count: 3, actions, todayRoute });
    expect(menu.map((item) => item.label ?? item.type)).toEqual(['打开熟客', '今日提醒（3）', 'separator', '退出熟客']);
    menu.forEach(click);
    expect(calls).toEqual(['open', `openOn ${JSON.stringify(todayRoute)}`, 'quit']);
  });

  it("names today's reminders without a count when none is due, and opens the one route kept for them", () => {
    const { calls, actions } = recorder();
    const menu = buildTrayMenu({ labels: TRAY_LABELS.en, appName: 'Regulars', count: 0, actions });
    expect(menu.map((item) => item.label ?? item.type)).toEqual(['Open Regulars', "Today's reminders", 'separator', 'Quit Regulars']);
    click(menu[1]);
    expect(calls).toEqual([`openOn ${JSON.stringify(TODAY_ROUTE)}`]);
    expect(buildTrayMenu({ labels: TRAY_LABELS['zh-TW'], appName: '熟客', count: 12, actions }).map((item) => item.label)).toContain('今日提醒（12）');
  });
});

describe('the tray service', () => {
  function fakeTray() {
    const state = { menus: [] as MenuItemConstructorOptions[][], tips: [] as string[], clicks: [] as (() => void)[], destroyed: false };
    const tray: OsTray = {
      setContextMenu: (menu) => void state.menus.push(menu as MenuItemConstructorOptions[]),
      setToolTip: (text) => void state.tips.push(text),
      on: (_event, listener) => state.clicks.push(listener),
      destroy: () => void (state.destroyed = true),
    };
    return { tray, state };
  }

  it('builds its menu at once and again only when the count changes', () => {
    const { tray, state } = fakeTray();
    const { calls, actions } = recorder();
    const service = createTrayService({ createTray: () => tray, buildMenu: (template) => template, locale: 'en', appName: 'Regulars', isMac: false, actions });
    expect(state.menus.map((menu) => menu[1]?.label)).toEqual(["Today's reminders"]);
    service.setCount(4);
    service.setCount(4);
    service.setCount(0);
    expect(state.menus.map((menu) => menu[1]?.label)).toEqual(["Today's reminders", "Today's reminders (4)", "Today's reminders"]);
    expect(state.tips).toEqual(['Regulars', "Regulars · Today's reminders (4)", 'Regulars']);
    // Windows and Linux: a click on the icon opens the window.
    state.clicks.forEach((listener) => listener());
    expect(calls).toEqual(['open']);
    service.destroy();
    expect(state.destroyed).toBe(true);
  });

  it('leaves the click to the menu on macOS', () => {
    const { tray, state } = fakeTray();
    createTrayService({ createTray: () => tray, buildMenu: (template) => template, locale: 'zh-CN', appName: '熟客', isMac: true, actions: recorder().actions });
    expect(state.clicks).toEqual([]);
  });
});
