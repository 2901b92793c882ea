import { afterEach, describe, expect, it } from 'vitest';
import { isOwnerUnlocked, lockOwner, OWNER_UNLOCK_MS, unlockOwner, useOwnerSession } from './ownerSession';

afterEach(() => lockOwner());

describe('the owner session', () => {
  it('starts locked', () => {
    expect(isOwnerUnlocked(useOwnerSession.getState(), 0)).toBe(false);
  });

  it('holds a typed PIN for five minutes, then locks by itself', () => {
    const now = Date.UTC(2026, 5, 15, 10);
    unlockOwner(now);
    expect(isOwnerUnlocked(useOwnerSession.getState(), now + OWNER_UNLOCK_MS - 1)).toBe(true);
    expect(isOwnerUnlocked(useOwnerSession.getState(), now + OWNER_UNLOCK_MS)).toBe(false);
    expect(OWNER_UNLOCK_MS).toBe(5 * 60_000);
  });

  it('locks at once when asked (leaving the backup screen)', () => {
    const now = Date.UTC(2026, 5, 15, 10);
    unlockOwner(now);
    lockOwner();
    expect(isOwnerUnlocked(useOwnerSession.getState(), now)).toBe(false);
  });
});
