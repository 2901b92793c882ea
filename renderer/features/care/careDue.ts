// Today's care reminders as last worked out by the care worker (a cache the Today screen and the navigation
// read), and the pop-up schedule handed to main after each pass.
import { create } from 'zustand';
import type { Clock } from '../../../shared/clock';
import type { ReminderSchedule } from '../../../shared/ipc/reminderSchedule';
import type { CareSummary, CareWorkerApi } from './careClient';
import { buildSchedule } from './careSchedule';
import type { CareWords } from './careText';

/** Days of pop-ups main gets ahead (it raises them while the window is closed). */
export const SCHEDULE_DAYS = 7;

interface CareDueState {
  summary: CareSummary | null;
  /** Bumped by each pass, so a screen reading pages of the list reads them again. */
  version: number;
  failed: boolean;
}

export const useCareDue = create<CareDueState>(() => ({ summary: null, version: 0, failed: false }));

export interface RefreshDeps {
  worker: CareWorkerApi;
  words: CareWords;
  clock: Clock;
  timeZone: string;
  /** Hands main the schedule; absent where there is no desktop (a page without main). */
  sendSchedule?: (schedule: ReminderSchedule) => Promise<unknown>;
}

let running: Promise<void> | null = null;
let again = false;

/** Whether a pass has run or is running (start-up need not ask for another). */
export function careDueStarted(): boolean {
  return running !== null || useCareDue.getState().version > 0;
}

/**
 * Works out today's reminders again (one pass at a time; a call during one runs one more after it), then
 * hands main the coming days' pop-ups. A failure is shown by the screen, and the last list stays.
 */
export function refreshCareDue(deps: RefreshDeps): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        const summary = await deps.worker.compute(SCHEDULE_DAYS - 1);
        useCareDue.setState((s) => ({ summary, version: s.version + 1, failed: false }));
        if (deps.sendSchedule) await deps.sendSchedule(buildSchedule(summary, deps.words, deps.clock(), deps.timeZone)).catch(() => undefined);
      } while (again);
    } catch {
      useCareDue.setState({ failed: true });
    } finally {
      running = null;
    }
  })();
  return running;
}
