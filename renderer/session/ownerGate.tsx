// The app-wide owner gate: one place asks main for the owner, shows the PIN dialog in place, keeps an owner
// session alive while the owner works, and ends it on leaving the screen. Screens ask `usePermission(action)`
// and run owner actions through `useOwnerGate().run(action, fn)`; the matrix is shared/domain/permissions.ts.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { can, needsOwner, type Action, type Role } from '../../shared/domain/permissions';
import type { SessionState } from '../../shared/ipc/session';
import { pins } from '../db/appRepositories';
import { useDesktop } from '../platform/context';
import { applySessionState, forgetOwner, roleShown, sessionClock, useOwnerSession } from './ownerSession';
import { OwnerPinDialog, type PinDialogMode } from './OwnerPinDialog';
import './session.css';

interface Pending {
  mode: PinDialogMode;
  purpose: string;
  then: () => void;
}

export interface OwnerGate {
  /**
   * Runs `action` when the role may: at once for a clerk's action or in an open owner session, else after
   * the owner typed the PIN (set the first time one is needed). Cancelling the dialog runs nothing.
   */
  run(what: Action, action: () => void, purpose?: string): void;
  /** Sets a new owner PIN (asks for the current one first when the owner is not known). */
  changePin(): void;
  /** Ends the owner session now. */
  lock(): void;
}

const GateContext = createContext<OwnerGate | null>(null);

/** A touch of the app tells main the owner is still here at most this often. */
const TOUCH_EVERY_MS = 30_000;

/** The words after "to …" in the PIN dialog for an owner action. */
export function purposeKey(action: Action): string {
  return `pin.purposes.${action}`;
}

/**
 * Holds the PIN dialog for the whole app. `screen` names the screen on show: when it changes while the
 * owner is known, the owner session ends (owner actions are done where they were unlocked).
 */
export function OwnerGateProvider({ screen, children }: { screen: string; children: ReactNode }) {
  const { api } = useDesktop();
  const { t } = useTranslation();
  const [pending, setPending] = useState<Pending | null>(null);

  // Each lock starts a new epoch: an answer main gave before it (a touch in flight) must not bring the owner back.
  const epoch = useRef(0);
  const lock = useCallback(() => {
    epoch.current += 1;
    forgetOwner();
    void api.session.lock();
  }, [api]);
  const applyIfCurrent = useCallback((asked: number, state: SessionState) => {
    if (asked === epoch.current) applySessionState(state);
  }, []);

  // Leaving a screen ends an owner session; so does closing the app (main forgets it on restart too).
  const shownScreen = useRef(screen);
  useEffect(() => {
    if (shownScreen.current === screen) return;
    shownScreen.current = screen;
    setPending(null);
    if (roleShown() === 'owner') lock();
  }, [screen, lock]);
  useEffect(() => () => lock(), [lock]);

  // The owner's keys and clicks keep the session open; five idle minutes end it (main decides).
  useEffect(() => {
    let last = -Infinity;
    const touched = () => {
      const now = sessionClock();
      if (now - last < TOUCH_EVERY_MS || roleShown() !== 'owner') return;
      last = now;
      const asked = epoch.current;
      void api.session.touch().then((state) => state.ok && applyIfCurrent(asked, state.value));
    };
    window.addEventListener('pointerdown', touched, true);
    window.addEventListener('keydown', touched, true);
    return () => {
      window.removeEventListener('pointerdown', touched, true);
      window.removeEventListener('keydown', touched, true);
    };
  }, [api, applyIfCurrent]);

  const ask = useCallback(
    (purpose: string, action: () => void, changing: boolean) => {
      const asked = epoch.current;
      void (async () => {
        // The store's copy of the PIN (backups carry it): main takes it when it holds none yet.
        const record = await pins.read('owner').catch(() => null);
        // A touch renews an open owner session and answers the state either way: one round trip.
        let state = await api.session.touch();
        // A PIN set before main kept it lives only in the store: main takes it, once.
        if (state.ok && !state.value.pinSet && record !== null) state = await api.session.adoptPin(record);
        if (!state.ok) {
          setPending({ mode: record === null ? 'set' : 'enter', purpose, then: action });
          return;
        }
        if (asked !== epoch.current) return;
        applySessionState(state.value);
        if (!state.value.pinSet) return setPending({ mode: 'set', purpose, then: action });
        if (state.value.role !== 'owner') return setPending({ mode: 'enter', purpose, then: changing ? () => setPending({ mode: 'change', purpose: '', then: action }) : action });
        if (changing) return setPending({ mode: 'change', purpose: '', then: action });
        action();
      })();
    },
    [api],
  );

  const run = useCallback(
    (what: Action, action: () => void, purpose?: string) => {
      if (can(roleShown(), what) && !needsOwner(what)) return action();
      ask(purpose ?? t(purposeKey(what)), action, false);
    },
    [ask, t],
  );

  const changePin = useCallback(() => ask(t(purposeKey('pin.change')), () => undefined, true), [ask, t]);

  const gate = useMemo<OwnerGate>(() => ({ run, changePin, lock }), [run, changePin, lock]);

  return (
    <GateContext.Provider value={gate}>
      {children}
      {pending && (
        <OwnerPinDialog
          mode={pending.mode}
          purpose={pending.purpose}
          onCancel={() => setPending(null)}
          onDone={async (next) => {
            // The store keeps a copy of a new PIN, so a backup carries it to another PC.
            if (next) await pins.write('owner', next);
            setPending(null);
            pending.then();
          }}
        />
      )}
    </GateContext.Provider>
  );
}

export function useOwnerGate(): OwnerGate {
  const gate = useContext(GateContext);
  if (!gate) throw new Error('useOwnerGate outside OwnerGateProvider');
  return gate;
}

/** The role on show, following main's answers and the end of the owner session when it comes. */
export function useRole(): Role {
  const ownerUntil = useOwnerSession((s) => s.ownerUntil);
  const [, rerender] = useState(0);
  useEffect(() => {
    if (ownerUntil === null) return;
    const left = ownerUntil - sessionClock();
    if (left <= 0) return;
    const timer = window.setTimeout(() => rerender((n) => n + 1), left + 50);
    return () => window.clearTimeout(timer);
  }, [ownerUntil]);
  return ownerUntil !== null && ownerUntil > sessionClock() ? 'owner' : 'clerk';
}

export interface Permission {
  /** The role on show may do it now. */
  allowed: boolean;
  /** Only the owner may: the control shows a lock while the clerk is at the keyboard. */
  ownerOnly: boolean;
  /** ownerOnly and not unlocked now: show the lock. */
  locked: boolean;
}

/** The one question a screen asks about an action. */
export function usePermission(action: Action): Permission {
  const role = useRole();
  const allowed = can(role, action);
  const ownerOnly = needsOwner(action);
  return { allowed, ownerOnly, locked: ownerOnly && !allowed };
}
