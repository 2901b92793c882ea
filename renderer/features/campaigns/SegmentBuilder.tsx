// The segment builder (container): the store's tiers and tags (what a condition may name), the customers' facts read
// once, and the count of the segment as it is built (in memory, with each change: never the count of conditions no
// longer shown).
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMoney, minorUnitsToDecimal } from '../../../shared/domain/money';
import { RFM_SEGMENT_NAMES } from '../../../shared/domain/rfm';
import { statusGroupName, statusGroups } from '../../../shared/domain/statusGroups';
import { segmentMembers, type SegmentCondition, type SegmentFacts, type SegmentVocabulary } from '../../../shared/domain/campaigns/segment';
import { useTagsInUse } from '../../db/campaignHooks';
import { useSettings } from '../../db/hooks';
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

/** What a segment's conditions may name now: the tiers of the rules in force and the tags in use, both once read. */
export interface SegmentVocabularyRead {
  tiers: { id: string; name: string }[];
  tags: string[];
  /** undefined until both are read. */
  known: SegmentVocabulary | undefined;
}

export function useSegmentVocabulary(): SegmentVocabularyRead {
  const settings = useSettings();
  const tags = useTagsInUse();
  const locale = currentLocale();
  return useMemo(() => {
    const tiers = settings ? statusGroups(settings.status).map((g) => ({ id: g.id, name: statusGroupName(settings.status, g.id, locale) ?? g.id })) : [];
    return { tiers, tags: tags ?? [], known: settings && tags ? { tierIds: tiers.map((x) => x.id), tags } : undefined };
  }, [settings, tags, locale]);
}

export function SegmentBuilder(
  props: Omit<SegmentBuilderProps, 'onMembers'> & { count: SegmentCount; vocabulary: SegmentVocabularyRead; loadCount: number; saved?: ReactNode },
) {
  const { conditions, onChange, count, vocabulary } = props;
  const { t } = useTranslation();
  const settings = useSettings();
  const locale = currentLocale();
  const currency = settings?.currency ?? 'CNY';
  const monthFormat = useMemo(() => new Intl.DateTimeFormat(locale, { month: 'short' }), [locale]);
  return (
    <SegmentBuilderView
      conditions={conditions}
      onChange={onChange}
      tiers={vocabulary.tiers}
      tags={vocabulary.tags}
      known={vocabulary.known}
      loadCount={props.loadCount}
      saved={props.saved}
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
