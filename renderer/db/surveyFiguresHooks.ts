// Live-query hook of the satisfaction figures (kept apart from hooks.ts, which the customer screens own).
import { useLiveQuery } from 'dexie-react-hooks';
import type { Clock } from '../../shared/clock';
import type { SurveyFigures } from '../../shared/domain/surveyScores';
import { database } from './database';
import { readSurveyFigures } from './surveyFigures';

/** The figures of the month of now and the `months − 1` before it, worked out again when answers or purchases change; undefined while loading. */
export function useSurveyFigures(months: number, clock: Clock): SurveyFigures | undefined {
  return useLiveQuery(() => readSurveyFigures(database(), clock(), months), [months, clock]);
}
