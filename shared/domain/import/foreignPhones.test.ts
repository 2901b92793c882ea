import { describe, expect, it } from 'vitest';
import { foreignLookingPhone } from './foreignPhones';

describe('foreignLookingPhone', () => {
  it('suspects North American numbers that happen to be valid Chinese landlines, and guesses their country', () => {
    expect(foreignLookingPhone('416 535 5341', 'CN')).toEqual({ region: 'CA', international: '+14165355341' });
    expect(foreignLookingPhone('(416) 535-5341', 'CN')).toEqual({ region: 'CA', international: '+14165355341' });
  });

  it('suspects a Chinese landline written without its 0, with no guess', () => {
    expect(foreignLookingPhone('755 8888 8888', 'CN')).toEqual({ region: null, international: null });
  });

  it('leaves numbers written as the store region writes them, or with a country code', () => {
    for (const raw of ['13812345678', '0755-8888 8888', '010 6512 3456', '400-820-8820', '+1 416 535 5341', '0014165355341', '(+86)13800138006']) {
      expect(foreignLookingPhone(raw, 'CN'), raw).toBeNull();
    }
    // Not a valid number of the region at all: the validator names it; nothing to suspect here.
    expect(foreignLookingPhone('(404) 555-1212', 'CN')).toBeNull();
    expect(foreignLookingPhone('95588', 'CN')).toBeNull();
  });

  it('works from other store regions', () => {
    expect(foreignLookingPhone('416 535 5341', 'CA')).toBeNull();
    expect(foreignLookingPhone('2123 4567', 'HK')).toBeNull();
  });
});
