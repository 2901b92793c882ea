// Owner-only actions (restore, backup settings, the backup password) go through here: the PIN is set the
// first time one is needed, typed otherwise, and good for a few minutes on this screen.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { OwnerPinRecord } from '../../shared/domain/ownerPin';
import { pins } from '../db/appRepositories';
import { useClock } from '../platform/clock';
import { isOwnerUnlocked, lockOwner, unlockOwner, useOwnerSession } from './ownerSession';
import { OwnerPinDialog, type PinDialogMode } from './OwnerPinDialog';

interface Pending {
  mode: PinDialogMode;
  purpose: string;
  then: () => void;
}

export interface OwnerGate {
  /** Runs `action` once the owner is known: at once when the PIN was typed lately, else after the dialog. */
  run(purpose: string, action: () => void): void;
  /** Sets a new PIN (the owner is known already). */
  changePin(): void;
  dialog: ReactNode;
}

export function useOwnerGate(record: OwnerPinRecord | null | undefined): OwnerGate {
  const clock = useClock();
  const [pending, setPending] = useState<Pending | null>(null);
  // Leaving the backup screen locks again: owner actions live only here.
  useEffect(() => lockOwner, []);

  const run = useCallback(
    (purpose: string, action: () => void) => {
      if (record === undefined) return;
      if (record !== null && isOwnerUnlocked(useOwnerSession.getState(), clock().getTime())) {
        unlockOwner(clock().getTime());
        action();
        return;
      }
      setPending({ mode: record === null ? 'set' : 'enter', purpose, then: action });
    },
    [record, clock],
  );

  const changePin = useCallback(() => setPending({ mode: 'change', purpose: '', then: () => undefined }), []);

  const dialog = pending && (
    <OwnerPinDialog
      mode={pending.mode}
      record={record ?? null}
      purpose={pending.purpose}
      onCancel={() => setPending(null)}
      onDone={async (next) => {
        if (next) await pins.write('owner', next);
        unlockOwner(clock().getTime());
        setPending(null);
        pending.then();
      }}
    />
  );
  return { run, changePin, dialog };
}
