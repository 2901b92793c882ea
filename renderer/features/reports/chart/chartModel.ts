// A report chart as data (series over categories, or a heat map), and what is made from it without drawing: the
// rows of its data table and export files, its description for screen readers, and its colours. Pure: words come in.
import type { CsvCell } from '../../../../shared/domain/export/csv';
import { assertNever } from '../../../../shared/result';

/** What a value is: counts and points are whole numbers; money is fen; percent is 0–100; score is signed (NPS). */
export type ChartUnit = 'count' | 'points' | 'money' | 'percent' | 'score' | 'hours';

export interface ChartSeries {
  key: string;
  label: string;
  unit: ChartUnit;
  /** One per category; null where there is no figure (no answers, no base). */
  values: readonly (number | null)[];
  /** In the data table and the files, not drawn (answer counts beside a score). */
  tableOnly?: boolean;
}

export interface SeriesChartData {
  kind: 'line' | 'bar' | 'stacked';
  /** The first column's header: "Month", "Visits". */
  categoryHeader: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** The value axis' range when it is fixed (shares 0–100, NPS −100–100). */
  min?: number;
  max?: number;
}

export interface HeatmapRow {
  label: string;
  /** The row's size (the cohort's customers), a column of the table before the cells. */
  size: number;
  /** Per column, in the map's unit; null where the column lies past what the row can have yet. */
  cells: readonly (number | null)[];
}

export interface HeatmapChartData {
  kind: 'heatmap';
  /** percent: shares 0–100 (a cohort's retention); count: customers (the RFM grid), shaded against the largest cell. */
  unit: 'percent' | 'count';
  rowHeader: string;
  sizeHeader: string;
  /** What the columns count (the RFM grid's frequency score), drawn above them; the table and the files name each column with it. */
  columnHeader?: string;
  columns: readonly string[];
  rows: readonly HeatmapRow[];
}

export type ChartData = SeriesChartData | HeatmapChartData;

/** A heat map's columns as a table names them: "到店频率 1 分" when the columns have a header, else as drawn. */
export function heatmapColumnNames(data: Pick<HeatmapChartData, 'columns' | 'columnHeader'>): string[] {
  return data.columns.map((c) => (data.columnHeader ? `${data.columnHeader} ${c}` : c));
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** How a value reads on screen (the container knows the currency and the language). */
export type FormatValue = (unit: ChartUnit, value: number) => string;

/** An exported number: money in the currency's units (yuan: `minorDigits` 2), shares to one decimal, the rest as they are. */
export function exportNumber(unit: ChartUnit, value: number | null, minorDigits = 2): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  switch (unit) {
    case 'money':
      return Math.round(value) / 10 ** minorDigits;
    case 'percent':
    case 'score':
    case 'hours':
      return Math.round(value * 10) / 10;
    case 'count':
    case 'points':
      return value;
    default:
      return assertNever(unit);
  }
}

export interface ChartTable {
  headers: string[];
  rows: CsvCell[][];
}

/**
 * The chart's numbers as a table for CSV and XLSX: numbers stay numbers (money in the currency's units, the unit in
 * the header), a missing figure is an empty cell. `unitSuffix` words a unit for a header ("（元）", " (%)").
 */
export function chartTable(data: ChartData, unitSuffix: (unit: ChartUnit) => string, minorDigits = 2): ChartTable {
  if (data.kind === 'heatmap') {
    return {
      headers: [data.rowHeader, data.sizeHeader, ...heatmapColumnNames(data).map((c) => `${c}${unitSuffix(data.unit)}`)],
      rows: data.rows.map((r) => [r.label, r.size, ...data.columns.map((_c, i) => exportNumber(data.unit, r.cells[i] ?? null))]),
    };
  }
  return {
    headers: [data.categoryHeader, ...data.series.map((s) => `${s.label}${unitSuffix(s.unit)}`)],
    rows: data.categories.map((c, i) => [c, ...data.series.map((s) => exportNumber(s.unit, s.values[i] ?? null, minorDigits))]),
  };
}

/** The table on screen: the same cells as the files, in words ("¥1,234.00", "67%", "—" for none). */
export function chartScreenTable(data: ChartData, format: FormatValue, none: string): { headers: string[]; rows: string[][] } {
  if (data.kind === 'heatmap') {
    return {
      headers: [data.rowHeader, data.sizeHeader, ...heatmapColumnNames(data)],
      rows: data.rows.map((r) => [r.label, format('count', r.size), ...data.columns.map((_c, i) => cellText(format, data.unit, r.cells[i] ?? null, none))]),
    };
  }
  return {
    headers: [data.categoryHeader, ...data.series.map((s) => s.label)],
    rows: data.categories.map((c, i) => [c, ...data.series.map((s) => cellText(format, s.unit, s.values[i] ?? null, none))]),
  };
}

const cellText = (format: FormatValue, unit: ChartUnit, value: number | null, none: string) => (value === null ? none : format(unit, value));

interface Extremes {
  max: { value: number; at: string };
  min: { value: number; at: string };
  last: { value: number; at: string };
}

