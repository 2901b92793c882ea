import { describe, expect, it } from 'vitest';
import { DEFAULT_CARE_SETTINGS, type CareSettings } from '../careSettings';
import { FOLLOW_UP_GIVE_UP_DAYS, followUpOldestDay, followUpReminders, type FollowUpSource } from './followUp';

const lead = (followUp: number): CareSettings => ({ ...DEFAULT_CARE_SETTINGS, daysBefore: { ...DEFAULT_CARE_SETTINGS.daysBefore, followUp } });
const entry = (id: string, followUpDate: string | null, followUpDone = false): FollowUpSource => ({ id, customerId: `c-${id}`, followUpDate, followUpDone, summary: `said ${id}` });

describe('followUpReminders', () => {
  it('open ones from the lead time ahead, on the day, and overdue until done', () => {
    const log = [entry('a', '2026-12-08'), entry('b', '2026-12-05'), entry('c', '2026-11-01'), entry('d', '2026-12-09'), entry('e', '2026-11-20', true), entry('f', null)];
    expect(followUpReminders(log, '2026-12-05', lead(3)).map((r) => [r.detail.kind === 'follow-up' && r.detail.interactionId, r.dueDay, r.timing, r.showFrom])).toEqual([
      ['a', '2026-12-08', 'upcoming', '2026-12-05'],
      ['b', '2026-12-05', 'today', '2026-12-02'],
      ['c', '2026-11-01', 'overdue', '2026-10-29'],
    ]);
  });

  it('keyed by the contact-log entry, so two promises to one customer on one day are two reminders', () => {
    const [a, b] = followUpReminders([entry('a', '2026-12-05'), { ...entry('b', '2026-12-05'), customerId: 'c-a' }], '2026-12-05', lead(0));
    expect(a).toEqual({
      key: 'follow-up:a:2026-12-05',
      kind: 'follow-up',
      customerId: 'c-a',
      dueDay: '2026-12-05',
      showFrom: '2026-12-05',
      timing: 'today',
      detail: { kind: 'follow-up', interactionId: 'a', summary: 'said a' },
    });
    expect(b?.key).toBe('follow-up:b:2026-12-05');
  });

  it('with no lead time only from the day', () => {
    expect(followUpReminders([entry('a', '2026-12-06')], '2026-12-05', lead(0))).toEqual([]);
    expect(followUpReminders([entry('a', '2027-01-01')], '2026-12-29', lead(3))).toHaveLength(1);
  });

  it('gives up on a follow-up 90 days after its date, across a year end, and the read starts there', () => {
    expect(followUpOldestDay('2027-01-15')).toBe('2026-10-17');
    const log = [entry('kept', '2026-10-17'), entry('stale', '2026-10-16')];
    expect(followUpReminders(log, '2027-01-15', lead(3)).map((r) => r.detail.kind === 'follow-up' && r.detail.interactionId)).toEqual(['kept']);
    // The day after, the one kept falls off too.
    expect(followUpReminders(log, '2027-01-16', lead(3))).toEqual([]);
    expect(FOLLOW_UP_GIVE_UP_DAYS).toBe(90);
  });
});
