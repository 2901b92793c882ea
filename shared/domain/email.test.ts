import { describe, expect, it } from 'vitest';
import { validateEmail } from './email';

describe('validateEmail', () => {
  it('allows no e-mail', () => {
    expect(validateEmail('')).toEqual({ ok: true, value: '' });
    expect(validateEmail('   ')).toEqual({ ok: true, value: '' });
  });

  it.each([
    ['zhang.wei88@qq.com', 'zhang.wei88@qq.com'],
    ['  li_na@163.com ', 'li_na@163.com'],
    ['Anna.Muller@GMAIL.COM', 'Anna.Muller@gmail.com'],
    ['a+shop@example.com.cn', 'a+shop@example.com.cn'],
    ['ｗａｎｇ＠ｑｑ．ｃｏｍ', 'wang@qq.com'],
  ])('accepts %s', (raw, value) => {
    expect(validateEmail(raw)).toEqual({ ok: true, value });
  });

  it.each(['zhang', 'zhang@', '@qq.com', 'zhang@qq', 'a..b@qq.com', 'zhang wei@qq.com', 'a@b@qq.com', '张三@qq.com', 'a@-qq.com', 'a@qq.c'])(
    'rejects %s',
    (raw) => {
      expect(validateEmail(raw)).toEqual({ ok: false, reason: 'email-invalid' });
    },
  );

  it('rejects addresses longer than 254 characters', () => {
    expect(validateEmail(`${'a'.repeat(64)}@${'b'.repeat(190)}.com`).ok).toBe(false);
  });
});
