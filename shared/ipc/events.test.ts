import { describe, expect, it, vi } from 'vitest';
import { createDesktopApi } from './contract';
import { isMainEvent, MAIN_EVENTS, parseEventPayload, subscribeToMainEvent, type EventTransport, type MainEvent } from './events';

const ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

/** A transport whose test plays main: `emit` hands raw payloads over, as ipcRenderer.on would. */
function fakeTransport() {
  const listeners = new Map<MainEvent, Set<(payload: unknown) => void>>();
  const refused: string[] = [];
  const transport: EventTransport = {
    listen: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => void set.delete(listener);
    },
    report: (message) => refused.push(message),
  };
  const emit = (event: MainEvent, payload?: unknown) => listeners.get(event)?.forEach((listener) => listener(payload));
  return { transport, emit, refused };
}

describe('main-to-page events', () => {
  it('are named noun:verb and known by name only', () => {
    expect(MAIN_EVENTS).toEqual(['app:closeRequested', 'app:navigate', 'surveyScreen:changed', 'surveyScreen:updated']);
    for (const event of MAIN_EVENTS) expect(event).toMatch(/^[a-z][a-zA-Z]*:[a-zA-Z]+$/);
    expect(isMainEvent('app:navigate')).toBe(true);
    expect(isMainEvent('toString')).toBe(false);
    expect(isMainEvent('app:quit')).toBe(false);
  });

  it('parse payloads against their schema into a fresh copy', () => {
    const payload = { target: { name: 'customer', id: ID } };
    const parsed = parseEventPayload('app:navigate', payload);
    expect(parsed).toEqual({ ok: true, value: payload });
    expect(parsed.ok && parsed.value).not.toBe(payload);
    expect(parseEventPayload('app:closeRequested', undefined)).toEqual({ ok: true, value: undefined });
  });

  it('hand the listener a checked payload', () => {
    const { transport, emit, refused } = fakeTransport();
    const api = createDesktopApi(async () => ({ ok: true, value: null }), transport);
    const targets: unknown[] = [];
    let closes = 0;
    const stopNavigate = api.events.on('app:navigate', ({ target }) => targets.push(target));
    api.events.on('app:closeRequested', () => closes++);
    emit('app:navigate', { target: { name: 'customers', list: { search: '', tag: 'VIP', tier: null, stage: null, risk: 'high' } } });
    emit('app:closeRequested');
    expect(targets).toEqual([{ name: 'customers', list: { search: '', tag: 'VIP', tier: null, stage: null, risk: 'high' } }]);
    expect(closes).toBe(1);
    stopNavigate();
    emit('app:navigate', { target: { name: 'backups' } });
    expect(targets).toHaveLength(1);
    expect(refused).toEqual([]);
  });

  it.each<[string, MainEvent, unknown]>([
    ['no payload where one is due', 'app:navigate', undefined],
    ['a bare route', 'app:navigate', { name: 'backups' }],
    ['an unknown page', 'app:navigate', { target: { name: 'devtools' } }],
    ['a customer id that is a path', 'app:navigate', { target: { name: 'customer', id: '../../secrets' } }],
    ['an extra field', 'app:navigate', { target: { name: 'backups' }, then: 'reload' }],
    ['a payload on an event that carries none', 'app:closeRequested', { force: true }],
  ])('refuse %s loudly, and the app never sees it', (_what, event, payload) => {
    const { transport, emit, refused } = fakeTransport();
    const heard = vi.fn();
    subscribeToMainEvent(transport, event, heard);
    emit(event, payload);
    expect(heard).not.toHaveBeenCalled();
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain(`[events] ${event}: refused a malformed payload`);
    // The report names where, never what: a payload can carry a customer's name.
    expect(refused[0]).not.toContain('secrets');
  });

  it('are never heard over a transport without events (the browser mode)', () => {
    const api = createDesktopApi(async () => ({ ok: true, value: null }));
    const heard = vi.fn();
    const stop = api.events.on('app:navigate', heard);
    expect(() => stop()).not.toThrow();
    expect(heard).not.toHaveBeenCalled();
  });
});
