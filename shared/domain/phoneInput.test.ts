import { describe, expect, it } from 'vitest';
import { validatePhone } from './phone';
import { cleanPhoneInput } from './phoneInput';

describe('a country code in brackets', () => {
  it('reads (+86)13800138006 as +86 13800138006, in the form as in imports', () => {
    expect(cleanPhoneInput('(+86)13800138006')).toBe('+86 13800138006');
    expect(cleanPhoneInput('（＋８６）１３８００１３８００６')).toBe('+86 13800138006');
    expect(validatePhone('(+852) 2123 4567', 'CN', { keepAsIs: false })).toEqual({ ok: true, value: { normalized: '+85221234567', kind: 'validated' } });
    // An area code in brackets is left alone.
    expect(cleanPhoneInput('(0755) 8888 8888')).toBe('(0755) 8888 8888');
  });
});
