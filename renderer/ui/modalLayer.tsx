// Modal layers: each open dialog renders into a layer of its own at the end of <body>, and everything but
// the top layer is inert (out of reach of the keyboard, the mouse and screen readers) until it closes.
import { useLayoutEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const layers: HTMLElement[] = [];
/** Marks what a layer made inert, so closing it gives back only that and leaves other inert content alone. */
const MARK = 'data-modal-inert';

function applyInert() {
  const top = layers[layers.length - 1];
  for (const el of Array.from(document.body.children)) {
    if (!(el instanceof HTMLElement) || el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || el.tagName === 'TEMPLATE') continue;
    const behind = top !== undefined && el !== top;
    if (behind && !el.hasAttribute(MARK) && !el.inert) {
      el.inert = true;
      // inert takes it out of the accessibility tree in Chromium; aria-hidden says so to older readers too.
      el.setAttribute('aria-hidden', 'true');
      el.setAttribute(MARK, '');
    } else if (!behind && el.hasAttribute(MARK)) {
      el.inert = false;
      el.removeAttribute('aria-hidden');
      el.removeAttribute(MARK);
    }
  }
}

/** True while no layer opened after this one is still open: it alone answers the keyboard. */
export function isTopLayer(layer: HTMLElement): boolean {
  return layers[layers.length - 1] === layer;
}

/**
 * A layer for a modal while the calling component is mounted. On close the layer below (or the page)
 * comes back, and focus returns to what had it when the modal opened, or to the main region if that
 * element has gone (a menu item, a row that the dialog's action removed).
 */
export function useModalLayer(): HTMLElement {
  const [layer] = useState(() => {
    const el = document.createElement('div');
    el.className = 'modal-layer';
    return el;
  });
  useLayoutEffect(() => {
    const active = document.activeElement;
    const opener = active instanceof HTMLElement && active !== document.body ? active : null;
    document.body.append(layer);
    layers.push(layer);
    applyInert();
    return () => {
      layers.splice(layers.indexOf(layer), 1);
      layer.remove();
      applyInert();
      const below = layers[layers.length - 1];
      if (opener?.isConnected && !opener.closest('[inert]')) opener.focus();
      else if (!below) document.getElementById('main')?.focus();
    };
  }, [layer]);
  return layer;
}

/** Puts a modal overlay (its backdrop and panel) into a layer of its own. */
export function ModalLayer({ children }: { children: ReactNode }) {
  return createPortal(children, useModalLayer());
}
