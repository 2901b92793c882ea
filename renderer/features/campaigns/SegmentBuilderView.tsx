// The segment builder (view): the owner's conditions, each with its editor, what is wrong with one in words (a tier or
// tag a loaded saved segment names that the store no longer knows too, shown so it can be unticked), how many
// customers the segment holds as it is built, and the saved segments' bar. Props only; SegmentBuilder reads the store.
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { CHURN_LEVELS } from '../../../shared/domain/churn';
import { CONSENT_CHANNELS, type ConsentChannel } from '../../../shared/domain/consent';
import { SOURCES } from '../../../shared/domain/customer';
import { LIFECYCLE_STAGES } from '../../../shared/domain/lifecycle';
import { RFM_SEGMENTS } from '../../../shared/domain/rfm';
import { conditionProblem, SEGMENT_CONDITION_KINDS, unknownValues, type SegmentCondition, type SegmentConditionKind, type SegmentConditionProblem, type SegmentVocabulary } from '../../../shared/domain/campaigns/segment';
import { emptyCondition, type SegmentCount } from './segmentText';

export interface SegmentBuilderViewProps {
  conditions: SegmentCondition[];
  onChange: (conditions: SegmentCondition[]) => void;
  tiers: { id: string; name: string }[];
  tags: string[];
  /** The tier ids and tags the store knows now; undefined while read (nothing is called gone before it is read). */
  known: SegmentVocabulary | undefined;
  /** Changes each time conditions are loaded whole (a saved segment): the editors start again from them. */
  loadCount: number;
  /** The saved segments' bar, under the heading. */
  saved?: ReactNode;
  rfmName: (segment: (typeof RFM_SEGMENTS)[number]) => string;
  /** A month (1–12) by name in the reader's language. */
  monthName: (month: number) => string;
  count: SegmentCount;
  /** The money a range of spend is typed in, in the store's currency: shown in major units, stored in minor. */
  toFen: (text: string) => number | null | 'invalid';
  fromFen: (fen: number) => string;
  currencyUnit: string;
}

function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** A whole number typed, '' for none; anything else is invalid. */
const wholeNumber = (text: string): number | null | 'invalid' => {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : 'invalid';
};

function Chips<T extends string | number>(props: { items: readonly T[]; selected: readonly T[]; label: (item: T) => string; onToggle: (item: T) => void; gone?: readonly T[] }) {
  const { items, selected, label, onToggle, gone = [] } = props;
  // A value the store no longer knows stays on show while chosen, marked, so the owner can untick it.
  const shown = [...items, ...gone.filter((g) => !items.includes(g))];
  return (
    <div className="segment-chips">
      {shown.map((item) => (
        <button
          key={String(item)}
          type="button"
          className={['chip', selected.includes(item) && 'selected', gone.includes(item) && 'chip-gone'].filter(Boolean).join(' ')}
          aria-pressed={selected.includes(item)}
          onClick={() => onToggle(item)}
        >
          {label(item)}
        </button>
      ))}
    </div>
  );
}

/** A range typed as text and kept as typed: a value that does not read as a number is named, and the last good one stands. */
function RangeInputs(props: { id: string; min: number | null; max: number | null; unit: string; parse: (text: string) => number | null | 'invalid'; format: (n: number) => string; onChange: (min: number | null, max: number | null) => void }) {
  const { id, unit, parse, format, onChange } = props;
  const { t } = useTranslation();
  const [text, setText] = useState(() => ({ min: props.min === null ? '' : format(props.min), max: props.max === null ? '' : format(props.max) }));
  const parsed = { min: parse(text.min), max: parse(text.max) };
  const bad = parsed.min === 'invalid' || parsed.max === 'invalid';
  const typed = (which: 'min' | 'max', value: string) => {
    const next = { ...text, [which]: value };
    setText(next);
    const min = parse(next.min);
    const max = parse(next.max);
    if (min !== 'invalid' && max !== 'invalid') onChange(min, max);
  };
  return (
    <>
      <div className="segment-range">
        <label htmlFor={`${id}-min`}>{t('campaigns.segment.from')}</label>
        <input id={`${id}-min`} inputMode="decimal" value={text.min} aria-invalid={parsed.min === 'invalid' || undefined} onChange={(e) => typed('min', e.target.value)} />
        <label htmlFor={`${id}-max`}>{t('campaigns.segment.to')}</label>
        <input id={`${id}-max`} inputMode="decimal" value={text.max} aria-invalid={parsed.max === 'invalid' || undefined} onChange={(e) => typed('max', e.target.value)} />
        <span className="segment-unit">{unit}</span>
      </div>
      {bad && (
        <p className="form-error" role="alert">
          {t('campaigns.segment.problems.not-a-number')}
        </p>
      )}
    </>
  );
}

