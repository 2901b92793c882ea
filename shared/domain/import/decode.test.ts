import { describe, expect, it } from 'vitest';
import { decodeText } from './decode';
import { encodeGbk, encodeUtf16 } from './testing/gbk';

const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (b: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...b]);
const SAMPLE = '姓名,手机,备注\r\n张三,13812345678,"老客户，喜欢绿茶"\r\n李四,13912345678,\r\n';

describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(utf8(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'utf-8', hadBom: false, replacements: 0 });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    expect(decodeText(withBom(utf8(SAMPLE)))).toEqual({ text: SAMPLE, encoding: 'utf-8', hadBom: true, replacements: 0 });
  });

  it('knows the GBK bytes of 张三 (hand-written, independent of the helper)', () => {
    const bytes = new Uint8Array([0xd5, 0xc5, 0xc8, 0xfd]);
    expect(decodeText(bytes)).toEqual({ text: '张三', encoding: 'gb18030', hadBom: false, replacements: 0 });
    expect([...encodeGbk('张三')]).toEqual([0xd5, 0xc5, 0xc8, 0xfd]);
  });

  it('falls back to GB18030 for a file saved as GBK by Chinese Excel', () => {
    const bytes = encodeGbk(SAMPLE);
    // Proves the file really is not UTF-8.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeText(bytes)).toEqual({ text: SAMPLE, encoding: 'gb18030', hadBom: false, replacements: 0 });
  });

  it('reads UTF-16 LE and BE with a BOM, and UTF-16 LE without one', () => {
    expect(decodeText(encodeUtf16(SAMPLE, 'le', true))).toEqual({ text: SAMPLE, encoding: 'utf-16le', hadBom: true, replacements: 0 });
    expect(decodeText(encodeUtf16(SAMPLE, 'be', true))).toEqual({ text: SAMPLE, encoding: 'utf-16be', hadBom: true, replacements: 0 });
    const latin = 'Name\tPhone\r\nAnna\t+49 221 1234567\r\n';
    expect(decodeText(encodeUtf16(latin, 'le', false))).toEqual({ text: latin, encoding: 'utf-16le', hadBom: false, replacements: 0 });
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
    expect(decodeText(gbk, 'gb18030').text).toBe('张三');
    // Forced UTF-8 does not fail: bad bytes become U+FFFD, the user sees it in the preview.
    expect(decodeText(gbk, 'utf-8').text).toContain('\uFFFD');
    expect(decodeText(withBom(utf8('张三')), 'utf-8')).toEqual({ text: '张三', encoding: 'utf-8', hadBom: true, replacements: 0 });
  });

  it('handles empty input', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', hadBom: false, replacements: 0 });
  });
});
