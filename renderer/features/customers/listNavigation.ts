// The navigation rule of the customer list: what narrows it comes back only with the browser's back.
//
// The list's address carries its search and filters (#/customers?q=0742&tag=VIP), kept up to date in
// place while the clerk types. Arriving at the list takes the state from the address: the browser's
// back returns to an address that holds it; the sidebar, links, "view customers" and shortcuts go to
// #/customers, which holds nothing: the whole list. The tag, tier, stage and risk filters follow the
// same rule as the search text. The sort order is a preference, not a question, and stays.
// The customer page's "back to the list" link is a back: for the customer opened from the list, it
// returns to the list as it was (an Electron window has no back button of its own).
import { WHOLE_LIST, type ListState, type Route } from '../../ui/routes';

export interface ListReturn {
  customerId: string;
  list: ListState;
}

export interface AfterMove {
  /** The list's state from now on; null: leave it as it is (the export screen offers "the current list"). */
  list: ListState | null;
  listReturn: ListReturn | null;
}

/** What a move from one address to another does to the list's state and to the customer page's back link. */
export function afterMove(from: Route, to: Route, current: ListState, listReturn: ListReturn | null): AfterMove {
  if (to.name === 'customers') return { list: to.list ?? WHOLE_LIST, listReturn: null };
  if (to.name === 'customer' && from.name === 'customers') return { list: null, listReturn: { customerId: to.id, list: current } };
  // The same customer's page and its edit form keep the way back; anywhere else forgets it.
  const sameCustomer = (to.name === 'customer' || to.name === 'customerEdit') && to.id === listReturn?.customerId;
  return { list: null, listReturn: sameCustomer ? listReturn : null };
}

/** Where the customer page's "back to the list" goes. */
export function backToList(customerId: string, listReturn: ListReturn | null): Route {
  return listReturn?.customerId === customerId ? { name: 'customers', list: listReturn.list } : { name: 'customers' };
}
