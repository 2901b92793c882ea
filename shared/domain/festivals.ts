// The festival calendar: six festivals of the lunar calendar, and China's public holidays with their days off
// and official make-up working days (调休).
//
// From lunar-typescript rather than tyme4ts: it already computes lunar birthdays here, and both carry the
// same official holiday data, known up to 2026 only in the installed versions; a year the package does not
// know is reported as unknown (holidayScheduleKnown), never guessed.
import { HolidayUtil, Lunar } from 'lunar-typescript';

export const LUNAR_FESTIVALS = [
  { id: 'spring-festival', month: 1, day: 1 },
  { id: 'lantern', month: 1, day: 15 },
  { id: 'dragon-boat', month: 5, day: 5 },
  { id: 'qixi', month: 7, day: 7 },
  { id: 'mid-autumn', month: 8, day: 15 },
  { id: 'double-ninth', month: 9, day: 9 },
] as const;
export type LunarFestivalId = (typeof LUNAR_FESTIVALS)[number]['id'];

/** Public holidays that are not festivals of the lunar calendar (春节, 端午 and 中秋 are both). */
export const PUBLIC_HOLIDAY_IDS = ['new-year', 'qingming', 'labour-day', 'national-day', 'victory-day'] as const;
export type PublicHolidayId = (typeof PUBLIC_HOLIDAY_IDS)[number];

export const FESTIVAL_IDS = [...LUNAR_FESTIVALS.map((f) => f.id), ...PUBLIC_HOLIDAY_IDS] as const;
export type FestivalId = LunarFestivalId | PublicHolidayId;

/**
 * The occasions each holiday name of HolidayUtil is (2020 and 2025 had one 国庆中秋 break for both). A name
 * the package adds later and this list lacks fails festivals.test.ts, rather than going unshown.
 */
export const HOLIDAY_NAME_FESTIVALS: Readonly<Record<string, readonly FestivalId[]>> = {
  元旦节: ['new-year'],
  春节: ['spring-festival'],
  清明节: ['qingming'],
  劳动节: ['labour-day'],
  端午节: ['dragon-boat'],
  中秋节: ['mid-autumn'],
  国庆节: ['national-day'],
  国庆中秋: ['national-day', 'mid-autumn'],
  抗战胜利日: ['victory-day'],
};

/** One official break: its days off (first to last) and the weekend days worked to make up for it. */
export interface HolidayBreak {
  from: string;
  to: string;
  makeUpWorkdays: string[];
}

interface HolidayBlock extends HolidayBreak {
  festivals: readonly FestivalId[];
  /** The holiday's own day (the festival, or the first of the month for 元旦, 劳动节, 国庆). */
  target: string;
}

/** One festival's day in a year, with its official break when it is a public holiday of a known year. */
export interface FestivalOccurrence {
  festival: FestivalId;
  day: string;
  holiday: HolidayBreak | null;
}

/** Breaks whose holiday falls in `year` (their make-up days may fall in the year before). */
function holidayBlocks(year: number): HolidayBlock[] {
  const groups = new Map<string, { name: string; target: string; off: string[]; work: string[] }>();
  for (const y of [year - 1, year]) {
    for (const h of HolidayUtil.getHolidays(y)) {
      const target = h.getTarget();
      if (Number(target.slice(0, 4)) !== year) continue;
      const id = `${h.getName()}|${target}`;
      let g = groups.get(id);
      if (!g) groups.set(id, (g = { name: h.getName(), target, off: [], work: [] }));
      (h.isWork() ? g.work : g.off).push(h.getDay());
    }
  }
  const blocks: HolidayBlock[] = [];
  for (const g of groups.values()) {
    const festivals = HOLIDAY_NAME_FESTIVALS[g.name];
    if (!festivals || g.off.length === 0) continue;
    g.off.sort();
    blocks.push({ festivals, target: g.target, from: g.off[0]!, to: g.off[g.off.length - 1]!, makeUpWorkdays: [...new Set(g.work)].sort() });
  }
  return blocks.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
}

/** Whether the installed package has the official public-holiday schedule of `year`. */
export function holidayScheduleKnown(year: number): boolean {
  return HolidayUtil.getHolidays(year).some((h) => Number(h.getTarget().slice(0, 4)) === year);
}

const breakOf = (b: HolidayBlock): HolidayBreak => ({ from: b.from, to: b.to, makeUpWorkdays: [...b.makeUpWorkdays] });

// A year's lunar arithmetic costs about a millisecond in lunar-typescript; a reminder pass asks for one or two years.
const years = new Map<number, readonly FestivalOccurrence[]>();

/** Every festival's day in solar year `year` (1901–2099), with its official break when known, by day. */
export function festivalsOfYear(year: number): readonly FestivalOccurrence[] {
  const cached = years.get(year);
  if (cached) return cached;
  const blocks = holidayBlocks(year);
  const breakFor = (id: FestivalId, day: string): HolidayBreak | null => {
    const own = blocks.filter((b) => b.festivals.includes(id));
    const chosen = own.find((b) => b.from <= day && day <= b.to) ?? own[0];
    return chosen ? breakOf(chosen) : null;
  };
  const y = String(year);
  const fixed: [FestivalId, string][] = [
    ['new-year', `${y}-01-01`],
    // The 清明 solar term (4–6 April) in the table of the lunar year of the same number.
    ['qingming', Lunar.fromYmd(year, 1, 1).getJieQiTable()['清明']!.toYmd()],
    ['labour-day', `${y}-05-01`],
    ['national-day', `${y}-10-01`],
  ];
  const lunar: [FestivalId, string][] = LUNAR_FESTIVALS.map((f) => [f.id, Lunar.fromYmd(year, f.month, f.day).getSolar().toYmd()]);
  const out: FestivalOccurrence[] = [...lunar, ...fixed].map(([festival, day]) => ({ festival, day, holiday: breakFor(festival, day) }));
  // Breaks for an occasion with no rule of its own (抗战胜利日 in 2015) stand on their holiday's day.
  const ruled = new Set(out.map((o) => o.festival));
  for (const b of blocks) for (const id of b.festivals) if (!ruled.has(id)) out.push({ festival: id, day: b.target, holiday: breakOf(b) });
  out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const frozen = Object.freeze(out);
  years.set(year, frozen);
  return frozen;
}
