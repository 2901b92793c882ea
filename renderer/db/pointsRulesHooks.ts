// Live-query hooks of the points rules and rewards screens (kept from hooks.ts: the points repository is not the first screen's).
import { useLiveQuery } from 'dexie-react-hooks';
import type { PointsRules } from '../../shared/domain/pointsRules';
import type { Reward } from '../../shared/domain/rewards';
import { points } from './index';

/** The points rules in force and whether saved ones no longer read (the defaults stand in); undefined while loading. */
export function usePointsRules(): { rules: PointsRules; unreadable: boolean } | undefined {
  return useLiveQuery(() => points.rules(), []);
}

/** The rewards catalogue, withdrawn rewards included; undefined while loading. */
export function useRewards(): Reward[] | undefined {
  return useLiveQuery(() => points.rewards(), []);
}
