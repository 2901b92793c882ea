import { describe, expect, it } from 'vitest';
import { decodeText, weighEncodings } from './decode';
import { encodeBig5, encodeGbk, encodeUtf16 } from '../../../test/support/gbk';

const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (b: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...b]);
const isValidUtf8 = (b: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
};
const SAMPLE = '姓名,手机,备注\r\n张三,13812345678,"老客户，喜欢绿茶"\r\n李四,13912345678,\r\n';
const auto = (text: string, encoding: string, hadBom = false, chosenBy = 'text') => ({ text, encoding, hadBom, replacements: 0, chosenBy, uncertain: false });

// Deterministic "random" names: a store's customer list, short or long.
function names(seed: number, count: number, surnames: string, given: string): string[] {
  let x = seed;
  const next = (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
  return Array.from({ length: count }, () => {
    const s = [...surnames][next([...surnames].length)]!;
    const g = Array.from({ length: 1 + next(2) }, () => [...given][next([...given].length)]!).join('');
    return s + g;
  });
}
const SIMPLIFIED_SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const SIMPLIFIED_GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬斌宇浩凯健俊帆帅旭宁龙林欢阳建国志鹏海波辉鑫雪梅琳晨瑶思佳雨婷欣怡子轩梓涵';
const TRADITIONAL_SURNAMES = '陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余趙盧梁顏柯孫魏翁戴范宋方鄧杜傅侯曹溫薛丁馬蔣唐卓藍馮姚石董紀歐程連古汪湯姜田康鄒白涂尤巫韓龔嚴袁鐘黎金阮陸倪夏童邵柳錢';
const TRADITIONAL_GIVEN = '志明美玲雅婷家豪建宏淑芬俊傑怡君文華偉佳慧宗翰冠宇欣儀詩涵子軒承恩宥廷品妤柏睿心語思妍嘉穎麗珍秀英國強淑惠信宏耀德瑞珊';
// Level-1 GBK characters whose two bytes are also a UTF-8 sequence (lead C2–DF, trail A1–BF): names
// made only of them, with digits and commas, are valid UTF-8 from start to end.
const looksLikeUtf8 = (ch: string) => {
  const [lead, trail] = encodeGbk(ch);
  return lead! >= 0xc2 && lead! <= 0xdf && trail! >= 0xa1 && trail! <= 0xbf;
};
const UTF8_LOOKING_SURNAMES = [...'卢鲁陆路毛梅莫牛欧钱石史施谭童韦魏谢薛姚叶袁郑朱庄卓'].filter(looksLikeUtf8).join('');
const UTF8_LOOKING_GIVEN = [...'盛胜圣诗帅双爽顺思斯泰通彤伟维喜霞小孝笑学雪勋寻迅一医英樱鹰莹迎盈影颖映庸雍泳涌裕豫渊元原园圆源远苑愿越跃展战芝枝知之直志注祝专壮卓梅眉玫枚墨默木目农女暖诺平萍苹千迁谦乾前强权泉全群然燃冉桑森莎沙珊山'].filter(looksLikeUtf8).join('');

function csv(header: string, rows: string[]): string {
  return [header, ...rows.map((n, i) => `${n},139${String(10000000 + i * 7919).slice(-8)}`)].join('\r\n') + '\r\n';
}

describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(utf8(SAMPLE))).toEqual(auto(SAMPLE, 'utf-8'));
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    expect(decodeText(withBom(utf8(SAMPLE)))).toEqual(auto(SAMPLE, 'utf-8', true, 'bom'));
  });

  it('knows the GBK bytes of 张三 (hand-written, independent of the helper)', () => {
    const bytes = new Uint8Array([0xd5, 0xc5, 0xc8, 0xfd]);
    expect(decodeText(bytes)).toEqual(auto('张三', 'gb18030'));
    expect([...encodeGbk('张三')]).toEqual([0xd5, 0xc5, 0xc8, 0xfd]);
  });

  it('knows the Big5 bytes of 陳大文 (hand-written, independent of the helper)', () => {
    const bytes = new Uint8Array([0xb3, 0xaf, 0xa4, 0x6a, 0xa4, 0xe5]);
    expect(decodeText(bytes)).toEqual(auto('陳大文', 'big5'));
    expect([...encodeBig5('陳大文')]).toEqual([...bytes]);
  });

  it('falls back to GB18030 for a file saved as GBK by Chinese Excel', () => {
    const bytes = encodeGbk(SAMPLE);
    // Proves the file really is not UTF-8.
    expect(isValidUtf8(bytes)).toBe(false);
    expect(decodeText(bytes)).toEqual(auto(SAMPLE, 'gb18030'));
  });

  it('reads UTF-16 LE and BE with a BOM, and UTF-16 LE without one', () => {
    expect(decodeText(encodeUtf16(SAMPLE, 'le', true))).toEqual(auto(SAMPLE, 'utf-16le', true, 'bom'));
    expect(decodeText(encodeUtf16(SAMPLE, 'be', true))).toEqual(auto(SAMPLE, 'utf-16be', true, 'bom'));
    const latin = 'Name\tPhone\r\nAnna\t+49 221 1234567\r\n';
    expect(decodeText(encodeUtf16(latin, 'le', false))).toEqual(auto(latin, 'utf-16le', false, 'pattern'));
  });

  it('keeps nearly-valid UTF-8 as UTF-8 (a stray byte, a cut-off last character) and counts the damage', () => {
    const body = utf8(SAMPLE.repeat(3));
    const stray = new Uint8Array([...body.subarray(0, 20), 0xff, ...body.subarray(20)]);
    expect(decodeText(stray)).toMatchObject({ encoding: 'utf-8', replacements: 1 });
    // A file cut off inside its last character: the first two of the three bytes of 客.
    const truncated = new Uint8Array([...body, 0xe5, 0xae]);
    expect(decodeText(truncated)).toMatchObject({ encoding: 'utf-8', replacements: 1 });
    // Real GBK is still recognised as such.
    expect(decodeText(encodeGbk(SAMPLE.repeat(3)))).toMatchObject({ encoding: 'gb18030', replacements: 0 });
  });

  it('honours a manual override', () => {
    const gbk = encodeGbk('张三');
    expect(decodeText(gbk, 'gb18030')).toMatchObject({ text: '张三', chosenBy: 'user' });
    // Forced UTF-8 does not fail: bad bytes become U+FFFD, the user sees it in the preview.
    expect(decodeText(gbk, 'utf-8').text).toContain('\uFFFD');
    expect(decodeText(withBom(utf8('张三')), 'utf-8')).toEqual({ ...auto('张三', 'utf-8', true, 'user') });
    expect(decodeText(encodeBig5('陳大文'), 'big5').text).toBe('陳大文');
  });

  it('handles empty and pure ASCII input', () => {
    expect(decodeText(new Uint8Array())).toEqual(auto('', 'utf-8'));
    expect(decodeText(utf8('Name,Phone\r\nAnn,123\r\n'))).toEqual(auto('Name,Phone\r\nAnn,123\r\n', 'utf-8'));
  });
});

