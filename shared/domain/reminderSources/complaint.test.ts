import { describe, expect, it } from 'vitest';
import { dayOfDate } from './days';
import { complaintReminders, type ComplaintSource } from './complaint';

// Local noon of a day, so the local due day is that day in any zone the tests run in.
const noon = (day: string) => new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), 12).toISOString();
const complaint = (id: string, dueDay: string, state: ComplaintSource['state'] = 'received'): ComplaintSource => ({ id, customerId: `p-${id}`, dueAt: noon(dueDay), state, category: 'service', severity: 'high' });

describe('complaintReminders', () => {
  it('those awaiting resolution due today or before: today, then overdue; none ahead of the day', () => {
    const list = [complaint('a', '2026-12-05'), complaint('b', '2026-12-01', 'investigating'), complaint('c', '2026-12-06'), complaint('d', '2026-11-30', 'reopened')];
    expect(complaintReminders(list, '2026-12-05').map((r) => [r.customerId, r.dueDay, r.timing])).toEqual([
      ['p-a', '2026-12-05', 'today'],
      ['p-b', '2026-12-01', 'overdue'],
      ['p-d', '2026-11-30', 'overdue'],
    ]);
  });

  it('none for a resolved, followed-up or closed complaint, however late', () => {
    expect(complaintReminders([complaint('a', '2026-12-01', 'resolved'), complaint('b', '2026-12-01', 'followed-up'), complaint('c', '2026-12-01', 'closed')], '2026-12-05')).toEqual([]);
  });

  it('keyed by the complaint and its due day, carrying what the Today card words', () => {
    const c = complaint('a', '2026-12-05');
    expect(complaintReminders([c], '2026-12-05')).toEqual([
      {
        key: 'complaint:a:2026-12-05',
        kind: 'complaint',
        customerId: 'p-a',
        dueDay: '2026-12-05',
        showFrom: '2026-12-05',
        timing: 'today',
        detail: { kind: 'complaint', complaintId: 'a', category: 'service', severity: 'high', dueAt: c.dueAt },
      },
    ]);
    expect(dayOfDate(new Date(c.dueAt))).toBe('2026-12-05');
  });
});
