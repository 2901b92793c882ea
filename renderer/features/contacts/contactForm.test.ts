// Quick follow-up days count local calendar days from today, across month ends and short months.
import { describe, expect, it } from 'vitest';
import { validateInteractionDraft } from '../../../shared/domain/interaction';
import { FOLLOW_UP_QUICK, followUpDay, localToday } from './contactForm';

describe('quick follow-up days', () => {
  it('counts from today in local days', () => {
    const today = new Date(2026, 0, 30, 23, 50);
    expect(localToday(today)).toBe('2026-01-30');
    expect(followUpDay('tomorrow', today)).toBe('2026-01-31');
    expect(followUpDay('in3Days', today)).toBe('2026-02-02');
    expect(followUpDay('inAWeek', today)).toBe('2026-02-06');
    // A month after 30 January is the last day of February.
    expect(followUpDay('inAMonth', today)).toBe('2026-02-28');
  });

  it('gives days the contact rules accept for a contact logged now', () => {
    const now = new Date(2026, 10, 23, 9, 0);
    for (const choice of FOLLOW_UP_QUICK) {
      const result = validateInteractionDraft(
        { at: '2026-11-23 09:00', channel: 'phone', direction: 'out', summary: '回访', outcome: '', followUpDate: followUpDay(choice, now) },
        { now },
      );
      expect(result.ok, choice).toBe(true);
    }
  });
});
