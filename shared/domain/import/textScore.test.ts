import { describe, expect, it } from 'vitest';
import { platformTextDecoder } from './decode';
import { commonHanCharacters, plausibilityScore } from './textScore';

const score = (text: string) => plausibilityScore(text, platformTextDecoder);

describe('plausibilityScore', () => {
  it('knows the common characters, simplified and traditional, from the platform decoders', () => {
    const common = commonHanCharacters(platformTextDecoder);
    for (const ch of '张王李陈刘的一是在了陳劉張國華') expect(common.has(ch.codePointAt(0)!), ch).toBe(true);
    for (const ch of '亍鼗丌') expect(common.has(ch.codePointAt(0)!), ch).toBe(false);
    expect(common.size).toBeGreaterThan(6500);
  });

  it('scores common Chinese above rare characters, symbols and replacement characters', () => {
    expect(score('张三李四')).toBe(8);
    expect(score('亍鼗')).toBeLessThan(0);
    expect(score('\uFFFD\uFFFD')).toBeLessThan(score('亍鼗'));
    expect(score('\uE000')).toBeLessThan(0);
  });

  it('counts words in one script and everyday letters, not mixtures', () => {
    expect(score('Müller José Иванов Ελένη')).toBeGreaterThan(0);
    // GBK's 叶小英 read as UTF-8, and UTF-8's 张三 read as Latin-1.
    expect(score('ҶСӢ')).toBeLessThan(0);
    expect(score('å¼ ä¸‰')).toBeLessThan(0);
    expect(score('ИвАнов')).toBeLessThan(0);
  });

  it('does not count a Chinese character glued to Latin letters (José read as GBK)', () => {
    expect(score('Jos茅')).toBe(0);
    expect(score('VIP会员')).toBe(2);
  });

  it('looks at the first characters only when told', () => {
    expect(plausibilityScore('张三李四', platformTextDecoder, 2)).toBe(4);
  });
});
