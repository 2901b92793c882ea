// CSAT and NPS by month as two lines (chart.js, its own chunk). The table beside it carries the same numbers for
// screen readers; the canvas is an image with a label.
import { useEffect, useRef } from 'react';
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

export interface SatisfactionChartProps {
  label: string;
  csatLabel: string;
  npsLabel: string;
  months: { label: string; csat: number | null; nps: number | null }[];
}

const cssColor = (name: string, fallback: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;

export function SatisfactionChart({ label, csatLabel, npsLabel, months }: SatisfactionChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const text = cssColor('--muted', '#5d6670');
    const grid = cssColor('--border', '#dfe3e8');
    const round = (v: number | null) => (v === null ? null : Math.round(v));
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels: months.map((m) => m.label),
        datasets: [
          { label: csatLabel, data: months.map((m) => round(m.csat)), borderColor: cssColor('--accent', '#0f7b6c'), backgroundColor: cssColor('--accent', '#0f7b6c'), spanGaps: true, tension: 0.2 },
          { label: npsLabel, data: months.map((m) => round(m.nps)), borderColor: '#d9822b', backgroundColor: '#d9822b', borderDash: [6, 4], spanGaps: true, tension: 0.2 },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          y: { min: -100, max: 100, ticks: { color: text, stepSize: 50 }, grid: { color: grid } },
          x: { ticks: { color: text }, grid: { display: false } },
        },
        plugins: { legend: { labels: { color: text, boxHeight: 2 } } },
      },
    });
    return () => chart.destroy();
  }, [months, csatLabel, npsLabel]);
  return (
    <div className="sat-chart">
      <canvas ref={canvas} role="img" aria-label={label} data-testid="sat-chart" />
    </div>
  );
}