function ConditionEditor({ condition, onChange, props }: { condition: SegmentCondition; onChange: (c: SegmentCondition) => void; props: SegmentBuilderViewProps }) {
  const { t } = useTranslation();
  const id = useId();
  const gone = props.known ? unknownValues(condition, props.known) : [];
  switch (condition.kind) {
    case 'tier':
      return (
        <Chips
          items={props.tiers.map((x) => x.id)}
          selected={condition.tierIds}
          gone={gone}
          label={(tierId) => props.tiers.find((x) => x.id === tierId)?.name ?? t('campaigns.segment.goneTier')}
          onToggle={(tierId) => onChange({ ...condition, tierIds: toggle(condition.tierIds, tierId) })}
        />
      );
    case 'stage':
      return <Chips items={LIFECYCLE_STAGES} selected={condition.stages} label={(s) => t(`status.stages.${s}`)} onToggle={(s) => onChange({ ...condition, stages: toggle(condition.stages, s) })} />;
    case 'churn':
      return <Chips items={CHURN_LEVELS} selected={condition.levels} label={(l) => t(`status.levels.${l}`)} onToggle={(l) => onChange({ ...condition, levels: toggle(condition.levels, l) })} />;
    case 'rfm':
      return <Chips items={RFM_SEGMENTS} selected={condition.segments} label={props.rfmName} onToggle={(s) => onChange({ ...condition, segments: toggle(condition.segments, s) })} />;
    case 'tags':
      return (
        <>
          {props.tags.length === 0 && gone.length === 0 ? (
            <p className="muted">{t('campaigns.segment.noTags')}</p>
          ) : (
            <Chips items={props.tags} selected={condition.tags} gone={gone} label={(tag) => (gone.includes(tag) ? t('campaigns.segment.goneTag', { tag }) : tag)} onToggle={(tag) => onChange({ ...condition, tags: toggle(condition.tags, tag) })} />
          )}
          <div className="segment-match" role="radiogroup" aria-label={t('campaigns.segment.tagsMatch')}>
            {(['any', 'all'] as const).map((match) => (
              <label key={match}>
                <input type="radio" name={`${id}-match`} checked={condition.match === match} onChange={() => onChange({ ...condition, match })} />
                {t(`campaigns.segment.match.${match}`)}
              </label>
            ))}
          </div>
        </>
      );
    case 'last-visit':
      return (
        <>
          <RangeInputs id={id} min={condition.minDays} max={condition.maxDays} unit={t('campaigns.segment.daysAgo')} parse={wholeNumber} format={String} onChange={(minDays, maxDays) => onChange({ ...condition, minDays, maxDays })} />
          <label className="segment-check">
            <input type="checkbox" checked={condition.includeNever} onChange={(e) => onChange({ ...condition, includeNever: e.target.checked })} />
            {t('campaigns.segment.includeNever')}
          </label>
        </>
      );
    case 'total-spent':
      return (
        <RangeInputs id={id} min={condition.minFen} max={condition.maxFen} unit={props.currencyUnit} parse={props.toFen} format={props.fromFen} onChange={(minFen, maxFen) => onChange({ ...condition, minFen, maxFen })} />
      );
    case 'birthday-month':
      return <Chips items={[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]} selected={condition.months} label={props.monthName} onToggle={(m) => onChange({ ...condition, months: toggle(condition.months, m) })} />;
    case 'points':
      return (
        <RangeInputs id={id} min={condition.min} max={condition.max} unit={t('campaigns.segment.points')} parse={wholeNumber} format={String} onChange={(min, max) => onChange({ ...condition, min, max })} />
      );
    case 'source':
      return <Chips items={SOURCES} selected={condition.sources} label={(s) => t(`sources.${s}`)} onToggle={(s) => onChange({ ...condition, sources: toggle(condition.sources, s) })} />;
    case 'consent':
      return <Chips<ConsentChannel> items={CONSENT_CHANNELS} selected={[condition.channel]} label={(c) => t(`channels.${c}`)} onToggle={(channel) => onChange({ ...condition, channel })} />;
    default: {
      const unexpected: never = condition;
      throw new Error(`segment condition: unexpected ${JSON.stringify(unexpected)}`);
    }
  }
}

