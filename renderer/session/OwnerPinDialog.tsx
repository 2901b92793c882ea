// The owner PIN: set it the first time an owner-only action needs it, type it to go on, change it.
// Only a salted hash is kept (shared/domain/ownerPin.ts); wrong PINs lock the dialog for a while.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { differenceInSeconds } from 'date-fns';
import { checkNewPin, PIN_MAX_DIGITS, PIN_MIN_DIGITS, type OwnerPinRecord } from '../../shared/domain/ownerPin';
import { Dialog } from '../ui/Dialog';
import { FieldError, useFocusFirstInvalid } from '../ui/FormField';
import { checkOwnerPin, newPinRecord, ownerPinLockedUntil } from './ownerPinCheck';
import { useClock } from '../platform/clock';
import type { Clock } from '../../shared/clock';

export type PinDialogMode = 'set' | 'enter' | 'change';

interface Props {
  mode: PinDialogMode;
  /** The stored PIN ('enter'); ignored otherwise. */
  record: OwnerPinRecord | null;
  /** What the owner is about to do, said in the dialog ("to restore a backup"). */
  purpose: string;
  /** 'set'/'change': the new record, to store; 'enter': null once the PIN was right. */
  onDone: (record: OwnerPinRecord | null) => Promise<void> | void;
  onCancel: () => void;
}

function useLockout(clock: Clock): Date | null {
  const [until, setUntil] = useState<Date | null>(() => ownerPinLockedUntil(clock()));
  const [, tick] = useState(0);
  useEffect(() => {
    if (!until) return;
    const timer = window.setInterval(() => {
      const now = clock();
      if (now >= until) setUntil(ownerPinLockedUntil(now));
      tick((n) => n + 1);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [until, clock]);
  return until && until > clock() ? until : null;
}

export function OwnerPinDialog({ mode, record, purpose, onDone, onCancel }: Props) {
  const clock = useClock();
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [confirmation, setConfirmation] = useState('');
  /** What is wrong, and which field it is about (a PIN that does not match its confirmation: the second). */
  const [error, setError] = useState<{ text: string; field: 'owner-pin' | 'owner-pin-again' } | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);
  const refuse = (text: string, field: 'owner-pin' | 'owner-pin-again' = 'owner-pin') => {
    setError({ text, field });
    focusFirstInvalid();
  };
  const lockedUntil = useLockout(clock);
  const [lockout, setLockout] = useState<Date | null>(null);
  const shownLock = lockout && lockout > clock() ? lockout : lockedUntil;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setBusy(true);
    try {
      if (mode === 'enter') {
        if (!record) return;
        const checked = await checkOwnerPin(pin, record, clock);
        if (checked.ok) {
          await onDone(null);
          return;
        }
        setPin('');
        if (checked.reason === 'locked') setLockout(checked.until);
        else refuse(t('pin.wrong', { count: checked.attemptsLeft }));
        return;
      }
      const checked = checkNewPin(pin, confirmation);
      if (!checked.ok) {
        refuse(t(`pin.problems.${checked.reason}`, { min: PIN_MIN_DIGITS, max: PIN_MAX_DIGITS }), checked.reason === 'pin-mismatch' ? 'owner-pin-again' : 'owner-pin');
        return;
      }
      await onDone(await newPinRecord(checked.value, clock()));
    } catch {
      refuse(t('pin.saveFailed'));
    } finally {
      setBusy(false);
    }
  };

  const title = t(`pin.titles.${mode}`);
  const seconds = shownLock ? Math.max(1, differenceInSeconds(shownLock, clock())) : 0;
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      testId="pin-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="owner-pin-form" className="button button-primary" disabled={busy || shownLock !== null} data-testid="pin-submit">
            {mode === 'enter' ? t('pin.unlock') : t('pin.save')}
          </button>
        </>
      }
    >
      <form id="owner-pin-form" ref={form} className="pin-form" onSubmit={(e) => void submit(e)} noValidate>
        <p>{mode === 'set' ? t('pin.setIntro', { purpose }) : mode === 'enter' ? t('pin.enterIntro', { purpose }) : t('pin.changeIntro')}</p>
        <div className="form-field">
          <label htmlFor="owner-pin">{mode === 'enter' ? t('pin.pin') : t('pin.newPin')}</label>
          <input
            id="owner-pin"
            className="pin-input"
            type="password"
            inputMode="numeric"
            autoComplete={mode === 'enter' ? 'current-password' : 'new-password'}
            maxLength={PIN_MAX_DIGITS + 4}
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            disabled={shownLock !== null}
            aria-describedby={mode !== 'enter' ? 'owner-pin-rules' : undefined}
            data-autofocus
            data-testid="pin-input"
          />
          {mode !== 'enter' && (
            <span className="hint" id="owner-pin-rules">
              {t('pin.rules', { min: PIN_MIN_DIGITS, max: PIN_MAX_DIGITS })}
            </span>
          )}
        </div>
        {mode !== 'enter' && (
          <div className="form-field">
            <label htmlFor="owner-pin-again">{t('pin.confirmPin')}</label>
            <input
              id="owner-pin-again"
              className="pin-input"
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              maxLength={PIN_MAX_DIGITS + 4}
              value={confirmation}
              onChange={(e) => setConfirmation(e.target.value)}
              data-testid="pin-confirm"
            />
          </div>
        )}
        {shownLock ? (
          <p className="form-error" role="alert" data-testid="pin-locked">
            {t('pin.locked', { count: seconds })}
          </p>
        ) : (
          error && (
            <FieldError controlId={error.field} className="form-error-block" testId="pin-error">
              {error.text}
            </FieldError>
          )
        )}
        {mode !== 'enter' && <p className="hint">{t('pin.forgetNote')}</p>}
      </form>
    </Dialog>
  );
}
