// Live-query hooks of satisfaction surveys (kept apart from hooks.ts, which the customer screens own).
import { useLiveQuery } from 'dexie-react-hooks';
import type { Purchase } from '../../shared/domain/purchase';
import type { SurveyEligibility } from '../../shared/domain/survey';
import type { SurveyVersion } from '../../shared/domain/surveyRecords';
import { purchases, surveys } from './appRepositories';
import type { CustomerSurveyStanding } from './surveys';

/** The survey asked now; undefined while loading. */
export function useCurrentSurvey(): SurveyVersion | undefined {
  return useLiveQuery(() => surveys.currentSurvey(), []);
}

/** The purchase a survey follows; null for none (or one gone), undefined while loading. */
export function useSurveyPurchase(purchaseId: string | null): Purchase | null | undefined {
  return useLiveQuery(async () => (purchaseId ? ((await purchases.get(purchaseId)) ?? null) : null), [purchaseId]);
}

/** A customer's latest answer and whether they declined surveys; null when there is no such customer, undefined while loading. */
export function useSurveyStanding(customerId: string): CustomerSurveyStanding | null | undefined {
  return useLiveQuery(() => surveys.standing(customerId), [customerId]);
}

/** Whether the customer may be asked now, as of `now` (read again when the minute changes); undefined while loading. */
export function useSurveyEligibility(customerId: string, now: Date): SurveyEligibility | null | undefined {
  const minute = Math.floor(now.getTime() / 60_000);
  return useLiveQuery(() => surveys.eligibility(customerId, now), [customerId, minute]);
}
