import { afterAll, describe, expect, it } from 'vitest';
import { surveyFollowUpReminders, type SurveyFollowUpSource } from './surveyFollowUp';

const ORIGINAL_TZ = process.env.TZ;
process.env.TZ = 'Asia/Shanghai';
afterAll(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

const answer = (id: string, answeredAt: string, followUpDueAt: string | null, followUpDoneAt: string | null = null): SurveyFollowUpSource => ({
  id,
  customerId: `c-${id}`,
  answeredAt,
  csat: 2,
  nps: 4,
  choices: ['waiting'],
  why: 'waited too long',
  followUpDueAt,
  followUpDoneAt,
  complaintId: null,
});

describe('surveyFollowUpReminders', () => {
  it('open ones from the day answered, due on the local day of their due time, overdue after it', () => {
    const answers = [
      // Answered 5 Dec 10:00 local, due 7 Dec 10:00 local.
      answer('a', '2026-12-05T02:00:00.000Z', '2026-12-07T02:00:00.000Z'),
      // Due 5 Dec 00:30 local (4 Dec 16:30 UTC): today.
      answer('b', '2026-12-03T00:30:00.000Z', '2026-12-04T16:30:00.000Z'),
      // Due 3 Dec: overdue.
      answer('c', '2026-12-01T02:00:00.000Z', '2026-12-03T02:00:00.000Z'),
      // Done, and never needed one.
      answer('d', '2026-12-01T02:00:00.000Z', '2026-12-03T02:00:00.000Z', '2026-12-02T02:00:00.000Z'),
      answer('e', '2026-12-01T02:00:00.000Z', null),
      // Answered after today (a later pass will see it).
      answer('f', '2026-12-05T16:30:00.000Z', '2026-12-07T16:30:00.000Z'),
    ];
    expect(surveyFollowUpReminders(answers, '2026-12-05').map((r) => [r.key, r.dueDay, r.showFrom, r.timing])).toEqual([
      ['survey-follow-up:a:2026-12-07', '2026-12-07', '2026-12-05', 'upcoming'],
      ['survey-follow-up:b:2026-12-05', '2026-12-05', '2026-12-03', 'today'],
      ['survey-follow-up:c:2026-12-03', '2026-12-03', '2026-12-01', 'overdue'],
    ]);
  });

  it('carries the answer in words: scores, choices, why, and the due time', () => {
    const [r] = surveyFollowUpReminders([answer('a', '2026-12-05T02:00:00.000Z', '2026-12-07T02:00:00.000Z')], '2026-12-05');
    expect(r).toMatchObject({
      kind: 'survey-follow-up',
      customerId: 'c-a',
      detail: { kind: 'survey-follow-up', answerId: 'a', answeredAt: '2026-12-05T02:00:00.000Z', csat: 2, nps: 4, choices: ['waiting'], why: 'waited too long', dueAt: '2026-12-07T02:00:00.000Z', complaintId: null },
    });
  });
});
