// Drawing a report chart: series through chart.js (lines, bars, stacked bars), a heat map on a plain canvas. Colours
// per scheme are fixed here (not read from the page), so a chart printed or saved from the dark theme is drawn light.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import { axisText, heatColour, heatShare, seriesColour, seriesDash, type ChartScheme, type ChartUnit, type FormatValue, type HeatmapChartData, type SeriesChartData } from './chartModel';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, LinearScale, CategoryScale, Legend, Tooltip);

/** The theme's surface, text and grid colours (renderer/styles/app.css). */
export const SCHEME_COLOURS: Record<ChartScheme, { surface: string; text: string; grid: string }> = {
  light: { surface: '#ffffff', text: '#3d4650', grid: '#dfe3e8' },
  dark: { surface: '#1d2329', text: '#c4ccd4', grid: '#343d46' },
};

const POINT_STYLES = ['circle', 'rectRot', 'triangle', 'rect', 'crossRot', 'star', 'cross'] as const;

export const CHART_FONT = "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

/** Paints the surface under the chart, so its picture has the theme's background rather than none. */
const background: Plugin<'line' | 'bar'> = {
  id: 'reportBackground',
  beforeDraw(chart, _args, options: { colour?: string }) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = options.colour ?? '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** chart.js's configuration of a series chart: each drawn series its colour, dash pattern and point shape. */
export function seriesChartConfig(data: SeriesChartData, scheme: ChartScheme, format: FormatValue, responsive: boolean): ChartConfiguration<'line' | 'bar'> {
  const colours = SCHEME_COLOURS[scheme];
  const drawn = data.series.filter((s) => !s.tableOnly);
  // Lines of different units on one axis (CSAT in percent beside NPS, both on −100–100): the axis reads plain numbers
  // and a percent line's key says it is one, so no NPS of −40 reads as −40%.
  const mixed = drawn.some((s) => s.unit !== drawn[0]!.unit);
  const unit: ChartUnit = mixed ? 'count' : (drawn[0]?.unit ?? 'count');
  const stacked = data.kind === 'stacked';
  const type = data.kind === 'line' ? 'line' : 'bar';
  const few = type === 'bar' && data.categories.length <= 16;
  return {
    type,
    data: {
      labels: [...data.categories],
      datasets: drawn.map((s, i) => {
        const colour = seriesColour(scheme, i);
        return {
          label: mixed && s.unit === 'percent' ? `${s.label} (%)` : s.label,
          data: [...s.values],
          borderColor: colour,
          // A line's own fill stays empty, so its key in the legend is stroked in its dash pattern, not filled solid.
          backgroundColor: type === 'line' ? 'transparent' : colour,
          pointBackgroundColor: colour,
          borderDash: type === 'line' ? seriesDash(i) : [],
          borderWidth: type === 'line' ? 2 : 0,
          pointStyle: POINT_STYLES[i % POINT_STYLES.length],
          pointRadius: type === 'line' ? (data.categories.length > 40 ? 0 : 3) : 0,
          spanGaps: true,
          tension: 0.15,
          stack: stacked ? 'all' : `s${i}`,
        };
      }),
    },
    options: {
      animation: false,
      responsive,
      maintainAspectRatio: false,
      font: { family: CHART_FONT },
      scales: {
        // A bar chart of a few groups names every group (slanted when they do not fit); a long series skips some.
        x: { stacked, ticks: { color: colours.text, maxRotation: few ? 45 : 0, autoSkip: !few, font: { family: CHART_FONT } }, grid: { display: false } },
        y: {
          stacked,
          min: data.min,
          max: data.max,
          beginAtZero: data.min === undefined,
          // Counts and points step by whole numbers (no axis of 0, 0.2, 0.4… customers).
          ticks: { color: colours.text, precision: unit === 'count' || unit === 'points' ? 0 : undefined, callback: (v) => axisText(format(unit, Number(v))), font: { family: CHART_FONT } },
          grid: { color: colours.grid },
        },
      },
      plugins: {
        // A line's key is a short stroke in its dash pattern; a bar's a small square.
        legend: { labels: type === 'line' ? { color: colours.text, boxWidth: 36, boxHeight: 2, font: { family: CHART_FONT } } : { color: colours.text, boxWidth: 12, boxHeight: 12, font: { family: CHART_FONT } } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${item.raw === null ? '—' : format(drawn[item.datasetIndex]?.unit ?? unit, Number(item.raw))}` } },
        // @ts-expect-error chart.js types know only the plugins registered by name; this one is passed inline.
        reportBackground: { colour: colours.surface },
      },
    },
    plugins: [background],
  };
}

export function drawSeriesChart(canvas: HTMLCanvasElement, data: SeriesChartData, scheme: ChartScheme, format: FormatValue, responsive: boolean): Chart<'line' | 'bar'> {
  return new Chart(canvas, seriesChartConfig(data, scheme, format, responsive));
}

const ROW_HEIGHT = 28;
const PAD = 8;

/** The heat map's height in CSS pixels for its rows (a header row and one per row). */
export const heatmapHeight = (data: Pick<HeatmapChartData, 'rows' | 'columnHeader'>): number => PAD * 2 + ROW_HEIGHT * (data.rows.length + 1 + (data.columnHeader ? 1 : 0));

/**
 * Draws the heat map at `width` CSS pixels: row labels and sizes on the left, a header of columns, each cell
 * coloured by its share with the share written in it (the colour is never the only carrier of the figure).
 */
export function drawHeatmap(canvas: HTMLCanvasElement, data: HeatmapChartData, scheme: ChartScheme, format: FormatValue, width: number, pixelRatio: number): void {
  const colours = SCHEME_COLOURS[scheme];
  const height = heatmapHeight(data);
  canvas.width = Math.round(width * pixelRatio);
  canvas.height = Math.round(height * pixelRatio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.fillStyle = colours.surface;
  ctx.fillRect(0, 0, width, height);
  ctx.font = `12px ${CHART_FONT}`;
  ctx.textBaseline = 'middle';
  const labelWidth = Math.max(ctx.measureText(data.rowHeader).width, ...data.rows.map((r) => ctx.measureText(r.label).width)) + 12;
  const sizeWidth = Math.max(ctx.measureText(data.sizeHeader).width, ...data.rows.map((r) => ctx.measureText(format('count', r.size)).width)) + 12;
  const left = PAD + labelWidth + sizeWidth;
  const cellWidth = data.columns.length === 0 ? 0 : Math.max(24, (width - left - PAD) / data.columns.length);
  // The columns' header, when there is one, above them across the cells; the rows start a row lower.
  const y0 = PAD + (data.columnHeader ? ROW_HEIGHT : 0);
  ctx.fillStyle = colours.text;
  if (data.columnHeader) {
    ctx.textAlign = 'center';
    ctx.fillText(fit(ctx, data.columnHeader, width - left - PAD), left + (cellWidth * data.columns.length) / 2, PAD + ROW_HEIGHT / 2);
  }
  ctx.textAlign = 'left';
  ctx.fillText(data.rowHeader, PAD, y0 + ROW_HEIGHT / 2);
  ctx.textAlign = 'right';
  ctx.fillText(data.sizeHeader, PAD + labelWidth + sizeWidth - 8, y0 + ROW_HEIGHT / 2);
  ctx.textAlign = 'center';
  // Column headers shortened to what fits (the table under the chart has them whole).
  data.columns.forEach((c, i) => ctx.fillText(fit(ctx, c, cellWidth - 4), left + cellWidth * i + cellWidth / 2, y0 + ROW_HEIGHT / 2));
  data.rows.forEach((row, r) => {
    const y = y0 + ROW_HEIGHT * (r + 1);
    ctx.fillStyle = colours.text;
    ctx.textAlign = 'left';
    ctx.fillText(row.label, PAD, y + ROW_HEIGHT / 2);
    ctx.textAlign = 'right';
    ctx.fillText(format('count', row.size), PAD + labelWidth + sizeWidth - 8, y + ROW_HEIGHT / 2);
    ctx.textAlign = 'center';
    row.cells.forEach((v, i) => {
      if (v === null) return;
      const x = left + cellWidth * i;
      const { fill, text } = heatColour(heatShare(data, v), scheme);
      ctx.fillStyle = fill;
      ctx.fillRect(x + 1, y + 1, cellWidth - 2, ROW_HEIGHT - 2);
      ctx.fillStyle = text;
      ctx.fillText(fit(ctx, format(data.unit, v), cellWidth - 4), x + cellWidth / 2, y + ROW_HEIGHT / 2);
    });
  });
}

function fit(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let t = text;
  while (t.length > 1 && ctx.measureText(`${t}…`).width > width) t = t.slice(0, -1);
  return `${t}…`;
}

/** The picture's scale: crisp when printed or zoomed. */
const PICTURE_RATIO = 2;

/**
 * The chart's picture for a file, drawn apart from the screen in the light scheme (a picture is shared and printed,
 * whatever theme the clerk uses), at `width` × `height` CSS pixels, with the title above it, so it says what it
 * shows when opened on its own.
 */
export async function chartPicture(data: SeriesChartData | HeatmapChartData, title: string, format: FormatValue, width: number, height: number): Promise<Uint8Array> {
  const scheme: ChartScheme = 'light';
  const colours = SCHEME_COLOURS[scheme];
  const source = document.createElement('canvas');
  // chart.js measures a canvas in the page; kept out of sight while it draws.
  const holder = document.createElement('div');
  holder.style.cssText = `position:fixed;left:-20000px;top:0;width:${width}px;height:${height}px;`;
  holder.append(source);
  document.body.append(holder);
  try {
    if (data.kind === 'heatmap') drawHeatmap(source, data, scheme, format, width, PICTURE_RATIO);
    else {
      source.width = width;
      source.height = height;
      const config = seriesChartConfig(data, scheme, format, false);
      config.options = { ...config.options, devicePixelRatio: PICTURE_RATIO };
      // animation is off: the chart is drawn when made.
      new Chart(source, config);
    }
    const titleHeight = 36 * PICTURE_RATIO;
    const out = document.createElement('canvas');
    out.width = source.width;
    out.height = source.height + titleHeight;
    const ctx = out.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.fillStyle = colours.surface;
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.fillStyle = '#1d2329';
    ctx.font = `600 ${15 * PICTURE_RATIO}px ${CHART_FONT}`;
    ctx.textBaseline = 'middle';
    ctx.fillText(title, 10 * PICTURE_RATIO, titleHeight / 2);
    ctx.drawImage(source, 0, titleHeight);
    Chart.getChart(source)?.destroy();
    const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('no picture');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    holder.remove();
  }
}
