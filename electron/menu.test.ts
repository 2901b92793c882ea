import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_LOCALES } from '../shared/ipc/contract';
import { MENU_LABELS, aboutDialogText, buildMenuTemplate, pickMenuLocale } from './menu';

type Item = MenuItemConstructorOptions;
const submenu = (item: Item | undefined): Item[] => (Array.isArray(item?.submenu) ? item.submenu : []);
const roles = (items: Item[]) => items.map((item) => item.role ?? item.type ?? item.label);
const build = (overrides: Partial<Parameters<typeof buildMenuTemplate>[0]> = {}) =>
  buildMenuTemplate({ locale: 'en', appName: 'Regulars', isMac: false, isPackaged: true, onAbout: () => undefined, ...overrides });

describe('pickMenuLocale', () => {
  it.each([
    ['zh-CN', 'zh-CN'], ['zh', 'zh-CN'], ['zh-Hans-CN', 'zh-CN'], ['zh-SG', 'zh-CN'], ['zh_CN', 'zh-CN'],
    ['zh-TW', 'zh-TW'], ['zh-Hant-TW', 'zh-TW'], ['zh-HK', 'zh-TW'], ['zh-Hant', 'zh-TW'], ['zh-MO', 'zh-TW'], ['ZH_tw', 'zh-TW'],
    ['en-US', 'en'], ['en', 'en'], ['ja-JP', 'en'], ['', 'en'], ['zhx', 'en'], ['fr-TW', 'en'],
  ])('%s → %s', (input, expected) => {
    expect(pickMenuLocale(input)).toBe(expected);
  });
});

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Window, Help on Windows', () => {
    expect(build().map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(submenu(build()[0]))).toEqual(['quit']);
    expect(roles(submenu(build()[1]))).toEqual(['undo', 'redo', 'separator', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('puts the application menu first on the Mac', () => {
    const menu = build({ isMac: true });
    expect(menu.map((item) => item.label)).toEqual(['Regulars', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(submenu(menu[0]))).toContain('quit');
    expect(roles(submenu(menu[1]))).toEqual(['close']);
  });

  it('offers developer tools only when not packaged', () => {
    expect(roles(submenu(build({ isPackaged: true })[2]))).not.toContain('toggleDevTools');
    expect(roles(submenu(build({ isPackaged: false })[2]))).toContain('toggleDevTools');
    expect(roles(submenu(build()[2]))).toEqual(expect.arrayContaining(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
  });

  it('calls onAbout from Help → About', () => {
    const onAbout = vi.fn();
    const about = submenu(build({ onAbout })[4])[0];
    expect(about?.label).toBe('About Regulars');
    about?.click?.({} as never, undefined, {} as never);
    expect(onAbout).toHaveBeenCalledTimes(1);
  });

  it('labels every item in the chosen language', () => {
    const labels = (items: Item[]): string[] => items.flatMap((item) => [item.label ?? '', ...labels(submenu(item))]);
    const zh = labels(build({ locale: 'zh-CN', isMac: true, isPackaged: false })).filter((label) => label !== '' && label !== 'Regulars');
    expect(zh).toContain('文件');
    expect(zh).toContain('关于 Regulars');
    expect(zh.every((label) => /[\u4e00-\u9fff]/.test(label))).toBe(true);
    expect(labels(build({ locale: 'zh-TW' }))).toContain('檢視');
  });

  it('has every label in every language', () => {
    const keys = Object.keys(MENU_LABELS.en).sort();
    for (const locale of APP_LOCALES) {
      expect(Object.keys(MENU_LABELS[locale]).sort()).toEqual(keys);
      expect(Object.values(MENU_LABELS[locale]).every((label) => label.trim() !== '')).toBe(true);
    }
  });
});

describe('aboutDialogText', () => {
  it('shows the version', () => {
    expect(aboutDialogText('zh-TW', 'Regulars', '0.1.0')).toEqual({ title: '關於 Regulars', message: 'Regulars', detail: '版本 0.1.0', button: '好' });
    expect(aboutDialogText('en', 'Regulars', '1.2.3').detail).toBe('Version 1.2.3');
  });
});
