import { describe, expect, it } from 'vitest';
import {
  CONSENT_CHANNELS,
  CONTACT_PURPOSES,
  changesConsent,
  consentFromHistory,
  consentStateRow,
  grantedChannels,
  isMarketing,
  marketingAudience,
  mayContact,
  mayContactAt,
  nextConsentTime,
  recordConsentAnswers,
  type ConsentChannel,
  type ConsentEvent,
  type ConsentState,
  type CurrentConsent,
} from './consent';

let n = 0;
const ev = (channel: ConsentChannel, granted: boolean, at: string, source: ConsentEvent['source'] = 'in-store'): ConsentEvent => ({
  id: `e${String(++n).padStart(3, '0')}`,
  customerId: 'c1',
  channel,
  granted,
  source,
  at,
});
const STATES: ConsentState[] = ['granted', 'withdrawn', 'declined', 'none'];
const consentIn = (channel: ConsentChannel, state: ConsentState): CurrentConsent =>
  state === 'none' ? {} : { [channel]: { state, at: '2026-01-01T00:00:00.000Z', source: 'in-store' } };

describe('mayContact', () => {
  it('decides every purpose × channel × state: only a promotion needs consent, and only granted gives it', () => {
    for (const purpose of CONTACT_PURPOSES) {
      for (const channel of CONSENT_CHANNELS) {
        for (const state of STATES) {
          const expected = purpose === 'promotion' ? state === 'granted' : true;
          expect(mayContact(purpose, channel, consentIn(channel, state)), `${purpose} ${channel} ${state}`).toBe(expected);
        }
      }
    }
  });

  it('reads consent per channel: a grant on SMS is no grant on WeChat, phone or e-mail', () => {
    const consent = consentIn('sms', 'granted');
    expect(CONSENT_CHANNELS.filter((ch) => mayContact('promotion', ch, consent))).toEqual(['sms']);
  });

  it('calls greetings and service calls not marketing, promotions marketing', () => {
    expect(CONTACT_PURPOSES.filter(isMarketing)).toEqual(['promotion']);
    expect(() => isMarketing('spam' as never)).toThrow();
  });
});

describe('consentFromHistory', () => {
  it('a withdrawal after a grant withdraws, dated and sourced by the withdrawal', () => {
    const history = [ev('sms', true, '2026-01-02T02:00:00.000Z'), ev('sms', false, '2026-03-04T05:00:00.000Z')];
    expect(consentFromHistory(history)).toEqual({ sms: { state: 'withdrawn', at: '2026-03-04T05:00:00.000Z', source: 'in-store' } });
    expect(mayContactAt('promotion', 'sms', history, '2026-03-04T05:00:00.000Z')).toBe(false);
  });

  it('a grant after a withdrawal grants again', () => {
    const history = [ev('wechat', true, '2026-01-02T00:00:00.000Z'), ev('wechat', false, '2026-02-02T00:00:00.000Z'), ev('wechat', true, '2026-03-02T00:00:00.000Z', 'paper-form')];
    expect(consentFromHistory(history).wechat).toEqual({ state: 'granted', at: '2026-03-02T00:00:00.000Z', source: 'paper-form' });
  });

  it('a no without an earlier yes is declined, not withdrawn', () => {
    expect(consentFromHistory([ev('email', false, '2026-01-02T00:00:00.000Z', 'import')]).email?.state).toBe('declined');
  });

  it('counts answers up to the moment asked about, whatever order they are stored in', () => {
    const history = [ev('phone', false, '2026-05-01T00:00:00.000Z'), ev('phone', true, '2026-02-01T00:00:00.000Z')];
    expect(mayContactAt('promotion', 'phone', history, '2026-01-31T23:59:59.999Z')).toBe(false);
    expect(mayContactAt('promotion', 'phone', history, '2026-02-01T00:00:00.000Z')).toBe(true);
    expect(mayContactAt('promotion', 'phone', history, new Date('2026-04-30T00:00:00.000Z'))).toBe(true);
    expect(mayContactAt('promotion', 'phone', history, '2026-05-01T00:00:00.000Z')).toBe(false);
    expect(mayContactAt('service', 'phone', history, '2026-05-02T00:00:00.000Z')).toBe(true);
  });

  it('keeps channels apart and lists the granted ones in the channels\' order', () => {
    const row = consentStateRow('c9', [ev('email', true, '2026-01-01T00:00:00.000Z'), ev('sms', true, '2026-01-02T00:00:00.000Z'), ev('phone', false, '2026-01-03T00:00:00.000Z')]);
    expect(row.id).toBe('c9');
    expect(row.granted).toEqual(['sms', 'email']);
    expect(grantedChannels(row.channels)).toEqual(['sms', 'email']);
    expect(row.channels.phone?.state).toBe('declined');
  });
});

