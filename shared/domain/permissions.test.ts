import { describe, expect, it } from 'vitest';
import { ACTIONS, CLERK_SESSION, OWNER_CLOCK_SLACK_MS, OWNER_IDLE_MS, PERMISSIONS, can, needsOwner, ownerTouched, ownerUnlocked, roleAt } from './permissions';

describe('the permission matrix', () => {
  it('places every action, and the owner may do everything', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ACTIONS].sort());
    for (const action of ACTIONS) expect(can('owner', action)).toBe(true);
  });

  it('keeps what the issue names for the owner away from the clerk', () => {
    const ownerOnly = [
      'backup.restore',
      'backup.settings',
      'backup.password',
      'export.everything',
      'customers.deleteForGood',
      'trash.empty',
      'import.undo',
      'customers.merge',
      'customers.erase',
      'rules.change',
      'points.adjust',
      'audit.view',
    ] as const;
    for (const action of ownerOnly) {
      expect(can('clerk', action)).toBe(false);
      expect(needsOwner(action)).toBe(true);
    }
  });

  it('keeps the PIN and the store-wide settings with the owner too', () => {
    expect(needsOwner('pin.change')).toBe(true);
    expect(needsOwner('store.settings')).toBe(true);
  });

  it("leaves the clerk's day to the clerk", () => {
    for (const action of ['customers.edit', 'purchases.record', 'purchases.void', 'contacts.log', 'import.run', 'export.list', 'backup.now', 'points.redeem'] as const) {
      expect(can('clerk', action)).toBe(true);
      expect(needsOwner(action)).toBe(false);
    }
  });
});

describe('the owner session', () => {
  const t0 = Date.UTC(2026, 11, 3, 9, 0, 0);

  it('starts as the clerk and becomes the owner for five idle minutes after the PIN', () => {
    expect(roleAt(CLERK_SESSION, t0)).toBe('clerk');
    const session = ownerUnlocked(t0);
    expect(roleAt(session, t0)).toBe('owner');
    expect(roleAt(session, t0 + OWNER_IDLE_MS - 1)).toBe('owner');
    expect(roleAt(session, t0 + OWNER_IDLE_MS)).toBe('clerk');
  });

  it('runs again from each touch while open, and a touch after the end does not reopen it', () => {
    let session = ownerUnlocked(t0);
    session = ownerTouched(session, t0 + 4 * 60_000);
    expect(roleAt(session, t0 + 8 * 60_000)).toBe('owner');
    expect(roleAt(session, t0 + 9 * 60_000)).toBe('clerk');
    expect(ownerTouched(session, t0 + 9 * 60_000)).toEqual(CLERK_SESSION);
    expect(ownerTouched(CLERK_SESSION, t0)).toEqual(CLERK_SESSION);
  });

  it('ends when the clock is put back, rather than lasting longer; a step back of a few seconds leaves it open', () => {
    const session = ownerUnlocked(t0);
    expect(roleAt(session, t0 - 1_500)).toBe('owner');
    expect(roleAt(session, t0 - OWNER_CLOCK_SLACK_MS)).toBe('owner');
    expect(roleAt(session, t0 - OWNER_CLOCK_SLACK_MS - 1)).toBe('clerk');
    expect(roleAt(session, t0 - 60_000)).toBe('clerk');
    expect(roleAt(session, t0 - 365 * 24 * 3_600_000)).toBe('clerk');
  });
});
