import { describe, expect, it } from 'vitest';
import { makeInteraction, makeInteractionFields } from '../../test/factories/purchase';
import {
  assertInteractionFields,
  editedInteractionRecord,
  emptyInteractionDraft,
  followUpMarked,
  INTERACTION_CHANNELS,
  interactionDraftOf,
  isFollowUpDue,
  newInteractionRecord,
  validateInteractionDraft,
  withFollowUpIndex,
  type InteractionDraft,
} from './interaction';

const NOW = new Date(2026, 2, 1, 15, 0);
const draft = (overrides: Partial<InteractionDraft> = {}): InteractionDraft => ({
  ...emptyInteractionDraft(NOW),
  at: '2026-03-01T14:00',
  summary: '询问大红袍是否有货',
  ...overrides,
});

describe('validateInteractionDraft', () => {
  it('accepts a contact with a follow-up and trims the text', () => {
    const r = validateInteractionDraft(draft({ channel: 'wechat', direction: 'in', summary: ' 询问大红袍 ', outcome: ' 已留货 ', followUpDate: '2026-03-05' }), { now: NOW });
    expect(r).toEqual({
      ok: true,
      value: {
        at: new Date(2026, 2, 1, 14, 0).toISOString(),
        channel: 'wechat',
        direction: 'in',
        summary: '询问大红袍',
        outcome: '已留货',
        followUpDate: '2026-03-05',
      },
    });
    expect(validateInteractionDraft(draft({ followUpDate: '' }), { now: NOW })).toMatchObject({ ok: true, value: { followUpDate: null } });
    // Full-width digits from a Chinese IME.
    expect(validateInteractionDraft(draft({ followUpDate: '２０２６-０３-０５' }), { now: NOW })).toMatchObject({ ok: true, value: { followUpDate: '2026-03-05' } });
  });

  it('offers every channel, the contact-only "other" included', () => {
    expect(INTERACTION_CHANNELS).toEqual(['phone', 'sms', 'wechat', 'email', 'visit', 'other']);
    for (const channel of INTERACTION_CHANNELS) expect(validateInteractionDraft(draft({ channel }), { now: NOW }).ok).toBe(true);
  });

  it('names every bad field', () => {
    const r = validateInteractionDraft(
      { at: '2026-13-01T10:00', channel: 'fax', direction: 'sideways', summary: '  ', outcome: 'x'.repeat(1001), followUpDate: '2026-02-30' },
      { now: NOW },
    );
    expect(r).toEqual({
      ok: false,
      reason: { at: 'date-invalid', channel: 'channel-invalid', direction: 'direction-invalid', summary: 'summary-required', outcome: 'outcome-too-long', followUpDate: 'follow-up-invalid' },
    });
    expect(validateInteractionDraft(draft({ summary: 's'.repeat(501) }), { now: NOW })).toEqual({ ok: false, reason: { summary: 'summary-too-long' } });
    expect(validateInteractionDraft(draft({ at: '' }), { now: NOW })).toEqual({ ok: false, reason: { at: 'date-required' } });
    expect(validateInteractionDraft(draft({ at: '2026-03-01T15:30' }), { now: NOW })).toEqual({ ok: false, reason: { at: 'date-in-future' } });
  });

  it('allows a follow-up on the contact day or later, also in the past for a contact logged late', () => {
    const late = draft({ at: '2026-01-10T10:00' });
    expect(validateInteractionDraft({ ...late, followUpDate: '2026-01-10' }, { now: NOW }).ok).toBe(true);
    expect(validateInteractionDraft({ ...late, followUpDate: '2026-01-12' }, { now: NOW }).ok).toBe(true);
    expect(validateInteractionDraft({ ...late, followUpDate: '2026-01-09' }, { now: NOW })).toEqual({ ok: false, reason: { followUpDate: 'follow-up-before-contact' } });
    expect(validateInteractionDraft({ ...late, followUpDate: '2024-02-29' }, { now: NOW })).toEqual({ ok: false, reason: { followUpDate: 'follow-up-before-contact' } });
  });
});

