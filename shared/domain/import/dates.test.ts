import { describe, expect, it } from 'vitest';
import { excelSerialToParts, impossibleInDateOrder, parseBirthdayText, parseDateText, parseDateTimeToIso, weighDateOrder } from './dates';

const TODAY = new Date(2025, 5, 15);
const bday = (text: string, dateOrder?: 'mdy' | 'dmy') => parseBirthdayText(text, { today: TODAY, dateOrder });
const solar = (year: string, month: string, day: string) => ({ calendar: 'solar', year, month, day, leapMonth: false });

describe('parseBirthdayText', () => {
  it('reads the common written forms', () => {
    for (const text of ['1990-05-17', '1990/5/17', '1990.5.17', '1990年5月17日', '1990年05月17号', '19900517', '5/17/1990',
      '17.05.1990', 'May 17, 1990', '17 May 1990', '17-May-1990', '1990-05-17 00:00:00', '1990-05-17T00:00:00.000Z', '３３０１０']) {
      expect(bday(text), text).toEqual(solar('1990', '5', '17'));
    }
  });

  it('reads month and day without a year', () => {
    for (const text of ['--05-17', '--0517', '05-17', '5/17', '5月17日', '0517', 'May 17', '0000-05-17']) {
      expect(bday(text), text).toEqual(solar('', '5', '17'));
    }
  });

  it('disambiguates day and month: a part above 12 decides, otherwise the date order', () => {
    expect(bday('17/05/1990')).toEqual(solar('1990', '5', '17'));
    expect(bday('05/06/1990')).toEqual(solar('1990', '5', '6'));
    expect(bday('05/06/1990', 'dmy')).toEqual(solar('1990', '6', '5'));
    expect(bday('5/17/90')).toEqual(solar('1990', '5', '17'));
    expect(bday('5/17/05')).toEqual(solar('2005', '5', '17'));
  });

  it('reads lunar birthdays, also in Chinese numerals and leap months', () => {
    expect(bday('农历1990-08-15')).toEqual({ calendar: 'lunar', year: '1990', month: '8', day: '15', leapMonth: false });
    expect(bday('农历八月十五')).toEqual({ calendar: 'lunar', year: '', month: '8', day: '15', leapMonth: false });
    expect(bday('農曆1990年閏四月初三')).toEqual({ calendar: 'lunar', year: '1990', month: '4', day: '3', leapMonth: true });
    expect(bday('阴历腊月廿三')).toEqual({ calendar: 'lunar', year: '', month: '12', day: '23', leapMonth: false });
    expect(bday('农历正月三十')).toEqual({ calendar: 'lunar', year: '', month: '1', day: '30', leapMonth: false });
  });

  it('returns null for empty and invalid for the unreadable', () => {
    expect(bday('   ')).toBeNull();
    for (const text of ['abc', '1990', '13/13/1990', '1990-05-17 08:30', '32/1', '农历十三月初一']) expect(bday(text), text).toBe('invalid');
  });

  it('leaves range checks to the validator (Feb 30 is passed through)', () => {
    expect(bday('1990-02-30')).toEqual(solar('1990', '2', '30'));
  });
});

describe('Excel serial numbers', () => {
  it('follow the 1900 date system with its phantom leap day', () => {
    expect(excelSerialToParts(1)).toMatchObject({ year: 1900, month: 1, day: 1 });
    expect(excelSerialToParts(59)).toMatchObject({ year: 1900, month: 2, day: 28 });
    expect(excelSerialToParts(60)).toBeNull();
    expect(excelSerialToParts(61)).toMatchObject({ year: 1900, month: 3, day: 1 });
    expect(excelSerialToParts(32874)).toMatchObject({ year: 1990, month: 1, day: 1, hasTime: false });
    expect(excelSerialToParts(40513.35)).toMatchObject({ year: 2010, month: 12, day: 1, hour: 8, minute: 24, hasTime: true });
  });
});

describe('parseDateTimeToIso', () => {
  const iso = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => new Date(y, mo - 1, d, h, mi, s).toISOString();
  it('reads Online Retail dates in both spellings as local wall time', () => {
    expect(parseDateTimeToIso('12/1/2010 8:26', { today: TODAY })).toBe(iso(2010, 12, 1, 8, 26));
    expect(parseDateTimeToIso('2010-12-01 08:26:00', { today: TODAY })).toBe(iso(2010, 12, 1, 8, 26));
    expect(parseDateTimeToIso('2011-12-09 12:50:00', { today: TODAY })).toBe(iso(2011, 12, 9, 12, 50));
  });

  it('puts a date alone at local noon, like the purchase form', () => {
    expect(parseDateTimeToIso('2024-03-05', { today: TODAY })).toBe(iso(2024, 3, 5, 12));
    expect(parseDateTimeToIso('2024年3月5日 下午3:05', { today: TODAY })).toBe(iso(2024, 3, 5, 15, 5));
    expect(parseDateTimeToIso('3/5/2024 3:05 PM', { today: TODAY })).toBe(iso(2024, 3, 5, 15, 5));
  });

  it('honours an explicit zone', () => {
    expect(parseDateTimeToIso('2024-03-05T08:00:00+08:00', { today: TODAY })).toBe('2024-03-05T00:00:00.000Z');
    expect(parseDateTimeToIso('2024-03-05T08:00:00Z', { today: TODAY })).toBe('2024-03-05T08:00:00.000Z');
  });

  it('refuses impossible dates, missing years and lunar dates', () => {
    for (const text of ['2023-02-29', '2024-13-01', '05-17', '农历2024-01-01', '2024-01-01 25:00', '']) {
      expect(parseDateTimeToIso(text, { today: TODAY }), text).toBeNull();
    }
  });

  it('parseDateText keeps the parts of a time', () => {
    expect(parseDateText('2010-12-01 08:26:59', { today: TODAY })).toMatchObject({ hour: 8, minute: 26, second: 59, hasTime: true, offsetMinutes: null });
  });
});

