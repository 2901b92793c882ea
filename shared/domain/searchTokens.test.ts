import ExcelJS from 'exceljs';
import { pinyin } from 'pinyin-pro';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedPhone } from './phone';
import { validatePhone } from './phone';
import {
  MAX_SEARCH_TOKENS,
  MAX_TOKEN_LENGTH,
  buildSearchTokens,
  matchesAllTerms,
  nameSortKey,
  normalizeSearchQuery,
} from './searchTokens';

const SURNAMES_XLSX = new URL('../../../shared/data/chinese-surnames.xlsx', import.meta.url);

const phone = (raw: string): NormalizedPhone => {
  const r = validatePhone(raw, 'CN', { keepAsIs: true });
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const tokensOf = (name: string, extra: Partial<Parameters<typeof buildSearchTokens>[0]> = {}) =>
  buildSearchTokens({ name, phones: [], email: '', ...extra });
const finds = (tokens: string[], query: string) => matchesAllTerms(tokens, normalizeSearchQuery(query));

describe('surname readings', () => {
  // Checked literally. 种 秘 洗 藏 are readings pinyin-pro 3.29.4 gets wrong even in surname mode,
  // which searchTokens corrects.
  const CORRECTED = ['种', '秘', '洗', '藏'];
  const KNOWN: [string, string, string][] = [
    ['种', 'chong', 'c'],
    ['秘', 'bi', 'b'],
    ['洗', 'xian', 'x'],
    ['藏', 'zang', 'z'],
    ['单', 'shan', 's'],
    ['曾', 'zeng', 'z'],
    ['解', 'xie', 'x'],
    ['区', 'ou', 'o'],
    ['朴', 'piao', 'p'],
    ['尉迟', 'yuchi', 'yc'],
    ['欧阳', 'ouyang', 'oy'],
    ['皇甫', 'huangfu', 'hf'],
    ['万俟', 'moqi', 'mq'],
    ['长孙', 'zhangsun', 'zs'],
    ['乐', 'yue', 'y'],
    ['仇', 'qiu', 'q'],
    ['查', 'zha', 'z'],
    ['盖', 'ge', 'g'],
    ['覃', 'qin', 'q'],
    ['召', 'shao', 's'],
    ['繁', 'po', 'p'],
    ['翟', 'zhai', 'z'],
  ];

  it.each(KNOWN)('%s reads %s', (surname, reading, initials) => {
    const tokens = tokensOf(`${surname}小明`);
    expect(tokens).toContain(`${reading}xiaoming`);
    expect(tokens).toContain(`${initials}xm`);
    expect(tokens).toContain('xiaoming');
    expect(tokens).toContain('xm');
    expect(finds(tokens, reading)).toBe(true);
    expect(nameSortKey(`${surname}小明`).replace(/ /g, '')).toBe(`${reading}xiaoming`);
  });

  it('reads a surname character as a surname only at the start of the name', () => {
    expect(tokensOf('曾小曾')).toContain('zengxiaoceng');
    expect(tokensOf('李单')).toContain('lidan');
  });

  describe('every surname in the Chinese-Names-Corpus table', () => {
    let surnames: string[] = [];
    beforeAll(async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(decodeURIComponent(SURNAMES_XLSX.pathname));
      const sheet = workbook.getWorksheet('中文姓氏1074个');
      if (!sheet) throw new Error('sheet missing');
      const header = sheet.getRow(1).values as unknown[];
      const nameCol = header.indexOf('NameB');
      expect(header.indexOf('TF')).toBeGreaterThan(0);
      sheet.eachRow((row, n) => {
        if (n > 1) surnames.push(String(row.getCell(nameCol).value).trim());
      });
      surnames = surnames.filter((s) => s !== '');
    });

    it('reads 1,074 surnames', () => {
      expect(surnames).toHaveLength(1074);
    });

    it('gives the surname-mode full pinyin and initials for S + 小明', () => {
      const missing: string[] = [];
      for (const s of surnames.filter((x) => !CORRECTED.includes(x))) {
        const syllables = pinyin(`${s}小明`, { mode: 'surname', surname: 'head', toneType: 'none', type: 'array', v: true });
        const full = syllables.join('');
        const initials = syllables.map((x) => x[0]).join('');
        const tokens = tokensOf(`${s}小明`);
        if (!tokens.includes(full) || !tokens.includes(initials) || !tokens.includes(s + '小明')) missing.push(s);
      }
      expect(missing).toEqual([]);
    });
  });
});

