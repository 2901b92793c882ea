// The band an answer puts a customer in, and the latest-answer row derived from a customer's answers.
import { describe, expect, it } from 'vitest';
import { surveyBandOf, surveyStateOf } from './surveyRecords';

describe('surveyBandOf', () => {
  it('reads NPS first: 9–10 promoter, 7–8 passive, 0–6 detractor, whatever the CSAT', () => {
    expect([10, 9, 8, 7, 6, 0].map((nps) => surveyBandOf({ nps, csat: 1 }))).toEqual(['promoter', 'promoter', 'passive', 'passive', 'detractor', 'detractor']);
  });
  it('falls back to CSAT when NPS was skipped, and is unrated with neither', () => {
    expect([5, 4, 3, 2, 1].map((csat) => surveyBandOf({ nps: null, csat }))).toEqual(['promoter', 'promoter', 'passive', 'detractor', 'detractor']);
    expect(surveyBandOf({ nps: null, csat: null })).toBe('unrated');
  });
});

describe('surveyStateOf', () => {
  it('takes the latest answer, whatever the order given, and counts them all', () => {
    const answers = [
      { id: 'b', answeredAt: '2026-11-02T01:00:00.000Z', nps: 3, csat: null },
      { id: 'a', answeredAt: '2026-11-20T01:00:00.000Z', nps: null, csat: 5 },
      { id: 'c', answeredAt: '2026-10-01T01:00:00.000Z', nps: 10, csat: 5 },
    ];
    expect(surveyStateOf('cust', 0, answers)).toEqual({ id: 'cust', isDeleted: 0, lastAnsweredAt: '2026-11-20T01:00:00.000Z', lastCsat: 5, lastNps: null, lastBand: 'promoter', answers: 3 });
  });
  it('breaks a tie of times by id, and is null without answers', () => {
    const at = '2026-11-02T01:00:00.000Z';
    expect(surveyStateOf('cust', 1, [{ id: 'x', answeredAt: at, nps: 0, csat: null }, { id: 'y', answeredAt: at, nps: 8, csat: null }])).toMatchObject({ isDeleted: 1, lastNps: 8, lastBand: 'passive' });
    expect(surveyStateOf('cust', 0, [])).toBeNull();
  });
});
