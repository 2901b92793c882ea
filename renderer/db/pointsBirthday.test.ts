// The daily rollover's birthday gift on fake-indexeddb: given once per birthday on the first run on or after it (days
// the app was closed included, within the grace), never again however often it runs, never to a customer in the
// trash, erased, or added after the birthday; a lunar birthday on its solar date, 29 February on the 28th.
import 'fake-indexeddb/auto';
import { Lunar } from 'lunar-typescript';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Birthday } from '../../shared/domain/customer';
import { emptyCustomerFields } from '../../shared/domain/customer';
import { utcDayOf } from '../../shared/domain/customerFigures';
import { changeExpiryPolicy, DEFAULT_POINTS_RULES, type PointsRules } from '../../shared/domain/pointsRules';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { createCustomerRepository } from './customers';
import type { RegularsDatabase } from './database';
import { ledgerRange } from './derivation';
import { createErasure } from './erasure';
import { createPointsRepository } from './points';

const database = freshDatabasePerTest();
let db: RegularsDatabase;
let clock: Date;
let ids: number;
const deps = () => ({ now: () => clock, newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`, dayOf: utcDayOf });
const points = () => createPointsRepository(db, deps());
const customers = () => createCustomerRepository(db, deps());
const solar = (month: number, day: number): Birthday => ({ calendar: 'solar', year: 1990, month, day, leapMonth: false });
const at = (y: number, m: number, d: number) => new Date(y, m - 1, d, 9);

beforeEach(async () => {
  db = database();
  ids = 0;
  clock = at(2026, 1, 5);
  await points().saveRules({ ...structuredClone(DEFAULT_POINTS_RULES), birthdayGift: 88 } as PointsRules);
});

async function customer(name: string, birthday: Birthday | null) {
  return customers().create({ ...emptyCustomerFields(), name, birthday });
}

async function gifts(id: string) {
  return (await ledgerRange(db, id).toArray()).map((e) => [e.kind, e.points, e.rule, e.createdAt.slice(0, 10)]);
}

async function rollover(day: Date) {
  clock = day;
  return points().birthdayGifts();
}

describe('birthday gifts at the rollover', () => {
  it('gives the gift on the birthday, once, however often the rollover runs', async () => {
    const c = await customer('张三', solar(12, 4));
    expect(await rollover(at(2026, 12, 3))).toEqual({ customers: 0, points: 0 });
    expect(await rollover(at(2026, 12, 4))).toEqual({ customers: 1, points: 88 });
    expect(await rollover(new Date(2026, 11, 4, 18))).toEqual({ customers: 0, points: 0 });
    expect(await rollover(at(2026, 12, 5))).toEqual({ customers: 0, points: 0 });
    expect(await gifts(c.id)).toEqual([['bonus', 88, 'birthday-gift:2026-12-04', at(2026, 12, 4).toISOString().slice(0, 10)]]);
    expect((await db.pointsState.get(c.id))!.pointsBalance).toBe(88);
    expect((await db.auditLog.toArray()).filter((e) => e.kind === 'points.birthdayGift')).toHaveLength(1);
    // Next year, again once.
    await rollover(at(2027, 12, 4));
    await rollover(at(2027, 12, 6));
    expect((await gifts(c.id)).map((g) => g[2])).toEqual(['birthday-gift:2026-12-04', 'birthday-gift:2027-12-04']);
  });

  it('gives it on the first rollover after days the app was closed, within the grace, and not after', async () => {
    const closed = await customer('李四', solar(12, 4));
    const tooLong = await customer('王五', solar(11, 10));
    expect(await rollover(at(2026, 12, 10))).toEqual({ customers: 1, points: 88 });
    expect(await rollover(at(2026, 12, 11))).toEqual({ customers: 0, points: 0 });
    expect((await gifts(closed.id)).map((g) => g[2])).toEqual(['birthday-gift:2026-12-04']);
    expect(await gifts(tooLong.id)).toEqual([]);
  });

  it('never to a customer in the trash, erased, without a birthday, or added after the birthday', async () => {
    const trashed = await customer('赵六', solar(12, 4));
    await customers().moveToTrash(trashed.id);
    const erased = await customer('钱七', solar(12, 4));
    await createErasure(db, deps()).erase(erased.id, 'delete');
    await customer('孙八', null);
    clock = at(2026, 12, 6);
    const late = await customer('周九', solar(12, 4));
    expect(await rollover(at(2026, 12, 6))).toEqual({ customers: 0, points: 0 });
    expect(await db.pointsEntries.count()).toBe(0);
    expect(late.id).toBeTruthy();
  });

  it('gives a lunar birthday on its solar date that year, and 29 February on the 28th', async () => {
    const lunar = await customer('吴十', { calendar: 'lunar', year: 1988, month: 8, day: 15, leapMonth: false });
    const leap = await customer('郑一', solar(2, 29));
    const s = Lunar.fromYmd(2026, 8, 15).getSolar();
    expect(await rollover(new Date(s.getYear(), s.getMonth() - 1, s.getDay() - 1, 9))).toEqual({ customers: 0, points: 0 });
    expect(await rollover(new Date(s.getYear(), s.getMonth() - 1, s.getDay(), 9))).toEqual({ customers: 1, points: 88 });
    expect((await gifts(lunar.id)).map((g) => g[2])).toEqual([`birthday-gift:${s.toYmd()}`]);
    expect(await rollover(at(2027, 2, 28))).toEqual({ customers: 1, points: 88 });
    expect((await gifts(leap.id)).map((g) => g[2])).toEqual(['birthday-gift:2027-02-28']);
  });

  it('gives nothing when the rules give no gift, and the gift expires like points earned that day', async () => {
    const c = await customer('张三', solar(12, 4));
    await points().saveRules({ ...structuredClone(DEFAULT_POINTS_RULES), birthdayGift: 0 } as PointsRules);
    expect(await rollover(at(2026, 12, 4))).toEqual({ customers: 0, points: 0 });
    await points().saveRules(changeExpiryPolicy({ ...structuredClone(DEFAULT_POINTS_RULES), birthdayGift: 50 } as PointsRules, { kind: 'end-of-next-year' }, at(2026, 1, 1)));
    expect(await rollover(at(2026, 12, 5))).toEqual({ customers: 1, points: 50 });
    expect((await db.pointsEntries.toArray()).map((e) => e.expiresAt)).toEqual([new Date(2028, 0, 1).toISOString()]);
    expect(await points().recomputeAll()).toMatchObject({ changed: 0 });
    expect(c.id).toBeTruthy();
  });
});
