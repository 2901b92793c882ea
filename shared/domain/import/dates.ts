// Dates as other programs write them: ISO, 1990/5/17, 1990年5月17日, 5/17/1990, 17 May 1990,
// 19900517, Excel serial numbers, and month-day without a year (--05-17, 05-17, 5月17日).
import type { BirthdayDraft } from '../customerValidation';

/** How to read 05/06/1990 when both numbers could be the month. A part above 12 decides by itself. */
export type DateOrder = 'mdy' | 'dmy';

export interface DateParts {
  /** null: no year given (a birthday written as --05-17). */
  year: number | null;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  hasTime: boolean;
  /** Minutes east of UTC when the text named a zone (Z, +08:00); null for local wall time. */
  offsetMinutes: number | null;
  calendar: 'solar' | 'lunar';
  leapMonth: boolean;
}

export interface DateTextOptions {
  dateOrder?: DateOrder;
  /** Accept a month and day without a year (birthdays). Default false. */
  allowNoYear?: boolean;
  /** Accept Excel serial day numbers (32874 = 1990-01-01). Default true. */
  allowExcelSerial?: boolean;
  /** Smallest serial taken as a date (birthdays use 10000 = 1927-05-18, so "1990" is not 1905-06-12). Default 1. */
  minExcelSerial?: number;
  /** Two-digit years: up to this year's last two digits → 20yy, else 19yy. */
  today: Date;
  /**
   * Hold to `dateOrder`: a date that reads only the other way round (13/12/2010 under month/day) is
   * unreadable instead of being swapped. Imports set it, so one typo cannot change how a row is read.
   */
  strictOrder?: boolean;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_WORD = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const LUNAR_PREFIX = /^(?:农历|農曆|农|農|阴历|陰曆|阴|陰)\s*/;
const LEAP_MARK = /[闰閏]\s*/;

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function monthFromWord(word: string): number {
  return MONTH_NAMES.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

function fullYear(text: string, today: Date): number {
  if (text.length !== 2) return Number(text);
  const yy = Number(text);
  const pivot = today.getFullYear() % 100;
  return yy <= pivot ? 2000 + yy : 1900 + yy;
}

function timeParts(text: string): Pick<DateParts, 'hour' | 'minute' | 'second' | 'hasTime' | 'offsetMinutes'> | null {
  const t = text.trim();
  if (t === '') return { hour: 0, minute: 0, second: 0, hasTime: false, offsetMinutes: null };
  const m = /^(?:T|\s*)(上午|下午|am|pm)?\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(am|pm|a\.m\.|p\.m\.)?\s*(z|[+-]\d{2}:?\d{2})?$/i.exec(t);
  if (!m) return null;
  let hour = Number(m[2]);
  const minute = Number(m[3]);
  const second = m[4] ? Number(m[4]) : 0;
  const meridiem = (m[1] ?? m[5] ?? '').toLowerCase().replace(/\./g, '');
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    const pm = meridiem === 'pm' || meridiem === '下午';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes: number | null = null;
  if (m[6]) {
    if (m[6].toLowerCase() === 'z') offsetMinutes = 0;
    else {
      const digits = m[6].replace(':', '');
      const sign = digits[0] === '-' ? -1 : 1;
      offsetMinutes = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
    }
  }
  return { hour, minute, second, hasTime: true, offsetMinutes };
}

/** Excel's day number (1900 date system; 60 is Excel's phantom 1900-02-29) as calendar parts. */
export function excelSerialToParts(serial: number): DateParts | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466 || Math.floor(serial) === 60) return null;
  const whole = Math.floor(serial);
  // Before the phantom day Excel is one day ahead of the real calendar.
  const dayMs = EXCEL_EPOCH_UTC + (whole < 60 ? whole + 1 : whole) * DAY_MS;
  const seconds = Math.round((serial - whole) * 86_400);
  const d = new Date(dayMs + Math.min(seconds, 86_399) * 1000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    hasTime: seconds > 0,
    offsetMinutes: null,
    calendar: 'solar',
    leapMonth: false,
  };
}

const CN_DIGITS = '一二三四五六七八九十';

function chineseLunarMonth(text: string): number | null {
  const special: Record<string, number> = { 正: 1, 冬: 11, 腊: 12, 臘: 12, 十: 10, 十一: 11, 十二: 12 };
  if (text in special) return special[text]!;
  const i = CN_DIGITS.indexOf(text);
  return text.length === 1 && i >= 0 ? i + 1 : null;
}

function chineseLunarDay(text: string): number | null {
  const digit = (ch: string | undefined) => (ch === undefined ? 0 : CN_DIGITS.indexOf(ch) + 1);
  const [head, tail] = [text[0]!, text[1]];
  if (head === '初') return tail ? digit(tail) || null : null;
  if (head === '十') return tail && tail !== '十' ? 10 + digit(tail) : tail ? null : 10;
  if (head === '廿') return tail && tail !== '十' ? 20 + digit(tail) : null;
  if (head === '二' && tail === '十') return 20;
  if ((head === '三' && tail === '十') || (head === '卅' && !tail)) return 30;
  return null;
}

