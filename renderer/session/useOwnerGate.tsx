// Owner-only actions go through here: main checks the PIN and keeps the owner session (session:*); the PIN
// is set the first time one is needed, typed otherwise, and good while the owner keeps using this screen.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { OwnerPinRecord } from '../../shared/domain/ownerPin';
import { pins } from '../db/appRepositories';
import { useDesktop } from '../platform/context';
import { applySessionState, forgetOwner, roleShown } from './ownerSession';
import { OwnerPinDialog, type PinDialogMode } from './OwnerPinDialog';

interface Pending {
  mode: PinDialogMode;
  purpose: string;
  then: () => void;
}

export interface OwnerGate {
  /** Runs `action` once the owner is known: at once in an open owner session, else after the dialog. */
  run(purpose: string, action: () => void): void;
  /** Sets a new PIN (the owner is known already). */
  changePin(): void;
  dialog: ReactNode;
}

/** A touch of the app tells main the owner is still here at most this often. */
const TOUCH_EVERY_MS = 30_000;

/** `record`: the store's copy of the PIN (backups carry it); main takes it when it holds none yet. */
export function useOwnerGate(record: OwnerPinRecord | null | undefined): OwnerGate {
  const { api } = useDesktop();
  const [pending, setPending] = useState<Pending | null>(null);

  // Leaving the screen ends the owner session: owner actions live only here.
  useEffect(
    () => () => {
      forgetOwner();
      void api.session.lock();
    },
    [api],
  );

  // The owner's keys and clicks keep the session open; five idle minutes end it (main decides).
  useEffect(() => {
    let last = -Infinity;
    const touched = () => {
      const now = performance.now();
      if (now - last < TOUCH_EVERY_MS || roleShown() !== 'owner') return;
      last = now;
      void api.session.touch().then((state) => state.ok && applySessionState(state.value));
    };
    window.addEventListener('pointerdown', touched, true);
    window.addEventListener('keydown', touched, true);
    return () => {
      window.removeEventListener('pointerdown', touched, true);
      window.removeEventListener('keydown', touched, true);
    };
  }, [api]);

  const run = useCallback(
    (purpose: string, action: () => void) => {
      if (record === undefined) return;
      void (async () => {
        // A touch renews an open owner session and answers the state either way: one round trip.
        let state = await api.session.touch();
        // A PIN set before main kept it lives only in the store: main takes it, once.
        if (state.ok && !state.value.pinSet && record !== null) state = await api.session.adoptPin(record);
        if (!state.ok) {
          setPending({ mode: record === null ? 'set' : 'enter', purpose, then: action });
          return;
        }
        applySessionState(state.value);
        if (state.value.role === 'owner') {
          action();
          return;
        }
        setPending({ mode: state.value.pinSet ? 'enter' : 'set', purpose, then: action });
      })();
    },
    [record, api],
  );

  const changePin = useCallback(() => setPending({ mode: 'change', purpose: '', then: () => undefined }), []);

  const dialog = pending && (
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
  );
  return { run, changePin, dialog };
}
