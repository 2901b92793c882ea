// Hash routes of the app: parsing and building them, and a hook that follows the address.
import { useSyncExternalStore } from 'react';
import { CHURN_LEVELS } from '../../shared/domain/churn';
import { LIFECYCLE_STAGES } from '../../shared/domain/lifecycle';
import { SURVEY_BANDS } from '../../shared/domain/surveyRecords';
import { assertNever } from '../../shared/result';
import { listPoints, sameListState, WHOLE_LIST, type ListPointsFilter, type ListState, type Route } from '../../shared/route';

export { listPoints, sameListState, WHOLE_LIST, type ListPointsFilter, type ListState, type PointsTab, type Route } from '../../shared/route';

// Short names keep the address readable: #/customers?q=0742&tag=VIP
const LIST_PARAMS = { search: 'q', tag: 'tag', tier: 'tier', stage: 'stage', risk: 'risk' } as const;
// The points filter: #/customers?pmin=500&pexp=1
const POINTS_PARAMS = { min: 'pmin', max: 'pmax', expiring: 'pexp' } as const;
// The last survey's band: #/customers?survey=detractor
const SURVEY_PARAM = 'survey';

/** A whole number of points from the address, or null (anything else filters nothing). */
function pointsParam(value: string | null): number | null {
  if (value === null || !/^-?\d{1,15}$/.test(value)) return null;
  return Number(value);
}

function pointsFromQuery(params: URLSearchParams): ListPointsFilter | null {
  return listPoints({
    points: { min: pointsParam(params.get(POINTS_PARAMS.min)), max: pointsParam(params.get(POINTS_PARAMS.max)), expiring: params.get(POINTS_PARAMS.expiring) === '1' },
  });
}

function listFromQuery(query: string): ListState | undefined {
  const params = new URLSearchParams(query);
  const text = (key: string) => params.get(key) || null;
  const stage = text(LIST_PARAMS.stage);
  const risk = text(LIST_PARAMS.risk);
  const list: ListState = {
    search: params.get(LIST_PARAMS.search) ?? '',
    tag: text(LIST_PARAMS.tag),
    tier: text(LIST_PARAMS.tier),
    stage: LIFECYCLE_STAGES.find((s) => s === stage) ?? null,
    risk: CHURN_LEVELS.find((l) => l === risk) ?? null,
  };
  const points = pointsFromQuery(params);
  if (points) list.points = points;
  const band = SURVEY_BANDS.find((b) => b === params.get(SURVEY_PARAM));
  if (band) list.survey = band;
  return sameListState(list, WHOLE_LIST) ? undefined : list;
}

function listQuery(list: ListState | undefined): string {
  if (!list) return '';
  const params = new URLSearchParams();
  for (const field of Object.keys(LIST_PARAMS) as (keyof typeof LIST_PARAMS)[]) {
    const value = list[field];
    if (value) params.set(LIST_PARAMS[field], value);
  }
  const points = listPoints(list);
  if (points?.min != null) params.set(POINTS_PARAMS.min, String(points.min));
  if (points?.max != null) params.set(POINTS_PARAMS.max, String(points.max));
  if (points?.expiring) params.set(POINTS_PARAMS.expiring, '1');
  if (list.survey) params.set(SURVEY_PARAM, list.survey);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function parseRoute(hash: string): Route {
  const address = hash.replace(/^#\/?/, '');
  const queryAt = address.indexOf('?');
  const path = queryAt < 0 ? address : address.slice(0, queryAt);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  // No address (the app just opened): the clerk's day first.
  if (first === undefined) return { name: 'today' };
  if (first === 'customers') {
    if (second === 'new' && !third) return { name: 'customerNew' };
    if (second && third === 'edit') return { name: 'customerEdit', id: second };
    if (second && !third) return { name: 'customer', id: second };
    if (!second) {
      const list = queryAt < 0 ? undefined : listFromQuery(address.slice(queryAt + 1));
      if (list) return { name: 'customers', list };
    }
    return { name: 'customers' };
  }
  if (first === 'import') return { name: 'import' };
  if (first === 'export') return { name: 'export' };
  if (first === 'duplicates') return { name: 'duplicates' };
  if (first === 'churn') return { name: 'churn' };
  if (first === 'today') return { name: 'today' };
  if (first === 'satisfaction') return { name: 'satisfaction' };
  if (first === 'reports') return { name: 'reports' };
  if (first === 'trash') return { name: 'trash' };
  if (first === 'settings') return second === 'status' && !third ? { name: 'statusRules' } : { name: 'settings' };
  if (first === 'review') return { name: 'tierReview' };
  if (first === 'backups') return { name: 'backups' };
  if (first === 'points') return { name: 'points', tab: second === 'rewards' && !third ? 'rewards' : 'rules' };
  if (first === 'audit') return second && !third ? { name: 'audit', customerId: second } : { name: 'audit' };
  if (first === 'complaints') return second && !third ? { name: 'complaints', id: second } : { name: 'complaints' };
  if (first === 'campaigns') return second === 'new' && !third ? { name: 'campaignNew' } : second && !third ? { name: 'campaign', id: second } : { name: 'campaigns' };
  return { name: 'customers' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'customers':
      return `#/customers${listQuery(route.list)}`;
    case 'customerNew':
      return '#/customers/new';
    case 'customer':
      return `#/customers/${encodeURIComponent(route.id)}`;
    case 'customerEdit':
      return `#/customers/${encodeURIComponent(route.id)}/edit`;
    case 'import':
      return '#/import';
    case 'export':
      return '#/export';
    case 'duplicates':
      return '#/duplicates';
    case 'churn':
      return '#/churn';
    case 'today':
      return '#/today';
    case 'satisfaction':
      return '#/satisfaction';
    case 'reports':
      return '#/reports';
    case 'trash':
      return '#/trash';
    case 'settings':
      return '#/settings';
    case 'statusRules':
      return '#/settings/status';
    case 'tierReview':
      return '#/review';
    case 'backups':
      return '#/backups';
    case 'points':
      return route.tab === 'rewards' ? '#/points/rewards' : '#/points';
    case 'audit':
      return route.customerId ? `#/audit/${encodeURIComponent(route.customerId)}` : '#/audit';
    case 'complaints':
      return route.id ? `#/complaints/${encodeURIComponent(route.id)}` : '#/complaints';
    case 'campaigns':
      return '#/campaigns';
    case 'campaignNew':
      return '#/campaigns/new';
    case 'campaign':
      return `#/campaigns/${encodeURIComponent(route.id)}`;
    default:
      return assertNever(route, 'route');
  }
}

export function navigate(route: Route): void {
  const href = routeHref(route);
  if (window.location.hash !== href) window.location.hash = href;
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
