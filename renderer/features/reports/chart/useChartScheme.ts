// Which colours a chart draws in: the page's theme, and light while the page is being printed (paper is white).
import { useSyncExternalStore } from 'react';
import type { ChartScheme } from './chartModel';

let printing = false;
const listeners = new Set<() => void>();
let observer: MutationObserver | null = null;

const tell = () => listeners.forEach((l) => l());
const onBeforePrint = () => {
  printing = true;
  tell();
};
const onAfterPrint = () => {
  printing = false;
  tell();
};

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    window.addEventListener('beforeprint', onBeforePrint);
    window.addEventListener('afterprint', onAfterPrint);
    observer = new MutationObserver(tell);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    window.removeEventListener('beforeprint', onBeforePrint);
    window.removeEventListener('afterprint', onAfterPrint);
    observer?.disconnect();
    observer = null;
  };
}

const snapshot = (): string => `${document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light'}${printing ? ':print' : ''}`;

/** The scheme to draw in, and whether the page is printing (charts then take the printed page's width). */
export function useChartScheme(): { scheme: ChartScheme; printing: boolean } {
  const value = useSyncExternalStore(subscribe, snapshot);
  const isPrinting = value.endsWith(':print');
  return { scheme: isPrinting ? 'light' : (value as ChartScheme), printing: isPrinting };
}
