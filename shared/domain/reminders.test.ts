import { format } from 'date-fns';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMarks, countByKind, reminderKey, REMINDER_KINDS, REMINDER_TIMINGS, snoozeUntil, sortReminders, timingOf, type DueReminder, type ReminderMark } from './reminders';

// New York: 2026-03-08 has 23 hours and 2026-11-01 has 25.
const ORIGINAL_TZ = process.env.TZ;
process.env.TZ = 'America/New_York';
afterAll(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

const reminder = (key: string, dueDay = '2026-12-05', timing: DueReminder['timing'] = 'today', kind: DueReminder['kind'] = 'follow-up'): DueReminder => ({
  key,
  kind,
  customerId: 'c1',
  dueDay,
  showFrom: dueDay,
  timing,
  detail: { kind: 'follow-up', interactionId: key, summary: '' },
});
const mark = (key: string, status: ReminderMark['status'], until?: string): ReminderMark => ({
  key,
  customerId: 'c1',
  kind: 'follow-up',
  status,
  at: '2026-12-05T01:00:00.000Z',
  ...(until === undefined ? {} : { until }),
});
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);
const stamp = (d: Date) => format(d, 'yyyy-MM-dd HH:mm');

describe('reminderKey', () => {
  it('one per kind, subject and day', () => {
    expect(reminderKey('birthday', 'c1', '2026-12-05')).toBe('birthday:c1:2026-12-05');
    const keys = new Set([reminderKey('birthday', 'c1', '2026-12-05'), reminderKey('birthday', 'c1', '2027-12-05'), reminderKey('cadence', 'c1', '2026-12-05'), reminderKey('birthday', 'c2', '2026-12-05')]);
    expect(keys.size).toBe(4);
  });
});

describe('timingOf', () => {
  it('upcoming, today, overdue', () => {
    expect(timingOf('2026-12-06', '2026-12-05')).toBe('upcoming');
    expect(timingOf('2026-12-05', '2026-12-05')).toBe('today');
    expect(timingOf('2026-12-04', '2026-12-05')).toBe('overdue');
    expect(timingOf('2026-12-31', '2027-01-01')).toBe('overdue');
  });
});

describe('applyMarks', () => {
  const now = new Date('2026-12-05T15:00:00.000Z');
  it('done and dismissed hide for good; a snooze hides until it ends', () => {
    const list = ['a', 'b', 'c', 'd', 'e', 'f'].map((k) => reminder(k));
    const marks = new Map([
      ['a', mark('a', 'done')],
      ['b', mark('b', 'dismissed')],
      ['c', mark('c', 'snoozed', '2026-12-05T15:00:00.001Z')],
      ['d', mark('d', 'snoozed', '2026-12-05T15:00:00.000Z')],
      ['e', mark('e', 'snoozed')],
    ]);
    expect(applyMarks(list, marks, now).map((r) => r.key)).toEqual(['d', 'e', 'f']);
    expect(applyMarks(list, marks, new Date('2027-06-01T00:00:00.000Z')).map((r) => r.key)).toEqual(['c', 'd', 'e', 'f']);
  });

  it('a mark holds for its occurrence only (next year\'s birthday is another key)', () => {
    const thisYear = reminder(reminderKey('birthday', 'c1', '2026-12-05'));
    const nextYear = reminder(reminderKey('birthday', 'c1', '2027-12-05'));
    const marks = new Map([[thisYear.key, mark(thisYear.key, 'done')]]);
    expect(applyMarks([thisYear, nextYear], marks, now)).toEqual([nextYear]);
  });
});

describe('the test zone', () => {
  it('has daylight saving (otherwise the DST cases below prove nothing)', () => {
    expect(local(2026, 3, 9).getTime() - local(2026, 3, 8).getTime()).toBe(23 * 3_600_000);
  });
});

