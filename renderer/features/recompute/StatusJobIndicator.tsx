// The top bar's note of a running status job (with its progress) or of one that failed (with a retry).
import { useTranslation } from 'react-i18next';
import { statusWorker } from './statusClient';
import { runStatusJob, useStatusJobs } from './statusJobs';
import { useClock } from '../../platform/clock';

export function StatusJobIndicator() {
  const clock = useClock();
  const { t } = useTranslation();
  const running = useStatusJobs((s) => s.running);
  const failed = useStatusJobs((s) => s.failed);

  if (running) {
    const percent = running.total > 0 ? Math.min(100, Math.round((running.done / running.total) * 100)) : 0;
    return (
      <div className="status-job" role="status" data-testid="status-job">
        <span className="status-job-label">{t(`statusJobs.running.${running.kind}`)}</span>
        <progress
          max={100}
          value={percent}
          aria-label={t(`statusJobs.running.${running.kind}`)}
          aria-valuetext={t('statusJobs.progress', { done: running.done, total: running.total })}
        />
        <span className="status-job-percent">{percent}%</span>
      </div>
    );
  }
  if (failed) {
    return (
      <div className="status-job status-job-failed" role="alert" data-testid="status-job-failed">
        <span>{t(`statusJobs.failed.${failed.kind}`)}</span>
        <button type="button" className="button button-small" onClick={() => void runStatusJob(statusWorker(), failed.kind, clock).catch(() => undefined)}>
          {t('statusJobs.retry')}
        </button>
      </div>
    );
  }
  return null;
}
