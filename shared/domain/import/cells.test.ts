import { describe, expect, it } from 'vitest';
import { unwrapExcelTextFormula, unwrapExcelTextFormulas } from './cells';

describe("Excel's =\"…\" text cells", () => {
  it('reads ="13800138000" and its kin as the text', () => {
    expect(unwrapExcelTextFormula('="13800138000"')).toBe('13800138000');
    expect(unwrapExcelTextFormula('="013800138000"')).toBe('013800138000');
    expect(unwrapExcelTextFormula(' = "0755-88888888" ')).toBe('0755-88888888');
    expect(unwrapExcelTextFormula('="say ""hi"""')).toBe('say "hi"');
    expect(unwrapExcelTextFormula('=""')).toBe('');
  });

  it('leaves every other cell alone', () => {
    for (const text of ['13800138000', '=SUM(A1:A2)', '="a" & "b"', '"quoted"', '=', '张三', '="unclosed']) expect(unwrapExcelTextFormula(text), text).toBe(text);
  });

  it('works over a table', () => {
    expect(unwrapExcelTextFormulas({ rows: [['张三', '="13800138000"']] }).rows).toEqual([['张三', '13800138000']]);
  });
});
