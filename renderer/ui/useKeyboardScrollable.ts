// A region that scrolls takes a place in the tab order only while it scrolls, so a keyboard user can
// scroll a long dialog (a restore preview listing every table) without a stray stop in short ones.
import { useLayoutEffect, type RefObject } from 'react';

export function useKeyboardScrollable(region: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const el = region.current;
    if (!el) return;
    const update = () => {
      const scrolls = el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
      if (scrolls) el.tabIndex = 0;
      else el.removeAttribute('tabindex');
    };
    update();
    // Content that arrives later (a preview that loads) changes the size without re-rendering the dialog.
    const resized = new ResizeObserver(update);
    resized.observe(el);
    const changed = new MutationObserver(update);
    changed.observe(el, { childList: true, subtree: true, characterData: true });
    return () => {
      resized.disconnect();
      changed.disconnect();
    };
  }, [region]);
}
