import { addDays, addHours, addMinutes, addMonths, addYears, differenceInCalendarDays, subDays, subHours, subMilliseconds, subMinutes, subMonths, subYears } from 'date-fns';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_SETTINGS, SAFETY_KEEP_DAYS, planRetention, retentionSettingsSchema, type RetentionEntry, type RetentionSettings } from './backupRetention';

// Local times throughout: the rules are about the owner's calendar. The suite runs in a zone with DST
// (New York: 2026-03-08 has 23 hours, 2026-11-01 has 25) so an hour-based shortcut would show. Set before
// the describe blocks build their dates, put back for whichever test file this worker runs next.
const ORIGINAL_TZ = process.env.TZ;
process.env.TZ = 'America/New_York';
afterAll(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

const local = (y: number, m: number, d: number, h = 12, min = 0, s = 0, ms = 0) => new Date(y, m - 1, d, h, min, s, ms);
let counter = 0;
const entry = (createdAt: Date, verified = true, id = `b${String(++counter).padStart(4, '0')}`, safety = false): RetentionEntry => ({ id, createdAt, verified, safety });
const plan = (entries: RetentionEntry[], now: Date, settings: RetentionSettings = DEFAULT_RETENTION_SETTINGS) => planRetention(entries, now, settings);
const kept = (result: ReturnType<typeof plan>) => result.keep.map((k) => k.id);
const reasonsOf = (result: ReturnType<typeof plan>, id: string) => result.keep.find((k) => k.id === id)?.reasons ?? [];
/** Three backups made in the minutes before `now`: the newest three, which are always kept, so a test can look at the rest. */
const newestThree = (now: Date) => [1, 2, 3].map((minutes) => entry(subMinutes(now, minutes), true, `n${minutes}`));
const NEWEST_THREE = ['n1', 'n2', 'n3'];
const withoutNewest = (ids: string[]) => ids.filter((id) => !NEWEST_THREE.includes(id));

describe('the test zone', () => {
  it('really is one with DST (otherwise the DST cases below prove nothing)', () => {
    expect(local(2026, 1, 15).getTimezoneOffset()).toBe(300);
    expect(local(2026, 7, 15).getTimezoneOffset()).toBe(240);
  });
});

describe('planRetention: simple cases', () => {
  const now = local(2026, 6, 15, 12);

  it('keeps nothing and removes nothing when there are no backups', () => {
    expect(plan([], now)).toEqual({ keep: [], remove: [] });
  });

  it('keeps a lone backup however old, as the newest and the newest verified', () => {
    const old = entry(subMonths(now, 40), true, 'old');
    expect(plan([old], now)).toEqual({ keep: [{ id: 'old', reasons: ['daily', 'monthly', 'newest', 'newest-verified'] }], remove: [] });
  });

  it('returns both lists newest first, whatever order the backups came in', () => {
    const a = entry(subHours(now, 1), true, 'a');
    const b = entry(subDays(now, 400), true, 'b');
    const c = entry(subDays(now, 2), true, 'c');
    const d = entry(subDays(now, 401), true, 'd');
    const result = plan([b, d, a, c, ...newestThree(now)], now, { ...DEFAULT_RETENTION_SETTINGS, dailyDays: 2, monthlyMonths: 0 });
    expect(withoutNewest(kept(result))).toEqual(['a', 'c']);
    expect(result.remove).toEqual(['b', 'd']);
  });

  it('puts every backup in exactly one list', () => {
    const entries = Array.from({ length: 200 }, (_, i) => entry(subHours(now, i * 7), i % 3 !== 0));
    const result = plan(entries, now);
    const all = [...kept(result), ...result.remove].sort();
    expect(all).toEqual(entries.map((e) => e.id).sort());
  });

  it('orders backups of the same moment by id, so the plan does not depend on input order', () => {
    const x = entry(subDays(now, 3), true, 'x');
    const y = entry(subDays(now, 3), true, 'y');
    const newest = newestThree(now);
    expect(plan([y, x, ...newest], now)).toEqual(plan([...newest, x, y], now));
    expect(withoutNewest(kept(plan([y, x, ...newest], now)))).toEqual(['x']);
  });
});

describe('planRetention: recent backups', () => {
  const now = local(2026, 6, 15, 12);

  it('keeps the 10 newest of the last 24 hours as recent', () => {
    const entries = Array.from({ length: 15 }, (_, i) => entry(subMinutes(now, 15 * (i + 1)), true, `r${i}`));
    const result = plan(entries, now);
    for (let i = 0; i < 10; i++) expect(reasonsOf(result, `r${i}`)).toContain('recent');
    // The 11th to 15th are today's older ones: the day is already represented by r0.
    expect(result.remove).toEqual(['r10', 'r11', 'r12', 'r13', 'r14']);
  });

  it('counts a backup exactly 24 hours old as recent, and one a millisecond older not', () => {
    const edge = entry(subHours(now, 24), true, 'edge');
    const past = entry(subMilliseconds(subHours(now, 24), 1), true, 'past');
    const result = plan([edge, past, ...newestThree(now)], now, { ...DEFAULT_RETENTION_SETTINGS, dailyDays: 0, monthlyMonths: 0 });
    expect(reasonsOf(result, 'edge')).toEqual(['recent']);
    expect(result.remove).toEqual(['past']);
  });

  it('measures 24 hours as real hours across the night the clocks go forward', () => {
    // 2026-03-08 02:00 → 03:00 in New York: from 12:00 on the 8th, 24 real hours back is 11:00 on the 7th.
    const now = local(2026, 3, 8, 12);
    const inside = entry(local(2026, 3, 7, 11, 30), true, 'inside');
    const outside = entry(local(2026, 3, 7, 10, 59), true, 'outside');
    const result = plan([inside, outside, ...newestThree(now)], now, { ...DEFAULT_RETENTION_SETTINGS, dailyDays: 0, monthlyMonths: 0 });
    expect(reasonsOf(result, 'inside')).toEqual(['recent']);
    expect(result.remove).toEqual(['outside']);
  });

  it('can be switched off', () => {
    const entries = Array.from({ length: 6 }, (_, i) => entry(subMinutes(now, i + 1), true, `r${i}`));
    const result = plan(entries, now, { recentHours: 0, recentMax: 10, dailyDays: 0, monthlyMonths: 0 });
    expect(kept(result)).toEqual(['r0', 'r1', 'r2']);
  });
});

describe('planRetention: one a day', () => {
  const now = local(2026, 6, 15, 12);
  const settings: RetentionSettings = { recentHours: 0, recentMax: 0, dailyDays: 30, monthlyMonths: 0 };

  it('keeps the newest backup of each of the last 30 days, today included, when a backup was made every day', () => {
    const entries = Array.from({ length: 40 }, (_, day) => [entry(local(2026, 6, 15 - day, 9), true, `d${day}-am`), entry(local(2026, 6, 15 - day, 18), true, `d${day}-pm`)]).flat();
    const result = plan(entries.filter((e) => e.createdAt <= now), now, settings);
    const daily = result.keep.filter((k) => k.reasons.includes('daily')).map((k) => k.id);
    expect(daily).toEqual(['d0-am', ...Array.from({ length: 29 }, (_, i) => `d${i + 1}-pm`)]);
    expect(result.remove).toContain('d30-pm');
    // d1-am is the third newest; d2-am is the first one no rule keeps.
    expect(reasonsOf(result, 'd1-am')).toEqual(['newest']);
    expect(result.remove).toContain('d2-am');
  });

  it('splits days at local midnight: 23:59:59.999 and 00:00 are two days', () => {
    const before = entry(local(2026, 6, 10, 23, 59, 59, 999), true, 'before');
    const after = entry(local(2026, 6, 11, 0, 0, 0, 0), true, 'after');
    const earlier = entry(local(2026, 6, 10, 8), true, 'earlier');
    const result = plan([before, after, earlier, ...newestThree(now)], now, settings);
    expect(reasonsOf(result, 'before')).toEqual(['daily']);
    expect(reasonsOf(result, 'after')).toContain('daily');
    expect(result.remove).toEqual(['earlier']);
  });

  it('ends the window at the 30th day on which a backup was made', () => {
    // Backups on 30 days: today (the newest three) and 29 earlier days, every other day; then one day more.
    const earlier = Array.from({ length: 29 }, (_, i) => entry(local(2026, 6, 13 - 2 * i, 10), true, `d${i + 1}`));
    const lastIn = earlier.at(-1)!;
    const firstOut = entry(subDays(lastIn.createdAt, 1), true, 'first-out');
    const result = plan([...earlier, firstOut, ...newestThree(now)], now, settings);
    expect(reasonsOf(result, lastIn.id)).toEqual(['daily']);
    expect(result.remove).toEqual(['first-out']);
  });

  it('counts days on which backups were made, not calendar days: a store closed for weeks keeps its history', () => {
    // Closed from May 1 to June 14 (the Spring Festival, a renovation): the days before still count.
    const before = Array.from({ length: 20 }, (_, i) => entry(local(2026, 4, 30 - i, 17), true, `apr${30 - i}`));
    const result = plan([...before, ...newestThree(now)], now, settings);
    expect(result.remove).toEqual([]);
    for (const e of before) expect(reasonsOf(result, e.id)).toEqual(['daily']);
  });

  it('treats the 23-hour and the 25-hour day as one day each', () => {
    const springNow = local(2026, 3, 9, 12);
    const spring = [entry(local(2026, 3, 8, 0, 30), true, 's-early'), entry(local(2026, 3, 8, 23, 30), true, 's-late'), ...newestThree(springNow)];
    expect(withoutNewest(kept(plan(spring, springNow, settings)))).toEqual(['s-late']);
    const autumnNow = local(2026, 11, 2, 12);
    // 01:30 happens twice on 2026-11-01; both are the same calendar day.
    const firstOneThirty = entry(new Date(Date.UTC(2026, 10, 1, 5, 30)), true, 'a-first');
    const secondOneThirty = entry(new Date(Date.UTC(2026, 10, 1, 6, 30)), true, 'a-second');
    const late = entry(local(2026, 11, 1, 23, 45), true, 'a-late');
    const result = plan([firstOneThirty, secondOneThirty, late, ...newestThree(autumnNow)], autumnNow, settings);
    expect(withoutNewest(kept(result))).toEqual(['a-late']);
    expect(result.remove).toEqual(['a-second', 'a-first']);
  });

  it('prefers a verified backup of the day to a newer unverified one', () => {
    const unverified = entry(local(2026, 6, 12, 18), false, 'unverified');
    const verified = entry(local(2026, 6, 12, 9), true, 'verified');
    const older = entry(local(2026, 6, 12, 7), true, 'older');
    const result = plan([unverified, verified, older, ...newestThree(now)], now, settings);
    expect(reasonsOf(result, 'verified')).toEqual(['daily']);
    expect(result.remove).toEqual(['unverified', 'older']);
  });

  it('keeps the newest when none of the day is verified', () => {
    const a = entry(local(2026, 6, 12, 18), false, 'a');
    const b = entry(local(2026, 6, 12, 9), false, 'b');
    const result = plan([a, b, ...newestThree(now)], now, settings);
    expect(reasonsOf(result, 'a')).toEqual(['daily']);
    expect(result.remove).toEqual(['b']);
  });
});

describe('planRetention: one a month', () => {
  const settings: RetentionSettings = { recentHours: 0, recentMax: 0, dailyDays: 0, monthlyMonths: 12 };

  it('keeps the newest backup of each of the last 12 months, this month included, when backups were made every month', () => {
    const now = local(2026, 6, 15, 12);
    const entries = Array.from({ length: 16 }, (_, i) => [entry(addDays(subMonths(local(2026, 6, 1, 8), i), 2), true, `m${i}-early`), entry(addDays(subMonths(local(2026, 6, 1, 8), i), 20), true, `m${i}-late`)]).flat();
    const result = plan(entries.filter((e) => e.createdAt <= now), now, settings);
    const monthly = result.keep.filter((k) => k.reasons.includes('monthly')).map((k) => k.id);
    expect(monthly).toEqual(['m0-early', ...Array.from({ length: 11 }, (_, i) => `m${i + 1}-late`)]);
    expect(result.remove).toContain('m12-late');
  });

  it('splits months at local midnight on the first', () => {
    const now = local(2026, 3, 10);
    const endOfJanuary = entry(local(2026, 1, 31, 23, 59, 59, 999), true, 'jan');
    const startOfFebruary = entry(local(2026, 2, 1, 0, 0, 0, 0), true, 'feb');
    const result = plan([endOfJanuary, startOfFebruary, ...newestThree(now)], now, settings);
    expect(reasonsOf(result, 'jan')).toEqual(['monthly']);
    expect(reasonsOf(result, 'feb')).toEqual(['monthly']);
  });

  it('ends the window at the 12th month in which a backup was made, short months and leap days included', () => {
    const now = local(2028, 2, 29, 12); // a leap day
    const between = Array.from({ length: 10 }, (_, i) => entry(local(2027, 4 + i, 15), true, `mid${i}`));
    const lastIn = entry(local(2027, 3, 1, 0, 0), true, 'last-in');
    const firstOut = entry(local(2027, 2, 28, 23, 59), true, 'first-out');
    const result = plan([lastIn, firstOut, ...between, ...newestThree(now)], now, settings);
    expect(reasonsOf(result, 'last-in')).toEqual(['monthly']);
    expect(result.remove).toEqual(['first-out']);
  });

  it('counts months in which backups were made: months without any do not push older ones out', () => {
    const now = local(2026, 6, 15, 12);
    const lastYear = Array.from({ length: 6 }, (_, i) => [entry(local(2025, 3 + i, 10), true, `early${i}`), entry(local(2025, 3 + i, 25), true, `late${i}`)]).flat();
    const result = plan([...lastYear, ...newestThree(now)], now, settings);
    expect(result.remove.sort()).toEqual(['early0', 'early1', 'early2', 'early3', 'early4', 'early5']);
    for (let i = 0; i < 6; i++) expect(reasonsOf(result, `late${i}`)).toEqual(['monthly']);
  });
});

describe('planRetention: the guarantees', () => {
  const now = local(2026, 6, 15, 12);
  const nothing: RetentionSettings = { recentHours: 0, recentMax: 0, dailyDays: 0, monthlyMonths: 0 };

  it('never removes the newest three backups, even with every rule off', () => {
    const entries = Array.from({ length: 6 }, (_, i) => entry(subDays(now, i + 1), false, `b${i}`));
    const result = plan(entries, now, nothing);
    expect(result.keep).toEqual(['b0', 'b1', 'b2'].map((id) => ({ id, reasons: ['newest'] })));
    expect(result.remove).toEqual(['b3', 'b4', 'b5']);
  });

  it('never removes the only verified backup, however old', () => {
    const entries = [
      ...Array.from({ length: 12 }, (_, i) => entry(subMinutes(now, i + 1), false, `new${i}`)),
      entry(subMonths(now, 30), true, 'only-good'),
      entry(subMonths(now, 31), false, 'older-bad'),
    ];
    const result = plan(entries, now, { ...DEFAULT_RETENTION_SETTINGS, dailyDays: 1, monthlyMonths: 1 });
    expect(reasonsOf(result, 'only-good')).toEqual(['newest-verified']);
    expect(result.remove).toContain('older-bad');
  });

  it('keeps the newest verified backup with every rule off', () => {
    const bad = [1, 2, 3].map((days) => entry(subDays(now, days), false, `bad${days}`));
    const result = plan([...bad, entry(subDays(now, 5), true, 'good'), entry(subDays(now, 9), true, 'old')], now, nothing);
    expect(result.keep).toEqual([
      { id: 'bad1', reasons: ['newest'] },
      { id: 'bad2', reasons: ['newest'] },
      { id: 'bad3', reasons: ['newest'] },
      { id: 'good', reasons: ['newest-verified'] },
    ]);
    expect(result.remove).toEqual(['old']);
  });

  it('keeps backups dated in the future (the clock was wrong), and they do not count among the newest three', () => {
    const future = entry(addHours(now, 5), true, 'future');
    const farFuture = entry(addMonths(now, 14), false, 'far-future');
    const past = [3, 40, 41, 50].map((days) => entry(subDays(now, days), false, `past${days}`));
    const result = plan([future, farFuture, ...past], now, nothing);
    expect(result.keep).toEqual([
      { id: 'far-future', reasons: ['future'] },
      { id: 'future', reasons: ['future'] },
      { id: 'past3', reasons: ['newest'] },
      { id: 'past40', reasons: ['newest'] },
      { id: 'past41', reasons: ['newest'] },
    ]);
    expect(result.remove).toEqual(['past50']);
  });

  it('holds to the default shape over a year of backups every 15 minutes during opening hours', () => {
    const entries: RetentionEntry[] = [];
    for (let day = 0; day < 400; day++) {
      for (let minute = 9 * 60; minute <= 18 * 60; minute += 15) {
        const at = addMinutes(subDays(local(2026, 6, 15, 0), day), minute);
        if (at <= now) entries.push(entry(at, (day + minute) % 7 !== 0));
      }
    }
    const result = plan(entries, now);
    const count = (reason: string) => result.keep.filter((k) => k.reasons.includes(reason as never)).length;
    expect(count('recent')).toBe(10);
    expect(count('daily')).toBe(30);
    expect(count('monthly')).toBe(12);
    expect(count('newest')).toBe(3);
    // Today's newest is recent, daily and monthly at once; the recent ten share today and yesterday's
    // evening with the daily ones; the newest daily of June is the monthly one.
    expect(result.keep.length).toBeLessThanOrEqual(10 + 30 + 12);
    expect(result.keep.length).toBeGreaterThanOrEqual(30 + 11);
    for (const k of result.keep) {
      const e = entries.find((x) => x.id === k.id)!;
      if (k.reasons.includes('daily') || k.reasons.includes('monthly')) expect(e.verified || k.reasons.includes('recent')).toBe(true);
    }
  });

  it('keeps its promises on random histories', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 60; round++) {
      const entries = Array.from({ length: Math.floor(random() * 80) }, (_, i) =>
        entry(new Date(now.getTime() - random() * 500 * 86_400_000 + (random() < 0.05 ? 30 * 86_400_000 : 0)), random() < 0.6, `x${round}-${i}`, random() < 0.1),
      );
      const settings: RetentionSettings = {
        recentHours: Math.floor(random() * 48),
        recentMax: Math.floor(random() * 12),
        dailyDays: Math.floor(random() * 40),
        monthlyMonths: Math.floor(random() * 14),
      };
      const result = plan(entries, now, settings);
      const keptIds = new Set(kept(result));
      expect(keptIds.size + result.remove.length).toBe(entries.length);
      const past = entries.filter((e) => e.createdAt <= now).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? -1 : 1));
      for (const e of past.slice(0, 3)) expect(keptIds.has(e.id)).toBe(true);
      for (const e of past) if (e.safety && differenceInCalendarDays(now, e.createdAt) < 30) expect(keptIds.has(e.id)).toBe(true);
      const newestVerified = past.find((e) => e.verified);
      if (newestVerified) expect(keptIds.has(newestVerified.id)).toBe(true);
      for (const e of entries) if (e.createdAt > now) expect(keptIds.has(e.id)).toBe(true);
      const future = entries.filter((e) => e.createdAt > now).length;
      const safety = entries.filter((e) => e.safety).length;
      expect(keptIds.size).toBeLessThanOrEqual(future + safety + settings.recentMax + settings.dailyDays + settings.monthlyMonths + 3 + 1);
    }
  });
});

