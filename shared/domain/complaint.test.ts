import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  awaitsResolution,
  complaintDueAt,
  complaintFigures,
  isOverdue,
  legalMoves,
  moveComplaint,
  newComplaint,
  recordHandlingSatisfaction,
  validateComplaintDraft,
  type ComplaintContext,
  type ComplaintDraft,
} from './complaint';
import { COMPLAINT_STATES, type Complaint, type ComplaintState } from './complaintRecords';
import { DEFAULT_COMPLAINT_SETTINGS, type ComplaintSettings } from './complaintSettings';

const SHANGHAI = 'Asia/Shanghai';
const NOW = new Date('2026-12-05T02:00:00.000Z');
const ctx: ComplaintContext = { now: NOW, settings: DEFAULT_COMPLAINT_SETTINGS, timeZone: SHANGHAI };

function complaintIn(state: ComplaintState, over: Partial<Complaint> = {}): Complaint {
  const c = newComplaint(
    { category: 'service', severity: 'normal', said: 'Waited 40 minutes', receivedBy: '小王', receivedAt: '2026-12-04T02:00:00.000Z' },
    { id: 'c1', customerId: 'p1', purchaseId: null, surveyAnswerId: null, ...ctx },
  );
  const resolved = state === 'resolved' || state === 'followed-up' || state === 'closed';
  return {
    ...c,
    state,
    resolution: resolved ? 'Apologised' : '',
    resolvedAt: resolved ? '2026-12-04T05:00:00.000Z' : null,
    closedAt: state === 'closed' ? '2026-12-04T06:00:00.000Z' : null,
    ...(state === 'closed' ? { openDue: undefined } : {}),
    ...over,
  };
}

const LEGAL: Record<ComplaintState, ComplaintState[]> = {
  received: ['investigating', 'resolved'],
  investigating: ['resolved'],
  resolved: ['followed-up', 'reopened'],
  'followed-up': ['closed', 'reopened'],
  closed: ['reopened'],
  reopened: ['investigating', 'resolved'],
};

