import { describe, expect, it } from 'vitest';
import { makeCustomer, makePhone } from '../../test/factories/customer';
import { findDuplicateGroups, phonesLookAlike, planMerge } from './duplicates';

describe('phonesLookAlike', () => {
  it.each([
    ['8613812345678', '8613812345679', true],
    ['8613812345678', '8613812345687', true],
    ['8613812345678', '8613812345678', false],
    ['8613812345678', '8613812349999', false],
    ['8613812345678', '861381234567', false],
    ['95588', '95589', false],
  ])('%s ~ %s → %s', (a, b, expected) => {
    expect(phonesLookAlike(a, b)).toBe(expected);
  });
});

describe('findDuplicateGroups', () => {
  const birthday = { calendar: 'solar' as const, year: 1990, month: 5, day: 12, leapMonth: false };

  it('groups by the same phone, the same email, the same name and birthday, and the same name with a similar phone', () => {
    const a = makeCustomer({ name: '张三', phones: [makePhone('+8613812345678')] });
    const b = makeCustomer({ name: '张叁', phones: [makePhone('+8613812345678')] });
    const c = makeCustomer({ name: 'Li', email: 'li@x.com' });
    const d = makeCustomer({ name: 'Lee', email: 'li@x.com' });
    const e = makeCustomer({ name: '王芳', birthday });
    const f = makeCustomer({ name: '王 芳', birthday });
    const g = makeCustomer({ name: '赵六', phones: [makePhone('+8613900001111')] });
    const h = makeCustomer({ name: '赵六', phones: [makePhone('+8613900001112')] });
    const loner = makeCustomer({ name: '孤单', phones: [makePhone('+8613700000000')] });
    const sameNameOnly = makeCustomer({ name: '张三', phones: [makePhone('+8618600000000')] });
    const groups = findDuplicateGroups([a, b, c, d, e, f, g, h, loner, sameNameOnly]);
    expect(groups).toEqual([
      { ids: [a.id, b.id], reasons: ['same-phone'] },
      { ids: [c.id, d.id], reasons: ['same-email'] },
      { ids: [e.id, f.id], reasons: ['same-name-birthday'] },
      { ids: [g.id, h.id], reasons: ['same-name-similar-phone'] },
    ]);
  });

  it('joins chains into one group with every reason', () => {
    const a = makeCustomer({ name: 'A', phones: [makePhone('+8613812345678')] });
    const b = makeCustomer({ name: 'B', phones: [makePhone('+8613812345678')], email: 'b@x.com' });
    const c = makeCustomer({ name: 'C', email: 'b@x.com' });
    expect(findDuplicateGroups([a, b, c])).toEqual([{ ids: [a.id, b.id, c.id], reasons: ['same-phone', 'same-email'] }]);
  });

  it('finds nothing among many distinct customers', () => {
    const many = Array.from({ length: 2_000 }, (_, i) => makeCustomer({ name: `客户${i}`, phones: [makePhone(`+86139${String(i).padStart(8, '0')}`)] }));
    expect(findDuplicateGroups(many)).toEqual([]);
  });
});

describe('planMerge', () => {
  it('keeps picked values, combines phones and tags, and leaves consent to the history', () => {
    const survivor = makeCustomer({
      name: '张三',
      phones: [makePhone('+8613812345678', { primary: true })],
      tags: ['常客'],
      city: '杭州',
    });
    const other = makeCustomer({
      name: '张叁',
      phones: [makePhone('+8613812345678', { primary: true }), makePhone('+8613900001111', { primary: false })],
      tags: ['常客', '会员'],
      email: 'zs@x.com',
      city: '苏州',
      referredBy: survivor.id,
    });
    const merged = planMerge([survivor, other], { survivorId: survivor.id, picks: { email: other.id, referredBy: other.id } });
    expect(merged.name).toBe('张三');
    expect(merged.city).toBe('杭州');
    expect(merged.email).toBe('zs@x.com');
    expect(merged.referredBy).toBeNull();
    expect(merged.phones.map((p) => [p.normalized, p.primary])).toEqual([
      ['+8613812345678', true],
      ['+8613900001111', false],
    ]);
    expect(merged.tags).toEqual(['常客', '会员']);
    expect(merged).not.toHaveProperty('consents');
  });

  it('refuses a merge without a survivor among at least two customers', () => {
    const a = makeCustomer();
    expect(() => planMerge([a], { survivorId: a.id, picks: {} })).toThrow();
    expect(() => planMerge([a, makeCustomer()], { survivorId: 'nobody', picks: {} })).toThrow();
  });
});
