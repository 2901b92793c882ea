import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../../shared/domain/export/csv';
import { axisText, chartScreenTable, chartTable, describeChart, exportNumber, heatColour, heatShare, SERIES_COLOURS, type ChartData, type ChartUnit } from './chartModel';

const t = (key: string, options?: Record<string, unknown>) => `${key.replace('reports.chart.describe.', '')}${options ? JSON.stringify(options) : ''}`;
const format = (unit: ChartUnit, v: number) => (unit === 'money' ? `¥${(v / 100).toFixed(2)}` : unit === 'percent' ? `${Math.round(v)}%` : String(v));
const suffix = (unit: ChartUnit) => (unit === 'money' ? ' (¥)' : unit === 'percent' ? ' (%)' : '');

const sales: ChartData = {
  kind: 'line',
  categoryHeader: 'Month',
  categories: ['Jan 2026', 'Feb 2026', 'Mar 2026'],
  series: [
    { key: 'revenue', label: 'Revenue', unit: 'money', values: [123456, 0, 99999] },
    { key: 'previous', label: 'Period before', unit: 'money', values: [100000, null, 5] },
    { key: 'count', label: 'Purchases', unit: 'count', values: [3, 0, 2], tableOnly: true },
  ],
};

const cohorts: ChartData = {
  kind: 'heatmap',
  unit: 'percent',
  rowHeader: 'First month',
  sizeHeader: 'Customers',
  columns: ['Month 0', 'Month 1', 'Month 2'],
  rows: [
    { label: '2026-01', size: 4, cells: [100, 50, 25] },
    { label: '2026-02', size: 3, cells: [100, 66.6666, null] },
  ],
};

describe('chartTable (the rows of the CSV and XLSX files)', () => {
  it('keeps numbers as numbers, money in yuan, a missing figure empty, the unit in the header', () => {
    const table = chartTable(sales, suffix);
    expect(table.headers).toEqual(['Month', 'Revenue (¥)', 'Period before (¥)', 'Purchases']);
    expect(table.rows).toEqual([
      ['Jan 2026', 1234.56, 1000, 3],
      ['Feb 2026', 0, null, 0],
      ['Mar 2026', 999.99, 0.05, 2],
    ]);
    expect(toCsv(table.headers, table.rows)).toBe('\uFEFFMonth,Revenue (¥),Period before (¥),Purchases\r\nJan 2026,1234.56,1000,3\r\nFeb 2026,0,,0\r\nMar 2026,999.99,0.05,2\r\n');
  });

  it('writes a heat map row by row: the label, the size, each share to one decimal', () => {
    const table = chartTable(cohorts, suffix);
    expect(table.headers).toEqual(['First month', 'Customers', 'Month 0 (%)', 'Month 1 (%)', 'Month 2 (%)']);
    expect(table.rows).toEqual([
      ['2026-01', 4, 100, 50, 25],
      ['2026-02', 3, 100, 66.7, null],
    ]);
  });

  it('rounds shares, scores and hours to one decimal and leaves what is not a number empty', () => {
    expect(exportNumber('percent', 33.333)).toBe(33.3);
    expect(exportNumber('score', -14.26)).toBe(-14.3);
    expect(exportNumber('points', 1200)).toBe(1200);
    expect(exportNumber('count', Number.NaN)).toBeNull();
    // Yen has no minor unit.
    expect(exportNumber('money', 1234, 0)).toBe(1234);
  });
});

describe('chartScreenTable', () => {
  it('words each cell, a dash where there is no figure, table-only series included', () => {
    expect(chartScreenTable(sales, format, '—').rows[1]).toEqual(['Feb 2026', '¥0.00', '—', '0']);
    expect(chartScreenTable(cohorts, format, '—').rows[1]).toEqual(['2026-02', '3', '100%', '67%', '—']);
  });
});