describe('encoding chosen by how the text reads', () => {
  const sizes = [1, 2, 3, 5, 10, 40, 300];

  it('reads files of common simplified names in UTF-8 and GBK, short and long, as what they are', () => {
    for (const [seed, count] of sizes.entries()) {
      for (const header of ['姓名,手机', 'name,phone', '']) {
        const text = csv(header, names(seed + 1, count, SIMPLIFIED_SURNAMES, SIMPLIFIED_GIVEN));
        expect(decodeText(utf8(text)), `utf-8 ${count} ${header}`).toMatchObject({ encoding: 'utf-8', text });
        expect(decodeText(encodeGbk(text)), `gbk ${count} ${header}`).toMatchObject({ encoding: 'gb18030', text });
      }
    }
  });

  it('reads files of Taiwan and Hong Kong names in Big5 as Big5, and in UTF-8 as UTF-8', () => {
    for (const [seed, count] of sizes.entries()) {
      for (const header of ['姓名,電話', 'name,phone', '']) {
        const text = csv(header, names(seed + 7, count, TRADITIONAL_SURNAMES, TRADITIONAL_GIVEN));
        expect(decodeText(encodeBig5(text)), `big5 ${count} ${header}`).toMatchObject({ encoding: 'big5', text });
        expect(decodeText(utf8(text)), `utf-8 ${count} ${header}`).toMatchObject({ encoding: 'utf-8', text });
      }
    }
  });

  it('reads GBK files whose bytes happen to be valid UTF-8 as GBK, not as mojibake', () => {
    expect(UTF8_LOOKING_SURNAMES.length).toBeGreaterThanOrEqual(12);
    expect(UTF8_LOOKING_GIVEN.length).toBeGreaterThanOrEqual(40);
    let checked = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const count = [1, 2, 3, 4, 6, 12, 50][seed % 7]!;
      const text = csv(seed % 2 ? 'name,phone' : '', names(seed, count, UTF8_LOOKING_SURNAMES, UTF8_LOOKING_GIVEN));
      const bytes = encodeGbk(text);
      expect(isValidUtf8(bytes), text).toBe(true);
      expect(decodeText(bytes), text).toMatchObject({ encoding: 'gb18030', text });
      checked++;
    }
    expect(checked).toBe(30);
    // One name alone in a file: the shortest case.
    for (const name of ['叶小英', '谢雪', '姚思远', '卓越', '庄莹', '钱盈盈', '袁圆', '梅']) {
      const bytes = encodeGbk(`${name},13800138000\r\n`);
      expect(isValidUtf8(bytes), name).toBe(true);
      expect(decodeText(bytes).text, name).toBe(`${name},13800138000\r\n`);
    }
  });

  it('keeps UTF-8 with accented, Greek and Cyrillic names as UTF-8', () => {
    for (const text of ['Name,Phone\nJosé Müller,+49 221 1234567\n', 'name\nZoë\n', 'Имя,Телефон\nИван Петров,+7 495 123 45 67\n', 'Όνομα\nΕλένη\n', '姓名\n张三 José\n']) {
      expect(decodeText(utf8(text)), text).toMatchObject({ encoding: 'utf-8', text });
    }
  });

  it('keeps UTF-8 prices with currency signs as UTF-8 (£ read as GBK is 拢, ¥ is 楼)', () => {
    for (const text of [
      'a,b\nx,£3\n',
      'InvoiceNo,UnitPrice\n536365,£2.55\n536366,£3.39\n',
      'Item,Price\nTea,¥30\nCake,¥12\n',
      'name,amount\nAnn,€5\n',
      'name,amount\nAnn,12€\nBo,3.50€\n',
      'Order,Total\nA1,¢99\n',
    ]) {
      expect(decodeText(utf8(text)), text).toMatchObject({ encoding: 'utf-8', text });
    }
  });

  it('still reads a GBK price list as GBK', () => {
    const text = '商品,价格\n茶叶,30元\n月饼,12元\n';
    expect(decodeText(encodeGbk(text))).toMatchObject({ encoding: 'gb18030', text });
  });

  it('says when another encoding reads nearly as well', () => {
    // Two Cyrillic words read as GBK make plausible Chinese characters too.
    expect(decodeText(utf8('Иванов\n'))).toMatchObject({ encoding: 'utf-8', uncertain: true });
    expect(decodeText(encodeGbk(csv('姓名,手机', names(3, 20, SIMPLIFIED_SURNAMES, SIMPLIFIED_GIVEN))))).toMatchObject({ uncertain: false });
  });

  it('weighs every candidate, best first', () => {
    const weighed = weighEncodings(encodeBig5('陳大文,0912345678\n'));
    expect(weighed.map((w) => w.encoding)).toEqual(['big5', 'gb18030', 'utf-8']);
  });
});
