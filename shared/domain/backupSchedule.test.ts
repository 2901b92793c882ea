import { addHours, addMinutes, addSeconds, subHours } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { backupAtQuit, DEFAULT_SCHEDULE_SETTINGS, nextBackup, scheduleSettingsSchema, settleOnClock, type ScheduleInput, type ScheduleSettings, type ScheduleTimes } from './backupSchedule';

const T = new Date('2026-06-15T10:00:00.000Z');
const at = (minutes: number) => addMinutes(T, minutes);
const decide = (input: Partial<ScheduleInput>, settings: ScheduleSettings = DEFAULT_SCHEDULE_SETTINGS) =>
  nextBackup({ now: T, lastBackupAt: null, lastChangeAt: null, ...input }, settings);

describe('nextBackup', () => {
  it('schedules nothing when automatic backups are off', () => {
    expect(decide({ lastChangeAt: at(-60) }, { ...DEFAULT_SCHEDULE_SETTINGS, enabled: false })).toEqual({ due: false, at: null, why: 'disabled' });
  });

  it('makes a first backup at once on a store that never had one', () => {
    expect(decide({})).toEqual({ due: true, at: T, why: 'first' });
  });

  it('waits until changes have stopped for the quiet time', () => {
    const lastBackupAt = at(-120);
    expect(decide({ lastBackupAt, lastChangeAt: at(-1) })).toEqual({ due: false, at: at(2), why: 'changes' });
    expect(decide({ lastBackupAt, lastChangeAt: at(-3) })).toEqual({ due: true, at: T, why: 'changes' });
    expect(decide({ lastBackupAt, lastChangeAt: addSeconds(at(-3), 1) }).due).toBe(false);
  });

  it('waits for the quiet time on a first backup too, when the store is being edited', () => {
    expect(decide({ lastChangeAt: at(-1) })).toEqual({ due: false, at: at(2), why: 'changes' });
  });

  it('never makes two automatic backups closer than the minimum interval', () => {
    expect(decide({ lastBackupAt: at(-10), lastChangeAt: at(-8) })).toEqual({ due: false, at: at(5), why: 'changes' });
    expect(decide({ lastBackupAt: at(-15), lastChangeAt: at(-8) })).toEqual({ due: true, at: T, why: 'changes' });
  });

  it('makes one a day even without changes', () => {
    const lastBackupAt = subHours(T, 23);
    expect(decide({ lastBackupAt, lastChangeAt: subHours(T, 30) })).toEqual({ due: false, at: addHours(lastBackupAt, 24), why: 'daily' });
    expect(decide({ lastBackupAt: subHours(T, 24) })).toEqual({ due: true, at: T, why: 'daily' });
    expect(decide({ lastBackupAt: subHours(T, 24 * 9) })).toMatchObject({ due: true, why: 'daily' });
  });

  it('does not count a change older than the last backup', () => {
    expect(decide({ lastBackupAt: at(-5), lastChangeAt: at(-5) })).toMatchObject({ due: false, why: 'daily' });
    expect(decide({ lastBackupAt: at(-5), lastChangeAt: at(-6) })).toMatchObject({ due: false, why: 'daily' });
  });

  it('has nothing to do without changes when the daily backup is off', () => {
    const settings = { ...DEFAULT_SCHEDULE_SETTINGS, dailyEvenWithoutChanges: false };
    expect(decide({ lastBackupAt: subHours(T, 48) }, settings)).toEqual({ due: false, at: null, why: 'nothing-to-do' });
    expect(decide({}, settings)).toEqual({ due: false, at: null, why: 'nothing-to-do' });
    expect(decide({ lastBackupAt: at(-60), lastChangeAt: at(-30) }, settings)).toEqual({ due: true, at: at(-27), why: 'changes' });
  });

  it('backs off after a failure for the minimum interval', () => {
    const input = { lastBackupAt: at(-120), lastChangeAt: at(-30), lastFailureAt: at(-5) };
    expect(decide(input)).toEqual({ due: false, at: at(10), why: 'changes' });
    expect(decide({ ...input, lastFailureAt: at(-15) })).toEqual({ due: true, at: T, why: 'changes' });
    // A failure before the last good backup is history.
    expect(decide({ ...input, lastFailureAt: at(-200) })).toEqual({ due: true, at: at(-27), why: 'changes' });
    expect(decide({ lastFailureAt: at(-1) })).toEqual({ due: false, at: at(14), why: 'first' });
  });

  it('follows the settings', () => {
    const settings = { ...DEFAULT_SCHEDULE_SETTINGS, quietMinutes: 0, minIntervalMinutes: 60 };
    expect(decide({ lastBackupAt: at(-90), lastChangeAt: T }, settings)).toEqual({ due: true, at: T, why: 'changes' });
    expect(decide({ lastBackupAt: at(-30), lastChangeAt: T }, settings)).toEqual({ due: false, at: at(30), why: 'changes' });
  });

  describe('when the clock was put back', () => {
    it('treats a last backup in the future as none, so changes are still backed up', () => {
      expect(decide({ lastBackupAt: addHours(T, 5), lastChangeAt: at(-10) })).toEqual({ due: true, at: at(-7), why: 'changes' });
      expect(decide({ lastBackupAt: addHours(T, 5) })).toEqual({ due: true, at: T, why: 'first' });
    });

    it('treats a change in the future as one whose quiet time is over', () => {
      expect(decide({ lastBackupAt: at(-60), lastChangeAt: addHours(T, 2) })).toEqual({ due: true, at: T, why: 'changes' });
      expect(decide({ lastBackupAt: at(-5), lastChangeAt: addHours(T, 2) })).toEqual({ due: false, at: at(10), why: 'changes' });
    });

    it('ignores a failure in the future', () => {
      expect(decide({ lastBackupAt: at(-60), lastChangeAt: at(-10), lastFailureAt: addHours(T, 1) })).toEqual({ due: true, at: at(-7), why: 'changes' });
    });

    it('becomes due without waiting for the clock to catch up', () => {
      // Asked again and again as time passes, the answer must become due within the quiet time.
      const input = { lastBackupAt: addHours(T, 5), lastChangeAt: T };
      const dueAt = [0, 1, 2, 3, 4].find((minutes) => nextBackup({ ...input, now: at(minutes) }, DEFAULT_SCHEDULE_SETTINGS).due);
      expect(dueAt).toBe(3);
    });
  });
});