describe('the complaint state machine', () => {
  it('names the legal moves of each state', () => {
    for (const from of COMPLAINT_STATES) expect([...legalMoves(from)].sort()).toEqual([...LEGAL[from]].sort());
  });

  for (const from of COMPLAINT_STATES) {
    for (const to of COMPLAINT_STATES) {
      const legal = LEGAL[from].includes(to);
      it(`${from} → ${to}: ${legal ? 'moves, with the step' : 'refused as illegal'}`, () => {
        const c = complaintIn(from);
        const out = moveComplaint(c, { to, by: ' 小李 ', note: 'called her', resolution: 'Replaced the item' }, ctx);
        if (!legal) {
          expect(out).toEqual({ ok: false, reason: { code: 'illegal-move', from, to } });
          return;
        }
        if (!out.ok) throw new Error(JSON.stringify(out.reason));
        expect(out.value.state).toBe(to);
        expect(out.value.steps.at(-1)).toEqual({ from, to, at: NOW.toISOString(), by: '小李', note: 'called her' });
        expect(out.value.steps).toHaveLength(c.steps.length + 1);
        expect(out.value.updatedAt).toBe(NOW.toISOString());
        expect(c.state).toBe(from);
      });
    }
  }

  it('resolving needs the resolution text, and records it with the time and the compensation', () => {
    const c = complaintIn('investigating');
    expect(moveComplaint(c, { to: 'resolved', by: '小李', note: '' }, ctx)).toEqual({ ok: false, reason: { code: 'resolution-required', from: 'investigating', to: 'resolved' } });
    expect(moveComplaint(c, { to: 'resolved', by: '小李', note: '', resolution: '   ' }, ctx).ok).toBe(false);
    const out = moveComplaint(c, { to: 'resolved', by: '小李', note: '', resolution: ' Refunded ', compensation: { points: 200, rewardId: 'r1', refundFen: 1500, pointsEntryId: 'e1' } }, ctx);
    if (!out.ok) throw new Error('refused');
    expect(out.value).toMatchObject({ resolution: 'Refunded', resolvedAt: NOW.toISOString(), compensation: { points: 200, rewardId: 'r1', refundFen: 1500, pointsEntryId: 'e1' }, handlingSatisfied: null });
    expect(out.value.openDue).toBe(c.dueAt);
  });

  it('refuses a compensation that is negative, fractional, or points without the entry that gave them', () => {
    const c = complaintIn('received');
    const bad = [
      { points: -1, rewardId: null, refundFen: 0, pointsEntryId: null },
      { points: 0, rewardId: null, refundFen: 1.5, pointsEntryId: null },
      { points: 10, rewardId: null, refundFen: 0, pointsEntryId: null },
      { points: 0, rewardId: null, refundFen: 0, pointsEntryId: 'e1' },
    ];
    for (const compensation of bad) {
      expect(moveComplaint(c, { to: 'resolved', by: 'a', note: '', resolution: 'x', compensation }, ctx)).toEqual({ ok: false, reason: { code: 'compensation-invalid', from: 'received', to: 'resolved' } });
    }
  });

  it('adds a second resolution’s compensation to the first', () => {
    const c = complaintIn('reopened', { compensation: { points: 100, rewardId: 'r1', refundFen: 500, pointsEntryId: 'e1' } });
    const out = moveComplaint(c, { to: 'resolved', by: 'a', note: '', resolution: 'More', compensation: { points: 50, rewardId: null, refundFen: 0, pointsEntryId: 'e2' } }, ctx);
    expect(out.ok && out.value.compensation).toEqual({ points: 150, rewardId: 'r1', refundFen: 500, pointsEntryId: 'e2' });
  });

  it('needs who made the change, and bounds the note', () => {
    const c = complaintIn('received');
    expect(moveComplaint(c, { to: 'investigating', by: '  ', note: '' }, ctx)).toEqual({ ok: false, reason: { code: 'by-required', from: 'received', to: 'investigating' } });
    expect(moveComplaint(c, { to: 'investigating', by: 'x'.repeat(61), note: '' }, ctx).ok).toBe(false);
    expect(moveComplaint(c, { to: 'investigating', by: 'a', note: '字'.repeat(1001) }, ctx)).toEqual({ ok: false, reason: { code: 'note-too-long', from: 'received', to: 'investigating' } });
  });

  it('closing takes it off the open list; reopening puts it back with a new due time from now', () => {
    const closed = moveComplaint(complaintIn('followed-up'), { to: 'closed', by: 'a', note: '' }, ctx);
    if (!closed.ok) throw new Error('refused');
    expect(closed.value.closedAt).toBe(NOW.toISOString());
    expect('openDue' in closed.value).toBe(false);
    const reopened = moveComplaint({ ...closed.value, handlingSatisfied: false }, { to: 'reopened', by: 'a', note: 'she called again' }, ctx);
    if (!reopened.ok) throw new Error('refused');
    // normal: 72 h from now.
    expect(reopened.value).toMatchObject({ state: 'reopened', resolvedAt: null, closedAt: null, handlingSatisfied: null, dueAt: '2026-12-08T02:00:00.000Z', openDue: '2026-12-08T02:00:00.000Z' });
    expect(reopened.value.resolution).toBe('Apologised');
  });

  it('records the satisfaction with the handling once resolved, not before', () => {
    for (const state of COMPLAINT_STATES) {
      const out = recordHandlingSatisfaction(complaintIn(state), true, NOW);
      if (state === 'resolved' || state === 'followed-up' || state === 'closed') expect(out.ok && out.value.handlingSatisfied).toBe(true);
      else expect(out).toEqual({ ok: false, reason: { code: 'not-resolved', from: state, to: null } });
    }
  });

  it('is overdue only while awaiting its resolution, past the due time', () => {
    const c = complaintIn('investigating', { dueAt: '2026-12-05T01:59:00.000Z' });
    expect(isOverdue(c, NOW)).toBe(true);
    expect(isOverdue({ ...c, dueAt: '2026-12-05T02:00:00.000Z' }, NOW)).toBe(false);
    expect(isOverdue({ ...c, state: 'resolved' }, NOW)).toBe(false);
    expect(COMPLAINT_STATES.filter(awaitsResolution)).toEqual(['received', 'investigating', 'reopened']);
  });
});

