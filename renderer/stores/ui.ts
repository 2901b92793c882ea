// UI state only: list filters and sorting, the theme, and which dialog is open. Never database rows.
import { create } from 'zustand';
import type { ChurnLevel } from '../../shared/domain/churn';
import type { LifecycleStage } from '../../shared/domain/lifecycle';
import type { CustomerSortField, SortDirection } from '../db/customers';

/** The churn list's level filter: both levels, or one. */
export type ChurnLevelFilter = 'both' | Exclude<ChurnLevel, 'none'>;

export type ThemeChoice = 'system' | 'light' | 'dark';
const THEME_KEY = 'regulars.theme';

function savedTheme(): ThemeChoice {
  const saved = localStorage.getItem(THEME_KEY);
  return saved === 'light' || saved === 'dark' ? saved : 'system';
}

interface UiState {
  search: string;
  tag: string | null;
  /** The customer list's status filters; null: any. */
  tierFilter: string | null;
  stageFilter: LifecycleStage | null;
  riskFilter: ChurnLevel | null;
  /** The churn-risk list's filters. */
  churnTier: string | null;
  churnLevel: ChurnLevelFilter;
  sort: CustomerSortField;
  direction: SortDirection;
  theme: ThemeChoice;
  /** A customer shown in the quick-look dialog (e.g. from a duplicate warning), or null. */
  peekCustomerId: string | null;
  setSearch(search: string): void;
  setTag(tag: string | null): void;
  setTierFilter(tierId: string | null): void;
  setStageFilter(stage: LifecycleStage | null): void;
  setRiskFilter(level: ChurnLevel | null): void;
  /** Search, tag and status filters back to "all". */
  clearListFilters(): void;
  setChurnTier(tierId: string | null): void;
  setChurnLevel(level: ChurnLevelFilter): void;
  toggleSort(field: CustomerSortField): void;
  setTheme(theme: ThemeChoice): void;
  setPeekCustomerId(id: string | null): void;
}

export const useUiStore = create<UiState>((set) => ({
  search: '',
  tag: null,
  tierFilter: null,
  stageFilter: null,
  riskFilter: null,
  churnTier: null,
  churnLevel: 'both',
  sort: 'updatedAt',
  direction: 'desc',
  theme: savedTheme(),
  peekCustomerId: null,
  setSearch: (search) => set({ search }),
  setTag: (tag) => set({ tag }),
  setTierFilter: (tierFilter) => set({ tierFilter }),
  setStageFilter: (stageFilter) => set({ stageFilter }),
  setRiskFilter: (riskFilter) => set({ riskFilter }),
  clearListFilters: () => set({ search: '', tag: null, tierFilter: null, stageFilter: null, riskFilter: null }),
  setChurnTier: (churnTier) => set({ churnTier }),
  setChurnLevel: (churnLevel) => set({ churnLevel }),
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
