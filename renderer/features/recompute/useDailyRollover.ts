// Keeps every customer's tier, stage and risk current as days pass: a full recomputation once a day.
import { useEffect } from 'react';
import { DERIVATION_RULES_VERSION, localDayOf } from '../../../shared/domain/customerFigures';
import { statusRecomputationDue, type Bookkeeping } from '../../../shared/domain/bookkeeping';
import { firstRows } from '../../ui/firstRows';
import { statusWorker } from './statusClient';
import { runStatusJob, useStatusJobs } from './statusJobs';
import type { Clock } from '../../../shared/clock';

const CHECK_EVERY_MS = 60_000;
// One automatic attempt a day: a failing recomputation must not retry every minute (the indicator offers a retry).
let attemptedOn: string | null = null;

/**
 * Starts the rollover recomputation when the last one was not today: at start-up (a store opened on a
 * new day, a demo store just made) and when the clock passes midnight with the app open. Risk and
 * stage depend on the days since the last visit, so they age even without purchases. Also at the first
 * start of an app whose derivation rules changed, so stored figures never follow the old rules.
 */
export function useDailyRollover(
  bookkeeping: Pick<Bookkeeping, 'startedAs' | 'statusRecomputedOn' | 'derivationRulesVersion'> | undefined,
  clock: Clock,
): void {
  const started = bookkeeping !== undefined && bookkeeping.startedAs !== null;
  const recomputedOn = bookkeeping?.statusRecomputedOn ?? null;
  const rulesVersion = bookkeeping?.derivationRulesVersion ?? 0;
  useEffect(() => {
    if (!started) return;
    const check = () => {
      const today = localDayOf(clock().toISOString());
      if (attemptedOn === today) return;
      if (!statusRecomputationDue({ statusRecomputedOn: recomputedOn, derivationRulesVersion: rulesVersion }, today, DERIVATION_RULES_VERSION)) return;
      const jobs = useStatusJobs.getState();
      // A rules recomputation does the rollover's work too; look again once it is done.
      if (jobs.running !== null || jobs.queued.length > 0) return;
      attemptedOn = today;
      runStatusJob(statusWorker(), 'rollover', clock).catch(() => undefined); // the indicator shows the failure
    };
    // At start-up, not before the list's first rows: the recomputation reads and writes every customer.
    const cancelFirst = firstRows.after(check);
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => {
      cancelFirst();
      clearInterval(timer);
    };
  }, [started, recomputedOn, rulesVersion, clock]);
}
