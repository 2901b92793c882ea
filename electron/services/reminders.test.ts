import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_PREFS } from '../../shared/ipc/reminderSchedule';
import { ok } from '../../shared/result';
import type { JsonFile } from './ownerSession/jsonFile';
import { createRemindersService } from './reminders';

function memoryFile(initial: unknown = null): JsonFile & { value: unknown } {
  const file = { value: initial, read: async () => file.value, write: async (value: unknown) => void (file.value = value) };
  return file;
}

function setUp(prefsOnDisk: unknown = null) {
  const loginItems: boolean[] = [];
  const logged: string[] = [];
  const shown: string[] = [];
  const prefsFile = memoryFile(prefsOnDisk);
  const service = createRemindersService({
    notify: (notice) => {
      shown.push(notice.title);
      return ok(null);
    },
    timers: { setTimer: () => 0, clearTimer: () => undefined },
    now: () => Date.parse('2026-12-05T10:00:00+08:00'),
    scheduleFile: memoryFile(),
    shownFile: memoryFile(),
    prefsFile,
    loginItem: { set: (openAtLogin) => void loginItems.push(openAtLogin) },
    supports: { notifications: true, tray: true, openAtLogin: true },
    log: (line) => logged.push(line),
  });
  return { service, loginItems, logged, shown, prefsFile };
}

describe('the reminders service', () => {
  it('holds the defaults until the owner changes them, and sets the login item only when that changes', async () => {
    const { service, loginItems, prefsFile } = setUp();
    expect(service.current()).toEqual(DEFAULT_REMINDER_PREFS);
    await service.start();
    expect(loginItems).toEqual([]);
    await service.setPrefs({ ...DEFAULT_REMINDER_PREFS, openAtLogin: true });
    await service.setPrefs({ ...DEFAULT_REMINDER_PREFS, openAtLogin: true, digestAt: '08:30' });
    await service.setPrefs({ ...DEFAULT_REMINDER_PREFS, openAtLogin: false });
    expect(loginItems).toEqual([true, false]);
    expect(prefsFile.value).toEqual({ version: 1, prefs: { ...DEFAULT_REMINDER_PREFS, openAtLogin: false } });
  });

  it('keeps the login item in step with a kept preference at start', async () => {
    const { service, loginItems } = setUp({ version: 1, prefs: { ...DEFAULT_REMINDER_PREFS, openAtLogin: true } });
    await service.start();
    expect(loginItems).toEqual([true]);
    expect(service.current().openAtLogin).toBe(true);
  });

  it('falls back to the defaults from a damaged file, and says so', async () => {
    const { service, logged } = setUp({ version: 1, prefs: { digestAt: 'noon' } });
    expect(await service.prefs()).toEqual(ok({ prefs: DEFAULT_REMINDER_PREFS, supports: { notifications: true, tray: true, openAtLogin: true } }));
    expect(logged).toEqual(['[reminders] the pop-up preferences could not be read: the defaults hold']);
  });

  it('shows at once what a new digest time makes due', async () => {
    const { service, shown } = setUp({ version: 1, prefs: { ...DEFAULT_REMINDER_PREFS, digestAt: '11:00' } });
    await service.start();
    await service.schedule({
      generatedAt: '2026-12-05T06:00:00+08:00',
      timeZone: 'Asia/Shanghai',
      days: [{ day: '2026-12-05', digest: { title: 'digest', body: '3', count: 3, target: { name: 'churn' } }, timed: [] }],
    });
    expect(shown).toEqual([]);
    await service.setPrefs({ ...DEFAULT_REMINDER_PREFS, digestAt: '09:30' });
    expect(shown).toEqual(['digest']);
    expect(service.todayCount()).toBe(3);
  });
});
