// The owner PIN: set it the first time an owner-only action needs it, type it to go on, change it.
// Main checks it and keeps only a salted hash (electron/services/ownerSession); wrong PINs lock it for a while.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkNewPin, PIN_MAX_DIGITS, PIN_MIN_DIGITS, type OwnerPinRecord, type PinProblem } from '../../shared/domain/ownerPin';
import { Dialog } from '../ui/Dialog';
import { FieldError, useFocusFirstInvalid } from '../ui/FormField';
import { assertNever } from '../../shared/result';
import { useDesktop } from '../platform/context';
import { applySessionState, sessionClock } from './ownerSession';

export type PinDialogMode = 'set' | 'enter' | 'change';

interface Props {
  mode: PinDialogMode;
  /** What the owner is about to do, said in the dialog ("to restore a backup"). */
  purpose: string;
  /** 'set'/'change': the new record main keeps, for the store's copy; 'enter': null once the PIN was right. */
  onDone: (record: OwnerPinRecord | null) => Promise<void> | void;
  onCancel: () => void;
}

/** Until when (sessionClock) wrong PINs lock the dialog, counting down each second; null when not locked. */
function useLockout(): [number | null, (msLeft: number | null) => void] {
  const [until, setUntil] = useState<number | null>(null);
  const [, tick] = useState(0);
  useEffect(() => {
    if (until === null) return;
    const timer = window.setInterval(() => {
      if (sessionClock() >= until) setUntil(null);
      tick((n) => n + 1);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [until]);
  const lockFor = (msLeft: number | null) => setUntil(msLeft === null || msLeft <= 0 ? null : sessionClock() + msLeft);
  return [until !== null && until > sessionClock() ? until : null, lockFor];
}

export function OwnerPinDialog({ mode, purpose, onDone, onCancel }: Props) {
  const { api } = useDesktop();
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
  const [shownLock, lockFor] = useLockout();

  // A lockout from wrong PINs before this dialog (another screen, before a restart) shows at once.
  useEffect(() => {
    if (mode !== 'enter') return;
    let live = true;
    void api.session.state().then((state) => {
      if (live && state.ok) lockFor(state.value.pinLockedMsLeft);
    });
    return () => {
      live = false;
    };
    // lockFor is a fresh closure each render; the lockout is read once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, mode]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setBusy(true);
    try {
      if (mode === 'enter') {
        const unlocked = await api.session.unlock(pin);
        if (!unlocked.ok) return refuse(t(`errors.${unlocked.reason}`));
        const answer = unlocked.value;
        switch (answer.outcome) {
          case 'unlocked':
            applySessionState(answer.state);
            await onDone(null);
            return;
          case 'wrong':
            setPin('');
            return refuse(t('pin.wrong', { count: answer.attemptsLeft }));
          case 'locked':
            setPin('');
            return lockFor(answer.msLeft);
          case 'no-pin':
            return refuse(t('pin.saveFailed'));
          default:
            return assertNever(answer, 'unlock outcome');
        }
      }
      const refuseProblem = (problem: PinProblem) =>
        refuse(t(`pin.problems.${problem}`, { min: PIN_MIN_DIGITS, max: PIN_MAX_DIGITS }), problem === 'pin-mismatch' ? 'owner-pin-again' : 'owner-pin');
      // Checked here first for an answer without a round trip; main checks again.
      const checked = checkNewPin(pin, confirmation);
      if (!checked.ok) return refuseProblem(checked.reason);
      const set = await api.session.setPin(pin, confirmation);
      if (!set.ok) return refuse(t(`errors.${set.reason}`));
      if (set.value.outcome === 'problem') return refuseProblem(set.value.problem);
      applySessionState(set.value.state);
      await onDone(set.value.record);
    } catch {
      refuse(t('pin.saveFailed'));
    } finally {
      setBusy(false);
    }
  };

  const title = t(`pin.titles.${mode}`);
  const seconds = shownLock ? Math.max(1, Math.ceil((shownLock - sessionClock()) / 1000)) : 0;
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