describe('strict date order', () => {
  it('reads a date that fits the order, and refuses one that reads only the other way', () => {
    expect(parseDateText('05/06/2010', { today: TODAY, dateOrder: 'mdy', strictOrder: true })).toMatchObject({ month: 5, day: 6 });
    expect(parseDateText('05/06/2010', { today: TODAY, dateOrder: 'dmy', strictOrder: true })).toMatchObject({ month: 6, day: 5 });
    expect(parseDateText('13/12/2010', { today: TODAY, dateOrder: 'mdy', strictOrder: true })).toBeNull();
    expect(parseDateText('12/13/2010', { today: TODAY, dateOrder: 'dmy', strictOrder: true })).toBeNull();
    expect(parseDateText('13/12', { today: TODAY, dateOrder: 'mdy', strictOrder: true, allowNoYear: true })).toBeNull();
    // Without strict, the part above 12 still decides by itself (the customer form's behaviour).
    expect(parseDateText('13/12/2010', { today: TODAY, dateOrder: 'mdy' })).toMatchObject({ month: 12, day: 13 });
    // Written year first, the order does not apply.
    expect(parseDateText('2010-12-13', { today: TODAY, dateOrder: 'dmy', strictOrder: true })).toMatchObject({ month: 12, day: 13 });
  });

  it('tells an order problem from an unreadable date', () => {
    expect(impossibleInDateOrder('13/12/2010', { today: TODAY, dateOrder: 'mdy' })).toBe(true);
    expect(impossibleInDateOrder('12/13/2010 08:30', { today: TODAY, dateOrder: 'dmy' })).toBe(true);
    expect(impossibleInDateOrder('13/13/2010', { today: TODAY, dateOrder: 'mdy' })).toBe(false);
    expect(impossibleInDateOrder('05/06/2010', { today: TODAY, dateOrder: 'dmy' })).toBe(false);
    expect(impossibleInDateOrder('abc', { today: TODAY, dateOrder: 'mdy' })).toBe(false);
  });
});

describe('weighDateOrder', () => {
  const monthDay = ['03/04/2010', '01/02/2010', '05/06/2010', '07/08/2010', '09/10/2010', '11/12/2010', '02/03/2010', '04/05/2010', '06/07/2010', '08/09/2010'];

  it('does not let one typo decide how ten other rows are read: it asks', () => {
    const e = weighDateOrder([...monthDay, '13/12/2010']);
    expect(e).toMatchObject({ ambiguous: 10, dmyOnly: 1, mdyOnly: 0, suggested: null, ask: true });
    expect(e.examples).toEqual({ ambiguous: '03/04/2010', dmyOnly: '13/12/2010', mdyOnly: null });
    // Either way round, and with a typo on each side.
    expect(weighDateOrder([...monthDay, '12/13/2010'])).toMatchObject({ suggested: null, ask: true });
    expect(weighDateOrder([...monthDay, '12/13/2010', '13/12/2010', '12/25/2010'])).toMatchObject({ mdyOnly: 2, dmyOnly: 1, suggested: null, ask: true });
  });

  it('settles the order when enough rows show it and none contradicts them', () => {
    expect(weighDateOrder([...monthDay, '12/13/2010', '12/25/2010', '11/30/2010'])).toMatchObject({ suggested: 'mdy', ask: false });
    expect(weighDateOrder(['25/12/2010', '05/06/2010', '31/01/2011'])).toMatchObject({ suggested: 'dmy', ask: false });
    // A fair share is needed: 2 of 30 is not.
    expect(weighDateOrder([...monthDay, ...monthDay, ...monthDay, '13/12/2010', '14/12/2010'])).toMatchObject({ suggested: null, ask: true });
  });

  it('needs no answer when no date reads both ways', () => {
    expect(weighDateOrder(['13/12/2010'])).toMatchObject({ suggested: 'dmy', ask: false });
    expect(weighDateOrder(['2010-12-13', '1990年5月6日', '', '05/05/2010', '40513'])).toMatchObject({ ambiguous: 0, suggested: null, ask: false });
  });

  it('asks when the rows contradict each other even if none reads both ways', () => {
    expect(weighDateOrder(['13/12/2010', '12/13/2010', '25/12/2010'])).toMatchObject({ dmyOnly: 2, mdyOnly: 1, suggested: null, ask: true });
  });

  it('reads birthdays without a year, two-digit years, times and full-width digits', () => {
    expect(weighDateOrder(['05/06', '13/12', '５/６/90', '12/1/2010 8:26'])).toMatchObject({ ambiguous: 3, dmyOnly: 1 });
  });
});
