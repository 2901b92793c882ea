import { describe, expect, it } from 'vitest';
import { validateBirthday } from './birthday';
import { CHANNELS, GENDERS, SOURCES } from './customer';
import { validateCustomerDraft, type CustomerDraft } from './customerValidation';
import { DEMO_TAGS, generateDemoCustomers, type DemoCustomer } from './demoStore';
import { validateEmail } from './email';
import { validatePhone } from './phone';

const NOW = new Date(2025, 5, 15, 18, 0);
const counterIds = () => {
  let n = 0;
  return () => `id-${++n}`;
};
const generate = (seed: number, count: number) => generateDemoCustomers({ seed, count, now: NOW, newId: counterIds() });

// Measured on the 2-core build machine: 100,000 customers in about 1.1–1.3 s (tsx/Node 20,
// machine shared with other jobs), most of it allocating the records themselves.

describe('generateDemoCustomers', () => {
  const customers = generate(2025, 5000);

  it('gives identical output for the same seed, and different output for another', () => {
    expect(generate(2025, 5000)).toEqual(customers);
    expect(generate(2026, 50).map((c) => c.fields.name)).not.toEqual(customers.slice(0, 50).map((c) => c.fields.name));
  });

  it('uses the ids it is given, in order', () => {
    expect(customers.map((c) => c.id).slice(0, 3)).toEqual(['id-1', 'id-2', 'id-3']);
    expect(new Set(customers.map((c) => c.id)).size).toBe(customers.length);
    expect(generate(1, 0)).toEqual([]);
  });

  it('creates customers over the past three years, in increasing order', () => {
    const times = customers.map((c) => Date.parse(c.createdAt));
    expect(times.filter((t, i) => i > 0 && t <= times[i - 1]!)).toEqual([]);
    expect(times[0]!).toBeGreaterThanOrEqual(new Date(2022, 5, 15, 18, 0).getTime());
    expect(times.at(-1)!).toBeLessThanOrEqual(NOW.getTime());
    for (const c of customers.slice(0, 20)) expect(new Date(c.createdAt).toISOString()).toBe(c.createdAt);
  });

  it('refers only to customers created earlier', () => {
    const index = new Map(customers.map((c, i) => [c.id, i]));
    const referred = customers.filter((c) => c.fields.referredBy !== null);
    expect(referred.length).toBeGreaterThan(customers.length * 0.05);
    const bad = customers.filter((c, i) => {
      if (c.fields.referredBy === null) return false;
      const j = index.get(c.fields.referredBy);
      return c.fields.source !== 'referral' || j === undefined || j >= i || !customers[j]!.fields.tags.includes('推荐人');
    });
    expect(bad).toEqual([]);
  });

  it('writes phones that validatePhone accepts as they are stored, unique across the store', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const c of customers) {
      if (c.fields.phones.length > 0 && c.fields.phones.filter((p) => p.primary).length !== 1) problems.push(`${c.id} primary`);
      for (const p of c.fields.phones) {
        const r = validatePhone(p.raw, 'CN', { keepAsIs: false });
        if (!r.ok || r.value.normalized !== p.normalized || r.value.kind !== p.kind) problems.push(`${p.raw} ${JSON.stringify(r)}`);
        if (seen.has(p.normalized)) problems.push(`${p.normalized} twice`);
        seen.add(p.normalized);
      }
    }
    expect(problems).toEqual([]);
    expect(seen.size).toBeGreaterThan(customers.length);
  });

  it('writes valid, unique e-mails, birthdays and consent channels', () => {
    const emails = new Set<string>();
    const problems: string[] = [];
    for (const c of customers) {
      const f = c.fields;
      if (f.email) {
        const r = validateEmail(f.email);
        if (!r.ok || r.value !== f.email || emails.has(f.email)) problems.push(f.email);
        emails.add(f.email);
      }
      if (f.birthday) {
        const r = validateBirthday(f.birthday, NOW);
        if (!r.ok) problems.push(`${JSON.stringify(f.birthday)} ${r.reason}`);
      }
      for (const a of c.consents) if (!['wechat', 'sms', 'phone', 'email'].includes(a.channel) || (a.channel === 'email' && !f.email)) problems.push(a.channel);
    }
    expect(problems).toEqual([]);
  });

  it('passes the customer form validation unchanged', () => {
    const problems: string[] = [];
    for (const c of customers.slice(0, 1000)) {
      const f = c.fields;
      const draft: CustomerDraft = {
        ...f,
        phones: f.phones.map((p) => ({ raw: p.raw, label: p.label, primary: p.primary, keepAsIs: false })),
        birthday: f.birthday && {
          calendar: f.birthday.calendar,
          year: f.birthday.year === null ? '' : String(f.birthday.year),
          month: String(f.birthday.month),
          day: String(f.birthday.day),
          leapMonth: f.birthday.leapMonth,
        },
      };
      const r = validateCustomerDraft(draft, { defaultRegion: 'CN', today: NOW });
      if (!r.ok) problems.push(`${c.id} ${JSON.stringify(r.reason)}`);
      else if (JSON.stringify(r.value) !== JSON.stringify(f)) problems.push(`${c.id} changed`);
    }
    expect(problems).toEqual([]);
  });

  it('uses only the closed vocabularies and the store’s tag set', () => {
    const tagSet: readonly string[] = DEMO_TAGS;
    const bad = customers.filter(
      ({ fields: f }) =>
        !GENDERS.includes(f.gender) ||
        (f.source !== null && !SOURCES.includes(f.source)) ||
        (f.preferredChannel !== null && !CHANNELS.includes(f.preferredChannel)) ||
        f.tags.some((t) => !tagSet.includes(t)) ||
        new Set(f.tags).size !== f.tags.length,
    );
    expect(bad).toEqual([]);
  });

  it('has a realistic mix', () => {
    const share = (pred: (c: DemoCustomer) => boolean) => customers.filter(pred).length / customers.length;
    const western = (c: DemoCustomer) => /[a-z]/i.test(c.fields.name);
    expect(share(western)).toBeGreaterThan(0.05);
    expect(share(western)).toBeLessThan(0.11);
    expect(share((c) => c.fields.phones.length === 2)).toBeGreaterThan(0.11);
    expect(share((c) => c.fields.phones.length === 2)).toBeLessThan(0.19);
    expect(share((c) => c.fields.company !== '')).toBeGreaterThan(0.25);
    expect(share((c) => c.fields.company !== '')).toBeLessThan(0.35);
    expect(share((c) => c.fields.email !== '')).toBeGreaterThan(0.2);
    expect(share((c) => c.fields.birthday?.calendar === 'lunar')).toBeGreaterThan(0.08);
    expect(share((c) => c.fields.birthday !== null && c.fields.birthday.year === null)).toBeGreaterThan(0.1);
    expect(share((c) => c.fields.notes !== '')).toBeGreaterThan(0.1);
    expect(share((c) => c.fields.address !== '')).toBeGreaterThan(0.4);
    expect(share((c) => c.fields.phones.some((p) => p.normalized.startsWith('+852')))).toBeGreaterThan(0);
    expect(share((c) => c.consents.length > 0)).toBeGreaterThan(0.5);
    // Pinyin-based addresses such as zhang.wei88@qq.com.
    expect(customers.some((c) => /^[a-z]+\.[a-z]+\d*@/.test(c.fields.email))).toBe(true);
  });

  it('draws surnames by frequency: 王 李 张 刘 陈 are the five most common', () => {
    const counts = new Map<string, number>();
    for (const c of generate(7, 10_000)) {
      if (/[a-z]/i.test(c.fields.name)) continue;
      const first = c.fields.name[0]!;
      counts.set(first, (counts.get(first) ?? 0) + 1);
    }
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([s]) => s);
    expect(new Set(top)).toEqual(new Set(['王', '李', '张', '刘', '陈']));
  });
});
