import { afterEach, describe, expect, it } from 'vitest';
import { OWNER_IDLE_MS as OWNER_UNLOCK_MS } from '../../shared/domain/permissions';
import { applySessionState, forgetOwner, isOwnerUnlocked, roleShown, useOwnerSession } from './ownerSession';

afterEach(() => useOwnerSession.setState({ ownerUntil: null, pinSet: null }));

describe("the page's copy of the owner session", () => {
  const at = 1_000_000;

  it('starts as the clerk, not knowing whether a PIN is set', () => {
    expect(isOwnerUnlocked(useOwnerSession.getState(), 0)).toBe(false);
    expect(useOwnerSession.getState().pinSet).toBeNull();
    expect(roleShown(at)).toBe('clerk');
  });

  it("follows main's answer: the owner for as long as main said was left, then the clerk", () => {
    applySessionState({ role: 'owner', pinSet: true, ownerMsLeft: OWNER_UNLOCK_MS, pinLockedMsLeft: null }, at);
    expect(roleShown(at + OWNER_UNLOCK_MS - 1)).toBe('owner');
    expect(roleShown(at + OWNER_UNLOCK_MS)).toBe('clerk');
    applySessionState({ role: 'clerk', pinSet: true, ownerMsLeft: null, pinLockedMsLeft: null }, at);
    expect(roleShown(at)).toBe('clerk');
    expect(useOwnerSession.getState().pinSet).toBe(true);
    expect(OWNER_UNLOCK_MS).toBe(5 * 60_000);
  });

  it('forgets the owner at once when asked (leaving an owner screen)', () => {
    applySessionState({ role: 'owner', pinSet: true, ownerMsLeft: 60_000, pinLockedMsLeft: null }, at);
    forgetOwner();
    expect(roleShown(at)).toBe('clerk');
  });
});
