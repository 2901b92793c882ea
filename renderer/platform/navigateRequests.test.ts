import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDesktopApi } from '../../shared/ipc/contract';
import type { EventTransport } from '../../shared/ipc/events';
import { routeHref, type Route } from '../ui/routes';

// The UI store reads the saved theme at start; Node has no localStorage of its own.
vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
let useUiStore: typeof import('../stores/ui').useUiStore;
let followNavigateRequests: typeof import('./navigateRequests').followNavigateRequests;
let showRequestedPage: typeof import('./navigateRequests').showRequestedPage;
beforeAll(async () => {
  ({ useUiStore } = await import('../stores/ui'));
  ({ followNavigateRequests, showRequestedPage } = await import('./navigateRequests'));
});

const ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

// Every kind of page a notification can open.
const targets: Route[] = [
  { name: 'customers' },
  { name: 'customers', list: { search: '0742', tag: 'VIP', tier: 'gold', stage: 'at-risk', risk: 'high' } },
  { name: 'customerNew' },
  { name: 'customer', id: ID },
  { name: 'customerEdit', id: ID },
  { name: 'import' },
  { name: 'export' },
  { name: 'duplicates' },
  { name: 'churn' },
  { name: 'trash' },
  { name: 'settings' },
  { name: 'statusRules' },
  { name: 'tierReview' },
  { name: 'backups' },
  { name: 'points', tab: 'rules' },
  { name: 'points', tab: 'rewards' },
];

/** Main as the page hears it: raw payloads over a transport, parsed by the one subscription. */
function mainPlayedByTest() {
  let navigate: ((payload: unknown) => void) | undefined;
  const refused: string[] = [];
  const transport: EventTransport = {
    listen: (event, listener) => {
      if (event === 'app:navigate') navigate = listener;
      return () => (navigate = undefined);
    },
    report: (message) => refused.push(message),
  };
  return { api: createDesktopApi(async () => ({ ok: true, value: null }), transport), send: (payload: unknown) => navigate?.(payload), refused };
}

afterEach(() => {
  vi.unstubAllGlobals();
  useUiStore.setState({ peekCustomerId: null });
});

describe("the page's answer to app:navigate", () => {
  it.each(targets)('shows %o', (target) => {
    const main = mainPlayedByTest();
    const shown: Route[] = [];
    followNavigateRequests(main.api, (route) => shown.push(route));
    main.send({ target });
    expect(shown).toEqual([target]);
    expect(main.refused).toEqual([]);
  });

  it.each(targets)('goes to the address of %o, with the quick look closed', (target) => {
    vi.stubGlobal('window', { location: { hash: '#/nowhere' } });
    useUiStore.setState({ peekCustomerId: 'someone-else' });
    showRequestedPage(target);
    expect(window.location.hash).toBe(routeHref(target));
    expect(useUiStore.getState().peekCustomerId).toBeNull();
  });

  it('ignores a malformed target, and says so', () => {
    const main = mainPlayedByTest();
    const shown: Route[] = [];
    followNavigateRequests(main.api, (route) => shown.push(route));
    main.send({ target: { name: 'customer', id: 'javascript:alert(1)' } });
    main.send({ target: { name: 'settings', then: 'reset' } });
    main.send('#/trash');
    expect(shown).toEqual([]);
    expect(main.refused).toHaveLength(3);
  });

  it('stops when unsubscribed', () => {
    const main = mainPlayedByTest();
    const shown: Route[] = [];
    const stop = followNavigateRequests(main.api, (route) => shown.push(route));
    stop();
    main.send({ target: { name: 'backups' } });
    expect(shown).toEqual([]);
  });
});