describe('complaintDueAt', () => {
  const weekendsClosed: ComplaintSettings = { ...DEFAULT_COMPLAINT_SETTINGS, closedWeekdays: [0, 6] };
  const sundaysClosed: ComplaintSettings = { ...DEFAULT_COMPLAINT_SETTINGS, closedWeekdays: [0] };
  const due = (at: string, severity: 'high' | 'normal' | 'low', settings: ComplaintSettings = DEFAULT_COMPLAINT_SETTINGS, zone = SHANGHAI) =>
    complaintDueAt(new Date(at), severity, settings, zone).toISOString();

  it('counts the severity’s hours: 24, 72 and 168 by default', () => {
    expect(due('2026-12-02T07:00:00.000Z', 'high')).toBe('2026-12-03T07:00:00.000Z');
    expect(due('2026-12-02T07:00:00.000Z', 'normal')).toBe('2026-12-05T07:00:00.000Z');
    expect(due('2026-12-02T07:00:00.000Z', 'low')).toBe('2026-12-09T07:00:00.000Z');
  });

  it('skips a closed weekend: Friday 15:00, 24 h, is Monday 15:00', () => {
    expect(due('2026-12-04T07:00:00.000Z', 'high', weekendsClosed)).toBe('2026-12-07T07:00:00.000Z');
    // Open every day, the same complaint is due on Saturday.
    expect(due('2026-12-04T07:00:00.000Z', 'high')).toBe('2026-12-05T07:00:00.000Z');
  });

  it('starts counting when the store opens for a complaint received on a closed day', () => {
    // Saturday 10:00 → Monday 00:00 + 24 h = Tuesday 00:00 (Shanghai).
    expect(due('2026-12-05T02:00:00.000Z', 'high', weekendsClosed)).toBe('2026-12-07T16:00:00.000Z');
  });

  it('ends at midnight when the hours end with the open day', () => {
    // Friday 00:00 + 24 h is the end of Friday, not Monday.
    expect(due('2026-12-03T16:00:00.000Z', 'high', weekendsClosed)).toBe('2026-12-04T16:00:00.000Z');
  });

  it('runs over a month’s end', () => {
    // Friday 30 January 18:00 + 72 h, open every day → Monday 2 February 18:00.
    expect(due('2026-01-30T10:00:00.000Z', 'normal')).toBe('2026-02-02T10:00:00.000Z');
    // Sundays closed (1 February): Tuesday 3 February 18:00.
    expect(due('2026-01-30T10:00:00.000Z', 'normal', sundaysClosed)).toBe('2026-02-03T10:00:00.000Z');
    // A leap-less February's end: Friday 27 February 2026 12:00 + 72 h → Monday 2 March 12:00.
    expect(due('2026-02-27T04:00:00.000Z', 'normal')).toBe('2026-03-02T04:00:00.000Z');
  });

  it('runs over a year’s end', () => {
    // Thursday 31 December 2026 20:00 + 168 h → Thursday 7 January 2027 20:00.
    expect(due('2026-12-31T12:00:00.000Z', 'low')).toBe('2027-01-07T12:00:00.000Z');
    // Weekends closed: two weekends skipped → Monday 11 January 20:00.
    expect(due('2026-12-31T12:00:00.000Z', 'low', weekendsClosed)).toBe('2027-01-11T12:00:00.000Z');
  });

  it('counts wall-clock hours across a daylight-saving change, in the zone passed in', () => {
    const berlin = 'Europe/Berlin';
    // Spring forward (29 March 2026): Saturday 12:00 CET + 24 h = Sunday 12:00 CEST, 23 hours later.
    expect(due('2026-03-28T11:00:00.000Z', 'high', DEFAULT_COMPLAINT_SETTINGS, berlin)).toBe('2026-03-29T10:00:00.000Z');
    // Fall back (25 October 2026): Saturday 12:00 CEST + 24 h = Sunday 12:00 CET, 25 hours later.
    expect(due('2026-10-24T10:00:00.000Z', 'high', DEFAULT_COMPLAINT_SETTINGS, berlin)).toBe('2026-10-25T11:00:00.000Z');
    // A due time the clocks skip (02:30 on 29 March) lands as far after the gap: 03:30 CEST.
    expect(due('2026-03-28T01:30:00.000Z', 'high', DEFAULT_COMPLAINT_SETTINGS, berlin)).toBe('2026-03-29T01:30:00.000Z');
    // A due time shown twice (02:30 on 25 October) is the first of the two.
    expect(due('2026-10-24T00:30:00.000Z', 'high', DEFAULT_COMPLAINT_SETTINGS, berlin)).toBe('2026-10-25T00:30:00.000Z');
    // The same instant in another zone is another wall clock: Friday 15:00 in New York (due Monday 15:00), but
    // Saturday 04:00 in Shanghai (counted from Monday 00:00: due Tuesday 00:00).
    expect(due('2026-12-04T20:00:00.000Z', 'high', weekendsClosed, 'America/New_York')).toBe('2026-12-07T20:00:00.000Z');
    expect(due('2026-12-04T20:00:00.000Z', 'high', weekendsClosed, SHANGHAI)).toBe('2026-12-07T16:00:00.000Z');
  });

  it('is exactly the hours later in a zone without daylight saving and no closed day, and never sooner with closed days', () => {
    const start = Date.parse('2020-01-01T00:00:00.000Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 365 * 24 * 60 }), fc.integer({ min: 1, max: 1440 }), fc.subarray([0, 1, 2, 3, 4, 5, 6], { maxLength: 6 }), (minutes, hours, closed) => {
        const at = new Date(start + minutes * 60_000);
        const open: ComplaintSettings = { hours: { high: hours, normal: hours, low: hours }, closedWeekdays: [] };
        expect(complaintDueAt(at, 'high', open, SHANGHAI).getTime() - at.getTime()).toBe(hours * 3_600_000);
        const shut: ComplaintSettings = { ...open, closedWeekdays: closed };
        expect(complaintDueAt(at, 'high', shut, SHANGHAI).getTime() - at.getTime()).toBeGreaterThanOrEqual(hours * 3_600_000);
      }),
    );
  });
});

