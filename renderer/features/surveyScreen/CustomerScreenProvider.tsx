// The customer screen as the main window knows it, app-wide: what main says it shows (waiting for whom), the
// displays, and the intake that records each answer given on it (channel 'screen') whatever page the clerk is on.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { APP_LOCALES, type AppLocale, type FailureReason } from '../../../shared/ipc/contract';
import type { ScreenAnswered, ScreenDisplays, ScreenStatus } from '../../../shared/ipc/surveyScreen';
import { err, ok, type Result } from '../../../shared/result';
import { surveys } from '../../db/appRepositories';
import { CustomerInTrashError } from '../../db/surveys';
import { CustomerNotFoundError } from '../../db/customerList';
import { useDesktop } from '../../platform/context';
import { createScreenIntake, type IntakeOutcome } from './screenIntake';

/** The last answer taken in from the screen, for the page of the customer it belongs to. */
export interface TakenAnswer {
  customerId: string;
  sessionId: string;
  outcome: IntakeOutcome;
}

export interface CustomerScreen {
  status: ScreenStatus | null;
  displays: ScreenDisplays | null;
  taken: TakenAnswer | null;
  /** Reads the displays again (the clerk opens the choice: a display may have come or gone). */
  refreshDisplays(): Promise<void>;
  /** Opens a session for this customer on `displayId` (null: the remembered one, else another than the clerk's); its id. */
  open(target: { customerId: string; purchaseId: string | null }, displayId: number | null): Promise<Result<string, FailureReason>>;
  /** Ends the waiting session, if any, and closes the screen. */
  close(): Promise<void>;
}

const CustomerScreenContext = createContext<CustomerScreen | null>(null);

export function useCustomerScreen(): CustomerScreen | null {
  return useContext(CustomerScreenContext);
}

/** Records one answer from the screen against the current survey, as the customer's. */
async function recordFromScreen(answered: ScreenAnswered): Promise<IntakeOutcome> {
  const { customerId, purchaseId } = answered.context;
  try {
    // The session's id is the answer's: handed over again after a reload, it is recorded once.
    const saved = await surveys.recordAnswer(customerId, answered.answer, { channel: 'screen', purchaseId, answerId: answered.sessionId });
    if (!saved.ok) return { kind: 'refused', reason: 'not-fitting' };
    return { kind: 'recorded', answerId: saved.value.id };
  } catch (error) {
    if (error instanceof CustomerInTrashError) return { kind: 'refused', reason: 'in-trash' };
    if (error instanceof CustomerNotFoundError) return { kind: 'refused', reason: 'not-found' };
    throw error;
  }
}

export function CustomerScreenProvider({ children }: { children: ReactNode }) {
  const { api } = useDesktop();
  const { i18n } = useTranslation();
  const [status, setStatus] = useState<ScreenStatus | null>(null);
  const [displays, setDisplays] = useState<ScreenDisplays | null>(null);
  const [taken, setTaken] = useState<TakenAnswer | null>(null);
  const intake = useRef<ReturnType<typeof createScreenIntake> | null>(null);

  const refreshStatus = useCallback(async () => {
    const result = await api.surveyScreen.status();
    if (result.ok) setStatus(result.value);
  }, [api]);

  useEffect(() => {
    const current = createScreenIntake({
      api: api.surveyScreen,
      record: recordFromScreen,
      onStatus: setStatus,
      onOutcome: (answered, outcome) => {
        if (outcome.kind !== 'failed') setTaken({ customerId: answered.context.customerId, sessionId: answered.sessionId, outcome });
        void refreshStatus();
      },
    });
    intake.current = current;
    // Answers given while this page was away (a reload, a crash) are in main: taken in at once.
    void current.pull();
    const unsubscribe = api.events.on('surveyScreen:changed', () => void current.pull());
    return () => {
      unsubscribe();
      current.stop();
    };
  }, [api, refreshStatus]);

  const refreshDisplays = useCallback(async () => {
    const result = await api.surveyScreen.displays();
    if (result.ok) setDisplays(result.value);
  }, [api]);

  useEffect(() => {
    void refreshDisplays();
  }, [refreshDisplays]);

  const open = useCallback<CustomerScreen['open']>(
    async (target, displayId) => {
      const survey = await surveys.currentSurvey();
      const language: AppLocale = (APP_LOCALES as readonly string[]).includes(i18n.language) ? (i18n.language as AppLocale) : 'zh-CN';
      const sessionId = crypto.randomUUID();
      const opened = await api.surveyScreen.open({
        sessionId,
        displayId,
        language,
        questions: survey.questions,
        context: { customerId: target.customerId, purchaseId: target.purchaseId, surveyId: survey.id, surveyVersion: survey.version },
      });
      await refreshStatus();
      if (!opened.ok) return err(opened.reason as FailureReason);
      void refreshDisplays();
      return ok(sessionId);
    },
    [api, i18n, refreshStatus, refreshDisplays],
  );

  const close = useCallback(async () => {
    await api.surveyScreen.close();
    await refreshStatus();
  }, [api, refreshStatus]);

  const value = useMemo<CustomerScreen>(() => ({ status, displays, taken, refreshDisplays, open, close }), [status, displays, taken, refreshDisplays, open, close]);
  return <CustomerScreenContext.Provider value={value}>{children}</CustomerScreenContext.Provider>;
}
