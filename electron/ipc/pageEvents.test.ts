import { describe, expect, it } from 'vitest';
import type { MainEvent } from '../../shared/ipc/events';
import { createPageEvents, createPageMailbox } from './pageEvents';

const ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('the page-event sender', () => {
  it('sends a checked copy of each payload', () => {
    const delivered: [MainEvent, unknown][] = [];
    const events = createPageEvents({ deliver: (event, payload) => delivered.push([event, payload]) });
    const target = { name: 'customer' as const, id: ID };
    expect(events.send('app:navigate', { target })).toBe(true);
    expect(events.send('app:closeRequested', undefined)).toBe(true);
    expect(delivered).toEqual([
      ['app:navigate', { target }],
      ['app:closeRequested', undefined],
    ]);
    expect((delivered[0]?.[1] as { target: unknown }).target).not.toBe(target);
  });

  it('refuses a malformed payload loudly and sends nothing', () => {
    const delivered: unknown[] = [];
    const logged: string[] = [];
    const events = createPageEvents({ deliver: (...args) => delivered.push(args), logError: (line) => logged.push(line) });
    // What the types forbid can still arrive from a caller's bug: the schema is the last word.
    const send = events.send as (event: MainEvent, payload: unknown) => boolean;
    expect(send('app:navigate', { target: { name: 'customer', id: 'Zhang San' } })).toBe(false);
    expect(send('app:navigate', { target: { name: 'nowhere' } })).toBe(false);
    expect(send('app:closeRequested', 'now')).toBe(false);
    expect(delivered).toEqual([]);
    expect(logged).toHaveLength(3);
    expect(logged[0]).toBe('[events] app:navigate: refused to send a malformed payload (target.id)');
    expect(logged.join('\n')).not.toContain('Zhang San');
  });
});

describe('the page mailbox', () => {
  it('holds events while the page loads and sends them, in order, once it has loaded', () => {
    const sent: string[] = [];
    const mailbox = createPageMailbox((event) => sent.push(event));
    expect(mailbox.isLoaded()).toBe(false);
    mailbox.deliver('app:navigate', 1);
    mailbox.deliver('app:closeRequested', undefined);
    expect(sent).toEqual([]);
    mailbox.loaded();
    expect(mailbox.isLoaded()).toBe(true);
    expect(sent).toEqual(['app:navigate', 'app:closeRequested']);
    mailbox.deliver('app:navigate', 2);
    expect(sent).toHaveLength(3);
    // A reload: nobody listens until it has loaded again.
    mailbox.loading();
    mailbox.deliver('app:navigate', 3);
    expect(sent).toHaveLength(3);
    mailbox.loaded();
    expect(sent).toHaveLength(4);
  });
});
