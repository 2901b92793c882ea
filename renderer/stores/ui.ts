// UI state only: list filters and sorting, the theme, and which dialog is open. Never database rows.
import { create } from 'zustand';
import type { CustomerSortField, SortDirection } from '../db/customers';

export type ThemeChoice = 'system' | 'light' | 'dark';
const THEME_KEY = 'regulars.theme';

function savedTheme(): ThemeChoice {
  const saved = localStorage.getItem(THEME_KEY);
  return saved === 'light' || saved === 'dark' ? saved : 'system';
}

interface UiState {
  search: string;
  tag: string | null;
  sort: CustomerSortField;
  direction: SortDirection;
  theme: ThemeChoice;
  /** A customer shown in the quick-look dialog (e.g. from a duplicate warning), or null. */
  peekCustomerId: string | null;
  setSearch(search: string): void;
  setTag(tag: string | null): void;
  toggleSort(field: CustomerSortField): void;
  setTheme(theme: ThemeChoice): void;
  setPeekCustomerId(id: string | null): void;
}

export const useUiStore = create<UiState>((set) => ({
  search: '',
  tag: null,
  sort: 'updatedAt',
  direction: 'desc',
  theme: savedTheme(),
  peekCustomerId: null,
  setSearch: (search) => set({ search }),
  setTag: (tag) => set({ tag }),
  toggleSort: (field) =>
    set((s) =>
      s.sort === field
        ? { direction: s.direction === 'asc' ? 'desc' : 'asc' }
        : { sort: field, direction: field === 'createdAt' || field === 'updatedAt' ? 'desc' : 'asc' },
    ),
  setTheme: (theme) => {
    localStorage.setItem(THEME_KEY, theme);
    set({ theme });
  },
  setPeekCustomerId: (peekCustomerId) => set({ peekCustomerId }),
}));

/** The search box lives in the top bar; shortcuts focus it from anywhere. */
export const SEARCH_INPUT_ID = 'global-search';