describe('planRetention: safety backups (made before a restore)', () => {
  const now = local(2026, 6, 15, 12);
  const nothing: RetentionSettings = { recentHours: 0, recentMax: 0, dailyDays: 0, monthlyMonths: 0 };

  it('keeps one younger than 30 days by the clock, with every rule off', () => {
    const safety = [1, 10, 29].map((days) => entry(subDays(now, days), true, `safety${days}`, true));
    const result = plan([...safety, ...newestThree(now)], now, nothing);
    for (const e of safety) expect(reasonsOf(result, e.id)).toEqual(['safety']);
    expect(result.remove).toEqual([]);
  });

  it('lets one go once it is 30 days old by the clock and 30 days with backups came after it', () => {
    const safety = entry(subDays(now, 40), true, 'safety', true);
    const daily = Array.from({ length: 30 }, (_, i) => entry(subDays(now, i), true, `day${i}`));
    const result = plan([safety, ...daily], now, nothing);
    expect(result.remove).toContain('safety');
  });

  it('keeps one 30 days old or more while fewer than 30 days with backups came after it (the store was closed)', () => {
    const safety = entry(subDays(now, 60), true, 'safety', true);
    const someDays = Array.from({ length: SAFETY_KEEP_DAYS - 2 }, (_, i) => entry(subDays(now, i), true, `day${i}`));
    const result = plan([safety, ...someDays], now, nothing);
    expect(reasonsOf(result, 'safety')).toEqual(['safety']);
  });

  it('treats an ordinary backup as no safety backup', () => {
    const ordinary = entry(subDays(now, 5), true, 'ordinary');
    const result = plan([ordinary, ...newestThree(now)], now, nothing);
    expect(result.remove).toEqual(['ordinary']);
  });
});

