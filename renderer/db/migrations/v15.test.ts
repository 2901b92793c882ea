// Version 15 on a version-14 store: every contact with an open follow-up gains its index value, done ones and
// those without a follow-up none; the survey and complaint tables appear empty; nothing else changes.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withFollowUpIndex } from '../../../shared/domain/interaction';
import { RegularsDatabase } from '../database';
import { SCHEMA_V14 } from './v14';
import { SCHEMA_V15, v15FollowUpOpen } from './v15';

describe('version 15: open follow-ups indexed; surveys and complaints', () => {
  it('changes the contacts’ follow-up index, adds the four tables, and nothing else', () => {
    const { interactions, surveys, surveyAnswers, surveyState, complaints, ...rest } = SCHEMA_V15;
    expect(interactions).toBe('id, [customerId+at], followUpOpen');
    expect(surveys).toBe('id, version');
    expect(surveyAnswers).toBe('id, [customerId+answeredAt], answeredAt, followUpOpen');
    expect(surveyState).toBe('id, [isDeleted+lastBand]');
    expect(complaints).toBe('id, customerId, receivedAt, openDue');
    const { interactions: _i, ...restV14 } = SCHEMA_V14;
    expect(rest).toEqual(restV14);
  });

  it('gives a contact the index value the live code does, whatever its follow-up', () => {
    const contact = fc.record({ id: fc.uuid(), followUpDate: fc.option(fc.constantFrom('2026-12-01', '2027-01-31'), { nil: null }), followUpDone: fc.boolean() });
    fc.assert(
      fc.property(contact, (c) => {
        expect(v15FollowUpOpen(c)).toBe(withFollowUpIndex(c).followUpOpen);
      }),
    );
  });

  it('opens a version 14 store with its open follow-ups, and only those, in the new index', async () => {
    const name = `upgrade-v15-${crypto.randomUUID()}`;
    const v14 = new Dexie(name);
    v14.version(14).stores(SCHEMA_V14);
    await v14.open();
    // 4,500 contacts (more than one chunk): a third without a follow-up, a third done, a third open.
    const rows = Array.from({ length: 4_500 }, (_, i) => ({
      id: `i-${String(i).padStart(5, '0')}`,
      customerId: `c-${i % 700}`,
      at: '2026-11-01T01:00:00.000Z',
      followUpDate: i % 3 === 0 ? null : `2026-12-${String((i % 28) + 1).padStart(2, '0')}`,
      followUpDone: i % 3 === 1,
      summary: 'x',
    }));
    await v14.table('interactions').bulkAdd(rows);
    v14.close();

    const db = new RegularsDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(15);
    const open = rows.filter((_, i) => i % 3 === 2);
    expect(await db.interactions.where('followUpOpen').aboveOrEqual('').count()).toBe(open.length);
    expect((await db.interactions.where('followUpOpen').equals('2026-12-03').primaryKeys()).sort()).toEqual(open.filter((r) => r.followUpDate === '2026-12-03').map((r) => r.id));
    // Everything else about a contact is as it was.
    expect(await db.interactions.get('i-00002')).toEqual({ ...rows[2], followUpOpen: rows[2]!.followUpDate });
    expect(await db.interactions.get('i-00001')).toEqual(rows[1]);
    expect(await db.interactions.count()).toBe(rows.length);
    for (const table of [db.surveys, db.surveyAnswers, db.surveyState, db.complaints]) expect(await table.count()).toBe(0);
    await db.delete();
  });
});
