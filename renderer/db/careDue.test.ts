// What is due, read through version 14's indexes on fake-indexeddb: birthdays (solar and lunar) by their day key,
// call-backs per tier from the last contact, follow-ups, the trash left out, marks applied; and the contact
// fields the contact log's writes keep on the state rows, which the reads rely on.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRng } from '../../shared/domain/random';
import { cadenceReminder } from '../../shared/domain/reminderSources/cadence';
import { shiftDay } from '../../shared/domain/reminderSources/days';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { makeCustomerFields } from '../../test/factories/customer';
import { makeInteractionFields } from '../../test/factories/purchase';
import { dueOn, readCareInputs } from './careDue';
import { createCustomerRepository } from './customers';
import { RegularsDatabase } from './database';
import { recomputeAllContacts } from './derivation';
import { createInteractionRepository } from './interactions';
import { createReminderRepository } from './reminders';
import { createComplaintRepository } from './complaints';

const database = freshDatabasePerTest();
let db: RegularsDatabase;
let clock: Date;
let ids: number;
const deps = () => ({ now: () => clock, newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}` });

beforeEach(() => {
  db = database();
  // 2026-09-22 is lunar 八月十二; 中秋 is 2026-09-25.
  clock = new Date(2026, 8, 22, 10, 0);
  ids = 0;
});

async function due(horizon = 0) {
  const inputs = await readCareInputs(db, '2026-09-22', horizon, DEFAULT_SETTINGS);
  return { inputs, today: dueOn(inputs, '2026-09-22', DEFAULT_SETTINGS.care, clock) };
}

describe('what is due', () => {
  it('complaints awaiting resolution on their due day and overdue after it; not resolved ones, nor the trash', async () => {
    const customers = createCustomerRepository(db, deps());
    const complaints = createComplaintRepository(db, { ...deps(), timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone });
    const fields = (receivedAt: Date, severity: 'high' | 'normal' = 'high') => ({ category: 'service' as const, severity, said: '等太久', receivedBy: '小王', receivedAt: receivedAt.toISOString() });
    const late = await customers.create(makeCustomerFields({ name: '逾期' }));
    const soon = await customers.create(makeCustomerFields({ name: '明天' }));
    const done = await customers.create(makeCustomerFields({ name: '已解决' }));
    const trashed = await customers.create(makeCustomerFields({ name: '回收站' }));
    const overdue = await complaints.open({ customerId: late.id, fields: fields(new Date(2026, 8, 20, 12)) });
    const tomorrow = await complaints.open({ customerId: soon.id, fields: fields(new Date(2026, 8, 22, 9)) });
    const resolved = await complaints.open({ customerId: done.id, fields: fields(new Date(2026, 8, 19, 12)) });
    await complaints.move(resolved.id, { to: 'resolved', by: '小王', note: '', resolution: '致歉' });
    await complaints.open({ customerId: trashed.id, fields: fields(new Date(2026, 8, 19, 12)) });
    await customers.moveToTrash(trashed.id);

    const { inputs, today } = await due(1);
    expect(inputs.complaints.map((c) => c.id).sort()).toEqual([overdue.id, tomorrow.id, resolved.id].sort());
    expect(today.reminders.filter((r) => r.kind === 'complaint').map((r) => [r.customerId, r.dueDay, r.timing])).toEqual([[late.id, '2026-09-21', 'overdue']]);
    const next = dueOn(inputs, '2026-09-23', DEFAULT_SETTINGS.care, clock).reminders.filter((r) => r.kind === 'complaint');
    expect(next.map((r) => [r.customerId, r.timing])).toEqual([
      [late.id, 'overdue'],
      [soon.id, 'today'],
    ]);
  });

  it('finds birthdays by their day, a call-back from the last contact, an open follow-up, the festival; not the trash, not what was marked', async () => {
    const customers = createCustomerRepository(db, deps());
    const contacts = createInteractionRepository(db, deps());
    const solar = await customers.create(makeCustomerFields({ name: '王芳', birthday: { calendar: 'solar', year: null, month: 9, day: 24, leapMonth: false } }));
    const lunar = await customers.create(makeCustomerFields({ name: '李娜', birthday: { calendar: 'lunar', year: 1990, month: 8, day: 12, leapMonth: false } }));
    await customers.create(makeCustomerFields({ name: '远生日', birthday: { calendar: 'solar', year: null, month: 12, day: 1, leapMonth: false } }));
    const trashed = await customers.create(makeCustomerFields({ name: '回收站', birthday: { calendar: 'solar', year: null, month: 9, day: 23, leapMonth: false } }));
    await customers.moveToTrash(trashed.id);
    const called = await customers.create(makeCustomerFields({ name: '赵强' }));
    // Spoken to in March: the floor tier's 180 days ran out on 28 August; overdue 14 days after.
    await contacts.record(called.id, makeInteractionFields({ at: new Date(2026, 2, 1, 15).toISOString(), followUpDate: '2026-09-20' }));
    const quiet = await customers.create(makeCustomerFields({ name: '无往来' }));

    const { inputs, today } = await due();
    expect(inputs.birthdays.map((b) => b.id).sort()).toEqual([solar.id, lunar.id].sort());
    // Read a day of last touch at a time: the touch (1 March, 15:00) comes as the start of its local day.
    expect(inputs.cadence).toEqual([{ customerId: called.id, cadenceDays: 180, lastTouchAt: new Date(2026, 2, 1).toISOString() }]);
    expect(today.reminders.map((r) => [r.kind, r.customerId, r.timing])).toEqual([
      ['cadence', called.id, 'overdue'],
      ['follow-up', called.id, 'overdue'],
      ['birthday', lunar.id, 'today'],
      ['birthday', solar.id, 'upcoming'],
      ['festival', null, 'upcoming'],
    ]);
    expect(today.reminders.some((r) => r.customerId === quiet.id)).toBe(false);
    expect(today.reminders.find((r) => r.customerId === lunar.id)?.detail).toMatchObject({ kind: 'birthday', calendar: 'lunar', turning: 36 });

    // Marked: done with a contact (the cadence restarts), snoozed, dismissed.
    const reminders = createReminderRepository(db, deps());
    const [cadence, followUp, lunarBirthday, solarBirthday] = today.reminders;
    await reminders.doneWithContact(cadence!, makeInteractionFields({ at: clock.toISOString() }));
    await reminders.done(followUp!);
    await reminders.snooze(lunarBirthday!, new Date(2026, 8, 22, 11, 0));
    await reminders.dismiss(solarBirthday!);
    const after = await due();
    expect(after.today.reminders.map((r) => r.kind)).toEqual(['festival']);
    expect((await contacts.get(followUp!.detail.kind === 'follow-up' ? followUp!.detail.interactionId : ''))?.followUpDone).toBe(true);
    // The snooze over: the birthday is back.
    clock = new Date(2026, 8, 22, 11, 1);
    expect((await due()).today.reminders.map((r) => r.customerId)).toContain(lunar.id);
  });

  it('keeps each customer’s latest contact on their state row through every contact write, and a whole-store pass agrees', async () => {
    const customers = createCustomerRepository(db, deps());
    const contacts = createInteractionRepository(db, deps());
    const a = await customers.create(makeCustomerFields());
    const b = await customers.create(makeCustomerFields());
    const first = await contacts.record(a.id, makeInteractionFields({ at: '2026-05-01T02:00:00.000Z' }));
    const second = await contacts.record(a.id, makeInteractionFields({ at: '2026-06-01T02:00:00.000Z' }));
    expect(await db.customerState.get(a.id)).toMatchObject({ lastContactAt: '2026-06-01T02:00:00.000Z', lastTouchSort: '2026-06-01T02:00:00.000Z' });
    await contacts.edit(second.id, { ...makeInteractionFields({ at: '2026-04-01T02:00:00.000Z' }) });
    expect((await db.customerState.get(a.id))!.lastContactAt).toBe('2026-05-01T02:00:00.000Z');
    await contacts.moveAll(a.id, b.id);
    expect((await db.customerState.get(a.id))!.lastContactAt).toBeNull();
    expect((await db.customerState.get(b.id))!.lastContactAt).toBe('2026-05-01T02:00:00.000Z');
    await contacts.remove(first.id);
    expect((await db.customerState.get(b.id))!.lastContactAt).toBe('2026-04-01T02:00:00.000Z');
    // Contacts put behind the app: the whole-store pass derives them, and again changes nothing.
    await db.interactions.put({ ...first, customerId: a.id, at: '2026-07-01T00:00:00.000Z' });
    expect(await recomputeAllContacts(db)).toEqual({ customers: 2, changed: 1 });
    expect((await db.customerState.get(a.id))!.lastTouchSort).toBe('2026-07-01T00:00:00.000Z');
    expect(await recomputeAllContacts(db)).toEqual({ customers: 2, changed: 0 });
  });

  it('gives each customer the call-back cadenceReminder gives them, in the order read, though it works per day of last touch', () => {
    const rng = createRng(16);
    const base = new Date(2026, 8, 22, 12, 0).getTime();
    // Touches at any hour over the last 600 days (a daylight-saving change among them where the zone has one).
    const cadence = Array.from({ length: 600 }, (_, i) => ({
      customerId: `c${i}`,
      cadenceDays: [14, 21, 30, 45, 180][rng.int(0, 4)]!,
      lastTouchAt: new Date(base - Math.floor(rng.next() * 600 * 86_400_000)).toISOString(),
    }));
    const inputs = { birthdays: [], cadence, followUps: [], points: [], surveyFollowUps: [], complaints: [], marks: new Map() };
    for (const offset of [0, 3, 6]) {
      const day = shiftDay('2026-09-22', offset);
      const got = dueOn(inputs, day, DEFAULT_SETTINGS.care, clock).unmarked.filter((r) => r.kind === 'cadence');
      const expected = cadence.flatMap((c) => cadenceReminder({ ...c, today: day }, DEFAULT_SETTINGS.care) ?? []);
      expect(expected.length).toBeGreaterThan(100);
      expect(got).toEqual(expected);
    }
  });
});