/** A condition's problem in words; a gone tag is named (a gone tier has only an id, so it is counted). */
function problemText(t: TFunction, problem: SegmentConditionProblem, gone: readonly string[]): string {
  if (problem === 'unknown-tag') {
    const names = gone.map((name) => t('campaigns.segment.quote', { name })).join(t('campaigns.segment.listSeparator'));
    return t('campaigns.segment.problems.unknown-tag', { count: gone.length, names });
  }
  if (problem === 'unknown-tier') return t('campaigns.segment.problems.unknown-tier', { count: gone.length });
  return t(`campaigns.segment.problems.${problem}`);
}

export function SegmentBuilderView(props: SegmentBuilderViewProps) {
  const { t } = useTranslation();
  const { conditions, onChange, count } = props;
  const used = new Set(conditions.map((c) => c.kind));
  const free = SEGMENT_CONDITION_KINDS.filter((k) => !used.has(k));
  const addId = useId();
  return (
    <section className="segment-builder" aria-labelledby={`${addId}-title`}>
      <div className="segment-head">
        <h2 id={`${addId}-title`}>{t('campaigns.segment.title')}</h2>
        <p className="segment-count" role="status" aria-live="polite" data-count={count.state === 'ready' ? count.count : undefined}>
          {count.state === 'loading' ? t('campaigns.segment.reading', { read: count.read }) : t('campaigns.segment.count', { count: count.count, total: count.total })}
        </p>
      </div>
      {props.saved}
      {conditions.length === 0 && <p className="muted">{t('campaigns.segment.everyone')}</p>}
      <ol className="segment-conditions" key={props.loadCount}>
        {conditions.map((condition, i) => {
          const problem = conditionProblem(condition, props.known);
          return (
            <li key={condition.kind} className={problem ? 'segment-condition has-error' : 'segment-condition'}>
              <div className="segment-condition-head">
                <span className="segment-condition-name">{t(`campaigns.segment.kinds.${condition.kind}`)}</span>
                <button type="button" className="link-button" onClick={() => onChange(conditions.filter((_, j) => j !== i))} aria-label={t('campaigns.segment.remove', { name: t(`campaigns.segment.kinds.${condition.kind}`) })}>
                  {t('campaigns.segment.removeShort')}
                </button>
              </div>
              <ConditionEditor condition={condition} props={props} onChange={(next) => onChange(conditions.map((c, j) => (j === i ? next : c)))} />
              {problem && (
                <p className="form-error" role="alert">
                  {problemText(t, problem, props.known ? unknownValues(condition, props.known) : [])}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {free.length > 0 && (
        <div className="segment-add">
          <label htmlFor={addId}>{t('campaigns.segment.add')}</label>
          <select
            id={addId}
            value=""
            onChange={(e) => {
              if (e.target.value) onChange([...conditions, emptyCondition(e.target.value as SegmentConditionKind)]);
            }}
          >
            <option value="">{t('campaigns.segment.choose')}</option>
            {free.map((k) => (
              <option key={k} value={k}>
                {t(`campaigns.segment.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
      )}
    </section>
  );
}
