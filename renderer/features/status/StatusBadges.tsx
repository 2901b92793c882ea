// Small badges for a customer's tier, lifecycle stage and churn risk. Each shows its words, never
// colour alone; the risk badge adds a shape (a circle or a triangle) for the two warning levels.
import { useTranslation } from 'react-i18next';
import type { ChurnLevel } from '../../../shared/domain/churn';
import type { LifecycleStage } from '../../../shared/domain/lifecycle';
import { churnLevelName, groupName, stageHint, stageName, tierTone, type StatusWording } from './statusText';
import './status.css';

function StarIcon() {
  return (
    <svg className="status-badge-icon" width={11} height={11} viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" focusable="false">
      <path d="m12 2.8 2.8 5.9 6.4.8-4.7 4.4 1.2 6.4L12 17.2l-5.7 3.1 1.2-6.4-4.7-4.4 6.4-.8L12 2.8Z" />
    </svg>
  );
}

function WatchIcon() {
  return (
    <svg className="status-badge-icon" width={12} height={12} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.4} strokeLinecap="round" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7.5v5.5M12 16.5v.01" />
    </svg>
  );
}

function HighIcon() {
  return (
    <svg className="status-badge-icon" width={12} height={12} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.4} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M12 3.5 2.5 20h19L12 3.5Z" />
      <path d="M12 10v4.5M12 17.5v.01" />
    </svg>
  );
}

/**
 * The customer's group (tier or RFM segment) by name. The best group stands out most (gold, with a
 * star); the last is quiet; a tier the rules no longer have says so, in a dashed outline.
 */
export function TierBadge({ tierId, wording, title, testId }: { tierId: string; wording: Pick<StatusWording, 't' | 'locale' | 'status'>; title?: string; testId?: string }) {
  const name = groupName(wording, tierId);
  const tone = tierTone(wording.status, tierId);
  return (
    <span className={`status-badge tier-badge tier-${tone}`} title={title ?? wording.t('status.a11y.tier', { name })} data-testid={testId} data-tier={tierId}>
      {tone === 'top' && <StarIcon />}
      <span className="status-badge-text">{name}</span>
    </span>
  );
}

export function StageBadge({ stage, testId }: { stage: LifecycleStage; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge stage-badge stage-${stage}`} title={stageHint(t, stage)} data-testid={testId} data-stage={stage}>
      <span className="status-badge-text">{stageName(t, stage)}</span>
    </span>
  );
}

/** The churn level; `reason` (in words) is its tooltip. */
export function RiskBadge({ level, reason, testId }: { level: ChurnLevel; reason?: string; testId?: string }) {
  const { t } = useTranslation();
  const name = churnLevelName(t, level);
  return (
    <span className={`status-badge risk-badge risk-${level}`} title={reason ?? t('status.a11y.risk', { level: name })} data-testid={testId} data-level={level}>
      {level === 'watch' && <WatchIcon />}
      {level === 'high' && <HighIcon />}
      <span className="status-badge-text">{name}</span>
    </span>
  );
}