describe('snoozeUntil', () => {
  it('an hour: sixty minutes of real time, also over a clock change', () => {
    expect(snoozeUntil('hour', local(2026, 12, 5, 14, 20))).toEqual(local(2026, 12, 5, 15, 20));
    // 01:30 + 1 h on 8 March is 03:30 (02:00 does not exist that night).
    expect(stamp(snoozeUntil('hour', local(2026, 3, 8, 1, 30)))).toBe('2026-03-08 03:30');
    expect(snoozeUntil('hour', local(2026, 3, 8, 1, 30)).getTime() - local(2026, 3, 8, 1, 30).getTime()).toBe(3_600_000);
  });

  it('tomorrow: 09:00 on the next local day, across a clock change and a year end', () => {
    expect(stamp(snoozeUntil('tomorrow', local(2026, 12, 5, 14, 20)))).toBe('2026-12-06 09:00');
    expect(stamp(snoozeUntil('tomorrow', local(2026, 12, 5, 0, 10)))).toBe('2026-12-06 09:00');
    expect(stamp(snoozeUntil('tomorrow', local(2026, 12, 31, 23, 59)))).toBe('2027-01-01 09:00');
    expect(stamp(snoozeUntil('tomorrow', local(2026, 3, 7, 22)))).toBe('2026-03-08 09:00');
    expect(stamp(snoozeUntil('tomorrow', local(2026, 10, 31, 22)))).toBe('2026-11-01 09:00');
  });

  it('next week: 09:00 seven local days on, across a clock change', () => {
    expect(stamp(snoozeUntil('next-week', local(2026, 12, 5, 14, 20)))).toBe('2026-12-12 09:00');
    expect(stamp(snoozeUntil('next-week', local(2026, 3, 5, 8)))).toBe('2026-03-12 09:00');
    expect(stamp(snoozeUntil('next-week', local(2026, 10, 29, 23, 30)))).toBe('2026-11-05 09:00');
  });

  it('always later than now, 09:00 local for the day choices (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * 366 * 24 * 60 }), fc.constantFrom('tomorrow' as const, 'next-week' as const), (m, choice) => {
        const now = new Date(Date.UTC(2026, 0, 1) + m * 60_000);
        const until = snoozeUntil(choice, now);
        expect(until.getTime()).toBeGreaterThan(now.getTime());
        expect(format(until, 'HH:mm')).toBe('09:00');
        const days = Math.round((Date.UTC(until.getFullYear(), until.getMonth(), until.getDate()) - Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())) / 86_400_000);
        expect(days).toBe(choice === 'tomorrow' ? 1 : 7);
      }),
    );
  });
});

describe('sortReminders', () => {
  it('overdue, today, upcoming; by due day; equal ones in their order', () => {
    const list = [
      reminder('u2', '2026-12-09', 'upcoming'),
      reminder('t1', '2026-12-05', 'today'),
      reminder('o2', '2026-12-03', 'overdue'),
      reminder('u1', '2026-12-07', 'upcoming'),
      // A call-back due days ago but not overdue yet counts as today's.
      reminder('t0', '2026-11-30', 'today'),
      reminder('o1', '2026-11-01', 'overdue'),
      reminder('o3', '2026-12-03', 'overdue'),
    ];
    expect(sortReminders(list).map((r) => r.key)).toEqual(['o1', 'o2', 'o3', 't0', 't1', 'u1', 'u2']);
    expect(list[0]!.key).toBe('u2');
  });

  it('is ordered and stable for any list (property)', () => {
    const arb = fc.array(fc.record({ timing: fc.constantFrom(...REMINDER_TIMINGS), day: fc.integer({ min: 1, max: 9 }) }), { maxLength: 40 });
    fc.assert(
      fc.property(arb, (xs) => {
        const list = xs.map((x, i) => reminder(String(i), `2026-12-0${x.day}`, x.timing));
        const sorted = sortReminders(list);
        const rank = (r: DueReminder) => ({ overdue: 0, today: 1, upcoming: 2 })[r.timing];
        for (let i = 1; i < sorted.length; i++) {
          const [a, b] = [sorted[i - 1]!, sorted[i]!];
          const order = rank(a) - rank(b) || a.dueDay.localeCompare(b.dueDay) || Number(a.key) - Number(b.key);
          expect(order).toBeLessThan(0);
        }
        expect(sorted).toHaveLength(list.length);
      }),
    );
  });
});

describe('countByKind', () => {
  it('counts each kind, zero for the absent', () => {
    const counts = countByKind([reminder('a', undefined, undefined, 'birthday'), reminder('b', undefined, undefined, 'birthday'), reminder('c', undefined, undefined, 'points')]);
    expect(counts).toEqual({ birthday: 2, festival: 0, cadence: 0, 'follow-up': 0, points: 1, 'survey-follow-up': 0, complaint: 0 });
    expect(Object.keys(countByKind([]))).toEqual([...REMINDER_KINDS]);
  });
});
