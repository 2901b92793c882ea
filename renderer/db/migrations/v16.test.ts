// Version 16 on a version-15 store: the satisfaction tally appears, counting every answer by local month and tier
// as the live code does; nothing else changes.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { surveyTallyRows, type ScoredAnswer } from '../../../shared/domain/surveyScores';
import { RegularsDatabase } from '../database';
import { SCHEMA_V15 } from './v15';
import { SCHEMA_V16, v16TallyRows } from './v16';

const ORIGINAL_TZ = process.env.TZ;
process.env.TZ = 'Asia/Shanghai';
afterAll(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

const answerArb = fc
  .record({
    id: fc.uuid(),
    customerId: fc.constantFrom('c1', 'c2', 'c3'),
    at: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 11, 31) }),
    tierId: fc.constantFrom('gold', null),
    csat: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    due: fc.option(fc.integer({ min: 1, max: 72 }), { nil: null }),
    done: fc.option(fc.integer({ min: 0, max: 96 }), { nil: null }),
  })
  .map(({ id, customerId, at, tierId, csat, nps, due, done }): ScoredAnswer & { id: string } => ({
    id,
    customerId,
    answeredAt: new Date(at).toISOString(),
    tierId,
    csat,
    nps,
    followUpDueAt: due === null ? null : new Date(at + due * 3_600_000).toISOString(),
    followUpDoneAt: due === null || done === null ? null : new Date(at + done * 3_600_000).toISOString(),
  }));

describe('version 16: the satisfaction tally', () => {
  it('adds the tally table by month, and nothing else', () => {
    const { surveyTally, ...rest } = SCHEMA_V16;
    expect(surveyTally).toBe('id, month');
    expect(rest).toEqual(SCHEMA_V15);
  });

  it('tallies answers as the live code does, whatever they are', () => {
    fc.assert(
      fc.property(fc.array(answerArb, { maxLength: 50 }), (answers) => {
        expect(v16TallyRows(answers)).toEqual(surveyTallyRows(answers));
      }),
    );
  });

  it('opens a version 15 store with the tally of all its answers (more than one chunk)', async () => {
    const name = `upgrade-v16-${crypto.randomUUID()}`;
    const v15 = new Dexie(name);
    v15.version(15).stores(SCHEMA_V15);
    await v15.open();
    const answers = fc.sample(answerArb, { numRuns: 4_500, seed: 16 }).map((a, i) => ({ ...a, id: `a-${String(i).padStart(5, '0')}`, surveyId: 's1', surveyVersion: 1, channel: 'counter', why: '', choices: [] }));
    await v15.table('surveyAnswers').bulkAdd(answers);
    v15.close();

    const db = new RegularsDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(16);
    expect(await db.surveyTally.orderBy(':id').toArray()).toEqual(surveyTallyRows(answers));
    expect(await db.surveyTally.where('month').equals('2026-01').count()).toBe(2);
    expect(await db.surveyAnswers.count()).toBe(answers.length);
    db.close();
  });
});
