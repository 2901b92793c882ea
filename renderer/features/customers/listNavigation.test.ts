import { describe, expect, it } from 'vitest';
import { WHOLE_LIST, type ListState, type Route } from '../../ui/routes';
import { afterMove, backToList } from './listNavigation';

const searched: ListState = { search: '0742', tag: 'VIP', tier: 'gold', stage: 'loyal', risk: 'high' };
const list = (state?: ListState): Route => (state ? { name: 'customers', list: state } : { name: 'customers' });
const others: Route[] = [
  { name: 'import' },
  { name: 'export' },
  { name: 'churn' },
  { name: 'duplicates' },
  { name: 'trash' },
  { name: 'settings' },
  { name: 'customerNew' },
  { name: 'customer', id: 'c1' },
  { name: 'customerEdit', id: 'c1' },
];

describe('the navigation rule of the customer list', () => {
  it.each(others)('coming back from %o by a link (no state in the address) shows the whole list', (from) => {
    expect(afterMove(from, list(), searched, null).list).toEqual(WHOLE_LIST);
  });

  it.each(others)('coming back from %o by the browser back brings the search and filters back', (from) => {
    expect(afterMove(from, list(searched), WHOLE_LIST, null).list).toEqual(searched);
  });

  it.each(others)('leaving for %o leaves the state as it is (the export offers "the current list")', (to) => {
    expect(afterMove(list(searched), to, searched, null).list).toBeNull();
  });

  it('remembers the way back for the customer opened from the list, through their edit form', () => {
    const opened = afterMove(list(searched), { name: 'customer', id: 'c1' }, searched, null);
    expect(opened.listReturn).toEqual({ customerId: 'c1', list: searched });
    expect(backToList('c1', opened.listReturn)).toEqual(list(searched));
    const edit = afterMove({ name: 'customer', id: 'c1' }, { name: 'customerEdit', id: 'c1' }, searched, opened.listReturn);
    const saved = afterMove({ name: 'customerEdit', id: 'c1' }, { name: 'customer', id: 'c1' }, searched, edit.listReturn);
    expect(backToList('c1', saved.listReturn)).toEqual(list(searched));
  });

  it('forgets it anywhere else, and another customer goes back to the whole list', () => {
    const opened = afterMove(list(searched), { name: 'customer', id: 'c1' }, searched, null);
    expect(backToList('c2', opened.listReturn)).toEqual(list());
    expect(afterMove({ name: 'customer', id: 'c1' }, { name: 'churn' }, searched, opened.listReturn).listReturn).toBeNull();
    expect(afterMove({ name: 'customer', id: 'c1' }, { name: 'customer', id: 'c2' }, searched, opened.listReturn).listReturn).toBeNull();
    expect(afterMove({ name: 'customer', id: 'c1' }, list(), searched, opened.listReturn).listReturn).toBeNull();
    expect(backToList('c1', null)).toEqual(list());
  });
});
