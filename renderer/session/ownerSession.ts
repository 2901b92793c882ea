// Who is at the keyboard, as main last said (main checks the PIN and keeps the session: electron/services/
// ownerSession). UI state only, never a database row; main's answer is the one that counts.
import { create } from 'zustand';
import type { Role } from '../../shared/domain/permissions';
import type { SessionState } from '../../shared/ipc/session';

export interface OwnerSession {
  /**
   * Until when main holds the owner session, on the page's monotonic clock (performance.now()): main says
   * how long is left, and neither the page's wall clock (a fixed one in tests) nor main's need agree.
   */
  ownerUntil: number | null;
  /** Whether main holds an owner PIN; null until main has answered. */
  pinSet: boolean | null;
}

export const useOwnerSession = create<OwnerSession>(() => ({ ownerUntil: null, pinSet: null }));

/** The page's monotonic clock. */
export const sessionClock = (): number => performance.now();

export function isOwnerUnlocked(state: Pick<OwnerSession, 'ownerUntil'>, at: number = sessionClock()): boolean {
  return state.ownerUntil !== null && state.ownerUntil > at;
}

/** The role the page shows (and records as the actor of a write). */
export function roleShown(at: number = sessionClock()): Role {
  return isOwnerUnlocked(useOwnerSession.getState(), at) ? 'owner' : 'clerk';
}

/** Takes main's answer as it is, `at` being when it arrived. */
export function applySessionState(state: SessionState, at: number = sessionClock()): void {
  const until = state.role === 'owner' && state.ownerMsLeft !== null ? at + state.ownerMsLeft : null;
  useOwnerSession.setState({ ownerUntil: until, pinSet: state.pinSet });
}

/** The page forgets the owner at once; main is told by the caller (session:lock). */
export function forgetOwner(): void {
  useOwnerSession.setState({ ownerUntil: null });
}
