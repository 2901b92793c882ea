// Hash routes of the app: parsing and building them, and a hook that follows the address.
import { useSyncExternalStore } from 'react';
import { assertNever } from '../../shared/result';

export type Route =
  | { name: 'customers' }
  | { name: 'customerNew' }
  | { name: 'customer'; id: string }
  | { name: 'customerEdit'; id: string }
  | { name: 'import' }
  | { name: 'export' }
  | { name: 'duplicates' }
  | { name: 'churn' }
  | { name: 'trash' }
  | { name: 'settings' }
  | { name: 'statusRules' }
  | { name: 'tierReview' }
  | { name: 'backups' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (first === 'customers') {
    if (second === 'new' && !third) return { name: 'customerNew' };
    if (second && third === 'edit') return { name: 'customerEdit', id: second };
    if (second && !third) return { name: 'customer', id: second };
    return { name: 'customers' };
  }
  if (first === 'import') return { name: 'import' };
  if (first === 'export') return { name: 'export' };
  if (first === 'duplicates') return { name: 'duplicates' };
  if (first === 'churn') return { name: 'churn' };
  if (first === 'trash') return { name: 'trash' };
  if (first === 'settings') return second === 'status' && !third ? { name: 'statusRules' } : { name: 'settings' };
  if (first === 'review') return { name: 'tierReview' };
  if (first === 'backups') return { name: 'backups' };
  return { name: 'customers' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'customers':
      return '#/customers';
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
