// Main asks the page to show one of its pages (the clerk clicked a desktop notification about a customer
// or a list): the page goes there as a link would, with the quick look closed so the page is in front.
import type { DesktopApi } from '../../shared/ipc/contract';
import { useUiStore } from '../stores/ui';
import { navigate, type Route } from '../ui/routes';

export function showRequestedPage(target: Route): void {
  useUiStore.getState().setPeekCustomerId(null);
  navigate(target);
}

/** From start-up on; returns the unsubscribe. The target was parsed against the route schema on arrival. */
export function followNavigateRequests(api: Pick<DesktopApi, 'events'>, show: (target: Route) => void = showRequestedPage): () => void {
  return api.events.on('app:navigate', ({ target }) => show(target));
}