/** Orders two ambiguous numbers into [month, day]; null when strict and only the other order fits. */
function monthDay(a: number, b: number, order: DateOrder, strict: boolean): [number, number] | null {
  const [month, day] = order === 'mdy' ? [a, b] : [b, a];
  if (month <= 12 || day > 12) return [month, day];
  return strict ? null : [day, month];
}

/**
 * The calendar parts of a date written in one of the common ways, or null. Does not check that
 * the day exists in the month (the caller's validator does, with the right error code).
 */
export function parseDateText(input: string, opts: DateTextOptions): DateParts | null {
  const order = opts.dateOrder ?? 'mdy';
  let text = input.normalize('NFKC').trim();
  if (text === '') return null;

  let calendar: DateParts['calendar'] = 'solar';
  let leapMonth = false;
  if (LUNAR_PREFIX.test(text)) {
    calendar = 'lunar';
    text = text.replace(LUNAR_PREFIX, '');
    if (LEAP_MARK.test(text)) {
      leapMonth = true;
      text = text.replace(LEAP_MARK, '');
    }
  }

  const build = (year: number | null, month: number, day: number, rest: string): DateParts | null => {
    const time = timeParts(rest);
    if (!time) return null;
    if (year === null && !opts.allowNoYear) return null;
    if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
    return { year, month, day, ...time, calendar, leapMonth };
  };

  let m: RegExpExecArray | null;
  // 农历八月十五, 农历1990年闰四月初三: months and days in Chinese numerals (lunar dates only).
  if (calendar === 'lunar' && (m = /^(?:(\d{4})\s*年\s*)?([正一二三四五六七八九十冬腊臘]{1,2})月\s*([初十廿卅二三][一二三四五六七八九十]?)$/.exec(text))) {
    const month = chineseLunarMonth(m[2]!);
    const day = chineseLunarDay(m[3]!);
    return month && day ? build(m[1] ? Number(m[1]) : null, month, day, '') : null;
  }
  // 1990-05-17, 1990/5/17, 1990.5.17, with an optional time; 0000-05-17 means no year (Square).
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(.*)$/.exec(text))) {
    const year = Number(m[1]);
    return build(year === 0 ? null : year, Number(m[2]), Number(m[3]), m[4]!);
  }
  // 1990年5月17日 / 5月17日 / 1990年5月17号
  if ((m = /^(?:(\d{2}|\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?(.*)$/.exec(text))) {
    return build(m[1] ? fullYear(m[1], opts.today) : null, Number(m[2]), Number(m[3]), m[4]!);
  }
  // --05-17, --0517 (vCard 3/4 and Google Contacts without a year)
  if ((m = /^--(\d{2})-?(\d{2})$/.exec(text))) return build(null, Number(m[1]), Number(m[2]), '');
  // 19900517
  if ((m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(z|[+-]\d{2}:?\d{2})?)?$/i.exec(text))) {
    const rest = m[4] ? `T${m[4]}:${m[5]}${m[6] ? `:${m[6]}` : ''}${m[7] ?? ''}` : '';
    return build(Number(m[1]), Number(m[2]), Number(m[3]), rest);
  }
  // 5/17/1990, 17.05.1990, 5-17-90 (year last)
  if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?![\d])(.*)$/.exec(text))) {
    const md = monthDay(Number(m[1]), Number(m[2]), order, opts.strictOrder === true);
    return md ? build(fullYear(m[3]!, opts.today), md[0], md[1], m[4]!) : null;
  }
  // 05-17, 5/17 (no year)
  if ((m = /^(\d{1,2})[-/.](\d{1,2})$/.exec(text))) {
    const md = monthDay(Number(m[1]), Number(m[2]), order, opts.strictOrder === true);
    return md ? build(null, md[0], md[1], '') : null;
  }
  // May 17, 1990 / May 17
  if ((m = new RegExp(`^${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(.*)$`, 'i').exec(text))) {
    return build(m[3] ? Number(m[3]) : null, monthFromWord(m[1]!), Number(m[2]), m[4]!);
  }
  // 17 May 1990 / 17-May-1990 / 17 May
  if ((m = new RegExp(`^(\\d{1,2})[\\s-]+${MONTH_WORD}(?:[\\s,-]+(\\d{4}|\\d{2}))?(.*)$`, 'i').exec(text))) {
    return build(m[3] ? fullYear(m[3], opts.today) : null, monthFromWord(m[2]!), Number(m[1]), m[4]!);
  }
  // 0517: month and day without a year
  if (opts.allowNoYear && (m = /^(\d{2})(\d{2})$/.exec(text)) && Number(m[1]) <= 12) {
    return build(null, Number(m[1]), Number(m[2]), '');
  }
  // Excel serial day number, possibly with a time fraction (40513.35)
  if (opts.allowExcelSerial !== false && calendar === 'solar' && /^\d{1,7}(?:\.\d+)?$/.test(text)) {
    return Number(text) >= (opts.minExcelSerial ?? 1) ? excelSerialToParts(Number(text)) : null;
  }
  return null;
}

