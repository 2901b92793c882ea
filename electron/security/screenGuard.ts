// The customer-facing screen's web contents: it never navigates, never opens a window and attaches no webview,
// so nothing else of the app (nor of the web) can be reached from it. Pure over a small slice of WebContents.

export interface PreventableEvent {
  preventDefault(): void;
}

/** What the guard needs of Electron's WebContents (and what the e2e harness's stand-in supplies). */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate' | 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export const SCREEN_REFUSED_NAVIGATIONS = ['will-navigate', 'will-redirect', 'will-frame-navigate', 'will-attach-webview'] as const;

/**
 * Refuses every navigation (the app's own pages too: index.html in this window would be the whole app in the
 * customer's hands), every redirect, every subframe navigation, every webview and every new window, links to
 * the web included (the main window may hand those to the OS; the screen may not). A reload stays allowed: it
 * is the same page, which asks main for its session again. Calls `onRefused` with what was refused.
 */
export function guardScreenContents(contents: GuardedContents, onRefused: (what: string) => void = () => undefined): void {
  for (const name of SCREEN_REFUSED_NAVIGATIONS) {
    contents.on(name, (event) => {
      event.preventDefault();
      onRefused(name);
    });
  }
  contents.setWindowOpenHandler(() => {
    onRefused('window-open');
    return { action: 'deny' };
  });
}
