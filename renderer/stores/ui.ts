// UI state only: list filters and sorting, the theme, and which dialog is open. Never database rows.
import { create } from 'zustand';
import type { ChurnLevel } from '../../shared/domain/churn';
import type { LifecycleStage } from '../../shared/domain/lifecycle';
import type { CustomerSortField, SortDirection } from '../db/customers';
import type { ListAction } from '../features/customers/listAnswer';
import type { ListReturn } from '../features/customers/listNavigation';
import type { SurveyBand } from '../../shared/domain/surveyRecords';
import { listPoints, WHOLE_LIST, type ListPointsFilter, type ListState } from '../ui/routes';

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
  /** The customer list's points filter; null: any. */
  pointsFilter: ListPointsFilter | null;
  /** The customer list's filter by the last survey's band; null: any. */
  surveyFilter: SurveyBand | null;
  /** The churn-risk list's filters. */
  churnTier: string | null;
  churnLevel: ChurnLevelFilter;
  sort: CustomerSortField;
  direction: SortDirection;
  theme: ThemeChoice;
  /** A customer shown in the quick-look dialog (e.g. from a duplicate warning), or null. */
  peekCustomerId: string | null;
  /** What the search box asked of the list (Enter, arrow down), done once the answer to the box's text is in. */
  listAction: ListAction | null;
  /** Where the back link of the customer opened from the list goes (that list as it was). */
  listReturn: ListReturn | null;
  setSearch(search: string): void;
  setTag(tag: string | null): void;
  setTierFilter(tierId: string | null): void;
  setStageFilter(stage: LifecycleStage | null): void;
  setRiskFilter(level: ChurnLevel | null): void;
  setPointsFilter(points: ListPointsFilter | null): void;
  setSurveyFilter(band: SurveyBand | null): void;
  /** Search, tag and status filters back to "all". */
  clearListFilters(): void;
  /** Search and filters at once (from the list's address). */
  setListState(list: ListState): void;
  requestListAction(action: ListAction | null): void;
  setListReturn(listReturn: ListReturn | null): void;
  setChurnTier(tierId: string | null): void;
  setChurnLevel(level: ChurnLevelFilter): void;
  toggleSort(field: CustomerSortField): void;
  setTheme(theme: ThemeChoice): void;
  setPeekCustomerId(id: string | null): void;
}

function storeFields(list: ListState): Pick<UiState, 'search' | 'tag' | 'tierFilter' | 'stageFilter' | 'riskFilter' | 'pointsFilter' | 'surveyFilter'> {
  return { search: list.search, tag: list.tag, tierFilter: list.tier, stageFilter: list.stage, riskFilter: list.risk, pointsFilter: listPoints(list), surveyFilter: list.survey ?? null };
}

/** The list's search and filters as its address holds them. */
export function listStateOf(s: Pick<UiState, 'search' | 'tag' | 'tierFilter' | 'stageFilter' | 'riskFilter'> & Partial<Pick<UiState, 'pointsFilter' | 'surveyFilter'>>): ListState {
  const list: ListState = { search: s.search, tag: s.tag, tier: s.tierFilter, stage: s.stageFilter, risk: s.riskFilter };
  const points = listPoints({ points: s.pointsFilter });
  if (points) list.points = points;
  if (s.surveyFilter) list.survey = s.surveyFilter;
  return list;
}

export const useUiStore = create<UiState>((set) => ({
  search: '',
  tag: null,
  tierFilter: null,
  stageFilter: null,
  riskFilter: null,
  pointsFilter: null,
  surveyFilter: null,
  churnTier: null,
  churnLevel: 'both',
  sort: 'updatedAt',
  direction: 'desc',
  // Start-up reads the saved choice (loadRememberedUiState) before the app is shown.
  theme: 'system',
  peekCustomerId: null,
  listAction: null,
  listReturn: null,
  // Whatever changes the list's question drops an action asked for the old one.
  setSearch: (search) => set({ search, listAction: null }),
  setTag: (tag) => set({ tag, listAction: null }),
  setTierFilter: (tierFilter) => set({ tierFilter, listAction: null }),
  setStageFilter: (stageFilter) => set({ stageFilter, listAction: null }),
  setRiskFilter: (riskFilter) => set({ riskFilter, listAction: null }),
  setPointsFilter: (points) => set({ pointsFilter: listPoints({ points }), listAction: null }),
  setSurveyFilter: (surveyFilter) => set({ surveyFilter, listAction: null }),
  clearListFilters: () => set({ ...storeFields(WHOLE_LIST), listAction: null }),
  setListState: (list) => set({ ...storeFields(list), listAction: null }),
  requestListAction: (listAction) => set({ listAction }),
  setListReturn: (listReturn) => set({ listReturn }),
  setChurnTier: (churnTier) => set({ churnTier }),
  setChurnLevel: (churnLevel) => set({ churnLevel }),
  toggleSort: (field) =>
    set((s) =>
      s.sort === field
        ? { direction: s.direction === 'asc' ? 'desc' : 'asc', listAction: null }
        : { sort: field, direction: field === 'createdAt' || field === 'updatedAt' ? 'desc' : 'asc', listAction: null },
    ),
  setTheme: (theme) => {
    localStorage.setItem(THEME_KEY, theme);
    set({ theme });
  },
  setPeekCustomerId: (peekCustomerId) => set({ peekCustomerId }),
}));

/** The search box lives in the top bar; shortcuts focus it from anywhere. */
export const SEARCH_INPUT_ID = 'global-search';

/** The theme this PC chose; start-up calls it once, before the app is shown (see main.tsx). */
export function loadRememberedUiState(): void {
  useUiStore.setState({ theme: savedTheme() });
}