describe('settleOnClock', () => {
  const times = (t: Partial<ScheduleTimes>): ScheduleTimes => ({ lastBackupAt: null, lastChangeAt: null, lastFailureAt: null, ...t });
  const settle = (t: Partial<ScheduleTimes>) => settleOnClock(times(t), T);
  const noneAhead = (t: ScheduleTimes) => [t.lastBackupAt, t.lastChangeAt, t.lastFailureAt].every((time) => time === null || time <= T);

  it('leaves times that are not ahead of the clock as they are (the same object)', () => {
    const input = times({ lastBackupAt: at(-60), lastChangeAt: at(-5), lastFailureAt: at(-30) });
    expect(settleOnClock(input, T)).toBe(input);
    const empty = times({});
    expect(settleOnClock(empty, T)).toBe(empty);
  });

  for (const [label, ahead] of [
    ['an hour', 60],
    ['a day', 24 * 60],
    ['a year', 365 * 24 * 60],
  ] as const) {
    it(`put back ${label}: a backup ahead counts from just before a change made since, so the change is still backed up`, () => {
      const settled = settle({ lastBackupAt: at(ahead - 10), lastChangeAt: at(-2) });
      expect(noneAhead(settled)).toBe(true);
      expect(settled.lastChangeAt).toEqual(at(-2));
      expect(settled.lastBackupAt!.getTime()).toBe(at(-2).getTime() - 1);
      expect(nextBackup({ now: T, ...settled }, DEFAULT_SCHEDULE_SETTINGS)).toMatchObject({ due: false, why: 'changes' });
      expect(nextBackup({ now: at(13), ...settled }, DEFAULT_SCHEDULE_SETTINGS)).toMatchObject({ due: true, why: 'changes' });
    });

    it(`put back ${label}: a backup and a change both ahead keep their order and spacing, the later one now`, () => {
      const unbacked = settle({ lastBackupAt: at(ahead - 20), lastChangeAt: at(ahead - 5) });
      expect(unbacked).toEqual(times({ lastBackupAt: at(-15), lastChangeAt: T }));
      const backedUp = settle({ lastBackupAt: at(ahead - 5), lastChangeAt: at(ahead - 20) });
      expect(backedUp).toEqual(times({ lastBackupAt: T, lastChangeAt: at(-15) }));
      expect(nextBackup({ now: T, ...backedUp }, DEFAULT_SCHEDULE_SETTINGS)).toMatchObject({ due: false, why: 'daily', at: addHours(T, 24) });
    });

    it(`put back ${label}: a change ahead of a backup read since counts as made now`, () => {
      expect(settle({ lastBackupAt: at(-30), lastChangeAt: at(ahead) })).toEqual(times({ lastBackupAt: at(-30), lastChangeAt: T }));
      const sameMoment = settle({ lastBackupAt: T, lastChangeAt: at(ahead) });
      expect(sameMoment.lastChangeAt! > sameMoment.lastBackupAt!).toBe(true);
    });

    it(`put back ${label}: a failure ahead counts from now (a retry after the interval, not after the clock catches up)`, () => {
      const settled = settle({ lastBackupAt: at(-60), lastChangeAt: at(-10), lastFailureAt: at(ahead) });
      expect(settled).toEqual(times({ lastBackupAt: at(-60), lastChangeAt: at(-10), lastFailureAt: T }));
      expect(nextBackup({ now: at(15), ...settled }, DEFAULT_SCHEDULE_SETTINGS).due).toBe(true);
    });

    it(`put back ${label}: a last backup ahead and no change counts from now: the daily one a day later, not at once`, () => {
      const settled = settle({ lastBackupAt: at(ahead) });
      expect(noneAhead(settled)).toBe(true);
      expect(nextBackup({ now: T, ...settled }, DEFAULT_SCHEDULE_SETTINGS)).toMatchObject({ due: false, why: 'daily' });
      expect(nextBackup({ now: addHours(T, 24), ...settled }, DEFAULT_SCHEDULE_SETTINGS)).toMatchObject({ due: true, why: 'daily' });
    });
  }

  it('is settled once: settling the result again changes nothing', () => {
    for (const input of [
      { lastBackupAt: at(500), lastChangeAt: at(-1) },
      { lastBackupAt: at(500), lastChangeAt: at(600), lastFailureAt: at(700) },
      { lastBackupAt: T, lastChangeAt: at(3) },
    ]) {
      const once = settle(input);
      expect(settleOnClock(once, T)).toBe(once);
    }
  });
});