/** A date from a column known to hold lunar dates, marked as lunar for parseDateText (农历 put in front). */
export function asLunarText(text: string): string {
  const t = text.normalize('NFKC').trim();
  return LUNAR_PREFIX.test(t) ? t : `农历${t}`;
}

/** A real solar calendar date (no 2-30)? */
export function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * A birthday cell as the form's draft: '' → null, unreadable → 'invalid'. Range checks (Feb 30,
 * a year in the future) are left to validateCustomerDraft so imports and the form agree.
 */
export function parseBirthdayText(text: string, opts: Omit<DateTextOptions, 'allowNoYear'>): BirthdayDraft | null | 'invalid' {
  if (text.normalize('NFKC').trim() === '') return null;
  const p = parseDateText(text, { minExcelSerial: 10_000, ...opts, allowNoYear: true });
  if (!p || (p.hasTime && (p.hour !== 0 || p.minute !== 0 || p.second !== 0))) return 'invalid';
  return {
    calendar: p.calendar,
    year: p.year === null ? '' : String(p.year),
    month: String(p.month),
    day: String(p.day),
    leapMonth: p.leapMonth,
  };
}

/**
 * A date or date-time cell as an ISO 8601 UTC instant. Wall times without a zone are the store's
 * local time (the machine's zone, as Date does). A date alone is local noon, as in the purchase
 * form (parseEnteredDateTime), so the day survives a later change of time zone. Null when
 * unreadable or not a real date.
 */
export function parseDateTimeToIso(text: string, opts: Omit<DateTextOptions, 'allowNoYear'>): string | null {
  const p = parseDateText(text, { ...opts, allowNoYear: false });
  if (!p || p.year === null || p.calendar !== 'solar' || !isRealDate(p.year, p.month, p.day)) return null;
  if (p.offsetMinutes !== null) {
    const utc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - p.offsetMinutes * 60_000;
    return new Date(utc).toISOString();
  }
  const local = p.hasTime ? new Date(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) : new Date(p.year, p.month - 1, p.day, 12);
  if (p.year < 100) local.setFullYear(p.year);
  return local.toISOString();
}

/** Read strictly in the given order it fails, read either way it is a date: the order is what is wrong. */
export function impossibleInDateOrder(text: string, opts: DateTextOptions & { dateOrder: DateOrder }): boolean {
  const lenient = { ...opts, allowNoYear: true, strictOrder: false };
  return parseDateText(text, { ...lenient, strictOrder: true }) === null && parseDateText(text, lenient) !== null;
}

// ---- which order a file's dates are written in -------------------------------------------------------

/** What a column of dates says about their order, and whether the clerk must be asked. */
export interface DateOrderEvidence {
  /** Dates that read differently as month/day and day/month (05/06/1990). */
  ambiguous: number;
  /** Dates that read only as day/month (13/12/2010), and only as month/day (12/13/2010). */
  dmyOnly: number;
  mdyOnly: number;
  /** The order the file settles by itself, or null. */
  suggested: DateOrder | null;
  /** Some dates read both ways (or the rows contradict each other) and the file does not settle it. */
  ask: boolean;
  /** One date of each kind, for the question. */
  examples: { ambiguous: string | null; dmyOnly: string | null; mdyOnly: string | null };
}

const NUMERIC_DATE = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?(?![\d.])/;
/** Rows that settle the order must be at least this many, and this share of the rows it decides. */
const SETTLING_ROWS = 2;
const SETTLING_SHARE = 0.2;

/**
 * Weighs a column's dates. The order is settled only when at least two rows show it, none shows the
 * other, and they are a fair share of the dates it decides: one typo (13/12/2010 among month/day
 * dates) never decides how ten other rows are read. Otherwise, when any date reads both ways or the
 * rows disagree, the clerk is asked.
 */
export function weighDateOrder(values: Iterable<string>): DateOrderEvidence {
  const e: DateOrderEvidence = { ambiguous: 0, dmyOnly: 0, mdyOnly: 0, suggested: null, ask: false, examples: { ambiguous: null, dmyOnly: null, mdyOnly: null } };
  for (const value of values) {
    const text = value.normalize('NFKC').trim();
    const m = NUMERIC_DATE.exec(text);
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    const kind = a > 12 && b <= 12 ? 'dmyOnly' : b > 12 && a <= 12 ? 'mdyOnly' : a !== b && a >= 1 && b >= 1 && a <= 12 && b <= 12 ? 'ambiguous' : null;
    if (!kind) continue;
    e[kind]++;
    e.examples[kind] ??= text;
  }
  const winner: DateOrder | null = e.dmyOnly > e.mdyOnly ? 'dmy' : e.mdyOnly > e.dmyOnly ? 'mdy' : null;
  const wins = Math.max(e.dmyOnly, e.mdyOnly);
  const loses = Math.min(e.dmyOnly, e.mdyOnly);
  const settled = winner !== null && loses === 0 && (e.ambiguous === 0 || (wins >= SETTLING_ROWS && wins >= SETTLING_SHARE * (wins + e.ambiguous)));
  e.suggested = settled ? winner : null;
  e.ask = !settled && (e.ambiguous > 0 || loses > 0);
  return e;
}
