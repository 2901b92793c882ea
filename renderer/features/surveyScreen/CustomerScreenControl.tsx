// "On the customer screen": opens the survey for this customer on the customer-facing display (chosen beside it when
// there are several), then says what the screen is doing: waiting for the customer (cancel), answered, or busy with
// another customer. Nothing where there is no screen to open (the browser mode).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FailureReason } from '../../../shared/ipc/contract';
import type { ScreenDisplay } from '../../../shared/ipc/surveyScreen';
import { useCustomerScreen } from './CustomerScreenProvider';
import './surveyScreen.css';

interface Props {
  customerId: string;
  /** The purchase the survey follows, when it does. */
  purchaseId: string | null;
  /** The answer to the survey this control opened is recorded (the after-purchase prompt is then done). */
  onAnswered?: () => void;
}

export function CustomerScreenControl({ customerId, purchaseId, onAnswered }: Props) {
  const screen = useCustomerScreen();
  const [displayId, setDisplayId] = useState<number | null>(null);
  const [failure, setFailure] = useState<FailureReason | null>(null);
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);
  const taken = screen?.taken ?? null;
  useEffect(() => {
    if (opened !== null && taken?.sessionId === opened && taken.outcome.kind === 'recorded') onAnswered?.();
  }, [opened, taken, onAnswered]);
  if (!screen || !screen.displays?.available || screen.displays.displays.length === 0) return null;
  const { status, displays } = screen;
  const waiting = status?.waiting ?? null;
  const chosen = displayId ?? displays.chosenId ?? displays.displays.find((display) => !display.primary)?.id ?? displays.displays[0]?.id ?? null;
  const state: CustomerScreenControlViewProps['state'] =
    waiting === null
      ? taken?.customerId === customerId && taken.outcome.kind === 'recorded' && status?.windowOpen
        ? 'answered'
        : 'ready'
      : waiting.customerId === customerId
        ? 'waiting'
        : 'other';

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  return (
    <CustomerScreenControlView
      state={state}
      displays={displays.displays}
      displayId={chosen}
      busy={busy}
      failure={failure}
      refused={taken?.customerId === customerId && taken.outcome.kind === 'refused'}
      onDisplay={setDisplayId}
      onOpen={() =>
        void run(async () => {
          const result = await screen.open({ customerId, purchaseId }, chosen);
          if (result.ok) setOpened(result.value);
          else setFailure(result.reason);
        })
      }
      onClose={() => void run(() => screen.close())}
    />
  );
}

export interface CustomerScreenControlViewProps {
  /** ready: may open; waiting: this customer's survey is up; answered: their answer is in; other: another customer's is up. */
  state: 'ready' | 'waiting' | 'answered' | 'other';
  displays: ScreenDisplay[];
  displayId: number | null;
  busy: boolean;
  failure: FailureReason | null;
  /** This customer's answer from the screen could not be recorded (in the trash, or the survey changed meanwhile). */
  refused: boolean;
  onDisplay: (id: number) => void;
  onOpen: () => void;
  onClose: () => void;
}

export function CustomerScreenControlView({ state, displays, displayId, busy, failure, refused, onDisplay, onOpen, onClose }: CustomerScreenControlViewProps) {
  const { t } = useTranslation();
  const label = (display: ScreenDisplay) =>
    t(display.primary ? 'surveyScreen.displayPrimary' : 'surveyScreen.displayOption', { label: display.label, width: String(display.width), height: String(display.height) });
  return (
    <div className="customer-screen-control" data-testid="customer-screen" data-state={state}>
      {state === 'waiting' ? (
        <p className="customer-screen-status" role="status">
          <span className="customer-screen-pulse" aria-hidden="true" />
          {t('surveyScreen.waiting')}
        </p>
      ) : state === 'answered' ? (
        <p className="customer-screen-status" role="status">
          {t('surveyScreen.answered')}
        </p>
      ) : state === 'other' ? (
        <p className="customer-screen-status muted" role="status">
          {t('surveyScreen.busyOther')}
        </p>
      ) : null}
      <div className="customer-screen-actions">
        {(state === 'ready' || state === 'answered') && (
          <>
            <button type="button" className="button" onClick={onOpen} disabled={busy} data-testid="customer-screen-open">
              {t('surveyScreen.open')}
            </button>
            {displays.length > 1 && (
              <label className="customer-screen-display">
                <span>{t('surveyScreen.display')}</span>
                <select value={displayId ?? ''} onChange={(event) => onDisplay(Number(event.target.value))} disabled={busy} data-testid="customer-screen-display">
                  {displays.map((display) => (
                    <option key={display.id} value={display.id}>
                      {label(display)}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </>
        )}
        {state === 'waiting' && (
          <button type="button" className="button" onClick={onClose} disabled={busy} data-testid="customer-screen-cancel">
            {t('surveyScreen.cancel')}
          </button>
        )}
        {(state === 'answered' || state === 'other') && (
          <button type="button" className="link-button" onClick={onClose} disabled={busy} data-testid="customer-screen-close">
            {t('surveyScreen.close')}
          </button>
        )}
      </div>
      {refused && (
        <p className="form-error" role="alert">
          {t('surveyScreen.refused')}
        </p>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {t('surveyScreen.failed', { reason: t(`errors.${failure}`) })}
        </p>
      )}
    </div>
  );
}