describe('backupAtQuit', () => {
  it('backs up at quit only when something changed since the last backup', () => {
    expect(backupAtQuit({ lastBackupAt: at(-10), lastChangeAt: at(-1) }, DEFAULT_SCHEDULE_SETTINGS)).toBe(true);
    expect(backupAtQuit({ lastBackupAt: null, lastChangeAt: at(-1) }, DEFAULT_SCHEDULE_SETTINGS)).toBe(true);
    expect(backupAtQuit({ lastBackupAt: at(-1), lastChangeAt: at(-10) }, DEFAULT_SCHEDULE_SETTINGS)).toBe(false);
    expect(backupAtQuit({ lastBackupAt: null, lastChangeAt: null }, DEFAULT_SCHEDULE_SETTINGS)).toBe(false);
  });

  it('respects the settings', () => {
    const input = { lastBackupAt: at(-10), lastChangeAt: at(-1) };
    expect(backupAtQuit(input, { ...DEFAULT_SCHEDULE_SETTINGS, atQuit: false })).toBe(false);
    expect(backupAtQuit(input, { ...DEFAULT_SCHEDULE_SETTINGS, enabled: false })).toBe(false);
  });
});

describe('scheduleSettingsSchema', () => {
  it('accepts the defaults and refuses nonsense', () => {
    expect(scheduleSettingsSchema.safeParse(DEFAULT_SCHEDULE_SETTINGS).success).toBe(true);
    for (const bad of [
      { ...DEFAULT_SCHEDULE_SETTINGS, minIntervalMinutes: 0 },
      { ...DEFAULT_SCHEDULE_SETTINGS, quietMinutes: -1 },
      { ...DEFAULT_SCHEDULE_SETTINGS, quietMinutes: 2.5 },
      { ...DEFAULT_SCHEDULE_SETTINGS, enabled: 'yes' },
      { ...DEFAULT_SCHEDULE_SETTINGS, extra: true },
    ]) {
      expect(scheduleSettingsSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('keeps its defaults in the shape the issue asks for', () => {
    expect(DEFAULT_SCHEDULE_SETTINGS).toEqual({ enabled: true, quietMinutes: 3, minIntervalMinutes: 15, dailyEvenWithoutChanges: true, atQuit: true });
  });
});
