import { describe, expect, it } from 'vitest';
import { seriesChartConfig } from './chartCanvas';
import type { ChartUnit, SeriesChartData } from './chartModel';

const format = (unit: ChartUnit, v: number) => (unit === 'percent' ? `${v}%` : unit === 'score' ? (v > 0 ? `+${v}` : String(v)) : unit === 'money' ? `¥${v / 100}` : String(v));

/** The value axis' tick text and the legend's labels of a chart's configuration. */
function drawn(data: SeriesChartData) {
  const config = seriesChartConfig(data, 'light', format, false);
  const y = config.options!.scales!.y as { ticks: { callback: (v: number) => string } };
  return { tick: (v: number) => y.ticks.callback(v), labels: config.data.datasets.map((d) => d.label) };
}

describe('series chart configuration', () => {
  it('reads the axis in the unit of its lines when they share one', () => {
    const chart = drawn({ kind: 'line', categoryHeader: 'Month', categories: ['Jan', 'Feb'], series: [{ key: 'a', label: 'Repurchase', unit: 'percent', values: [20, 30] }] });
    expect(chart.tick(40)).toBe('40%');
    expect(chart.labels).toEqual(['Repurchase']);
    const money = drawn({ kind: 'bar', categoryHeader: 'Month', categories: ['Jan'], series: [{ key: 'r', label: 'Revenue', unit: 'money', values: [12_300] }] });
    expect(money.tick(10_000)).toBe('¥100');
  });

  it('reads plain numbers when lines of different units share the axis, a percent line’s key saying it is one', () => {
    const chart = drawn({
      kind: 'line',
      categoryHeader: 'Month',
      categories: ['Jan', 'Feb'],
      series: [
        { key: 'csat', label: 'CSAT', unit: 'percent', values: [80, 60] },
        { key: 'nps', label: 'NPS', unit: 'score', values: [-40, 10] },
        { key: 'n', label: 'Answers', unit: 'count', values: [3, 4], tableOnly: true },
      ],
      min: -100,
      max: 100,
    });
    expect(chart.tick(-40)).toBe('-40');
    expect(chart.tick(50)).toBe('50');
    expect(chart.labels).toEqual(['CSAT (%)', 'NPS']);
  });
});
