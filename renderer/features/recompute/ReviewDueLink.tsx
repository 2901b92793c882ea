// The top bar's reminder that the tier review is due and customers wait to move down.
import { useTranslation } from 'react-i18next';
import { localDayOf } from '../../../shared/domain/customerFigures';
import { nextReviewDate } from '../../../shared/domain/tiers';
import { useBookkeeping, useSettings } from '../../db/hooks';
import { usePendingDowngradeCount } from '../../db/reviewHooks';
import { routeHref, useRoute } from '../../ui/routes';
import { useClock } from '../../platform/clock';

export function ReviewDueLink() {
  const clock = useClock();
  const { t } = useTranslation();
  const settings = useSettings();
  const bookkeeping = useBookkeeping();
  const waiting = usePendingDowngradeCount();
  const route = useRoute();
  if (!settings || !bookkeeping || !waiting || route.name === 'tierReview') return null;
  const last = bookkeeping.lastTierReviewAt;
  const due = last === null || nextReviewDate(last, settings.status.scheme.reviewEveryMonths) <= localDayOf(clock().toISOString());
  if (!due) return null;
  return (
    <a className="review-due-link" href={routeHref({ name: 'tierReview' })} data-testid="review-due">
      {t('statusJobs.reviewDue', { count: waiting })}
    </a>
  );
}
