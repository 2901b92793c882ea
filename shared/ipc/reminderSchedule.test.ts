import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_PREFS, MAX_SCHEDULE_DAYS, MAX_TIMED_PER_DAY, clockMinutes, reminderPrefsSchema, reminderScheduleSchema } from './reminderSchedule';

const ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const timed = (key: string) => ({ key, at: '2026-12-05T15:00:00+08:00', title: '该回访了', body: '张三', target: { name: 'customer', id: ID } });
const valid = {
  generatedAt: '2026-12-05T06:00:00.000Z',
  timeZone: 'Asia/Shanghai',
  days: [{ day: '2026-12-05', digest: { title: '今天的关怀', body: '3 位客户', count: 3, target: { name: 'churn' } }, timed: [timed('a')] }],
};

describe('the pop-up schedule the page sends', () => {
  it('takes a worded schedule', () => {
    expect(reminderScheduleSchema.safeParse(valid).success).toBe(true);
    expect(reminderScheduleSchema.safeParse({ ...valid, days: [] }).success).toBe(true);
  });

  it.each<[string, unknown]>([
    ['an unknown time zone', { ...valid, timeZone: 'Mars/Olympus' }],
    ['a day that is not a day', { ...valid, days: [{ ...valid.days[0], day: '2026-13-40' }] }],
    ['a day twice', { ...valid, days: [valid.days[0], valid.days[0]] }],
    ['a key twice', { ...valid, days: [{ ...valid.days[0], timed: [timed('a'), timed('a')] }] }],
    ['a time without its offset', { ...valid, days: [{ ...valid.days[0], timed: [{ ...timed('a'), at: '2026-12-05 15:00' }] }] }],
    ['a hostile target', { ...valid, days: [{ ...valid.days[0], timed: [{ ...timed('a'), target: { name: 'customer', id: '../../etc' } }] }] }],
    ['a blank title', { ...valid, days: [{ ...valid.days[0], digest: { ...valid.days[0]!.digest, title: '  ' } }] }],
    ['a digest of nothing', { ...valid, days: [{ ...valid.days[0], digest: { ...valid.days[0]!.digest, count: 0 } }] }],
    ['an extra field', { ...valid, sound: 'loud' }],
    ['too many days', { ...valid, days: Array.from({ length: MAX_SCHEDULE_DAYS + 1 }, (_, i) => ({ day: `2026-12-${String(i + 1).padStart(2, '0')}`, digest: null, timed: [] })) }],
    ['too many timed ones', { ...valid, days: [{ ...valid.days[0], timed: Array.from({ length: MAX_TIMED_PER_DAY + 1 }, (_, i) => timed(`k${i}`)) }] }],
  ])('refuses %s', (_what, schedule) => {
    expect(reminderScheduleSchema.safeParse(schedule).success).toBe(false);
  });
});

describe('the pop-up preferences', () => {
  it('defaults to a digest at 09:00, quiet 21:00–08:00, the tray on and no start at login', () => {
    expect(reminderPrefsSchema.parse(DEFAULT_REMINDER_PREFS)).toEqual({
      digestAt: '09:00',
      quietHours: { from: '21:00', to: '08:00' },
      timedPopups: true,
      closeToTray: true,
      openAtLogin: false,
    });
    expect(clockMinutes('21:30')).toBe(21 * 60 + 30);
  });

  it.each<[string, unknown]>([
    ['a time past midnight', { ...DEFAULT_REMINDER_PREFS, digestAt: '24:00' }],
    ['a time in words', { ...DEFAULT_REMINDER_PREFS, digestAt: '9am' }],
    ['empty quiet hours', { ...DEFAULT_REMINDER_PREFS, quietHours: { from: '08:00', to: '08:00' } }],
    ['a switch that is not one', { ...DEFAULT_REMINDER_PREFS, openAtLogin: 'yes' }],
    ['an extra field', { ...DEFAULT_REMINDER_PREFS, launchArgs: ['--inspect'] }],
  ])('refuses %s', (_what, prefs) => {
    expect(reminderPrefsSchema.safeParse(prefs).success).toBe(false);
  });
});