function extremes(categories: readonly string[], values: readonly (number | null)[]): Extremes | null {
  let out: Extremes | null = null;
  values.forEach((value, i) => {
    if (value === null || !Number.isFinite(value)) return;
    const at = categories[i] ?? '';
    if (!out) out = { max: { value, at }, min: { value, at }, last: { value, at } };
    else {
      if (value > out.max.value) out.max = { value, at };
      if (value < out.min.value) out.min = { value, at };
      out.last = { value, at };
    }
  });
  return out;
}

/** A heat map cell's share of the scale 0–100: the share itself, or a count against the largest cell. */
export function heatShare(data: HeatmapChartData, value: number): number {
  if (data.unit === 'percent') return value;
  let max = 0;
  for (const r of data.rows) for (const v of r.cells) if (v !== null && v > max) max = v;
  return max === 0 ? 0 : (value / max) * 100;
}

/**
 * What the chart shows, in sentences, for the screen reader (the canvas is an image): its kind and span, then per
 * drawn series its highest, lowest and latest figure; a heat map's size and its highest cell beyond the first column.
 */
export function describeChart(title: string, data: ChartData, t: Translate, format: FormatValue): string {
  const parts: string[] = [];
  if (data.kind === 'heatmap') {
    parts.push(t('reports.chart.describe.heatmap', { title, rows: data.rows.length, columns: data.columns.length, rowHeader: data.rowHeader }));
    let best: { value: number; row: string; column: string } | null = null;
    for (const r of data.rows)
      r.cells.forEach((v, i) => {
        if (i === 0 || v === null) return;
        if (!best || v > best.value) best = { value: v, row: r.label, column: heatmapColumnNames(data)[i] ?? '' };
      });
    const top = best as { value: number; row: string; column: string } | null;
    if (top) parts.push(t('reports.chart.describe.heatmapTop', { value: format(data.unit, top.value), row: top.row, column: top.column }));
    else parts.push(t('reports.chart.describe.empty'));
    return parts.join(' ');
  }
  const n = data.categories.length;
  if (n === 0) return `${t(`reports.chart.describe.${data.kind}`, { title, count: 0, from: '', to: '' })} ${t('reports.chart.describe.empty')}`;
  // One period is named once (the sentence for one has no "to").
  parts.push(t(`reports.chart.describe.${data.kind}`, { title, count: n, from: data.categories[0], to: n > 1 ? data.categories[n - 1] : '' }));
  let any = false;
  for (const s of data.series) {
    if (s.tableOnly) continue;
    const e = extremes(data.categories, s.values);
    if (!e) {
      parts.push(t('reports.chart.describe.seriesEmpty', { series: s.label }));
      continue;
    }
    any = true;
    parts.push(
      t('reports.chart.describe.series', {
        series: s.label,
        max: format(s.unit, e.max.value),
        maxAt: e.max.at,
        min: format(s.unit, e.min.value),
        minAt: e.min.at,
        last: format(s.unit, e.last.value),
        lastAt: e.last.at,
      }),
    );
  }
  if (!any) parts.push(t('reports.chart.describe.empty'));
  return parts.join(' ');
}

export type ChartScheme = 'light' | 'dark';

/**
 * Okabe and Ito's colours, which readers with any common colour blindness tell apart, ordered per theme so the
 * first ones stand out on its background (the dark blue is too dark on dark grey, the yellow too light on white).
 */
export const SERIES_COLOURS: Record<ChartScheme, readonly string[]> = {
  light: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'],
  dark: ['#56B4E9', '#E69F00', '#009E73', '#CC79A7', '#F0E442', '#D55E00', '#FFFFFF'],
};

/** Dash patterns per series, so lines differ without colour too (solid, dashed, dotted, dash-dot…). */
export const SERIES_DASHES: readonly (readonly number[])[] = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [12, 4], [1, 6]];

export const seriesColour = (scheme: ChartScheme, i: number): string => SERIES_COLOURS[scheme][i % SERIES_COLOURS[scheme].length]!;
export const seriesDash = (i: number): number[] => [...SERIES_DASHES[i % SERIES_DASHES.length]!];

/**
 * A heat map cell's colour for a share 0–100: one hue (blue), light to dark on white, dark to light on a dark
 * background, so "more" reads the same way to everyone; the text colour that stays legible on it.
 */
export function heatColour(share: number, scheme: ChartScheme): { fill: string; text: string } {
  const s = Math.max(0, Math.min(100, share)) / 100;
  // Lightness from 96% (none) to 28% (all) on light; 18% to 62% on dark.
  const l = scheme === 'light' ? 96 - s * 68 : 18 + s * 44;
  const fill = `hsl(205, ${scheme === 'light' ? 70 : 60}%, ${Math.round(l)}%)`;
  const text = scheme === 'light' ? (l < 55 ? '#ffffff' : '#1d2329') : l > 45 ? '#0b1014' : '#e6e9ec';
  return { fill, text };
}

/** An axis figure without its zero cents ("¥35,000.00" → "¥35,000"): the axis steps are round, the table has them whole. */
export const axisText = (text: string): string => text.replace(/[.,]00(?!\d)/, '');