describe('planRetention: a wrong clock', () => {
  const realNow = local(2026, 6, 15, 12);
  /** A year and a half of the store's life: backups at 10:00 and 17:00 every day but Sundays, a restore (and its safety backup) 6 days ago and 20 days ago. */
  const history = (() => {
    const entries: RetentionEntry[] = [];
    for (let day = 1; day < 540; day++) {
      const date = subDays(local(2026, 6, 15, 0), day);
      if (date.getDay() === 0) continue;
      entries.push(entry(addHours(date, 10), day % 5 !== 0, `h${day}-am`), entry(addHours(date, 17), day % 7 !== 0, `h${day}-pm`));
    }
    entries.push(entry(subDays(realNow, 6), true, 'safety-6', true), entry(subDays(realNow, 20), true, 'safety-20', true));
    return entries;
  })();
  const rightPlan = plan(history, realNow);

  for (const [label, wrongNow] of [
    ['13 months ahead', addMonths(realNow, 13)],
    ['5 years ahead', addYears(realNow, 5)],
    ['a day ahead', addDays(realNow, 1)],
  ] as const) {
    it(`a clock ${label} keeps the newest three, the safety backups and nearly the whole history`, () => {
      // The first backup with the wrong clock is dated by it, and retention runs with the same clock.
      const wrong = entry(wrongNow, true, `wrong-${label}`);
      const result = plan([...history, wrong], wrongNow);
      const keptIds = new Set(kept(result));
      const newestReal = [...history].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, 2);
      for (const e of [wrong, ...newestReal]) expect(keptIds.has(e.id)).toBe(true);
      expect(reasonsOf(result, 'safety-6')).toContain('safety');
      expect(reasonsOf(result, 'safety-20')).toContain('safety');
      // The wrong date takes at most one day's and one month's place from the history a right clock keeps.
      const lost = kept(rightPlan).filter((id) => !keptIds.has(id));
      expect(lost.length).toBeLessThanOrEqual(2);
    });
  }

  it('a clock 13 months ahead that stays wrong for a week keeps safety backups made before it jumped (really 14 and 28 days old)', () => {
    let entries = [...history];
    let wrongNow = addMonths(realNow, 13);
    for (let day = 0; day < 8; day++) {
      entries.push(entry(wrongNow, true, `wrong${day}`));
      const result = plan(entries, wrongNow);
      entries = entries.filter((e) => !result.remove.includes(e.id));
      wrongNow = addDays(wrongNow, 1);
    }
    const ids = entries.map((e) => e.id);
    expect(ids).toContain('safety-6');
    expect(ids).toContain('safety-20');
  });

  for (const [label, wrongNow] of [
    ['an hour', subHours(realNow, 1)],
    ['a day', subDays(realNow, 1)],
    ['a year', subYears(realNow, 1)],
  ] as const) {
    it(`a clock set back by ${label} removes nothing made after the time it shows, and keeps the newest three it writes`, () => {
      const recent = [entry(subMinutes(realNow, 30), true, 'recent-30'), entry(subMinutes(realNow, 5), true, 'recent-5'), entry(subMinutes(realNow, 1), true, 'safety-now', true)];
      let entries = [...history, ...recent];
      const after = entries.filter((e) => e.createdAt > wrongNow).map((e) => e.id);
      let clock = wrongNow;
      const written: string[] = [];
      for (let i = 0; i < 8; i++) {
        const e = entry(clock, true, `set-back${i}`);
        written.push(e.id);
        entries.push(e);
        const result = plan(entries, clock);
        entries = entries.filter((x) => !result.remove.includes(x.id));
        clock = addMinutes(clock, 20);
      }
      const ids = entries.map((e) => e.id);
      for (const id of after) expect(ids).toContain(id);
      for (const id of written.slice(-3)) expect(ids).toContain(id);
      expect(ids).toContain('safety-now');
      expect(ids).toContain('safety-6');
    });
  }
});

describe('retentionSettingsSchema', () => {
  it('accepts the defaults and refuses nonsense', () => {
    expect(retentionSettingsSchema.safeParse(DEFAULT_RETENTION_SETTINGS).success).toBe(true);
    for (const bad of [
      { ...DEFAULT_RETENTION_SETTINGS, recentMax: -1 },
      { ...DEFAULT_RETENTION_SETTINGS, dailyDays: 1.5 },
      { ...DEFAULT_RETENTION_SETTINGS, monthlyMonths: Number.NaN },
      { ...DEFAULT_RETENTION_SETTINGS, recentHours: '24' },
      { ...DEFAULT_RETENTION_SETTINGS, extra: 1 },
      { recentHours: 24, recentMax: 10, dailyDays: 30 },
    ]) {
      expect(retentionSettingsSchema.safeParse(bad).success).toBe(false);
    }
  });
});
