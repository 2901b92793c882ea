import { describe, expect, it } from 'vitest';
import type { MainEvent } from '../../shared/ipc/events';
import type { DesktopNotice } from '../../shared/ipc/notices';
import { createPageEvents } from '../ipc/pageEvents';
import { createNotificationService, type NoticeWindow, type OsNotification } from './notifications';

const ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

/** Electron's Notification as far as the service uses it; `click` plays the clerk. */
function fakeOs(supported = true) {
  const shown: FakeNotification[] = [];
  class FakeNotification implements OsNotification {
    static isSupported = () => supported;
    static made = 0;
    private clicks: (() => void)[] = [];
    private failures: (() => void)[] = [];
    constructor(readonly options: { title: string; body: string }) {
      FakeNotification.made++;
    }
    on(event: 'click' | 'failed', listener: () => void) {
      (event === 'click' ? this.clicks : this.failures).push(listener);
      return this;
    }
    fail() {
      for (const listener of this.failures) listener();
    }
    show() {
      shown.push(this);
    }
    click() {
      for (const listener of this.clicks) listener();
    }
  }
  return { Notification: FakeNotification, shown };
}

function fakeWindow(minimized = false) {
  const calls: string[] = [];
  const window: NoticeWindow = {
    isMinimized: () => minimized,
    restore: () => void calls.push('restore'),
    show: () => void calls.push('show'),
    focus: () => void calls.push('focus'),
  };
  return { window, calls };
}

function setUp(options: { supported?: boolean; window?: NoticeWindow | null } = {}) {
  const os = fakeOs(options.supported ?? true);
  const sent: [MainEvent, unknown][] = [];
  const logged: string[] = [];
  const service = createNotificationService({
    Notification: os.Notification,
    window: () => (options.window === undefined ? fakeWindow().window : options.window),
    events: createPageEvents({ deliver: (event, payload) => sent.push([event, payload]), logError: (line) => logged.push(line) }),
    logError: (line) => logged.push(line),
  });
  return { service, os, sent, logged };
}

describe('the notification service', () => {
  it('shows the worded notice, and its click brings the window up on the page it is about', () => {
    const { window, calls } = fakeWindow(true);
    const { service, os, sent } = setUp({ window });
    const target = { name: 'customer' as const, id: ID };
    expect(service.notify({ title: '该回访了', body: '张三 上次来店已是 60 天前', target })).toEqual({ ok: true, value: null });
    expect(os.shown.map((n) => n.options)).toEqual([{ title: '该回访了', body: '张三 上次来店已是 60 天前' }]);
    expect(sent).toEqual([]);
    os.shown[0]!.click();
    expect(calls).toEqual(['restore', 'show', 'focus']);
    expect(sent).toEqual([['app:navigate', { target }]]);
  });

  it('brings up a window that is not minimized without restoring it, on a list with its filters', () => {
    const { window, calls } = fakeWindow(false);
    const { service, os, sent } = setUp({ window });
    const target = { name: 'customers' as const, list: { search: '', tag: 'VIP', tier: null, stage: 'at-risk' as const, risk: 'high' as const } };
    service.notify({ title: 'VIP', body: '3', target });
    service.notify({ title: 'Backups', body: 'x', target: { name: 'backups' } });
    os.shown[0]!.click();
    expect(calls).toEqual(['show', 'focus']);
    expect(sent).toEqual([['app:navigate', { target }]]);
  });

  it('logs a notification the OS did not show (an unsigned macOS build), without its text', () => {
    const { service, os, sent, logged } = setUp();
    service.notify({ title: '该回访了', body: '张三 13800138000', target: { name: 'backups' } });
    os.shown[0]!.fail();
    expect(logged).toEqual(['[notifications] the operating system did not show a notification']);
    expect(sent).toEqual([]);
  });

  it('sends nothing when no window can be had', () => {
    const { service, os, sent } = setUp({ window: null });
    service.notify({ title: 'a', body: 'b', target: { name: 'churn' } });
    os.shown[0]!.click();
    expect(sent).toEqual([]);
  });

  it('says so on a platform without notifications, and makes none', () => {
    const { service, os } = setUp({ supported: false });
    expect(service.notify({ title: 'a', body: 'b', target: { name: 'backups' } })).toEqual({ ok: false, reason: 'notices-unsupported' });
    expect(os.Notification.made).toBe(0);
    expect(os.shown).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['an unknown page', { name: 'devtools' }],
    ['a customer id that is a path', { name: 'customer', id: '../../Users/owner' }],
    ['a customer id with a script', { name: 'customerEdit', id: '<script>alert(1)</script>' }],
    ['an extra field', { name: 'backups', href: 'https://evil.example/' }],
    ['a list filter nobody has', { name: 'customers', list: { search: '', tag: null, tier: null, stage: 'vip', risk: null } }],
    ['no target', undefined],
  ])('refuses a hostile target (%s): no notification, nothing sent, the paths logged', (_what, target) => {
    const { service, os, sent, logged } = setUp();
    expect(service.notify({ title: 'a', body: 'b', target } as DesktopNotice)).toEqual({ ok: false, reason: 'notice-invalid' });
    expect(os.Notification.made).toBe(0);
    expect(sent).toEqual([]);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^\[notifications\] refused a notice \(target/);
    expect(logged[0]).not.toMatch(/Users|script|evil/);
  });

  it('refuses blank or oversized text', () => {
    const { service, os } = setUp();
    const target = { name: 'backups' as const };
    for (const notice of [
      { title: ' ', body: 'b', target },
      { title: 'a', body: '', target },
      { title: 'x'.repeat(121), body: 'b', target },
      { title: 'a', body: 'x'.repeat(501), target },
      { title: 'a', body: 'b', target, sound: 'loud' },
    ]) {
      expect(service.notify(notice as DesktopNotice)).toEqual({ ok: false, reason: 'notice-invalid' });
    }
    expect(os.Notification.made).toBe(0);
  });
});
