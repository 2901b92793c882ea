import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDelimited } from './delimited';
import { amountCellMark, findFileCurrencies, foreignCurrencies, headerMarks } from './fileCurrency';
import type { TabularData } from './tabular';

const table = (headers: string[], rows: string[][]): TabularData => ({ headers, rows, rowNumbers: rows.map((_, i) => i + 2) });

describe('amountCellMark', () => {
  it('finds a sign or code before or after the number', () => {
    expect(['£2.55', '-£2.55', 'US$ 12', 'HK$30', '12.50 USD', '12.50 usd', '€1.234,50', 'GBP 3', '¥12', '12元', 'RMB 8', 'RM 8', 'NT$100', '(£5.00)'].map(amountCellMark)).toEqual(
      ['£', '£', 'US$', 'HK$', 'USD', 'USD', '€', 'GBP', '¥', '元', 'RMB', 'RM', 'NT$', '£'],
    );
  });

  it('finds nothing in a plain number, text or an empty cell', () => {
    expect(['2.55', '-3', '1,234.50', '', 'free', 'USD', '12 apples'].map(amountCellMark)).toEqual([null, null, null, null, null, null, null]);
  });
});

describe('headerMarks', () => {
  it('reads codes as whole words, signs and names anywhere', () => {
    expect(headerMarks('UnitPrice (GBP)')).toEqual(['GBP']);
    expect(headerMarks('金额（美元）')).toEqual(['美元']);
    expect(headerMarks('Price £')).toEqual(['£']);
    expect(headerMarks('单价(元)')).toEqual(['元']);
    expect(headerMarks('澳门元金额')).toEqual(['澳门元']);
    expect(headerMarks('Amount')).toEqual([]);
    expect(headerMarks('Eurostar fare')).toEqual([]);
  });
});

describe('findFileCurrencies', () => {
  it('names the UCI Online Retail sample as sterling, which a yuan store does not hold', () => {
    const raw = readFileSync(new URL('../../../../shared/data/online-retail-sample.csv', import.meta.url), 'utf8');
    const t = parseDelimited(raw);
    const found = findFileCurrencies({ table: t, moneyColumns: [t.headers.indexOf('UnitPrice')], format: 'online-retail' });
    expect(found).toEqual([{ mark: 'Online Retail (UCI)', currencies: ['GBP'], source: 'format', column: '', rowNumber: null, count: 1 }]);
    expect(foreignCurrencies(found, 'CNY')).toHaveLength(1);
    expect(foreignCurrencies(found, 'GBP')).toHaveLength(0);
  });

  it('collects signs in cells, a header code and a currency column, with the first row and a count', () => {
    const t = table(['Date', 'Amount (USD)', 'Currency', 'Note'], [
      ['2025-01-01', '£2.55', 'GBP', '$5 off'],
      ['2025-01-02', '12.00', 'gbp', ''],
      ['2025-01-03', '£3', 'USD', ''],
    ]);
    const found = findFileCurrencies({ table: t, moneyColumns: [1] });
    expect(found).toEqual([
      { mark: 'USD', currencies: ['USD'], source: 'header', column: 'Amount (USD)', rowNumber: null, count: 1 },
      { mark: '£', currencies: ['GBP'], source: 'cell', column: 'Amount (USD)', rowNumber: 2, count: 2 },
      { mark: 'GBP', currencies: ['GBP'], source: 'column', column: 'Currency', rowNumber: 2, count: 2 },
      { mark: 'USD', currencies: ['USD'], source: 'column', column: 'Currency', rowNumber: 4, count: 1 },
    ]);
    expect(foreignCurrencies(found, 'USD').map((e) => e.mark)).toEqual(['£', 'GBP']);
  });

  it('takes ambiguous signs as fitting any store they can mean', () => {
    const dollars = findFileCurrencies({ table: table(['金额'], [['$12'], ['¥8'], ['8元']]), moneyColumns: [0] });
    expect(foreignCurrencies(dollars, 'HKD').map((e) => e.mark)).toEqual(['¥']);
    expect(foreignCurrencies(dollars, 'CNY').map((e) => e.mark)).toEqual(['$']);
    expect(foreignCurrencies(dollars, 'JPY').map((e) => e.mark)).toEqual(['$', '元']);
  });

  it('finds nothing in a plain file of numbers', () => {
    expect(findFileCurrencies({ table: table(['金额'], [['12'], ['8.50']]), moneyColumns: [0] })).toEqual([]);
  });
});
