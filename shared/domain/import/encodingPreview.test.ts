import { describe, expect, it } from 'vitest';
import { parseDelimited } from './delimited';
import { sampleColumn, samplesInOtherEncodings, sampleValues } from './encodingPreview';
import { encodeBig5, encodeGbk } from '../../../test/support/gbk';

const FILE = 'id,姓名,电话\r\n1,张三,13812345678\r\n2,,13912345678\r\n3,李四,13712345678\r\n4,王五,\r\n5,赵六,\r\n';

describe('encoding samples', () => {
  it('picks the name column, else the first column with Chinese text', () => {
    const table = parseDelimited(FILE);
    expect(sampleColumn(table, 1)).toBe(1);
    expect(sampleColumn(table, undefined)).toBe(1);
    expect(sampleColumn(parseDelimited('a,b\r\n1,2\r\n'), undefined)).toBe(0);
  });

  it('shows the first three non-empty values, those with non-ASCII text first', () => {
    const table = parseDelimited(FILE);
    expect(sampleValues(table, 1)).toEqual(['张三', '李四', '王五']);
    expect(sampleValues(table, 0)).toEqual(['1', '2', '3']);
  });

  it('reads the same names in the other encodings, so the clerk can compare', () => {
    const samples = samplesInOtherEncodings(encodeGbk(FILE), 'gb18030', 1);
    expect(samples.map((s) => s.encoding)).toEqual(['utf-8', 'big5']);
    for (const s of samples) {
      expect(s.values).toHaveLength(3);
      expect(s.values).not.toContain('张三');
    }
    const big5 = encodeBig5('姓名,電話\r\n陳大文,0912345678\r\n');
    const fromUtf8 = samplesInOtherEncodings(big5, 'utf-8', 0);
    expect(fromUtf8.find((s) => s.encoding === 'big5')!.values).toEqual(['陳大文']);
  });

  it('cuts a long file at a line end', () => {
    const long = FILE + '6,孙七,13612345678\r\n'.repeat(5000);
    const samples = samplesInOtherEncodings(new TextEncoder().encode(long), 'gb18030', 1);
    expect(samples.find((s) => s.encoding === 'utf-8')!.values).toEqual(['张三', '李四', '王五']);
  });
});