describe('buildSearchTokens', () => {
  it('finds 张三 by initials, pinyin from any syllable, and characters', () => {
    const tokens = tokensOf('张三');
    for (const q of ['zs', 'z', 'zhang', 'zhangsan', 'zhangs', 'san', 's', '张', '张三', '三', 'zhang san', 'ZS', 'ｚｓ']) {
      expect(finds(tokens, q), q).toBe(true);
    }
    for (const q of ['zx', 'li', '李', 'sanzhang', 'zsx', '张四']) {
      expect(finds(tokens, q), q).toBe(false);
    }
  });

  it('makes every part of a Chinese name a prefix', () => {
    const tokens = tokensOf('张三丰');
    for (const q of ['张三丰', '三丰', '丰', 'sanfeng', 'feng', 'sf', 'f', 'zsf']) expect(finds(tokens, q), q).toBe(true);
    expect(tokens).toEqual(expect.arrayContaining(['张三丰', '三丰', '丰', 'zhangsanfeng', 'sanfeng', 'feng', 'zsf', 'sf', 'f']));
  });

  it('ignores spaces and middle dots in Chinese names', () => {
    const tokens = tokensOf(' 张 三 ');
    expect(tokens).toContain('张三');
    expect(finds(tokensOf('阿依古丽·买买提'), '买买提')).toBe(true);
    expect(finds(tokensOf('阿依古丽·买买提'), 'ayiguli')).toBe(true);
  });

  it('spells ü both as v and u', () => {
    const tokens = tokensOf('吕小女');
    expect(finds(tokens, 'lv')).toBe(true);
    expect(finds(tokens, 'lu')).toBe(true);
    expect(finds(tokens, 'lxn')).toBe(true);
  });

  it('finds Western names by each word, the concatenation, with or without diacritics', () => {
    const tokens = tokensOf('Anna Müller');
    expect(tokens).toEqual(expect.arrayContaining(['annamuller', 'anna', 'muller']));
    for (const q of ['mul', 'Müller', 'MULLER', 'anna', 'anna mül', 'annamu', 'Ann']) expect(finds(tokens, q), q).toBe(true);
    expect(finds(tokens, 'ller')).toBe(false);
    expect(finds(tokensOf('Jean-Luc Picard'), 'luc')).toBe(true);
    expect(finds(tokensOf('Jean-Luc Picard'), 'jean-luc')).toBe(true);
    expect(finds(tokensOf('José García'), 'garcia jose')).toBe(true);
  });

  it('handles mixed Chinese and Latin names', () => {
    const tokens = tokensOf('王小明Tom');
    for (const q of ['tom', 'wxm', 'xiaoming', '小明tom', 'wangxiaoming']) expect(finds(tokens, q), q).toBe(true);
  });

  it('finds a mobile number by any run of its digits', () => {
    const tokens = tokensOf('张三', { phones: [phone('138 1234 5678')] });
    for (const q of ['5678', '1234', '138', '13812345678', '138 1234', '138-1234-5678', '8613812345678', '+86 138', '１３８', '2345']) {
      expect(finds(tokens, q), q).toBe(true);
    }
    expect(finds(tokens, '5679')).toBe(false);
    expect(finds(tokens, '+1 138')).toBe(false);
  });

  it('finds a landline by its area code with the trunk 0, and kept numbers by their digits', () => {
    const tokens = tokensOf('李四', { phones: [phone('0755-8888 7777'), phone('95588')] });
    for (const q of ['0755', '0755 8888', '(0755) 8888-7777', '7777', '755', '95588', '5588', '86755']) expect(finds(tokens, q), q).toBe(true);
  });

  it('finds the e-mail, its local part and its domain', () => {
    const tokens = tokensOf('张伟', { email: 'Zhang.Wei88@QQ.com' });
    expect(tokens).toEqual(expect.arrayContaining(['zhang.wei88@qq.com', 'zhang.wei88', 'qq.com']));
    for (const q of ['zhang.wei88@qq.com', 'Zhang.Wei', 'qq.com', 'qq', 'zhang.wei88@']) expect(finds(tokens, q), q).toBe(true);
  });

  it('finds the company by any part', () => {
    const tokens = tokensOf('张伟', { company: '腾讯科技（深圳）有限公司' });
    for (const q of ['腾讯', '深圳', '有限公司']) expect(finds(tokens, q), q).toBe(true);
    expect(finds(tokensOf('Anna', { company: 'Acme Trading Ltd.' }), 'trading')).toBe(true);
  });

  it('combines terms across fields', () => {
    const tokens = tokensOf('张三', { phones: [phone('13812345678')], email: 'zs@163.com' });
    expect(finds(tokens, 'zs 5678')).toBe(true);
    expect(finds(tokens, '张 163')).toBe(true);
    expect(finds(tokens, 'zs 9999')).toBe(false);
  });

  it('returns lower-case, distinct tokens', () => {
    const tokens = tokensOf('Anna ANNA', { phones: [phone('13812345678'), phone('+86 138 1234 5678')], email: 'A@B.com' });
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const t of tokens) expect(t).toBe(t.toLowerCase());
  });

  it('returns nothing for an empty customer', () => {
    expect(tokensOf('')).toEqual([]);
    expect(tokensOf('   ')).toEqual([]);
  });

  it('caps the number and length of tokens', () => {
    const junk = '张'.repeat(300) + ' ' + 'abcdefghij '.repeat(100);
    const phones = Array.from({ length: 10 }, (_, i) => phone(`1381234567${i}`));
    const tokens = tokensOf(junk, { phones, email: `${'x'.repeat(60)}@example.com`, company: '公'.repeat(200) });
    expect(tokens.length).toBeLessThanOrEqual(MAX_SEARCH_TOKENS);
    for (const t of tokens) expect([...t].length).toBeLessThanOrEqual(MAX_TOKEN_LENGTH);
    // A long query is cut the same way, so it still finds the long name.
    expect(finds(tokens, '张'.repeat(60))).toBe(true);
  });

  it('keeps a typical customer small', () => {
    const tokens = tokensOf('欧阳娜娜', { phones: [phone('13812345678')], email: 'ouyang@163.com' });
    expect(tokens.length).toBeLessThan(40);
  });
});

describe('nameSortKey', () => {
  const sorted = (names: string[]) => [...names].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : nameSortKey(a) > nameSortKey(b) ? 1 : 0));

  it('sorts Chinese names by pinyin', () => {
    expect(sorted(['张三', '白云', '艾米', '李四'])).toEqual(['艾米', '白云', '李四', '张三']);
    expect(sorted(['张三', '湛蓝'])).toEqual(['湛蓝', '张三']);
    expect(sorted(['曾伟', '蔡伟'])).toEqual(['蔡伟', '曾伟']); // 曾 as a surname is zeng
  });

  it('interleaves Western names alphabetically, case and accents folded', () => {
    expect(nameSortKey('Anna  Müller')).toBe('anna muller');
    expect(sorted(['Zoe', '白云', 'anna', 'Émile'])).toEqual(['anna', '白云', 'Émile', 'Zoe']);
  });

  it('gives pinyin with syllables separated', () => {
    expect(nameSortKey('欧阳娜娜')).toBe('ou yang na na');
    expect(nameSortKey('王小明Tom')).toBe('wang xiao ming tom');
    expect(nameSortKey('')).toBe('');
  });
});
