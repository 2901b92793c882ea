// One report chart (chart.js for series, a drawn heat map for shares by row and column), with its data table, a
// description for screen readers, and its data (CSV, XLSX) and picture (PNG) saved through main. Loaded in a chunk of
// its own (chart.js); the figures come in as props.
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chart } from 'chart.js';
import { useDesktop } from '../../../platform/context';
import { useClock } from '../../../platform/clock';
import { useMoney } from '../../../ui/useMoney';
import { CURRENCY_MINOR_DIGITS } from '../../../../shared/domain/money';
import { chartScreenTable, chartTable, describeChart, type ChartData, type ChartUnit, type FormatValue } from './chartModel';
import { chartPicture, drawHeatmap, drawSeriesChart, heatmapHeight } from './chartCanvas';
import { datedFileName, saveFile, type SaveFileOutcome } from '../../../ui/saveFile';
import { CHART_FILE_KINDS, tableFile, type ChartFileKind } from './chartExport';
import { useChartScheme } from './useChartScheme';
import './reportChart.css';

/** The width a chart is drawn at on the printed page (A4 less 15 mm margins, at 96 dpi). */
export const PRINT_WIDTH = 680;

export interface ReportChartProps {
  /** `data-testid="chart-<id>"`. */
  id: string;
  title: string;
  /** What the figures count, under the title. */
  note?: string;
  data: ChartData;
  format: FormatValue;
  /** The series chart's height in CSS pixels (a heat map is as tall as its rows). */
  height?: number;
  /** false: the screen shows the same numbers in a table of its own beside the chart. */
  table?: boolean;
}

const NONE = '—';
/** Units named in a file's header; counts, points and scores need none. */
const SUFFIXED: ReadonlySet<ChartUnit> = new Set(['money', 'percent', 'hours']);

export function ReportChart({ id, title, note, data, format, height = 260, table = true }: ReportChartProps) {
  const { t } = useTranslation();
  const { api } = useDesktop();
  const clock = useClock();
  const money = useMoney();
  const { scheme, printing } = useChartScheme();
  const titleId = useId();
  const descriptionId = useId();
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [boxWidth, setBoxWidth] = useState(0);
  const [saving, setSaving] = useState<ChartFileKind | null>(null);
  const [outcome, setOutcome] = useState<SaveFileOutcome | null>(null);
  const description = useMemo(() => describeChart(title, data, t, format), [title, data, t, format]);
  const screenTable = useMemo(() => chartScreenTable(data, format, NONE), [data, format]);

  // The heat map is drawn to its box's width; series charts size themselves (chart.js watches the box).
  useEffect(() => {
    const el = box.current;
    if (!el || data.kind !== 'heatmap') return;
    const observer = new ResizeObserver(() => setBoxWidth(el.clientWidth));
    observer.observe(el);
    setBoxWidth(el.clientWidth);
    return () => observer.disconnect();
  }, [data.kind]);

  // Drawn in a layout effect: when printing starts the chart is drawn again (light, at the paper's width) before the page is laid out for print.
  useLayoutEffect(() => {
    const el = canvas.current;
    if (!el) return;
    if (data.kind === 'heatmap') {
      const width = printing ? PRINT_WIDTH : boxWidth;
      if (width > 0) drawHeatmap(el, data, scheme, format, width, window.devicePixelRatio || 1);
      return;
    }
    let chart: Chart<'line' | 'bar'>;
    if (printing) {
      el.width = PRINT_WIDTH;
      el.height = height;
      el.style.width = `${PRINT_WIDTH}px`;
      el.style.height = `${height}px`;
      chart = drawSeriesChart(el, data, scheme, format, false);
    } else {
      el.style.width = '';
      el.style.height = '';
      chart = drawSeriesChart(el, data, scheme, format, true);
    }
    return () => chart.destroy();
  }, [data, scheme, format, printing, boxWidth, height]);

  const save = async (kind: ChartFileKind) => {
    setSaving(kind);
    setOutcome(null);
    try {
      const fileName = datedFileName(t('app.name'), title, kind, clock());
      const unitSuffix = (unit: ChartUnit) => (SUFFIXED.has(unit) ? t(`reports.chart.unitSuffix.${unit}`, { currency: t(`currencies.${money.currency}`) }) : '');
      const make =
        kind === 'png'
          ? () => chartPicture(data, title, format, PRINT_WIDTH, data.kind === 'heatmap' ? heatmapHeight(data) : height)
          : () => tableFile(chartTable(data, unitSuffix, CURRENCY_MINOR_DIGITS[money.currency]), kind, title);
      setOutcome(await saveFile(api.exportFile, fileName, make));
    } finally {
      setSaving(null);
    }
  };

  return (
    <section className="report-chart" aria-labelledby={titleId} data-testid={`chart-${id}`}>
      <div className="report-chart-head">
        <div>
          <h3 id={titleId}>{title}</h3>
          {note && <p className="muted report-chart-note">{note}</p>}
        </div>
        <div className="report-chart-actions" role="group" aria-label={t('reports.chart.saveAs', { title })}>
          {CHART_FILE_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              className="button button-small"
              disabled={saving !== null}
              aria-busy={saving === kind}
              onClick={() => void save(kind)}
              title={t(`reports.chart.saveHint.${kind}`)}
              data-testid={`chart-save-${kind}`}
            >
              {t(`reports.chart.save.${kind}`)}
            </button>
          ))}
        </div>
      </div>
      <p className="report-chart-saved" role="status" data-testid="chart-saved" data-state={outcome?.state ?? ''}>
        {outcome?.state === 'saved' && (
          <>
            {t('reports.chart.saved', { file: outcome.fileName })} <span className="muted" data-testid="chart-saved-path">{outcome.path}</span>
          </>
        )}
        {outcome?.state === 'failed' && (outcome.reason === 'build-failed' ? t('reports.chart.failed') : t('reports.chart.failedReason', { reason: t(`errors.${outcome.reason}`) }))}
      </p>
      <div ref={box} className={data.kind === 'heatmap' ? 'report-chart-canvas heatmap' : 'report-chart-canvas'} style={data.kind === 'heatmap' ? undefined : { height }}>
        <canvas ref={canvas} role="img" aria-labelledby={titleId} aria-describedby={descriptionId} data-testid="chart-canvas" />
      </div>
      <p id={descriptionId} className="visually-hidden" data-testid="chart-description">
        {description}
      </p>
      {table && (
        <div className="report-chart-table" tabIndex={0} role="region" aria-label={t('reports.chart.table', { title })}>
          <table className="simple-table" data-testid="chart-table">
            <thead>
              <tr>
                {screenTable.headers.map((h, i) => (
                  <th key={i} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {screenTable.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) =>
                    c === 0 ? (
                      <th key={c} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={c}>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
