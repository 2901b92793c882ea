// What an edit or a return does to a customer's points, in one sentence: "This return takes back 40 points earned and gives back 10 spent."
import type { TFunction } from 'i18next';
import type { PointsChange } from '../../db/pointsTill';
import { asPointsLocale } from './pointsText';

export function pointsChangeText(t: TFunction, language: string | undefined, change: PointsChange, subject: 'return' | 'edit'): string {
  const parts: string[] = [];
  if (change.earned < 0) parts.push(t('points.tillChange.earnedBack', { count: -change.earned }));
  if (change.earned > 0) parts.push(t('points.tillChange.earnedMore', { count: change.earned }));
  if (change.spent > 0) {
    parts.push(
      change.reward > 0 && change.reward < change.spent
        ? t('points.tillChange.spentBackReward', { count: change.spent, reward: change.reward })
        : t('points.tillChange.spentBack', { count: change.spent }),
    );
  }
  if (change.spent < 0) parts.push(t('points.tillChange.spentAgain', { count: -change.spent }));
  if (change.writtenOff > 0) parts.push(t('points.tillChange.writtenOff', { count: change.writtenOff }));
  if (parts.length === 0) return t(subject === 'return' ? 'points.tillChange.noneReturn' : 'points.tillChange.noneEdit');
  const locale = asPointsLocale(language);
  // Chinese runs the clauses on with a comma; English lists them ("a, b and c").
  const joined = locale === 'en' ? new Intl.ListFormat('en', { type: 'conjunction' }).format(parts) : parts.join('，');
  return t(subject === 'return' ? 'points.tillChange.return' : 'points.tillChange.edit', { parts: joined });
}