describe('describeChart', () => {
  it('says the span and, per drawn series, its highest, lowest and latest figure', () => {
    const text = describeChart('Revenue by month', sales, t, format);
    expect(text).toBe(
      [
        'line{"title":"Revenue by month","count":3,"from":"Jan 2026","to":"Mar 2026"}',
        'series{"series":"Revenue","max":"¥1234.56","maxAt":"Jan 2026","min":"¥0.00","minAt":"Feb 2026","last":"¥999.99","lastAt":"Mar 2026"}',
        'series{"series":"Period before","max":"¥1000.00","maxAt":"Jan 2026","min":"¥0.05","minAt":"Mar 2026","last":"¥0.05","lastAt":"Mar 2026"}',
      ].join(' '),
    );
    expect(text).not.toContain('Purchases');
  });

  it('says when a series or the chart has no figures', () => {
    const empty: ChartData = { kind: 'bar', categoryHeader: 'Month', categories: ['Jan'], series: [{ key: 'a', label: 'CSAT', unit: 'percent', values: [null] }] };
    expect(describeChart('CSAT', empty, t, format)).toBe('bar{"title":"CSAT","count":1,"from":"Jan","to":""} seriesEmpty{"series":"CSAT"} empty');
    expect(describeChart('None', { ...empty, categories: [], series: [] }, t, format)).toBe('bar{"title":"None","count":0,"from":"","to":""} empty');
  });

  it('names a heat map’s size and its highest share after the first column', () => {
    expect(describeChart('Cohorts', cohorts, t, format)).toBe(
      'heatmap{"title":"Cohorts","rows":2,"columns":3,"rowHeader":"First month"} heatmapTop{"value":"67%","row":"2026-02","column":"Month 1"}',
    );
  });
});

describe('colours', () => {
  it('uses the Okabe–Ito colours, seven apart in each theme', () => {
    for (const scheme of ['light', 'dark'] as const) expect(new Set(SERIES_COLOURS[scheme]).size).toBe(7);
    expect(SERIES_COLOURS.light[0]).toBe('#0072B2');
  });

  it('darkens the heat map with the share on light and lightens it on dark, text legible on both', () => {
    const lightness = (hsl: string) => Number(/(\d+)%\)$/.exec(hsl)![1]);
    expect(lightness(heatColour(80, 'light').fill)).toBeLessThan(lightness(heatColour(20, 'light').fill));
    expect(lightness(heatColour(80, 'dark').fill)).toBeGreaterThan(lightness(heatColour(20, 'dark').fill));
    expect(heatColour(100, 'light').text).toBe('#ffffff');
    expect(heatColour(0, 'light').text).toBe('#1d2329');
  });

  it('shades a count map against its largest cell, a share map by the share', () => {
    const grid: ChartData = { kind: 'heatmap', unit: 'count', rowHeader: 'R', sizeHeader: 'n', columns: ['F1', 'F2'], rows: [{ label: 'R1', size: 5, cells: [1, 4] }] };
    if (grid.kind !== 'heatmap' || cohorts.kind !== 'heatmap') throw new Error('heat maps');
    expect(heatShare(grid, 4)).toBe(100);
    expect(heatShare(grid, 1)).toBe(25);
    expect(heatShare(cohorts, 40)).toBe(40);
  });

  it('names each column with the columns’ header in the table and the files (the RFM grid: 到店频率 1 分)', () => {
    const grid: ChartData = { kind: 'heatmap', unit: 'count', rowHeader: '最近到店', sizeHeader: '客户数', columnHeader: '到店频率', columns: ['1 分', '2 分'], rows: [{ label: '5 分', size: 5, cells: [1, 4] }] };
    expect(chartScreenTable(grid, (_u, v) => String(v), '—').headers).toEqual(['最近到店', '客户数', '到店频率 1 分', '到店频率 2 分']);
    expect(chartTable(grid, () => '').headers).toEqual(['最近到店', '客户数', '到店频率 1 分', '到店频率 2 分']);
  });
});

describe('axisText', () => {
  it('drops zero cents and nothing else', () => {
    expect(axisText('¥35,000.00')).toBe('¥35,000');
    expect(axisText('-¥5,000.00')).toBe('-¥5,000');
    expect(axisText('¥12.50')).toBe('¥12.50');
    expect(axisText('1,000')).toBe('1,000');
    expect(axisText('100%')).toBe('100%');
  });
});
