import { describe, expect, it } from 'vitest';
import type { PairedSample } from './protocol';
import { checkTargets, combineRuns, FIGURE_IDS, formatMs, latencyFigures, once, renderTables, sectionId, textTable, type Figure, type LatencyFigure, type OnceFigure } from './results';

const sample = (section: string, appMs: number, rawMs: number, truncated = false): PairedSample => ({ section, label: 'x', appMs, rawMs, hits: 3, truncated });

const importFigure = (app: number, raw: number): OnceFigure =>
  once({
    id: FIGURE_IDS.importCustomers,
    item: 1,
    label: 'import customers',
    unit: 'ms',
    app,
    raw,
    rawLabel: 'plain puts',
    parts: { load: app / 4, write: (app * 3) / 4 },
    breakdown: { of: 'write', steps: { planning: app / 4, writing: app / 2 } },
    detail: { rows: 10 },
  });

describe('bench results', () => {
  it('makes ids from sections', () => {
    expect(sectionId('search: phone digits')).toBe('search.phone-digits');
    expect(sectionId('customer page')).toBe(FIGURE_IDS.customerPage);
    expect(sectionId('record a purchase')).toBe(FIGURE_IDS.recordPurchase);
    expect(sectionId('list: page in the middle')).toBe(FIGURE_IDS.listPageInTheMiddle);
    expect(sectionId('tag filter')).toBe(FIGURE_IDS.tagFilter);
    expect(sectionId('list: first page, by name')).toBe('list.first-page-by-name');
  });

  it('gives one latency figure per section, and every keystroke after the last search section', () => {
    const samples = [
      sample('search: phone digits', 10, 5),
      sample('search: phone digits', 20, 10, true),
      sample('search: Chinese name', 4, 2),
      sample('customer page', 30, 10),
    ];
    const figures = latencyFigures(samples, (s) => (s.startsWith('search') ? 3 : s === 'customer page' ? 4 : null));
    expect(figures.map((f) => f.id)).toEqual(['search.phone-digits', 'search.chinese-name', FIGURE_IDS.searchEveryKeystroke, FIGURE_IDS.customerPage]);
    const all = figures[2]!;
    expect(all.samplesPerRun).toBe(3);
    expect(all.app.p95).toBe(20);
    expect(all.capped).toBe(1);
    expect(figures[3]!.ratio.p50).toBe(3);
  });

  it('takes the median of every number across runs and the ratio of the medians', () => {
    const runs: Figure[][] = [[importFigure(30, 10)], [importFigure(12, 10)], [importFigure(20, 8)]];
    const [f] = combineRuns(runs) as OnceFigure[];
    expect(f!.app).toBe(20);
    expect(f!.raw).toBe(10);
    expect(f!.ratio).toBe(2);
    expect(f!.parts).toEqual({ load: 5, write: 15 });
    expect(f!.detail).toEqual({ rows: 10 });
    expect(f!.breakdown).toEqual({ of: 'write', steps: { planning: 5, writing: 10 } });

    const latency = (p95: number): LatencyFigure => latencyFigures([sample('customer page', p95, 10)], () => 4)[0]!;
    const [l] = combineRuns([[latency(40)], [latency(90)], [latency(60)]]) as LatencyFigure[];
    expect(l!.app.p95).toBe(60);
    expect(l!.ratio.p95).toBe(6);
  });

  it('checks the issue’s targets against the measured figures, and leaves out what was not measured', () => {
    const figures: Figure[] = [
      importFigure(11, 10),
      once({ id: FIGURE_IDS.heapList, item: 9, label: 'heap', unit: 'MB', app: 420, raw: null }),
      ...latencyFigures([sample('customer page', 80, 10)], () => 4),
    ];
    const targets = checkTargets(figures);
    expect(targets).toEqual([
      { item: 1, figureId: FIGURE_IDS.importCustomers, target: 'customers import ≤ 1.2x raw', measured: '1.10x', met: true },
      { item: 4, figureId: FIGURE_IDS.customerPage, target: 'customer page p95 ≤ 100 ms', measured: '80.0 ms', met: true },
      { item: 9, figureId: FIGURE_IDS.heapList, target: 'JS heap with the list shown ≤ 400 MB', measured: '420 MB', met: false },
    ]);
  });

  it('needs both the time and the ratio for search', () => {
    const slowRatio = latencyFigures([sample('search: phone digits', 40, 10)], () => 3).find((f) => f.id === FIGURE_IDS.searchEveryKeystroke)!;
    expect(checkTargets([slowRatio])[0]).toMatchObject({ measured: '40.0 ms, 4.00x', met: false });
  });

  it('counts a plain write\'s wait during a backup as the clerk\'s: the longest of both decides', () => {
    const during = (app: number, raw: number) => latencyFigures([sample('record a purchase during a backup', app, raw), sample('record a purchase during a backup', 20, 5)], () => 10);
    expect(checkTargets(during(300, 40))).toEqual([
      { item: 10, figureId: FIGURE_IDS.purchaseDuringBackup, target: 'a purchase during a backup ≤ 1.00 s (the longest wait)', measured: '300 ms (plain write 40.0 ms)', met: true },
    ]);
    expect(checkTargets(during(300, 2_560))[0]).toMatchObject({ measured: '300 ms (plain write 2.56 s)', met: false });
  });

  it('checks issue 16’s care targets: the worker pass’s p95 and the longest main-thread task while it runs', () => {
    const figures: Figure[] = [
      ...latencyFigures([sample('care: what is due', 2_400, 300), sample('care: what is due', 900, 300)], () => 12),
      once({ id: FIGURE_IDS.longTaskCare, item: 12, label: 'longest task', unit: 'ms', app: 60, raw: null }),
    ];
    expect(figures[0]!.id).toBe(FIGURE_IDS.careDue);
    expect(checkTargets(figures)).toEqual([
      { item: 12, figureId: FIGURE_IDS.careDue, target: 'care: what is due, 100,000 customers, p95 ≤ 2.00 s', measured: '2.40 s', met: false },
      { item: 12, figureId: FIGURE_IDS.longTaskCare, target: 'longest main-thread task while it runs ≤ 200 ms', measured: '60.0 ms', met: true },
    ]);
  });

  it('checks issue 18’s segment builder targets: each count step’s p95 and the longest main-thread task while facts are read and counted', () => {
    const figures: Figure[] = [
      ...latencyFigures([sample('segments: count while building', 40, 1), sample('segments: count while building', 320, 1)], () => 14),
      once({ id: FIGURE_IDS.longTaskSegments, item: 14, label: 'longest task', unit: 'ms', app: 120, raw: null }),
    ];
    expect(figures[0]!.id).toBe(FIGURE_IDS.segmentsCount);
    expect(checkTargets(figures)).toEqual([
      { item: 14, figureId: FIGURE_IDS.segmentsCount, target: 'segment count while building, each step, p95 ≤ 300 ms', measured: '320 ms', met: false },
      { item: 14, figureId: FIGURE_IDS.longTaskSegments, target: 'longest main-thread task while the segment facts are read and counted ≤ 200 ms', measured: '120 ms', met: true },
    ]);
  });

  it('prints times readably and tables aligned', () => {
    expect([formatMs(3.14159), formatMs(314.159), formatMs(3141.59), formatMs(31415.9)]).toEqual(['3.1 ms', '314 ms', '3.14 s', '31.4 s']);
    expect(textTable(['#', 'what', 'ms'], [['1', 'a', '5'], ['', 'longer', '50'], ['   a note wider than the table']]).split('\n')).toEqual([
      '#  what    ms',
      '-  ------  --',
      '1  a        5',
      '   longer  50',
      '   a note wider than the table',
    ]);
    const text = renderTables([importFigure(11, 10)], checkTargets([importFigure(11, 10)]));
    expect(text).toContain('load 2.8 ms · write 8.3 ms');
    expect(text).toContain('write = planning 2.8 ms + writing 5.5 ms');
    expect(text).toMatch(/customers import ≤ 1\.2x raw\s+1\.10x\s+met/);
  });
});