describe('validateComplaintDraft', () => {
  const draft: ComplaintDraft = { category: 'product', severity: 'high', said: '  The cake was stale  ', receivedBy: ' 小王 ', receivedAt: '2026-12-05T01:30:00.000Z' };

  it('accepts a whole draft, trimmed', () => {
    expect(validateComplaintDraft(draft, { now: NOW })).toEqual({
      ok: true,
      value: { category: 'product', severity: 'high', said: 'The cake was stale', receivedBy: '小王', receivedAt: '2026-12-05T01:30:00.000Z' },
    });
  });

  it('names each missing or wrong field', () => {
    expect(validateComplaintDraft({ category: '', severity: 'urgent', said: ' ', receivedBy: '', receivedAt: '' }, { now: NOW })).toEqual({
      ok: false,
      reason: { category: 'category-required', severity: 'severity-required', said: 'said-required', receivedBy: 'received-by-required', receivedAt: 'received-at-required' },
    });
    expect(validateComplaintDraft({ ...draft, said: 'x'.repeat(2001), receivedBy: 'y'.repeat(61), receivedAt: '2026-13-01T10:00' }, { now: NOW })).toEqual({
      ok: false,
      reason: { said: 'said-too-long', receivedBy: 'received-by-too-long', receivedAt: 'received-at-invalid' },
    });
  });

  it('refuses a received time in the future (beyond a few minutes of clock skew)', () => {
    expect(validateComplaintDraft({ ...draft, receivedAt: '2026-12-05T02:04:00.000Z' }, { now: NOW }).ok).toBe(true);
    expect(validateComplaintDraft({ ...draft, receivedAt: '2026-12-05T02:06:00.000Z' }, { now: NOW })).toEqual({ ok: false, reason: { receivedAt: 'received-at-in-future' } });
  });
});

