// The customer list's points filter: a balance at least / at most, and "points expiring within 30 days".
import { useEffect, useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { countText } from '../../i18n';
import type { ListPointsFilter } from '../../ui/routes';

interface Props {
  value: ListPointsFilter | null;
  onChange: (value: ListPointsFilter | null) => void;
}

/** A whole number of points as typed, null when empty; undefined while it is not one yet ("-", "1.5"). */
export function parsePointsInput(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^-?\d{1,15}$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

/** The filter in words, one part each (the export's "current list" says what narrows it). */
export function pointsFilterTexts(t: TFunction, value: ListPointsFilter | null): string[] {
  if (value === null) return [];
  const out: string[] = [];
  const n = (x: number) => countText(x);
  if (value.min !== null && value.max !== null) out.push(t('pointsViews.list.scopeRange', { min: n(value.min), max: n(value.max) }));
  else if (value.min !== null) out.push(t('pointsViews.list.scopeMin', { min: n(value.min) }));
  else if (value.max !== null) out.push(t('pointsViews.list.scopeMax', { max: n(value.max) }));
  if (value.expiring) out.push(t('pointsViews.list.scopeExpiring'));
  return out;
}

const shown = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function PointsListFilter({ value, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [min, setMin] = useState(shown(value?.min));
  const [max, setMax] = useState(shown(value?.max));
  // The filter cleared or set elsewhere (the address, "clear filters"): the boxes follow.
  useEffect(() => {
    setMin((typed) => (parsePointsInput(typed) === (value?.min ?? null) ? typed : shown(value?.min)));
    setMax((typed) => (parsePointsInput(typed) === (value?.max ?? null) ? typed : shown(value?.max)));
  }, [value?.min, value?.max]);

  const current: ListPointsFilter = { min: value?.min ?? null, max: value?.max ?? null, expiring: value?.expiring ?? false };
  const change = (next: ListPointsFilter) => onChange(next.min === null && next.max === null && !next.expiring ? null : next);
  const typed = (text: string, which: 'min' | 'max') => {
    (which === 'min' ? setMin : setMax)(text);
    const n = parsePointsInput(text);
    if (n !== undefined) change({ ...current, [which]: n });
  };

  return (
    <div className={value === null ? 'inline-field points-filter' : 'inline-field points-filter filter-active'} role="group" aria-labelledby={`${id}-label`} data-testid="points-filter">
      <span id={`${id}-label`}>{t('pointsViews.list.label')}</span>
      <input
        type="text"
        inputMode="numeric"
        className="points-filter-number"
        value={min}
        placeholder={t('pointsViews.list.min')}
        aria-label={t('pointsViews.list.minLabel')}
        aria-invalid={parsePointsInput(min) === undefined ? true : undefined}
        onChange={(e) => typed(e.target.value, 'min')}
        data-testid="points-filter-min"
      />
      <span aria-hidden="true">–</span>
      <input
        type="text"
        inputMode="numeric"
        className="points-filter-number"
        value={max}
        placeholder={t('pointsViews.list.max')}
        aria-label={t('pointsViews.list.maxLabel')}
        aria-invalid={parsePointsInput(max) === undefined ? true : undefined}
        onChange={(e) => typed(e.target.value, 'max')}
        data-testid="points-filter-max"
      />
      <label className="points-filter-expiring">
        <input type="checkbox" checked={current.expiring} onChange={(e) => change({ ...current, expiring: e.target.checked })} data-testid="points-filter-expiring" />
        {t('pointsViews.list.expiring')}
      </label>
    </div>
  );
}
