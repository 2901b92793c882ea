import { describe, expect, it } from 'vitest';
import { routeSchema, WHOLE_LIST, type Route } from './route';

const ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('routeSchema', () => {
  const pages: Route[] = [
    { name: 'customers' },
    { name: 'customers', list: WHOLE_LIST },
    { name: 'customers', list: { search: '张 三 & co?', tag: '会员/VIP', tier: 'rfm:champions', stage: 'at-risk', risk: 'watch' } },
    { name: 'customers', list: { ...WHOLE_LIST, points: { min: 500, max: null, expiring: true } } },
    { name: 'customers', list: { ...WHOLE_LIST, survey: 'promoter' } },
    { name: 'customerNew' },
    { name: 'customer', id: ID },
    { name: 'customerEdit', id: ID.toUpperCase() },
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
    { name: 'audit', customerId: ID },
    { name: 'complaints' },
    { name: 'complaints', id: ID },
  ];
  it.each(pages)('accepts %o as it is', (route) => {
    expect(routeSchema.parse(route)).toEqual(route);
  });

  const hostile: [string, unknown][] = [
    ['no page', {}],
    ['an unknown page', { name: 'devtools' }],
    ['an inherited name', { name: 'toString' }],
    ['a string', '#/customers'],
    ['null', null],
    ['an extra field', { name: 'backups', url: 'https://evil.example/' }],
    ['a customer without an id', { name: 'customer' }],
    ['an id that is a path', { name: 'customer', id: '../../etc/passwd' }],
    ['an id with a script', { name: 'customerEdit', id: '<img src=x onerror=alert(1)>' }],
    ['an empty id', { name: 'customer', id: '' }],
    ['a points tab nobody has', { name: 'points', tab: 'ledger' }],
    ['the points screen without its tab', { name: 'points' }],
    ['an audit log narrowed to a path', { name: 'audit', customerId: '../../etc/passwd' }],
    ['an id that is a number', { name: 'customer', id: 42 }],
    ['a list with a stage nobody has', { name: 'customers', list: { ...WHOLE_LIST, stage: 'bogus' } }],
    ['a list with a survey band nobody has', { name: 'customers', list: { ...WHOLE_LIST, survey: 'angry' } }],
    ['a list with an empty tag (the whole list says null)', { name: 'customers', list: { ...WHOLE_LIST, tag: '' } }],
    ['a list with a huge search', { name: 'customers', list: { ...WHOLE_LIST, search: 'x'.repeat(201) } }],
    ['a list missing a filter', { name: 'customers', list: { search: '', tag: null, tier: null, stage: null } }],
    ['a list with an extra filter', { name: 'customers', list: { ...WHOLE_LIST, sql: 'drop' } }],
    ['a points filter of a fraction', { name: 'customers', list: { ...WHOLE_LIST, points: { min: 1.5, max: null, expiring: false } } }],
    ['a points filter with a text bound', { name: 'customers', list: { ...WHOLE_LIST, points: { min: '1', max: null, expiring: false } } }],
    ['a points filter with an extra field', { name: 'customers', list: { ...WHOLE_LIST, points: { min: null, max: null, expiring: true, days: 90 } } }],
  ];
  it.each(hostile)('refuses %s', (_what, value) => {
    expect(routeSchema.safeParse(value).success).toBe(false);
  });
});