describe('newComplaint', () => {
  it('is received, with its first step, due from the severity, on the open list', () => {
    const c = newComplaint(
      { category: 'waiting', severity: 'high', said: 'Queue', receivedBy: '小王', receivedAt: '2026-12-05T01:00:00.000Z' },
      { id: 'c9', customerId: 'p1', purchaseId: 'u1', surveyAnswerId: 'a1', ...ctx },
    );
    expect(c).toMatchObject({
      id: 'c9',
      purchaseId: 'u1',
      surveyAnswerId: 'a1',
      state: 'received',
      dueAt: '2026-12-06T01:00:00.000Z',
      openDue: '2026-12-06T01:00:00.000Z',
      steps: [{ from: null, to: 'received', at: '2026-12-05T01:00:00.000Z', by: '小王', note: '' }],
      compensation: { points: 0, rewardId: null, refundFen: 0, pointsEntryId: null },
      handlingSatisfied: null,
      createdAt: NOW.toISOString(),
    });
  });
});

describe('complaintFigures', () => {
  const h = (n: number) => new Date(Date.parse('2026-11-01T00:00:00.000Z') + n * 3_600_000).toISOString();

  it('works out the rate, the median time to resolve and the share in time on a hand-worked example', () => {
    const figures = complaintFigures(
      [
        // resolved in 2 h, due at 24 h: in time
        { receivedAt: h(0), dueAt: h(24), resolvedAt: h(2) },
        // resolved in 30 h, due at 24 h: late
        { receivedAt: h(0), dueAt: h(24), resolvedAt: h(30) },
        // resolved in 10 h, due at 72 h: in time
        { receivedAt: h(100), dueAt: h(172), resolvedAt: h(110) },
        // resolved in 4 h exactly at its due time: in time
        { receivedAt: h(200), dueAt: h(204), resolvedAt: h(204) },
        // unresolved, past due: late
        { receivedAt: h(300), dueAt: h(324), resolvedAt: null },
        // unresolved, not yet due: not decided
        { receivedAt: h(700), dueAt: h(800), resolvedAt: null },
      ],
      200,
      new Date(h(720)),
    );
    expect(figures).toEqual({
      received: 6,
      customersServed: 200,
      ratePer100: 3,
      resolved: 4,
      // 2, 4, 10, 30 → (4 + 10) / 2
      medianHoursToResolve: 7,
      decided: 5,
      resolvedInTime: 3,
      inTimeShare: 0.6,
    });
  });

  it('takes the middle one of an odd count, and says null where there is nothing to count', () => {
    expect(complaintFigures([{ receivedAt: h(0), dueAt: h(24), resolvedAt: h(5) }], 0, new Date(h(1))).medianHoursToResolve).toBe(5);
    expect(complaintFigures([], 0, new Date(h(1)))).toEqual({
      received: 0,
      customersServed: 0,
      ratePer100: null,
      resolved: 0,
      medianHoursToResolve: null,
      decided: 0,
      resolvedInTime: 0,
      inTimeShare: null,
    });
  });
});
