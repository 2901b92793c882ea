// The segment builder (container): the store's tiers and tags, the customers' facts read once, and the count of the
// segment as it is built (in memory, with each change: never the count of conditions no longer shown).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMoney, minorUnitsToDecimal } from '../../../shared/domain/money';
import { RFM_SEGMENT_NAMES } from '../../../shared/domain/rfm';
import { statusGroupName, statusGroups } from '../../../shared/domain/statusGroups';
import { segmentMembers, type SegmentCondition, type SegmentFacts } from '../../../shared/domain/campaigns/segment';
import { useAllTags, useSettings } from '../../db/hooks';
import { useSegmentFacts } from '../../db/segmentHooks';
import { currentLocale } from '../../i18n';
import { useClock } from '../../platform/clock';
import { SegmentBuilderView } from './SegmentBuilderView';
import type { SegmentCount } from './segmentText';

export interface SegmentBuilderProps {
  conditions: SegmentCondition[];
  onChange: (conditions: SegmentCondition[]) => void;
  /** The members as they stand (for the campaign to draw from), once read. */
  onMembers?: (members: SegmentFacts[] | null) => void;
}

export function useSegmentMembers(conditions: SegmentCondition[]): { count: SegmentCount; members: SegmentFacts[] | null } {
  const clock = useClock();
  const read = useSegmentFacts();
  // Counted in the change's own render, not deferred: a deferred count shows the last conditions' count while the
  // new one waits. A pass over 100,000 customers' facts takes tens of milliseconds (npm run bench, part segments).
  return useMemo(() => {
    if (read.state === 'loading') return { count: { state: 'loading', read: read.read }, members: null };
    const members = segmentMembers({ conditions }, read.facts, clock());
    return { count: { state: 'ready', count: members.length, total: read.facts.length }, members };
  }, [read, conditions, clock]);
}

export function SegmentBuilder({ conditions, onChange, count }: Omit<SegmentBuilderProps, 'onMembers'> & { count: SegmentCount }) {
  const { t } = useTranslation();
  const settings = useSettings();
  const tags = useAllTags();
  const locale = currentLocale();
  const currency = settings?.currency ?? 'CNY';
  const monthFormat = useMemo(() => new Intl.DateTimeFormat(locale, { month: 'short' }), [locale]);
  const tiers = useMemo(
    () => (settings ? statusGroups(settings.status).map((g) => ({ id: g.id, name: statusGroupName(settings.status, g.id, locale) ?? g.id })) : []),
    [settings, locale],
  );
  return (
    <SegmentBuilderView
      conditions={conditions}
      onChange={onChange}
      tiers={tiers}
      tags={tags}
      rfmName={(s) => RFM_SEGMENT_NAMES[s][locale]}
      monthName={(m) => monthFormat.format(new Date(2026, m - 1, 1))}
      count={count}
      toFen={(text) => {
        if (text.trim() === '') return null;
        const parsed = parseMoney(text, currency);
        return parsed.ok ? parsed.value : 'invalid';
      }}
      fromFen={(fen) => minorUnitsToDecimal(fen, currency)}
      currencyUnit={currency === 'CNY' ? t('campaigns.segment.yuan') : currency}
    />
  );
}
