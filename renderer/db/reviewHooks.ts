// Live-query hooks of the tier review (kept apart from hooks.ts, which the customer screens own).
import { useLiveQuery } from 'dexie-react-hooks';
import { tierReview } from './appRepositories';
import type { PendingDowngrades } from './tierReview';

export function usePendingDowngrades(limit: number): PendingDowngrades | undefined {
  return useLiveQuery(() => tierReview.pendingDowngrades(limit), [limit]);
}

export function usePendingDowngradeCount(): number | undefined {
  return useLiveQuery(() => tierReview.pendingCount(), []);
}