describe('recording answers', () => {
  const now = new Date('2026-06-15T02:00:00.000Z');
  let id = 0;
  const newId = () => `n${++id}`;

  it('records a change and leaves out an answer that changes nothing', () => {
    expect(changesConsent({}, 'sms', true)).toBe(true);
    expect(changesConsent({}, 'sms', false)).toBe(true);
    expect(changesConsent(consentIn('sms', 'granted'), 'sms', true)).toBe(false);
    expect(changesConsent(consentIn('sms', 'granted'), 'sms', false)).toBe(true);
    expect(changesConsent(consentIn('sms', 'withdrawn'), 'sms', false)).toBe(false);
    expect(changesConsent(consentIn('sms', 'declined'), 'sms', false)).toBe(false);
    expect(changesConsent(consentIn('sms', 'declined'), 'sms', true)).toBe(true);
    const r = recordConsentAnswers('c1', consentIn('sms', 'granted'), [{ channel: 'sms', granted: true }, { channel: 'email', granted: true }], 'import', now, newId);
    expect(r.events).toEqual([{ id: expect.any(String), customerId: 'c1', channel: 'email', granted: true, source: 'import', at: now.toISOString() }]);
    expect(grantedChannels(r.consent)).toEqual(['sms', 'email']);
  });

  it('times each answer after the customer\'s latest, even with the clock put back', () => {
    const current: CurrentConsent = { sms: { state: 'granted', at: '2026-07-01T00:00:00.000Z', source: 'in-store' } };
    const r = recordConsentAnswers('c1', current, [{ channel: 'sms', granted: false }, { channel: 'phone', granted: true }], 'in-store', now, newId);
    expect(r.events.map((e) => e.at)).toEqual(['2026-07-01T00:00:00.001Z', '2026-07-01T00:00:00.002Z']);
    expect(r.consent.sms?.state).toBe('withdrawn');
    // The history read back gives the same standing as the answers recorded.
    const history = [ev('sms', true, '2026-07-01T00:00:00.000Z'), ...r.events];
    expect(consentFromHistory(history)).toEqual(r.consent);
    expect(nextConsentTime(now, null)).toBe(now.toISOString());
    expect(nextConsentTime(now, '2026-06-15T01:59:59.999Z')).toBe(now.toISOString());
    expect(nextConsentTime(now, now.toISOString())).toBe('2026-06-15T02:00:00.001Z');
  });
});

describe('marketingAudience', () => {
  it('never lists a customer without standing consent on the channel', () => {
    const people = [
      { id: 'a', consent: consentIn('sms', 'granted') },
      { id: 'b', consent: consentIn('sms', 'withdrawn') },
      { id: 'c', consent: consentIn('sms', 'declined') },
      { id: 'd', consent: {} },
      { id: 'e', consent: consentIn('wechat', 'granted') },
    ];
    expect(marketingAudience(people, 'sms').map((p) => p.id)).toEqual(['a']);
    expect(marketingAudience(people, 'wechat').map((p) => p.id)).toEqual(['e']);
    expect(marketingAudience(people, 'email')).toEqual([]);
  });
});
