import { describe, expect, it } from 'vitest';
import type { DesktopNotice } from '../../shared/ipc/notices';
import { DEFAULT_REMINDER_PREFS, type ReminderDay, type ReminderPrefs, type ReminderSchedule } from '../../shared/ipc/reminderSchedule';
import { err, ok } from '../../shared/result';
import type { JsonFile } from './ownerSession/jsonFile';
import { CHECK_EVERY_MS, createReminderScheduler, dueAt, showTime, wallTimeAt, type ReminderScheduler } from './reminderScheduler';

const ZHANG = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const MINUTE = 60_000;

/** A file kept as JSON text, as on disk: what a restart reads back is what was written. */
function fakeFile(initial?: string): JsonFile & { text: string | undefined } {
  const file = {
    text: initial,
    read: async () => (file.text === undefined ? null : (JSON.parse(file.text) as unknown)),
    write: async (value: unknown) => {
      file.text = JSON.stringify(value);
    },
  };
  return file;
}

/**
 * The OS as the scheduler sees it. Timers run on elapsed time; the wall clock follows it, and can also jump on its
 * own (a clock change) or while no timer runs (the PC asleep).
 */
function fakeOs(startIso: string) {
  let wall = Date.parse(startIso);
  let elapsed = 0;
  let nextId = 0;
  const pending = new Map<number, { at: number; run: () => void; ms: number }>();
  const waits: number[] = [];
  const shown: DesktopNotice[] = [];
  const logged: string[] = [];
  const disk = { schedule: fakeFile(), shown: fakeFile() };
  const prefs: { value: ReminderPrefs } = { value: { ...DEFAULT_REMINDER_PREFS } };
  let supported = true;
  const flush = () => new Promise((resolve) => setImmediate(resolve));

  const os = {
    shown,
    logged,
    disk,
    prefs,
    waits,
    pending,
    now: () => wall,
    unsupported: () => void (supported = false),
    scheduler(): ReminderScheduler {
      return createReminderScheduler({
        notify: (notice) => {
          if (!supported) return err('notices-unsupported');
          shown.push(notice);
          return ok(null);
        },
        timers: {
          setTimer: (run, ms) => {
            waits.push(ms);
            pending.set(++nextId, { at: elapsed + ms, run, ms });
            return nextId;
          },
          clearTimer: (handle) => void pending.delete(handle as number),
        },
        now: () => wall,
        scheduleFile: disk.schedule,
        shownFile: disk.shown,
        prefs: () => prefs.value,
        log: (line) => logged.push(line),
      });
    },
    /** Time passes with the PC awake: every timer due meanwhile fires, in order. */
    async run(ms: number) {
      const end = elapsed + ms;
      for (;;) {
        const next = [...pending.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        if (!next || next[1].at > end) break;
        pending.delete(next[0]);
        wall += next[1].at - elapsed;
        elapsed = next[1].at;
        next[1].run();
        await flush();
      }
      wall += end - elapsed;
      elapsed = end;
      await flush();
    },
    /** Runs until the wall clock reads `iso` (awake all along). */
    async runUntil(iso: string) {
      await os.run(Date.parse(iso) - wall);
    },
    /** The wall clock moves without time passing for the timers (the PC asleep, or the clock set). */
    jump(toIso: string) {
      wall = Date.parse(toIso);
    },
    titles: () => shown.map((notice) => notice.title),
    flush,
  };
  return os;
}

const customer = { name: 'customer' as const, id: ZHANG };
const today = { name: 'churn' as const };

function day(dayIso: string, count: number | null, timed: [key: string, at: string][] = []): ReminderDay {
  return {
    day: dayIso,
    digest: count === null ? null : { title: `digest ${dayIso}`, body: `${count} due`, count, target: today },
    timed: timed.map(([key, at]) => ({ key, at, title: `timed ${key}`, body: '张三 该回访了', target: customer })),
  };
}

function schedule(days: ReminderDay[], timeZone = 'Asia/Shanghai'): ReminderSchedule {
  return { generatedAt: '2026-12-05T06:00:00+08:00', timeZone, days };
}

describe('the wall clock in a time zone', () => {
  it('reads the day and minute there, across a change of daylight-saving time', () => {
    expect(wallTimeAt(Date.parse('2026-12-05T01:00:00Z'), 'Asia/Shanghai')).toEqual({ day: '2026-12-05', minute: 9 * 60 });
    expect(wallTimeAt(Date.parse('2026-12-04T23:30:00Z'), 'Asia/Shanghai')).toEqual({ day: '2026-12-05', minute: 7 * 60 + 30 });
    // New York springs forward at 02:00 on 8 March 2026: 06:59Z is 01:59 EST, 07:00Z is 03:00 EDT.
    expect(wallTimeAt(Date.parse('2026-03-08T06:59:00Z'), 'America/New_York')).toEqual({ day: '2026-03-08', minute: 119 });
    expect(wallTimeAt(Date.parse('2026-03-08T07:00:00Z'), 'America/New_York')).toEqual({ day: '2026-03-08', minute: 180 });
  });

  it('moves a pop-up due in quiet hours to their end, past midnight when they run past it', () => {
    const quiet = { from: '21:00', to: '08:00' };
    expect(showTime({ day: '2026-12-05', minute: 22 * 60 }, quiet)).toEqual({ day: '2026-12-06', minute: 8 * 60 });
    expect(showTime({ day: '2026-12-05', minute: 6 * 60 }, quiet)).toEqual({ day: '2026-12-05', minute: 8 * 60 });
    expect(showTime({ day: '2026-12-05', minute: 8 * 60 }, quiet)).toEqual({ day: '2026-12-05', minute: 8 * 60 });
    expect(showTime({ day: '2026-12-05', minute: 12 * 60 + 30 }, { from: '12:00', to: '13:30' })).toEqual({ day: '2026-12-05', minute: 13 * 60 + 30 });
    expect(showTime({ day: '2026-12-05', minute: 22 * 60 }, null)).toEqual({ day: '2026-12-05', minute: 22 * 60 });
  });

  it('plans the digest at the digest time and timed ones at theirs, none when timed pop-ups are off', () => {
    const plan = schedule([day('2026-12-05', 3, [['a', '2026-12-05T10:00:00+08:00']])]);
    const at = (iso: string, prefs: ReminderPrefs = DEFAULT_REMINDER_PREFS) => dueAt(plan, prefs, Date.parse(iso), new Set()).map((item) => item.id);
    expect(at('2026-12-05T08:59:00+08:00')).toEqual([]);
    expect(at('2026-12-05T09:00:00+08:00')).toEqual(['digest:2026-12-05']);
    expect(at('2026-12-05T10:00:00+08:00')).toEqual(['digest:2026-12-05', 'timed:a']);
    expect(at('2026-12-05T10:00:00+08:00', { ...DEFAULT_REMINDER_PREFS, timedPopups: false })).toEqual(['digest:2026-12-05']);
    expect(at('2026-12-05T10:00:00+08:00', { ...DEFAULT_REMINDER_PREFS, digestAt: '11:15' })).toEqual(['timed:a']);
    expect(at('2026-12-05T21:30:00+08:00')).toEqual([]);
    expect(at('2026-12-06T09:00:00+08:00')).toEqual([]);
  });
});

describe('the reminder scheduler', () => {
  it('through a whole day: the digest at 09:00, a timed one at its time, one due in quiet hours the next morning, each once', async () => {
    const os = fakeOs('2026-12-05T07:00:00+08:00');
    const scheduler = os.scheduler();
    await scheduler.start();
    await scheduler.setSchedule(
      schedule([
        day('2026-12-05', 3, [
          ['call-zhang', '2026-12-05T14:30:00+08:00'],
          ['late', '2026-12-05T22:30:00+08:00'],
        ]),
        day('2026-12-06', 2),
      ]),
    );
    expect(scheduler.todayCount()).toBe(3);
    await os.runUntil('2026-12-05T08:59:30+08:00');
    expect(os.shown).toEqual([]);
    await os.runUntil('2026-12-05T09:00:30+08:00');
    expect(os.shown).toEqual([{ title: 'digest 2026-12-05', body: '3 due', target: today }]);
    await os.runUntil('2026-12-05T14:29:00+08:00');
    expect(os.titles()).toEqual(['digest 2026-12-05']);
    await os.runUntil('2026-12-05T14:31:00+08:00');
    expect(os.titles()).toEqual(['digest 2026-12-05', 'timed call-zhang']);
    expect(os.shown[1]).toEqual({ title: 'timed call-zhang', body: '张三 该回访了', target: customer });
    // 22:30 is in the quiet hours (21:00–08:00): it waits for the morning.
    await os.runUntil('2026-12-06T07:59:00+08:00');
    expect(os.shown).toHaveLength(2);
    await os.runUntil('2026-12-06T08:00:30+08:00');
    expect(os.titles()).toEqual(['digest 2026-12-05', 'timed call-zhang', 'timed late']);
    await os.runUntil('2026-12-06T23:00:00+08:00');
    expect(os.titles()).toEqual(['digest 2026-12-05', 'timed call-zhang', 'timed late', 'digest 2026-12-06']);
    // It never waits longer than a minute, and waits for the next minute's turn.
    expect(Math.max(...os.waits)).toBeLessThanOrEqual(CHECK_EVERY_MS);
    expect(os.pending.size).toBe(1);
    expect(os.logged).toEqual([]);
  });

  it('after a restart (a new scheduler over the same files) repeats nothing it showed, and shows the rest', async () => {
    const os = fakeOs('2026-12-05T08:00:00+08:00');
    const first = os.scheduler();
    await first.start();
    await first.setSchedule(schedule([day('2026-12-05', 3, [['ten', '2026-12-05T10:00:00+08:00']])]));
    await os.runUntil('2026-12-05T09:05:00+08:00');
    expect(os.titles()).toEqual(['digest 2026-12-05']);
    first.stop();
    expect(os.pending.size).toBe(0);

    const second = os.scheduler();
    await second.start();
    expect(second.todayCount()).toBe(3);
    await os.runUntil('2026-12-05T12:00:00+08:00');
    expect(os.titles()).toEqual(['digest 2026-12-05', 'timed ten']);

    // A restart while one is due: shown by the one instance that starts, once.
    const third = os.scheduler();
    await third.start();
    await third.check();
    expect(os.titles()).toEqual(['digest 2026-12-05', 'timed ten']);
  });

  it('a schedule sent before the shown-log was read does not show again what the log holds', async () => {
    const os = fakeOs('2026-12-05T09:30:00+08:00');
    const first = os.scheduler();
    await first.setSchedule(schedule([day('2026-12-05', 3)]));
    expect(os.shown).toHaveLength(1);
    const second = os.scheduler();
    await second.setSchedule(schedule([day('2026-12-05', 4)]));
    await second.start();
    expect(os.shown).toHaveLength(1);
    expect(second.todayCount()).toBe(4);
  });

  it('after sleep, on resume: what fell due while asleep shows once, with no burst of repeats', async () => {
    const os = fakeOs('2026-12-05T08:00:00+08:00');
    const scheduler = os.scheduler();
    await scheduler.start();
    await scheduler.setSchedule(
      schedule([
        day('2026-12-05', 3, [
          ['ten', '2026-12-05T10:00:00+08:00'],
          ['eleven', '2026-12-05T11:00:00+08:00'],
          ['four', '2026-12-05T16:00:00+08:00'],
        ]),
      ]),
    );
    await os.run(30_000);
    os.jump('2026-12-05T13:00:00+08:00');
    await scheduler.check(); // powerMonitor 'resume'
    expect(os.titles()).toEqual(['digest 2026-12-05', 'timed ten', 'timed eleven']);
    // The timer armed before the sleep fires late, and a second resume comes: nothing again.
    await os.run(2 * MINUTE);
    await scheduler.check();
    expect(os.shown).toHaveLength(3);
    await os.runUntil('2026-12-05T16:00:30+08:00');
    expect(os.titles()).toEqual(['digest 2026-12-05', 'timed ten', 'timed eleven', 'timed four']);
  });

  it('slept through a whole day: that day is spent, the new day has its own digest', async () => {
    const os = fakeOs('2026-12-05T08:00:00+08:00');
    const scheduler = os.scheduler();
    await scheduler.start();
    await scheduler.setSchedule(schedule([day('2026-12-05', 3, [['ten', '2026-12-05T10:00:00+08:00']]), day('2026-12-06', 5)]));
    os.jump('2026-12-06T10:00:00+08:00');
    await scheduler.check();
    expect(os.titles()).toEqual(['digest 2026-12-06']);
    expect(scheduler.todayCount()).toBe(5);
  });

  it('a clock moved back does not show the digest again; one moved forward is noticed within a minute', async () => {
    const os = fakeOs('2026-12-05T08:58:00+08:00');
    const scheduler = os.scheduler();
    await scheduler.start();
    await scheduler.setSchedule(schedule([day('2026-12-05', 3, [['ten', '2026-12-05T10:00:00+08:00']])]));
    await os.runUntil('2026-12-05T09:01:00+08:00');
    expect(os.shown).toHaveLength(1);
    os.jump('2026-12-05T08:30:00+08:00');
    await os.runUntil('2026-12-05T09:30:00+08:00');
    expect(os.shown).toHaveLength(1);
    // Forward past ten o'clock, with no resume to say so: the next minute's check sees it.
    os.jump('2026-12-05T10:20:00+08:00');
    await os.run(MINUTE);
    expect(os.titles()).toEqual(['digest 2026-12-05', 'timed ten']);
  });

  it('on a day daylight-saving time begins, a digest time the clock skips shows when the clock passes it', async () => {
    const os = fakeOs('2026-03-08T01:00:00-05:00');
    os.prefs.value = { ...DEFAULT_REMINDER_PREFS, digestAt: '02:30', quietHours: null };
    const scheduler = os.scheduler();
    await scheduler.start();
    await scheduler.setSchedule(schedule([day('2026-03-08', 1)], 'America/New_York'));
    await os.runUntil('2026-03-08T01:59:30-05:00');
    expect(os.shown).toEqual([]);
    // The next minute reads 03:00 EDT.
    await os.runUntil('2026-03-08T03:00:30-04:00');
    expect(os.titles()).toEqual(['digest 2026-03-08']);
  });

  it('on a day daylight-saving time ends, the hour that comes twice shows its pop-ups once', async () => {
    const os = fakeOs('2026-11-01T00:30:00-04:00');
    os.prefs.value = { ...DEFAULT_REMINDER_PREFS, digestAt: '01:30', quietHours: null };
    const scheduler = os.scheduler();
    await scheduler.start();
    await scheduler.setSchedule(schedule([day('2026-11-01', 1, [['quarter', '2026-11-01T01:45:00-04:00']])], 'America/New_York'));
    await os.runUntil('2026-11-01T01:50:00-04:00');
    expect(os.titles()).toEqual(['digest 2026-11-01', 'timed quarter']);
    // 01:00–01:59 again, in EST.
    await os.runUntil('2026-11-01T02:30:00-05:00');
    expect(os.shown).toHaveLength(2);
  });

  it('a new schedule in another time zone the same day does not repeat the digest', async () => {
    const os = fakeOs('2026-12-05T09:10:00+08:00');
    const scheduler = os.scheduler();
    await scheduler.start();
    await scheduler.setSchedule(schedule([day('2026-12-05', 3), day('2026-12-06', 2)]));
    expect(os.titles()).toEqual(['digest 2026-12-05']);
    // The PC moves to London (01:10Z is 01:10 there, still 5 December, in quiet hours).
    await scheduler.setSchedule({ ...schedule([day('2026-12-05', 3), day('2026-12-06', 2)]), timeZone: 'Europe/London' });
    expect(scheduler.todayCount()).toBe(3);
    await os.runUntil('2026-12-05T09:30:00Z');
    expect(os.shown).toHaveLength(1);
    await os.runUntil('2026-12-06T09:00:30Z');
    expect(os.titles()).toEqual(['digest 2026-12-05', 'digest 2026-12-06']);
  });

  it('follows the preferences as they stand at each check', async () => {
    const os = fakeOs('2026-12-05T08:00:00+08:00');
    const scheduler = os.scheduler();
    await scheduler.start();
    await scheduler.setSchedule(schedule([day('2026-12-05', 3, [['ten', '2026-12-05T10:00:00+08:00']])]));
    os.prefs.value = { ...DEFAULT_REMINDER_PREFS, digestAt: '11:00', timedPopups: false };
    await os.runUntil('2026-12-05T10:30:00+08:00');
    expect(os.shown).toEqual([]);
    os.prefs.value = { ...DEFAULT_REMINDER_PREFS, digestAt: '11:00', quietHours: { from: '10:45', to: '12:00' } };
    await scheduler.check();
    expect(os.titles()).toEqual(['timed ten']);
    await os.runUntil('2026-12-05T11:59:00+08:00');
    expect(os.shown).toHaveLength(1);
    await os.runUntil('2026-12-05T12:00:30+08:00');
    expect(os.titles()).toEqual(['timed ten', 'digest 2026-12-05']);
  });

  it("tells the tray today's count when a schedule comes and when the day turns", async () => {
    const os = fakeOs('2026-12-05T23:58:00+08:00');
    const scheduler = os.scheduler();
    const counts: number[] = [];
    scheduler.onCount((count) => counts.push(count));
    await scheduler.start();
    expect(scheduler.todayCount()).toBe(0);
    await scheduler.setSchedule(schedule([day('2026-12-05', 3), day('2026-12-06', 7), day('2026-12-07', null)]));
    await os.runUntil('2026-12-06T00:00:30+08:00');
    await os.runUntil('2026-12-07T00:00:30+08:00');
    expect(counts).toEqual([3, 7, 0]);
  });

  it('keeps the shown-log on disk, pruned of days long past', async () => {
    const os = fakeOs('2026-12-05T09:00:00+08:00');
    os.disk.shown.text = JSON.stringify({ version: 1, shown: { 'digest:2026-11-01': '2026-11-01', 'timed:old': '2026-11-27', 'timed:recent': '2026-11-28' } });
    const scheduler = os.scheduler();
    await scheduler.start();
    await scheduler.setSchedule(schedule([day('2026-12-05', 3)]));
    expect(JSON.parse(os.disk.shown.text)).toEqual({ version: 1, shown: { 'timed:recent': '2026-11-28', 'digest:2026-12-05': '2026-12-05' } });
    expect(JSON.parse(os.disk.schedule.text!)).toEqual({ version: 1, schedule: schedule([day('2026-12-05', 3)]) });
  });

  it('starts empty from damaged files, and says so without any text of theirs', async () => {
    const os = fakeOs('2026-12-05T09:00:00+08:00');
    os.disk.schedule.text = JSON.stringify({ version: 1, schedule: { timeZone: 'Mars/Olympus', days: [{ title: '张三' }] } });
    os.disk.shown.text = JSON.stringify({ version: 2, shown: [] });
    const scheduler = os.scheduler();
    await scheduler.start();
    expect(scheduler.todayCount()).toBe(0);
    expect(os.logged).toEqual([
      '[reminders] the kept schedule could not be read: none until the page sends one',
      '[reminders] the shown-log could not be read: starting a new one',
    ]);
    await scheduler.setSchedule(schedule([day('2026-12-05', 3)]));
    expect(os.shown).toHaveLength(1);
  });

  it('logs a pop-up the OS could not show by its reason only, and does not try it every minute', async () => {
    const os = fakeOs('2026-12-05T09:00:00+08:00');
    os.unsupported();
    const scheduler = os.scheduler();
    await scheduler.start();
    await scheduler.setSchedule(schedule([day('2026-12-05', 3, [['ten', '2026-12-05T09:00:00+08:00']])]));
    await os.run(5 * MINUTE);
    expect(os.logged).toEqual(['[reminders] a pop-up was not shown (notices-unsupported)', '[reminders] a pop-up was not shown (notices-unsupported)']);
  });

  it('stops checking when stopped', async () => {
    const os = fakeOs('2026-12-05T08:00:00+08:00');
    const scheduler = os.scheduler();
    await scheduler.start();
    await scheduler.setSchedule(schedule([day('2026-12-05', 3)]));
    scheduler.stop();
    expect(os.pending.size).toBe(0);
    await os.runUntil('2026-12-05T10:00:00+08:00');
    expect(os.shown).toEqual([]);
  });
});
