// The main window's side of the customer screen's answers: pull what main holds (at start, and whenever main says
// `surveyScreen:changed`), record each answer once, then tell main it is recorded. A reload loses nothing: main
// keeps an answer until told. Pulls never overlap; one asked for during a pull runs after it.
import type { DesktopApi } from '../../../shared/ipc/contract';
import type { ScreenAnswered, ScreenStatus } from '../../../shared/ipc/surveyScreen';

/**
 * What recording an answer came to: in the database; refused for good (the customer is gone or in the trash, the
 * answer no longer fits the survey), so main may drop it; or failed for now (kept in main, tried at the next pull).
 */
export type IntakeOutcome = { kind: 'recorded'; answerId: string } | { kind: 'refused'; reason: string } | { kind: 'failed' };

export interface ScreenIntakeDeps {
  api: Pick<DesktopApi['surveyScreen'], 'status' | 'recorded'>;
  record: (answered: ScreenAnswered) => Promise<IntakeOutcome>;
  onStatus: (status: ScreenStatus) => void;
  onOutcome: (answered: ScreenAnswered, outcome: IntakeOutcome) => void;
}

export function createScreenIntake(deps: ScreenIntakeDeps) {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function once(): Promise<void> {
    const status = await deps.api.status();
    if (!status.ok || stopped) return;
    deps.onStatus(status.value);
    for (const answered of status.value.answered) {
      if (stopped) return;
      let outcome: IntakeOutcome;
      try {
        outcome = await deps.record(answered);
      } catch (error) {
        console.error(error);
        outcome = { kind: 'failed' };
      }
      if (outcome.kind !== 'failed') await deps.api.recorded(answered.sessionId);
      deps.onOutcome(answered, outcome);
    }
  }

  return {
    /** Pulls now, or once more after the pull under way. */
    pull(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        try {
          do {
            again = false;
            await once();
          } while (again && !stopped);
        } finally {
          running = null;
        }
      })();
      return running;
    },
    stop(): void {
      stopped = true;
    },
  };
}
