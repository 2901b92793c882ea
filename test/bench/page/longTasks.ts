// The page's main-thread long tasks (the Long Tasks API: every task over 50 ms), recorded from page
// load on, so a window of time can be asked about afterwards.
import type { LongTaskSummary } from '../protocol';

const tasks: { start: number; duration: number }[] = [];
let observing = false;

export function observeLongTasks(): void {
  if (observing) return;
  observing = true;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * The long tasks that overlapped [from, to] (performance.now() times). The observer reports a task
 * after it ends, so the caller settles before asking about a window that just closed.
 */
export function longTasksBetween(from: number, to: number): LongTaskSummary {
  const inside = tasks.filter((t) => t.start < to && t.start + t.duration > from);
  return {
    count: inside.length,
    longestMs: inside.reduce((m, t) => Math.max(m, t.duration), 0),
    // Total blocking time: the part of each task beyond 50 ms, the part that delays input.
    blockingMs: inside.reduce((s, t) => s + Math.max(0, t.duration - 50), 0),
  };
}

/**
 * Resolves once long tasks that just ended have been reported. A timer, not animation frames: a page
 * that is not in front gets no frames, and the runner keeps two pages open.
 */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 100));
}
