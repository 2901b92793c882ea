import { beforeAll, describe, expect, it, vi } from 'vitest';
import { WHOLE_LIST } from '../ui/routes';

// The store reads the saved theme at start; Node has no localStorage of its own.
vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
let store: typeof import('./ui');
beforeAll(async () => {
  store = await import('./ui');
});

describe('the list action asked from the search box', () => {
  it('is dropped by anything that changes what the list answers', () => {
    const { useUiStore } = store;
    const changes: [string, () => void][] = [
      ['search', () => useUiStore.getState().setSearch('0742x')],
      ['tag', () => useUiStore.getState().setTag('VIP')],
      ['tier', () => useUiStore.getState().setTierFilter('gold')],
      ['stage', () => useUiStore.getState().setStageFilter('new')],
      ['risk', () => useUiStore.getState().setRiskFilter('high')],
      ['sort', () => useUiStore.getState().toggleSort('name')],
      ['direction', () => useUiStore.getState().toggleSort('name')],
      ['clear', () => useUiStore.getState().clearListFilters()],
      ['address', () => useUiStore.getState().setListState({ ...WHOLE_LIST, search: 'shz' })],
    ];
    for (const [what, change] of changes) {
      useUiStore.getState().requestListAction('open');
      change();
      expect(useUiStore.getState().listAction, what).toBeNull();
    }
  });

  it('reads and writes the list state as the address holds it', () => {
    const { useUiStore, listStateOf } = store;
    const state = { search: 'shz', tag: '会员', tier: 'gold', stage: 'loyal', risk: 'watch' } as const;
    useUiStore.getState().setListState(state);
    expect(listStateOf(useUiStore.getState())).toEqual(state);
    useUiStore.getState().clearListFilters();
    expect(listStateOf(useUiStore.getState())).toEqual(WHOLE_LIST);
  });
});
