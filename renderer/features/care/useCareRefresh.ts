// Keeps today's care reminders worked out: after the list's first rows at start-up, every few minutes (a new
// day, a snooze that ended, a visit that restarted a cadence), and when asked after a clerk's action.
import { useCallback, useEffect } from 'react';
import type { Clock } from '../../../shared/clock';
import { useDesktop } from '../../platform/context';
import { firstRows } from '../../ui/firstRows';
import { careWorker } from './careClient';
import { careDueStarted, refreshCareDue } from './careDue';
import { useCareWords } from './useCareWords';

const EVERY_MS = 5 * 60_000;

/** The refresh the app's actions call; `enabled`: the store is set up. */
export function useCareRefresh(clock: Clock, enabled: boolean): () => Promise<void> {
  const { api } = useDesktop();
  const words = useCareWords();
  const refresh = useCallback(
    () =>
      refreshCareDue({
        worker: careWorker(),
        words,
        clock,
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        sendSchedule: api.reminders ? (schedule) => api.reminders.schedule(schedule) : undefined,
      }),
    [api, words, clock],
  );
  useEffect(() => {
    if (!enabled) return;
    // The app opens on Today, which works the day out as it mounts: start-up asks only when nothing has yet.
    const cancelFirst = firstRows.after(() => {
      if (!careDueStarted()) void refresh();
    });
    const timer = setInterval(() => void refresh(), EVERY_MS);
    return () => {
      cancelFirst();
      clearInterval(timer);
    };
  }, [enabled, refresh]);
  return refresh;
}
