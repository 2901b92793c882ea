// The care pop-ups' channels through the real handler and the real services (a temp data folder): hostile
// schedules and preferences are refused before the service, another origin is refused, and only the owner sets them.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_PREFS } from '../../shared/ipc/reminderSchedule';
import { createWebServices } from '../services';
import type { MainServices } from '../services/types';
import { createIpcHandler } from './handlers';

const APP = 'http://127.0.0.1:4000';
const ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
let folder: string;
let services: MainServices;
let call: (channel: string, payload?: unknown, senderUrl?: string) => Promise<unknown>;

const schedule = {
  generatedAt: '2026-12-05T06:00:00.000Z',
  timeZone: 'Asia/Shanghai',
  days: [
    {
      day: '2026-12-05',
      digest: { title: '今天的关怀', body: '3 位客户', count: 3, target: { name: 'churn' } },
      timed: [{ key: 'follow-up:1', at: '2026-12-05T15:00:00+08:00', title: '回访', body: '张三', target: { name: 'customer', id: ID } }],
    },
  ],
};

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'reminder-channels-'));
  services = createWebServices({
    dataFolder: folder,
    version: '0.1.0-test',
    systemLocale: 'en-US',
    log: () => undefined,
    reminderTimers: { setTimer: () => 0, clearTimer: () => undefined },
  });
  const handler = createIpcHandler(services, { trustedOrigins: [APP], logError: () => undefined });
  call = (channel, payload, senderUrl = `${APP}/`) => handler({ channel, payload, senderUrl });
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('reminders channels', () => {
  it('keeps the schedule the page sends, and says in the browser mode that pop-ups, the tray and login items are not here', async () => {
    expect(await call('reminders:schedule', schedule)).toEqual({ ok: true, value: null });
    expect(JSON.parse(await readFile(path.join(folder, 'reminder-schedule.json'), 'utf8'))).toEqual({ version: 1, schedule });
    expect(await call('reminders:prefs')).toEqual({
      ok: true,
      value: { prefs: DEFAULT_REMINDER_PREFS, supports: { notifications: false, tray: false, openAtLogin: false } },
    });
  });

  it('refuses another origin on every reminders channel', async () => {
    for (const [channel, payload] of [['reminders:schedule', schedule], ['reminders:prefs', undefined], ['reminders:setPrefs', DEFAULT_REMINDER_PREFS]] as const) {
      expect(await call(channel, payload, 'https://evil.example/')).toEqual({ ok: false, reason: 'untrusted-sender' });
    }
  });

  it('refuses hostile schedules and preferences before the service', async () => {
    const day = schedule.days[0]!;
    const hostile: [string, unknown][] = [
      ['reminders:schedule', undefined],
      ['reminders:schedule', { ...schedule, timeZone: '../../etc/localtime' }],
      ['reminders:schedule', { ...schedule, days: [{ ...day, timed: [{ ...day.timed[0], target: { name: 'customer', id: 'javascript:alert(1)' } }] }] }],
      ['reminders:schedule', { ...schedule, days: [{ ...day, digest: { ...day.digest, target: { name: 'devtools' } } }] }],
      ['reminders:schedule', { ...schedule, days: [{ ...day, digest: { ...day.digest, title: 'x'.repeat(121) } }] }],
      ['reminders:schedule', { ...schedule, days: [{ ...day, timed: [{ ...day.timed[0], at: 'tomorrow' }] }] }],
      ['reminders:schedule', { ...schedule, command: 'rm -rf /' }],
      ['reminders:prefs', { openAtLogin: true }],
      ['reminders:setPrefs', { ...DEFAULT_REMINDER_PREFS, digestAt: '25:00' }],
      ['reminders:setPrefs', { ...DEFAULT_REMINDER_PREFS, openAtLogin: 1 }],
      ['reminders:setPrefs', { ...DEFAULT_REMINDER_PREFS, args: ['--remote-debugging-port=9222'] }],
      ['reminders:setPrefs', { ...DEFAULT_REMINDER_PREFS, quietHours: { from: '21:00' } }],
    ];
    for (const [channel, payload] of hostile) expect(await call(channel, payload)).toEqual({ ok: false, reason: 'invalid-request' });
    expect((await call('reminders:prefs')) as object).toMatchObject({ ok: true, value: { prefs: DEFAULT_REMINDER_PREFS } });
  });

  it('refuses the clerk on the preferences, and takes the owner’s, kept across a restart', async () => {
    const next = { ...DEFAULT_REMINDER_PREFS, digestAt: '10:30', quietHours: null, closeToTray: false };
    // No PIN yet: the clerk still may not.
    expect(await call('reminders:setPrefs', next)).toEqual({ ok: false, reason: 'owner-required' });
    await call('session:setPin', { pin: '2580', confirmation: '2580' });
    await call('session:lock');
    expect(await call('reminders:setPrefs', next)).toEqual({ ok: false, reason: 'owner-required' });
    await call('session:unlock', { pin: '2580' });
    expect(await call('reminders:setPrefs', next)).toEqual({ ok: true, value: { prefs: next, supports: { notifications: false, tray: false, openAtLogin: false } } });
    const restarted = createWebServices({ dataFolder: folder, version: '0.1.0-test', systemLocale: 'en-US', log: () => undefined });
    expect(await restarted.reminders.prefs()).toMatchObject({ ok: true, value: { prefs: next } });
    expect(restarted.reminders.current()).toEqual(next);
  });
});
