// The tier review (container): who waits to move down and why; the owner applies it in the worker.
import { useState } from 'react';
import { nextReviewDate } from '../../../shared/domain/tiers';
import { localDayOf } from '../../../shared/domain/customerFigures';
import { useBookkeeping, useSettings } from '../../db/hooks';
import { usePendingDowngrades } from '../../db/reviewHooks';
import { statusWorker } from '../recompute/statusClient';
import { runStatusJob, useStatusJobs } from '../recompute/statusJobs';
import { TierReviewView, type ApplyState } from './TierReviewView';
import { useClock } from '../../platform/clock';

/** Rows shown; the count above the table says how many more there are. */
const SHOWN = 500;

export function TierReviewScreen() {
  const clock = useClock();
  const settings = useSettings();
  const bookkeeping = useBookkeeping();
  const pending = usePendingDowngrades(SHOWN);
  const running = useStatusJobs((s) => s.running);
  const [apply, setApply] = useState<ApplyState>({ phase: 'idle' });
  if (!settings || !bookkeeping || !pending) return <div className="loading" aria-busy="true" />;

  const today = localDayOf(clock().toISOString());
  const last = bookkeeping.lastTierReviewAt;
  const next = last === null ? null : nextReviewDate(last, settings.status.scheme.reviewEveryMonths);

  const onApply = async () => {
    const waiting = pending.count;
    setApply({ phase: 'applying' });
    try {
      const result = await runStatusJob(statusWorker(), 'review', clock);
      setApply({ phase: 'applied', waiting, changed: result.changed });
    } catch {
      setApply({ phase: 'failed' });
    }
  };

  return (
    <TierReviewView
      status={settings.status}
      region={settings.defaultRegion}
      lastReviewDay={last}
      nextReviewDay={next}
      due={next === null || next <= today}
      pending={pending}
      apply={apply}
      busy={running !== null || apply.phase === 'applying'}
      onApply={() => void onApply()}
    />
  );
}
