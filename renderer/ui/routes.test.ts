import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from './routes';

describe('routes', () => {
  const routes: Route[] = [
    { name: 'customers' },
    { name: 'customerNew' },
    { name: 'customer', id: 'a1b2' },
    { name: 'customerEdit', id: 'a1b2' },
    { name: 'import' },
    { name: 'export' },
    { name: 'duplicates' },
    { name: 'churn' },
    { name: 'trash' },
    { name: 'settings' },
    { name: 'statusRules' },
    { name: 'tierReview' },
    { name: 'backups' },
  ];
  it.each(routes)('round-trips %o', (route) => {
    expect(parseRoute(routeHref(route))).toEqual(route);
  });
  it('opens the churn-risk list at #/churn', () => {
    expect(parseRoute('#/churn')).toEqual({ name: 'churn' });
    expect(routeHref({ name: 'churn' })).toBe('#/churn');
  });
  it('opens the backup screen at #/backups', () => {
    expect(parseRoute('#/backups')).toEqual({ name: 'backups' });
    expect(routeHref({ name: 'backups' })).toBe('#/backups');
  });
  it('falls back to the customer list for anything unknown', () => {
    expect(parseRoute('')).toEqual({ name: 'customers' });
    expect(parseRoute('#/nowhere/at/all')).toEqual({ name: 'customers' });
    expect(parseRoute('#/customers/x/y/z')).toEqual({ name: 'customers' });
  });
});
