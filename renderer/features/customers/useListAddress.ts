// Keeps the customer list's search and filters in its address, and applies the navigation rule
// (listNavigation.ts) on every move between addresses.
import { useEffect } from 'react';
import { listStateOf, useUiStore } from '../../stores/ui';
import { parseRoute, routeHref, sameListState, WHOLE_LIST } from '../../ui/routes';
import { afterMove } from './listNavigation';

export function useListAddress(): void {
  useEffect(() => {
    let previous = parseRoute(window.location.hash);
    // Start-up (and a reload): the address decides.
    if (previous.name === 'customers') useUiStore.getState().setListState(previous.list ?? WHOLE_LIST);

    // hashchange comes for links, navigate(), the browser's back and forward; not for replaceState below.
    const onMove = () => {
      const next = parseRoute(window.location.hash);
      const state = useUiStore.getState();
      const move = afterMove(previous, next, listStateOf(state), state.listReturn);
      if (move.list && !sameListState(move.list, listStateOf(state))) state.setListState(move.list);
      if (move.listReturn !== state.listReturn) state.setListReturn(move.listReturn);
      if (next.name !== 'customers' && state.listAction) state.requestListAction(null);
      previous = next;
    };
    window.addEventListener('hashchange', onMove);

    // On the list, its address follows the search and filters in place: typing adds no history entries.
    const unsubscribe = useUiStore.subscribe((state, before) => {
      const list = listStateOf(state);
      if (sameListState(list, listStateOf(before)) || parseRoute(window.location.hash).name !== 'customers') return;
      const route = { name: 'customers', list } as const;
      window.history.replaceState(window.history.state, '', routeHref(route));
      previous = parseRoute(routeHref(route));
    });
    return () => {
      window.removeEventListener('hashchange', onMove);
      unsubscribe();
    };
  }, []);
}
