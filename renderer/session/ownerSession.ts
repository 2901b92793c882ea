// Who is at the keyboard as far as the app knows: today whether the owner typed the PIN lately (roles
// come next, here). UI state only, never a database row; a reload locks again.
import { create } from 'zustand';

/** How long a typed owner PIN is good for: long enough for a few settings in a row. */
export const OWNER_UNLOCK_MS = 5 * 60_000;

export interface OwnerSession {
  /** Until when (epoch ms) the owner's last PIN entry holds. */
  ownerUnlockedUntil: number | null;
}

export const useOwnerSession = create<OwnerSession>(() => ({ ownerUnlockedUntil: null }));

export function isOwnerUnlocked(state: Pick<OwnerSession, 'ownerUnlockedUntil'>, now: number): boolean {
  return state.ownerUnlockedUntil !== null && state.ownerUnlockedUntil > now;
}

export function unlockOwner(now: number): void {
  useOwnerSession.setState({ ownerUnlockedUntil: now + OWNER_UNLOCK_MS });
}

export function lockOwner(): void {
  useOwnerSession.setState({ ownerUnlockedUntil: null });
}
