import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, WHOLE_LIST, type Route } from './routes';

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
    { name: 'satisfaction' },
    { name: 'reports' },
    { name: 'trash' },
    { name: 'settings' },
    { name: 'statusRules' },
    { name: 'tierReview' },
    { name: 'backups' },
    { name: 'points', tab: 'rules' },
    { name: 'points', tab: 'rewards' },
    { name: 'audit' },
    { name: 'audit', customerId: 'a1b2' },
    { name: 'complaints' },
    { name: 'complaints', id: 'c1d2' },
    { name: 'campaigns' },
    { name: 'campaignNew' },
    { name: 'campaign', id: 'k1d2' },
    { name: 'customers', list: { search: '0742', tag: null, tier: null, stage: null, risk: null } },
    { name: 'customers', list: { search: '张 三 & co?', tag: '会员/VIP', tier: 'rfm:champions', stage: 'at-risk', risk: 'watch' } },
    { name: 'customers', list: { search: '', tag: null, tier: null, stage: 'won-back', risk: null } },
    { name: 'customers', list: { search: '', tag: 'VIP', tier: null, stage: null, risk: null, points: { min: 500, max: null, expiring: false } } },
    { name: 'customers', list: { search: '', tag: null, tier: null, stage: null, risk: null, points: { min: -20, max: 1000, expiring: true } } },
    { name: 'customers', list: { search: '', tag: null, tier: null, stage: null, risk: null, points: { min: null, max: null, expiring: true } } },
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
  it('opens the points rules at #/points and the rewards at #/points/rewards', () => {
    expect(parseRoute('#/points')).toEqual({ name: 'points', tab: 'rules' });
    expect(parseRoute('#/points/rewards')).toEqual({ name: 'points', tab: 'rewards' });
    expect(parseRoute('#/points/elsewhere')).toEqual({ name: 'points', tab: 'rules' });
  });
  it('keeps the list\'s search and filters in its address, and nothing for the whole list', () => {
    expect(routeHref({ name: 'customers', list: { search: 'shz', tag: 'VIP', tier: null, stage: null, risk: 'high' } })).toBe('#/customers?q=shz&tag=VIP&risk=high');
    expect(routeHref({ name: 'customers', list: WHOLE_LIST })).toBe('#/customers');
    expect(parseRoute('#/customers?q=')).toEqual({ name: 'customers' });
    // What the address cannot mean is left out, not guessed.
    expect(parseRoute('#/customers?q=a&stage=bogus&risk=none2')).toEqual({ name: 'customers', list: { ...WHOLE_LIST, search: 'a' } });
    // The points filter: whole numbers only, "expiring" only as 1; a filter that narrows nothing is no filter.
    expect(routeHref({ name: 'customers', list: { ...WHOLE_LIST, points: { min: 500, max: null, expiring: true } } })).toBe('#/customers?pmin=500&pexp=1');
    expect(routeHref({ name: 'customers', list: { ...WHOLE_LIST, points: { min: null, max: null, expiring: false } } })).toBe('#/customers');
    expect(parseRoute('#/customers?pmin=1.5&pmax=abc&pexp=yes')).toEqual({ name: 'customers' });
    expect(parseRoute('#/customers?q=a&pmax=-3')).toEqual({ name: 'customers', list: { ...WHOLE_LIST, search: 'a', points: { min: null, max: -3, expiring: false } } });
    // The last survey's band: a band the app knows, or nothing.
    expect(routeHref({ name: 'customers', list: { ...WHOLE_LIST, survey: 'detractor' } })).toBe('#/customers?survey=detractor');
    expect(parseRoute('#/customers?survey=detractor')).toEqual({ name: 'customers', list: { ...WHOLE_LIST, survey: 'detractor' } });
    expect(parseRoute('#/customers?survey=angry')).toEqual({ name: 'customers' });
    // A customer's address ignores a query part.
    expect(parseRoute('#/customers/c1?q=a')).toEqual({ name: 'customer', id: 'c1' });
  });
  it('opens on Today without an address, and falls back to the customer list for anything unknown', () => {
    expect(parseRoute('')).toEqual({ name: 'today' });
    expect(parseRoute('#/')).toEqual({ name: 'today' });
    expect(parseRoute('#/today')).toEqual({ name: 'today' });
    expect(parseRoute('#/nowhere/at/all')).toEqual({ name: 'customers' });
    expect(parseRoute('#/customers/x/y/z')).toEqual({ name: 'customers' });
  });
});