describe('interaction records', () => {
  it('builds a record and round-trips it through the form', () => {
    const fields = makeInteractionFields({ at: new Date(2026, 0, 2, 9, 5).toISOString(), followUpDate: '2026-01-09' });
    const record = newInteractionRecord(fields, { id: 'i1', customerId: 'c1', now: NOW });
    expect(record).toMatchObject({ id: 'i1', customerId: 'c1', followUpDone: false, importId: null, createdAt: NOW.toISOString() });
    expect(validateInteractionDraft(interactionDraftOf(record), { now: NOW })).toEqual({ ok: true, value: fields });
  });

  it('reopens the follow-up when its date changes, keeps it otherwise', () => {
    const done = makeInteraction({ followUpDate: '2026-01-09', followUpDone: true });
    const later = new Date(NOW.getTime() + 1000);
    expect(editedInteractionRecord(done, { ...done, summary: '改' }, later)).toMatchObject({ followUpDone: true, summary: '改', updatedAt: later.toISOString() });
    expect(editedInteractionRecord(done, { ...done, followUpDate: '2026-01-20' }, later).followUpDone).toBe(false);
    expect(editedInteractionRecord(done, { ...done, id: 'other' } as typeof done, later).id).toBe(done.id);
  });

  it('knows when a follow-up is due', () => {
    expect(isFollowUpDue({ followUpDate: '2026-03-01', followUpDone: false }, '2026-03-01')).toBe(true);
    expect(isFollowUpDue({ followUpDate: '2026-02-01', followUpDone: false }, '2026-03-01')).toBe(true);
    expect(isFollowUpDue({ followUpDate: '2026-03-02', followUpDone: false }, '2026-03-01')).toBe(false);
    expect(isFollowUpDue({ followUpDate: '2026-02-01', followUpDone: true }, '2026-03-01')).toBe(false);
    expect(isFollowUpDue({ followUpDate: null, followUpDone: false }, '2026-03-01')).toBe(false);
  });

  it('guards the repository against fields no validator produced', () => {
    expect(() => assertInteractionFields(makeInteractionFields())).not.toThrow();
    expect(() => assertInteractionFields(makeInteractionFields({ at: 'yesterday' }))).toThrow(/ISO/);
    expect(() => assertInteractionFields(makeInteractionFields({ followUpDate: '2026-1-5' }))).toThrow(/yyyy-MM-dd/);
    expect(() => assertInteractionFields({ ...makeInteractionFields(), channel: 'fax' as 'phone' })).toThrow(/channel/);
  });
});

describe('withFollowUpIndex', () => {
  const base = makeInteraction({ followUpDate: '2026-12-10' });
  it('indexes a follow-up while it is open, and never one done or absent', () => {
    expect(withFollowUpIndex({ ...base, followUpDone: false }).followUpOpen).toBe('2026-12-10');
    expect('followUpOpen' in withFollowUpIndex({ ...base, followUpOpen: '2026-12-10', followUpDone: true })).toBe(false);
    expect('followUpOpen' in withFollowUpIndex({ ...base, followUpOpen: '2026-12-10', followUpDate: null })).toBe(false);
  });
  it('follows every record builder: new, edited, marked done and open again', () => {
    const now = new Date('2026-12-03T02:00:00Z');
    const created = newInteractionRecord(makeInteractionFields({ followUpDate: '2026-12-05' }), { id: 'x', customerId: 'c', now });
    expect(created.followUpOpen).toBe('2026-12-05');
    const done = followUpMarked(created, true, now);
    expect(done.followUpOpen).toBeUndefined();
    expect(followUpMarked(done, false, now).followUpOpen).toBe('2026-12-05');
    // A new date is a new promise: open again, under the new day.
    expect(editedInteractionRecord(done, makeInteractionFields({ followUpDate: '2026-12-09' }), now).followUpOpen).toBe('2026-12-09');
    expect(editedInteractionRecord(created, makeInteractionFields({ followUpDate: null }), now).followUpOpen).toBeUndefined();
  });
});
